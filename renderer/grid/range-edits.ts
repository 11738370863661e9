/**
 * What the range commands change: Delete clears the selection, Ctrl+D fills it down. Each returns
 * the cell edits of ONE batch (one undo step), leaving out cells that cannot be edited and cells
 * that would not change.
 */
import type { CellEdit } from '../../shared/api';
import {
  isFigureColumn,
  type CellValue,
  type Column,
  type Row,
  type Table,
} from '../../shared/model';
import type { DisplayOrder } from './display-order';
import { positions, type CellRange } from './selection';

/** A group row is a section title: its name can be edited, its figure cells cannot. */
export function isEditableCell(row: Row, column: Column): boolean {
  return !(isFigureColumn(column) && row.role === 'group');
}

function edit(table: Table, row: Row, columnIndex: number, value: CellValue): CellEdit | null {
  const column = table.columns[columnIndex];
  if (!column || !isEditableCell(row, column)) return null;
  if (Object.is(row.cells[columnIndex] ?? null, value)) return null;
  return { tableId: table.id, rowId: row.id, columnId: column.id, value };
}

export function clearRange(table: Table, order: DisplayOrder, range: CellRange): CellEdit[] {
  const edits: CellEdit[] = [];
  for (const { row, col } of positions(range)) {
    const e = edit(table, order.rows[row], col, null);
    if (e) edits.push(e);
  }
  return edits;
}

/**
 * Ctrl+D as in Excel: the top row of the selection is copied into the rows below it; with a
 * single row selected, the row above is copied into it.
 */
export function fillDown(table: Table, order: DisplayOrder, range: CellRange): CellEdit[] {
  const sourceRow = range.bottom > range.top ? range.top : range.top - 1;
  if (sourceRow < 0) return [];
  const source = order.rows[sourceRow];
  const edits: CellEdit[] = [];
  for (let row = Math.max(range.top, sourceRow + 1); row <= range.bottom; row++) {
    for (let col = range.left; col <= range.right; col++) {
      const e = edit(table, order.rows[row], col, source.cells[col] ?? null);
      if (e) edits.push(e);
    }
  }
  return edits;
}
