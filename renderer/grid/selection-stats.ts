/**
 * What the status bar says about a selection of several cells, as a spreadsheet does: how many
 * cells hold something, and the sum and average of the figures among them.
 */
import type { DisplayOrder } from './display-order';
import { cellCount, positions, type CellRange } from './selection';

export interface SelectionStats {
  /** Cells in the selection. */
  cells: number;
  /** Cells that are not empty. */
  count: number;
  /** Cells holding a number. */
  numbers: number;
  sum: number;
  /** null when no cell holds a number. */
  average: number | null;
}

export function selectionStats(order: DisplayOrder, range: CellRange): SelectionStats {
  let count = 0;
  let numbers = 0;
  let sum = 0;
  for (const { row, col } of positions(range)) {
    const value = order.rows[row]?.cells[col] ?? null;
    if (value === null || value === '') continue;
    count++;
    if (typeof value === 'number') {
      numbers++;
      sum += value;
    }
  }
  return {
    cells: cellCount(range),
    count,
    numbers,
    sum,
    average: numbers > 0 ? sum / numbers : null,
  };
}
