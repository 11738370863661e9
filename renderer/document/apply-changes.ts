/**
 * Applying cell edits to the tables the renderer holds. Tables are immutable values: an edit
 * replaces only the rows it touches, so React and AG Grid see exactly which rows changed and the
 * checks of untouched tables are not re-run.
 */
import type { CellEdit } from '../../shared/api';
import type { Table } from '../../shared/model';

export type TablesById = ReadonlyMap<number, Table>;

export function applyEdits(tables: TablesById, edits: readonly CellEdit[]): TablesById {
  if (edits.length === 0) return tables;
  const byTable = new Map<number, CellEdit[]>();
  for (const edit of edits) {
    const list = byTable.get(edit.tableId) ?? [];
    list.push(edit);
    byTable.set(edit.tableId, list);
  }
  const next = new Map(tables);
  for (const [tableId, tableEdits] of byTable) {
    const table = tables.get(tableId);
    // A table not loaded yet is fetched fresh when needed, so its edits need no replay here.
    if (table) next.set(tableId, applyToTable(table, tableEdits));
  }
  return next;
}

function applyToTable(table: Table, edits: readonly CellEdit[]): Table {
  const columnIndex = new Map(table.columns.map((c, i) => [c.id, i]));
  const rowIndex = new Map(table.rows.map((r, i) => [r.id, i]));
  const rows = table.rows.slice();
  for (const edit of edits) {
    const r = rowIndex.get(edit.rowId);
    const c = columnIndex.get(edit.columnId);
    if (r === undefined || c === undefined) continue;
    const cells = rows[r].cells.slice();
    cells[c] = edit.value;
    rows[r] = { ...rows[r], cells };
  }
  return { ...table, rows };
}
