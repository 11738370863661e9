/**
 * exceljs' reading of a worksheet as a SheetGrid: the reference the streaming reader
 * (electron/excel/xlsx/) is compared with on every workbook at hand (import-reader.test.ts), cut
 * to its data as every reader's grid is.
 */
import ExcelJS from 'exceljs';
import { formatDate } from '../../shared/import/number-format';
import type { CellRange, GridCell, SheetGrid } from '../../shared/import/sheet-grid';
import { fitToData } from '../../electron/excel/grid-extent';

type Cell = ExcelJS.Cell;

function plainText(value: unknown): string {
  if (value === null || value === undefined) return '';
  if (typeof value === 'string') return value;
  if (typeof value === 'number' || typeof value === 'boolean') return String(value);
  if (typeof value === 'object' && 'richText' in (value as object)) {
    return ((value as { richText: { text: string }[] }).richText ?? [])
      .map((r) => r.text ?? '')
      .join('');
  }
  return String(value);
}

/** A stored value (or cached formula result) as the grid keeps it. */
function gridValue(value: unknown, numFmt: string | undefined): number | string | null {
  if (value === null || value === undefined) return null;
  if (typeof value === 'number') return Number.isFinite(value) ? value : null;
  if (typeof value === 'string') return value;
  if (typeof value === 'boolean') return value ? 'TRUE' : 'FALSE';
  if (value instanceof Date) return formatDate(value, numFmt);
  if (typeof value === 'object') {
    const v = value as { richText?: unknown; error?: string; text?: unknown };
    if (v.richText) return plainText(value);
    if (v.error) return v.error;
    if (v.text !== undefined) return plainText(v.text);
  }
  return String(value);
}

/** A formula result that a writer which never calculated would have saved. */
function placeholderResult(result: unknown): boolean {
  return result === undefined || result === null || result === 0 || result === '0' || result === '';
}

function gridCell(cell: Cell, distrustZeros: boolean): GridCell | null {
  if (cell.type === ExcelJS.ValueType.Merge) return null; // the range's anchor holds the value
  const numFmt = cell.numFmt && cell.numFmt !== 'General' ? cell.numFmt : undefined;
  if (cell.type === ExcelJS.ValueType.Formula) {
    const formula = cell.formula ?? undefined;
    // cell.result, not cell.value.result: exceljs drops a cached 0 from the value's copy.
    const result = cell.result as unknown;
    const unknown =
      result === undefined || result === null || (distrustZeros && placeholderResult(result));
    if (unknown) return { value: null, formula, uncached: true, ...(numFmt && { numFmt }) };
    return { value: gridValue(result, numFmt), formula, ...(numFmt && { numFmt }) };
  }
  const value = gridValue(cell.value, numFmt);
  if (value === null) return null;
  return numFmt ? { value, numFmt } : { value };
}

interface RangeLike {
  top: number;
  left: number;
  bottom: number;
  right: number;
}

function merges(ws: ExcelJS.Worksheet): CellRange[] {
  // The worksheet's own index of merges; `ws.model.merges` would rebuild every row's model.
  const internal = (ws as unknown as { _merges?: Record<string, RangeLike> })._merges;
  const ranges: RangeLike[] = internal ? Object.values(internal) : [];
  return ranges.map((m) => ({
    top: m.top - 1,
    left: m.left - 1,
    bottom: m.bottom - 1,
    right: m.right - 1,
  }));
}

export function sheetGrid(
  ws: ExcelJS.Worksheet,
  options: { distrustZeroResults?: boolean } = {},
): SheetGrid {
  const distrustZeros = options.distrustZeroResults ?? false;
  const cells: (GridCell | null)[][] = [];
  const hiddenRows: number[] = [];
  let columnCount = 0;
  ws.eachRow({ includeEmpty: true }, (row, rowNumber) => {
    if (row.hidden) hiddenRows.push(rowNumber - 1);
    const out: (GridCell | null)[] = [];
    row.eachCell({ includeEmpty: false }, (cell, colNumber) => {
      const grid = gridCell(cell, distrustZeros);
      if (grid) {
        out[colNumber - 1] = grid;
        columnCount = Math.max(columnCount, colNumber);
      }
    });
    cells[rowNumber - 1] = out;
  });
  const hiddenColumns: number[] = [];
  for (let c = 1; c <= columnCount; c++) if (ws.getColumn(c).hidden) hiddenColumns.push(c - 1);
  return fitToData({
    name: ws.name,
    cells,
    columnCount,
    merges: merges(ws),
    hiddenRows,
    hiddenColumns,
  });
}
