/**
 * The list of what the checks found in the table on screen. Each entry says what should equal
 * what (the engine's message) and where; choosing it moves the grid's focus to that cell. When
 * one cell change would fix every broken rule, the entry offers that change as one click —
 * never applied without the click (DOMAIN.md: nothing is corrected silently).
 */
import { useMemo } from 'react';
import type { Finding } from '../../shared/checks/finding';
import { sheetLayout } from '../../shared/layout';
import type { Table } from '../../shared/model';
import { positionOf, visibleFindings, type CellPosition } from '../grid/cell-findings';
import { editorText } from '../grid/cell-text';
import { t, useLanguage } from '../i18n';

interface ChecksPanelProps {
  table: Table | null;
  findings: readonly Finding[];
  readOnly: boolean;
  onSelect(position: CellPosition): void;
  onApplySuggestion(position: CellPosition, value: number): void;
}

export function ChecksPanel({
  table,
  findings,
  readOnly,
  onSelect,
  onApplySuggestion,
}: ChecksPanelProps) {
  useLanguage();
  const shown = useMemo(
    () =>
      visibleFindings(findings).sort(
        (a, b) => Number(b.severity === 'error') - Number(a.severity === 'error'),
      ),
    [findings],
  );
  const layout = useMemo(() => (table ? sheetLayout(table) : null), [table]);
  const locate = (address: string) => (table && layout ? positionOf(table, layout, address) : null);

  return (
    <section
      className="checks-panel"
      role="region"
      aria-label={t('checks.heading')}
      data-testid="checks-panel"
    >
      <h2 className="panel-heading">
        {t('checks.heading')}
        <span className="panel-count">{shown.length}</span>
      </h2>
      {shown.length === 0 ? (
        <p className="checks-empty">{table ? t('checks.none') : ''}</p>
      ) : (
        <ul className="checks-list">
          {shown.map((finding) => {
            const position = locate(finding.cell);
            const suggestion = finding.suggestion;
            const fixAt = suggestion && !readOnly ? locate(suggestion.cell) : null;
            return (
              <li key={finding.id} className="finding-item">
                <button
                  type="button"
                  className={`finding finding-${finding.severity}`}
                  data-finding-id={finding.id}
                  disabled={!position}
                  onClick={() => position && onSelect(position)}
                >
                  <span className="finding-severity">
                    {t(finding.severity === 'error' ? 'checks.error' : 'checks.warning')}
                  </span>
                  <span className="finding-cell">{t('checks.cell', { cell: finding.cell })}</span>
                  <span className="finding-message">{finding.message}</span>
                </button>
                {suggestion && fixAt && table && (
                  <div className="finding-suggestion">
                    <span className="suggestion-reason">{suggestion.reason}</span>
                    <button
                      type="button"
                      className="button button-small"
                      onClick={() => onApplySuggestion(fixAt, suggestion.value)}
                    >
                      {t('checks.apply', {
                        cell: suggestion.cell,
                        value: editorText(suggestion.value, table.columns[fixAt.columnIndex]),
                      })}
                    </button>
                  </div>
                )}
              </li>
            );
          })}
        </ul>
      )}
    </section>
  );
}
