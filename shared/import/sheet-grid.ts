/**
 * A sheet as the importer sees it: a rectangle of cells with what Excel stored and what it showed,
 * the merged ranges, and which rows and columns are hidden. The .xlsx reader (electron/excel) and
 * the paste path (a grid parsed from the clipboard) both produce one, so table detection works
 * the same on either. Pure data: no Node, no DOM.
 *
 * Indices are 0-based everywhere in this module: `cells[r][c]` is the sheet's row r + 1 and
 * column `columnLetter(c)`; a merge { top: 4, left: 0, bottom: 5, right: 0 } is A5:A6.
 */
import { columnLetter } from '../model';

export interface GridCell {
  /**
   * The stored value: a number, a string (rich text flattened, a date as its displayed text, an
   * error such as "#DIV/0!"), or null for a formula without a cached value (then `uncached`).
   */
  value: number | string | null;
  /** The displayed text, when it differs from the value written plainly (dates, "12,5%"). */
  text?: string;
  /** Excel's number format code, e.g. "#,##0", "0.00", "0.0%"; absent for General. */
  numFmt?: string;
  /** The cell's formula, without the leading "=". */
  formula?: string;
  /** A formula whose result was never saved in the file: its value is unknown, not zero. */
  uncached?: boolean;
}

/** An inclusive rectangle of cells, 0-based. */
export interface CellRange {
  top: number;
  left: number;
  bottom: number;
  right: number;
}

export interface SheetGrid {
  /** The sheet's name as written in the workbook (it may carry leading or trailing spaces). */
  name: string;
  /** Row-major; a missing row or a null entry is an empty cell. Merged cells other than a
   *  range's top-left anchor are empty: the anchor alone holds the value. */
  cells: (GridCell | null)[][];
  /** 1 + the last column index that holds anything. */
  columnCount: number;
  merges: CellRange[];
  hiddenRows: number[];
  hiddenColumns: number[];
}

export function cellAt(grid: SheetGrid, row: number, col: number): GridCell | null {
  return grid.cells[row]?.[col] ?? null;
}

/** "C17" for (16, 2). */
export function a1(row: number, col: number): string {
  return `${columnLetter(col)}${row + 1}`;
}

/** The cell's text as a person reads it on the sheet, trimmed; "" for an empty cell. */
export function displayText(cell: GridCell | null): string {
  if (!cell) return '';
  if (cell.text !== undefined) return cell.text.trim();
  if (cell.value === null) return '';
  return typeof cell.value === 'number' ? String(cell.value) : cell.value.trim();
}

/** A grid built from rows of plain values (tests, and the paste path's simplest form). */
export function gridFromValues(
  name: string,
  rows: readonly (readonly (number | string | null | undefined)[])[],
  extra: Partial<Pick<SheetGrid, 'merges' | 'hiddenRows' | 'hiddenColumns'>> = {},
): SheetGrid {
  const cells = rows.map((row) =>
    row.map((v) => (v === null || v === undefined || v === '' ? null : { value: v })),
  );
  return {
    name,
    cells,
    columnCount: Math.max(0, ...rows.map((r) => r.length)),
    merges: extra.merges ?? [],
    hiddenRows: extra.hiddenRows ?? [],
    hiddenColumns: extra.hiddenColumns ?? [],
  };
}
