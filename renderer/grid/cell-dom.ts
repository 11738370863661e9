/**
 * Which cell of the table a DOM element belongs to, read from the grid's own markup (the row's
 * `row-index`, the cell's `col-id`). The grid follows focus and the mouse from the DOM events
 * themselves: AG Grid tells its listeners about a focused or clicked cell only in a later task,
 * and keys typed in between — a fast typist, a barcode scanner — would reach a cell whose text
 * field does not exist yet.
 */
import type { DisplayOrder } from './display-order';
import type { CellPos } from './selection';

/** The AG Grid cell element an event target is in (the cell itself or its text field). */
export function gridCellOf(target: EventTarget | null): HTMLElement | null {
  return target instanceof Element ? target.closest<HTMLElement>('.ag-cell') : null;
}

/**
 * The display position of a cell element: body rows by their index, the pinned grand total
 * after them; null for the code row under the header and for anything that is not a cell.
 */
export function cellPositionOf(
  cell: HTMLElement,
  order: DisplayOrder,
  columnIndex: ReadonlyMap<string, number>,
): CellPos | null {
  const col = columnIndex.get(cell.getAttribute('col-id') ?? '');
  const row = rowOfElement(cell, order);
  return col === undefined || row === null ? null : { row, col };
}

/** The display row an element of the grid is in; null for the code row and outside the rows. */
export function rowOfElement(element: Element, order: DisplayOrder): number | null {
  const rowIndex = element.closest('[role="row"]')?.getAttribute('row-index') ?? null;
  if (rowIndex === null) return null;
  let row: number;
  if (/^\d+$/.test(rowIndex)) row = Number(rowIndex);
  else if (/^b-\d+$/.test(rowIndex)) row = order.bodyCount + Number(rowIndex.slice(2));
  else return null;
  return row < order.rows.length ? row : null;
}
