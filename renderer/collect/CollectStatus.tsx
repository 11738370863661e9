/**
 * The status view of a collect: one line per unit of the district table — received (from which
 * file; old → new where a figure is replaced), missing, in conflict (why; for two files that
 * disagree, a choice of the file to take) — with a box to accept it, then the rows that match no unit, the files set aside, and the errors found in the files
 * (their own sheet and cell).
 */
import type { CollectView } from '../../shared/api';
import type { CellValue } from '../../shared/model';
import { decimalsNeeded, formatNumber } from '../../shared/numbers';
import { t } from '../i18n';
import { CheckboxField } from '../dialogs/CheckboxField';

interface CollectStatusProps {
  view: CollectView;
  chosen: ReadonlySet<number>;
  onChoose(next: Set<number>): void;
  /** The file taken for a unit whose files disagree (its index among the unit's files). */
  picks: ReadonlyMap<number, number>;
  onPick(rowIndex: number, file: number): void;
}

const show = (v: CellValue) =>
  v === null ? '∅' : typeof v === 'number' ? formatNumber(v, decimalsNeeded(v)) : v;

function changesText(unit: CollectView['units'][number]): string {
  if (unit.status === 'missing') return '';
  if (unit.conflict) return unit.conflict;
  if (unit.changes.length === 0) return t('collect.noChange');
  const replaced = unit.changes.filter((c) => c.from !== null);
  const fresh = unit.changes.length - replaced.length;
  return [
    ...replaced.map((c) => `${c.column}: ${show(c.from)} → ${show(c.to)}`),
    ...(fresh > 0 ? [t('collect.newFigures', { count: fresh })] : []),
  ].join('; ');
}

export function CollectStatus({ view, chosen, onChoose, picks, onPick }: CollectStatusProps) {
  const count = (s: string) => view.units.filter((u) => u.status === s).length;
  const acceptable = view.units.filter((u) => u.acceptable && u.status === 'received');
  const errors = view.findings.filter((f) => f.severity === 'error');
  const toggle = (row: number, on: boolean) => {
    const next = new Set(chosen);
    if (on) next.add(row);
    else next.delete(row);
    onChoose(next);
  };
  return (
    <div className="collect-status" data-testid="collect-status">
      <p className="import-file">
        {t('collect.summary', {
          table: view.table,
          received: count('received'),
          missing: count('missing'),
          conflict: count('conflict'),
        })}
      </p>
      <CheckboxField
        className="export-choice"
        checked={acceptable.length > 0 && acceptable.every((u) => chosen.has(u.rowIndex))}
        onChange={(all) => onChoose(new Set(all ? acceptable.map((u) => u.rowIndex) : []))}
      >
        {t('collect.acceptAll')}
      </CheckboxField>
      <table className="collect-table">
        <thead>
          <tr>
            <th aria-label="✓" />
            <th>{t('collect.unit')}</th>
            <th>{t('collect.status')}</th>
            <th>{t('collect.file')}</th>
            <th>{t('collect.changes')}</th>
          </tr>
        </thead>
        <tbody>
          {view.units.map((u) => (
            <tr key={u.rowIndex} data-status={u.status} data-unit={u.unit}>
              <td>
                <input
                  type="checkbox"
                  aria-label={u.unit}
                  disabled={!u.acceptable && !picks.has(u.rowIndex)}
                  checked={chosen.has(u.rowIndex)}
                  onChange={(event) => toggle(u.rowIndex, event.target.checked)}
                />
              </td>
              <td>{u.unit}</td>
              <td className={`collect-${u.status}`}>{t(`collect.${u.status}`)}</td>
              <td>{u.files.length > 1 ? u.files.join(', ') : (u.file ?? '')}</td>
              <td>
                {changesText(u)}
                {u.chooseFile && (
                  <FilePick unit={u} picked={picks.get(u.rowIndex)} onPick={onPick} />
                )}
              </td>
            </tr>
          ))}
        </tbody>
      </table>
      {view.unmatched.length > 0 && (
        <section data-testid="collect-unmatched">
          <h3 className="export-subheading">{t('collect.unmatched')}</h3>
          <ul>
            {view.unmatched.map((x) => (
              <li key={`${x.file}:${x.row}`}>
                «{x.name}» — {x.file} › {x.sheet.trim()} › {x.row}
              </li>
            ))}
          </ul>
        </section>
      )}
      {view.unreadable.length > 0 && (
        <section data-testid="collect-unreadable">
          <h3 className="export-subheading">{t('collect.unreadable')}</h3>
          <ul>
            {view.unreadable.map((x) => (
              <li key={x.file}>{x.message}</li>
            ))}
          </ul>
        </section>
      )}
      {errors.length > 0 && (
        <section data-testid="collect-findings">
          <h3 className="export-subheading">{t('collect.findings')}</h3>
          <ul>
            {errors.map((f) => (
              <li key={`${f.file}:${f.sheet}:${f.cell}:${f.kind}`}>
                {f.file} › {f.sheet.trim()} › {f.cell}: {f.message}
              </li>
            ))}
          </ul>
        </section>
      )}
    </div>
  );
}

/** Two files from one unit that disagree: the person says which one holds the unit's figures. */
function FilePick({
  unit,
  picked,
  onPick,
}: {
  unit: CollectView['units'][number];
  picked: number | undefined;
  onPick(rowIndex: number, file: number): void;
}) {
  return (
    <fieldset className="collect-pick">
      <legend>{t('collect.pick')}</legend>
      {unit.files.map((file, i) => (
        <label key={file} className="export-choice">
          <input
            type="radio"
            name={`collect-pick-${unit.rowIndex}`}
            checked={picked === i}
            onChange={() => onPick(unit.rowIndex, i)}
          />
          {file}
        </label>
      ))}
    </fieldset>
  );
}
