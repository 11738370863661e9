/**
 * Saying what one cell change of the history was, the way the checks name cells: "Biểu 1 · C8:
 * 1.239 → 1.329". Cells are named by the address they have now; a row or column that no longer
 * exists is said to be gone rather than guessed.
 */
import type { HistoryEntry } from '../../shared/api';
import { cellAddress, sheetLayout } from '../../shared/layout';
import type { CellValue, Column } from '../../shared/model';
import type { TablesById } from '../document/apply-changes';
import { displayText } from '../grid/cell-text';
import { t } from '../i18n';

type CellChange = HistoryEntry['cells'][number];

function valueText(value: CellValue, column: Column | undefined): string {
  if (value === null || value === '') return t('history.empty');
  return column ? displayText(value, column) : String(value);
}

export function describeCell(change: CellChange, tables: TablesById, withTable: boolean): string {
  const table = tables.get(change.tableId);
  const rowIndex = table ? table.rows.findIndex((r) => r.id === change.rowId) : -1;
  const columnIndex = table ? table.columns.findIndex((c) => c.id === change.columnId) : -1;
  const column = table && columnIndex >= 0 ? table.columns[columnIndex] : undefined;
  const where =
    table && rowIndex >= 0 && column
      ? cellAddress(sheetLayout(table), rowIndex, columnIndex)
      : t('history.goneCell');
  const place = withTable && table ? `${table.name} · ${where}` : where;
  return `${place}: ${valueText(change.oldValue, column)} → ${valueText(change.newValue, column)}`;
}
