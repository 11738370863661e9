/**
 * One table an import recognised, drawn as it was read before anything is stored: its header
 * levels (merged as on paper), the column-code row with its formulas, how each column's numbers
 * are written, and every row with its role — a select per row, so a misread "Cộng" or group title
 * can be corrected. What the reader doubted is listed above the grid and marked on the columns
 * and cells it concerns.
 */
import { useMemo } from 'react';
import type { ColumnSpec, ImportedTable } from '../../shared/api';
import { parseCodeRowEntry } from '../../shared/checks/formula';
import {
  codeRowText,
  COLUMN_TYPES,
  isFigureColumn,
  ROW_ROLES,
  type Column,
  type ColumnType,
  type RowRole,
} from '../../shared/model';
import { displayText } from '../grid/cell-text';
import { t, useLanguage, type MessageKey } from '../i18n';

/** Rows drawn in the preview; the rest keep the roles the reader gave them. */
export const PREVIEW_ROWS = 200;

const ROLE_LABEL: Record<RowRole, MessageKey> = {
  group: 'structure.role.group',
  detail: 'structure.role.detail',
  subtotal: 'structure.role.subtotal',
  total: 'structure.role.total',
};

interface HeaderCell {
  text: string;
  colSpan: number;
  rowSpan: number;
  column: number;
  /** The column's own label (the lowest level), not a group over several columns. */
  leaf: boolean;
}

/** The header block as rows of merged cells: a group spans the columns under it. */
export function headerRows(columns: readonly Pick<ColumnSpec, 'label' | 'headerPath'>[]) {
  const depth = 1 + Math.max(0, ...columns.map((c) => c.headerPath.length));
  const rows: HeaderCell[][] = [];
  for (let level = 0; level < depth; level++) {
    const cells: HeaderCell[] = [];
    for (let i = 0; i < columns.length; i++) {
      const path = columns[i].headerPath;
      if (path.length > level) {
        // A group: it spans the following columns that share the path down to this level.
        let j = i + 1;
        while (
          j < columns.length &&
          columns[j].headerPath.length > level &&
          columns[j].headerPath.slice(0, level + 1).join('\u0001') ===
            path.slice(0, level + 1).join('\u0001')
        )
          j++;
        cells.push({ text: path[level], colSpan: j - i, rowSpan: 1, column: i, leaf: false });
        i = j - 1;
      } else if (path.length === level) {
        cells.push({
          text: columns[i].label,
          colSpan: 1,
          rowSpan: depth - level,
          column: i,
          leaf: true,
        });
      }
    }
    rows.push(cells);
  }
  return { depth, rows };
}

/** What the reader said about a column: doubts that start with its source name ("Cột C …"). */
function columnDoubts(doubts: readonly string[], letter: string): string[] {
  const name = `Cột ${letter}`;
  return doubts.filter(
    (d) => d.startsWith(`${name} `) || d.startsWith(`${name}:`) || d.startsWith(`${name}(`),
  );
}

const TYPE_LABEL: Record<ColumnType, MessageKey> = {
  integer: 'structure.type.integer',
  decimal: 'structure.type.decimal',
  percent: 'structure.type.percent',
  text: 'structure.type.text',
};

/** The code-row entry of each column as first shown for correction: "1=2+3", "A". */
export function codeRowEntries(columns: readonly ColumnSpec[]): string[] {
  return columns.map((c) => codeRowText(c));
}

/**
 * The code-row entries as typed, read back: per column its code and formula text, or the
 * Vietnamese sentence of what is wrong (the parser's own, or a code used twice). Formulas are
 * resolved against the codes typed in the same row, so a formula naming a code that is not in
 * the table is refused here, before anything is stored.
 */
export function readCodeRow(
  entries: readonly string[],
): ({ ok: true; code: string; formula: string | null } | { ok: false; error: string })[] {
  const codes = entries.map((e) => e.split('=')[0].trim()).filter((c) => c !== '');
  const read = entries.map((entry) => parseCodeRowEntry(entry, { codes }));
  const seen = new Map<string, number>();
  read.forEach((r) => r.ok && seen.set(r.code, (seen.get(r.code) ?? 0) + 1));
  return read.map((r) =>
    !r.ok
      ? { ok: false, error: r.error.message }
      : (seen.get(r.code) ?? 0) > 1
        ? { ok: false, error: t('import.codeTwice', { code: r.code }) }
        : { ok: true, code: r.code, formula: r.text },
  );
}

