/**
 * A sheet parsed by SheetJS (compact, from the worker) as the grid table detection reads: with
 * the meaning the .xlsx reader gives each cell — the cached result of a formula as its value, a
 * date shown under its format, an error as its text, General left out — so that an .xls, an .ods
 * and the .xlsx that Excel or LibreOffice converts them to give the same tables.
 */
import { formatDate } from '../../../shared/import/number-format';
import type { GridCell, SheetGrid } from '../../../shared/import/sheet-grid';
import { fitToData } from '../grid-extent';
import { LimitExceeded, LIMITS } from '../xlsx/limits';
import type { FormulaStats } from '../xlsx/sheet-reader';
import { excelDate, isDateFormatCode } from '../xlsx/styles';
import type { CompactCell, CompactSheet } from './run-sheetjs';

function gridCell(cell: CompactCell, date1904: boolean): GridCell | null {
  const [, , type, value, text, formula, format] = cell;
  const numFmt = format && format !== 'General' ? format : undefined;
  let v: number | string | null;
  if (value === null || value === undefined) v = null;
  else if (type === 'n' && typeof value === 'number') {
    v = !Number.isFinite(value)
      ? null
      : isDateFormatCode(numFmt)
        ? formatDate(excelDate(value, date1904), numFmt)
        : value;
  } else if (type === 'b') v = value ? 'TRUE' : 'FALSE';
  else if (type === 'e') v = text ?? String(value);
  else v = String(value);
  if (formula) {
    const out: GridCell = { value: v, formula: formula.replace(/^=/, '') };
    if (v === null) out.uncached = true;
    if (numFmt) out.numFmt = numFmt;
    return out;
  }
  if (v === null) return null;
  return numFmt ? { value: v, numFmt } : { value: v };
}

/** The grid of one parsed sheet, and its formulas (all with saved results in these formats). */
export function sheetGridOf(
  sheet: CompactSheet,
  date1904: boolean,
): { grid: SheetGrid; stats: FormulaStats } {
  if (sheet.cells.length > LIMITS.sheetCells)
    throw new LimitExceeded({ kind: 'cells', count: sheet.cells.length });
  const cells: (GridCell | null)[][] = [];
  let formulas = 0;
  let placeholders = 0;
  for (const c of sheet.cells) {
    const [row, col] = c;
    if (row >= LIMITS.lastRow) throw new LimitExceeded({ kind: 'row', row: row + 1 });
    const cell = gridCell(c, date1904);
    if (!cell) continue;
    if (cell.formula !== undefined) {
      formulas++;
      if (cell.value === null || cell.value === 0) placeholders++;
    }
    (cells[row] ??= [])[col] = cell;
  }
  const merges = sheet.merges.map(([top, left, bottom, right]) => ({ top, left, bottom, right }));
  for (const m of merges) {
    for (let r = m.top; r <= Math.min(m.bottom, cells.length - 1); r++) {
      const row = cells[r];
      if (!row) continue;
      for (let c = m.left; c <= Math.min(m.right, row.length - 1); c++)
        if ((r !== m.top || c !== m.left) && row[c]) row[c] = null;
    }
  }
  const grid = fitToData({
    name: sheet.name,
    cells,
    columnCount: 0,
    merges,
    hiddenRows: sheet.hiddenRows,
    hiddenColumns: sheet.hiddenColumns,
  });
  return { grid, stats: { formulas, placeholders } };
}
