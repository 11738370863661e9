/**
 * A sheet's grid ends where its data ends: rows and columns that hold nothing — formatting
 * applied to whole rows or columns, a range a writer declared, cells touched once and cleared —
 * are not part of it. Every reader (.xlsx, .xls, .ods, a Word table) hands its grid through here,
 * so a table found on it is never wider or longer than the figures and labels it holds.
 */
import type { CellRange, SheetGrid } from '../../shared/import/sheet-grid';

/** The grid cut to its last row and column holding a cell; merges and hidden lists cut alike. */
export function fitToData(grid: SheetGrid): SheetGrid {
  const cells = grid.cells;
  let columnCount = 0;
  for (let r = 0; r < cells.length; r++) {
    const row = (cells[r] ??= []);
    for (let c = row.length - 1; c >= 0; c--) {
      if (row[c]) {
        columnCount = Math.max(columnCount, c + 1);
        break;
      }
    }
  }
  while (cells.length > 0 && !cells[cells.length - 1].some((c) => c)) cells.pop();
  const rows = cells.length;
  const merges: CellRange[] = [];
  for (const m of grid.merges) {
    if (m.top >= rows || m.left >= columnCount) continue;
    merges.push({
      top: m.top,
      left: m.left,
      bottom: Math.min(m.bottom, rows - 1),
      right: Math.min(m.right, columnCount - 1),
    });
  }
  return {
    name: grid.name,
    cells,
    columnCount,
    merges,
    hiddenRows: grid.hiddenRows.filter((r) => r < rows),
    hiddenColumns: grid.hiddenColumns.filter((c) => c < columnCount),
  };
}