/**
 * A label runs on over the empty label cells after it ("I. Khu vực thành thị" in the STT column,
 * "Cộng" under it), as it does on the sheet, instead of widening its own column.
 */
function labelSpans(columns: readonly ColumnSpec[], cells: readonly (string | number | null)[]) {
  const spans = columns.map(() => 1);
  const covered = columns.map(() => false);
  for (let i = 0; i < columns.length; i++) {
    if (isFigureColumn(columns[i]) || (cells[i] ?? null) === null) continue;
    let j = i + 1;
    while (j < columns.length && !isFigureColumn(columns[j]) && (cells[j] ?? null) === null) {
      covered[j] = true;
      j++;
    }
    spans[i] = j - i;
    i = j - 1;
  }
  return { spans, covered };
}

/** The type and decimals the user may correct per column. */
export type ColumnKind = Pick<ColumnSpec, 'type' | 'decimals'>;

interface ImportTablePreviewProps {
  table: ImportedTable;
  roles: readonly RowRole[];
  onRole(row: number, role: RowRole): void;
  /** The code-row entries as typed ("1=2+3"), one per column. */
  entries: readonly string[];
  onEntry(column: number, entry: string): void;
  kinds: readonly ColumnKind[];
  onKind(column: number, kind: ColumnKind): void;
  disabled?: boolean;
}

