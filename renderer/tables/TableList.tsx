/**
 * The document's tables, with how many problems each has; choosing one shows it in the grid.
 * "Thêm biểu" adds one; what can be done to a table (rename, duplicate, reorder, delete) is in the
 * Biểu menu, for the table shown.
 */
import type { DocumentInfo } from '../../shared/api';
import type { FindingCounts } from '../checks/use-findings';
import { t, useLanguage } from '../i18n';

interface TableListProps {
  info: DocumentInfo;
  selectedTableId: number | null;
  counts: ReadonlyMap<number, FindingCounts>;
  onSelect(tableId: number): void;
  onAdd(): void;
}

export function TableList({ info, selectedTableId, counts, onSelect, onAdd }: TableListProps) {
  useLanguage();
  return (
    <nav className="table-list" data-testid="table-list" aria-label={t('tables.heading')}>
      <div className="panel-heading-row">
        <h2 className="panel-heading">{t('tables.heading')}</h2>
        <button
          type="button"
          className="button button-small button-quiet"
          disabled={info.readOnly}
          title={info.readOnly ? t('readOnly.cannot') : undefined}
          onClick={onAdd}
        >
          {t('tables.add')}
        </button>
      </div>
      <ul>
        {info.tables.map((table) => {
          const count = counts.get(table.id);
          const problems = count ? count.errors + count.warnings : 0;
          return (
            <li key={table.id}>
              <button
                type="button"
                className="table-item"
                aria-current={table.id === selectedTableId ? 'true' : undefined}
                onClick={() => onSelect(table.id)}
              >
                <span className="table-name">{table.name}</span>
                <span className="table-meta">
                  {t('tables.size', { rows: table.rowCount, columns: table.columnCount })}
                </span>
                {count && (
                  <span
                    className={
                      count.errors
                        ? 'table-badge badge-error'
                        : problems
                          ? 'table-badge badge-warning'
                          : 'table-badge badge-clean'
                    }
                  >
                    {problems
                      ? t('tables.findings', { errors: count.errors, warnings: count.warnings })
                      : t('tables.clean')}
                  </span>
                )}
              </button>
            </li>
          );
        })}
      </ul>
    </nav>
  );
}
