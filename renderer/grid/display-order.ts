/**
 * The order in which the grid shows a table's rows: every row in table order, except that a single
 * grand-total row is pinned at the bottom (it stays in view while scrolling). Selection, copy,
 * paste and fill down all count rows in this order, because it is the order the person sees.
 */
import type { Row, Table } from '../../shared/model';

export interface DisplayOrder {
  /** Rows as shown, top to bottom; the pinned total, if any, last. */
  rows: readonly Row[];
  /** How many rows are in the grid's body (the rest are pinned at the bottom). */
  bodyCount: number;
  /** Display index of each row id. */
  indexOf: ReadonlyMap<number, number>;
}

/** The one grand-total row, when there is exactly one: it stays in view at the bottom. */
export function pinnedTotal(table: Table): Row | null {
  const totals = table.rows.filter((r) => r.role === 'total');
  return totals.length === 1 ? totals[0] : null;
}

export function displayOrder(table: Table): DisplayOrder {
  const total = pinnedTotal(table);
  const rows = total ? [...table.rows.filter((r) => r !== total), total] : table.rows.slice();
  return {
    rows,
    bodyCount: total ? rows.length - 1 : rows.length,
    indexOf: new Map(rows.map((r, i) => [r.id, i])),
  };
}