export function ImportTablePreview({
  table,
  roles,
  onRole,
  entries,
  onEntry,
  kinds,
  onKind,
  disabled = false,
}: ImportTablePreviewProps) {
  useLanguage();
  const columns = useMemo(
    () => table.columns.map((c, i) => ({ ...c, ...(kinds[i] ?? {}) })),
    [table.columns, kinds],
  );
  const read = useMemo(() => readCodeRow(entries), [entries]);
  const readingOf = useMemo(
    () => new Map(table.readings.map((r) => [r.column, r] as const)),
    [table.readings],
  );
  const header = useMemo(() => headerRows(columns), [columns]);
  const perColumn = useMemo(
    () => table.sourceColumns.map((letter) => columnDoubts(table.doubts, letter)),
    [table.sourceColumns, table.doubts],
  );
  const unevaluated = useMemo(() => new Set(table.unevaluated), [table.unevaluated]);
  const asColumn = (spec: ColumnSpec, i: number): Column => ({ ...spec, id: i });
  const shownRows = table.rows.slice(0, PREVIEW_ROWS);

  return (
    <div className="import-grid-scroll">
      <table className="import-grid">
        <thead>
          {header.rows.map((cells, level) => (
            <tr key={`h${level}`}>
              {level === 0 && (
                <>
                  <th rowSpan={header.depth} className="import-corner">
                    {t('import.sourceRow')}
                  </th>
                  <th rowSpan={header.depth} className="import-corner">
                    {t('import.role')}
                  </th>
                </>
              )}
              {cells.map((cell) => {
                const notes = cell.leaf ? perColumn[cell.column] : [];
                return (
                  <th
                    key={cell.column}
                    colSpan={cell.colSpan}
                    rowSpan={cell.rowSpan}
                    className={notes.length > 0 ? 'import-doubt' : undefined}
                    title={notes.length > 0 ? notes.join('\n') : undefined}
                  >
                    {cell.text}
                  </th>
                );
              })}
            </tr>
          ))}
          <tr className="import-codes">
            <th className="import-corner" colSpan={2}>
              {t('import.codes')}
            </th>
            {columns.map((c, i) => {
              const entry = entries[i] ?? codeRowText(c);
              const result = read[i];
              const changed = entry.trim() !== codeRowText(table.columns[i]);
              return (
                <th
                  key={i}
                  className={
                    result && !result.ok
                      ? 'import-code-invalid'
                      : changed
                        ? 'import-code-changed'
                        : undefined
                  }
                >
                  <input
                    className="import-code-input"
                    data-testid="import-code"
                    aria-label={t('import.codeOf', { column: table.sourceColumns[i] ?? i + 1 })}
                    aria-invalid={result && !result.ok ? true : undefined}
                    value={entry}
                    disabled={disabled}
                    spellCheck={false}
                    size={Math.max(3, entry.length + 1)}
                    onChange={(event) => onEntry(i, event.target.value)}
                  />
                  {result && !result.ok && (
                    <span
                      className="import-code-error"
                      role="alert"
                      data-testid="import-code-error"
                    >
                      {result.error}
                    </span>
                  )}
                </th>
              );
            })}
          </tr>
          <tr className="import-kinds">
            <th className="import-corner" colSpan={2}>
              {t('import.numbers')}
            </th>
            {columns.map((c, i) => {
              const reading = readingOf.get(i);
              const notes = [...perColumn[i], ...(reading ? [reading.reason] : [])];
              const letter = table.sourceColumns[i] ?? i + 1;
              const figure = isFigureColumn(c);
              return (
                <th
                  key={i}
                  className={perColumn[i].length > 0 ? 'import-doubt' : undefined}
                  title={notes.length > 0 ? notes.join('\n') : undefined}
                >
                  <div className="import-kind">
                    <select
                      aria-label={t('import.typeOf', { column: letter })}
                      value={c.type}
                      disabled={disabled}
                      onChange={(event) => {
                        const type = event.target.value as ColumnType;
                        onKind(i, {
                          type,
                          decimals: type === 'integer' || type === 'text' ? 0 : c.decimals,
                        });
                      }}
                    >
                      {COLUMN_TYPES.map((type) => (
                        <option key={type} value={type}>
                          {t(TYPE_LABEL[type])}
                        </option>
                      ))}
                    </select>
                    {(c.type === 'decimal' || c.type === 'percent') && (
                      <input
                        type="number"
                        className="import-decimals"
                        min={0}
                        max={10}
                        aria-label={t('import.decimalsOf', { column: letter })}
                        title={t('import.decimals')}
                        value={c.decimals}
                        disabled={disabled}
                        onChange={(event) => {
                          const n = Math.round(Number(event.target.value));
                          if (Number.isFinite(n))
                            onKind(i, { type: c.type, decimals: Math.min(10, Math.max(0, n)) });
                        }}
                      />
                    )}
                  </div>
                  {figure && reading && (
                    <span className="import-convention" data-testid="import-convention">
                      {t(
                        reading.convention === 'en'
                          ? 'import.convention.en'
                          : 'import.convention.vi',
                      )}
                    </span>
                  )}
                </th>
              );
            })}
          </tr>
        </thead>
        <tbody>
          {shownRows.map((row, r) => {
            const role = roles[r] ?? row.role;
            const sourceRow = table.sourceRows[r];
            const { spans, covered } = labelSpans(columns, row.cells);
            return (
              <tr
                key={r}
                className={`import-row-${role}${role !== row.role ? ' import-row-changed' : ''}`}
              >
                <td className="import-rownum">{sourceRow}</td>
                <td className="import-role">
                  <select
                    aria-label={t('import.roleOf', { row: sourceRow })}
                    value={role}
                    onChange={(event) => onRole(r, event.target.value as RowRole)}
                  >
                    {ROW_ROLES.map((option) => (
                      <option key={option} value={option}>
                        {t(ROLE_LABEL[option])}
                      </option>
                    ))}
                  </select>
                </td>
                {columns.map((c, i) => {
                  if (covered[i]) return null;
                  const value = row.cells[i] ?? null;
                  const address = `${table.sourceColumns[i]}${sourceRow}`;
                  const text = isFigureColumn(c) && typeof value === 'string';
                  const pending = unevaluated.has(address);
                  const doubt = text
                    ? t('import.cellText', { cell: address })
                    : pending
                      ? t('import.cellPending', { cell: address })
                      : undefined;
                  return (
                    <td
                      key={i}
                      colSpan={spans[i] > 1 ? spans[i] : undefined}
                      className={
                        (isFigureColumn(c) ? 'import-figure' : 'import-label') +
                        (doubt ? ' import-cell-doubt' : '')
                      }
                      title={doubt}
                    >
                      {displayText(value, asColumn(c, i))}
                    </td>
                  );
                })}
              </tr>
            );
          })}
          {table.rows.length > shownRows.length && (
            <tr>
              <td colSpan={columns.length + 2} className="import-more">
                {t('import.moreRows', { count: table.rows.length - shownRows.length })}
              </td>
            </tr>
          )}
        </tbody>
      </table>
    </div>
  );
}
