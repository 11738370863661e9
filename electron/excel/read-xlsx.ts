/**
 * Importing an .xlsx workbook: the guard refuses what must not be opened, exceljs reads the rest,
 * each worksheet becomes a SheetGrid (what Excel stored and showed: cached formula results, rich
 * text flattened, dates as displayed), and shared/import finds the tables on it.
 *
 * A formula whose result the file never saved (files written by libraries often have none) is
 * kept empty and listed as unevaluated — never read as zero.
 */
import path from 'node:path';
import ExcelJS from 'exceljs';
import { UserError } from '../../shared/api';
import type { NumberConvention } from '../../shared/numbers';
import { detectSheet, type DetectedTable } from '../../shared/import/detect-tables';
import { formatDate } from '../../shared/import/number-format';
import type { CellRange, GridCell, SheetGrid } from '../../shared/import/sheet-grid';
import { guardWorkbook } from './workbook-guard';

export interface ImportProgress {
  /** What is being done, in Vietnamese: "Kiểm tra tệp", "Đọc tệp", "Nhận dạng biểu". */
  step: string;
  sheet?: string;
  /** Sheets done / all sheets, while recognising tables. */
  done?: number;
  total?: number;
}

export interface ImportOptions {
  onProgress?: (progress: ImportProgress) => void;
  /** The document's locale, for number strings that read both ways ("1.234"). Default 'vi'. */
  locale?: NumberConvention;
}

export interface ImportReport {
  file: string;
  sheets: { sheet: string; tables: string[]; skipped: string[]; notes: string[] }[];
  /** Formula cells inside recognised tables whose result was not saved: kept empty. */
  unevaluated: { sheet: string; table: string; cells: string[] }[];
  /** How columns of number-strings were read. */
  readings: {
    sheet: string;
    table: string;
    column: string;
    convention: NumberConvention;
    strings: number;
    reason: string;
  }[];
}

export interface ImportResult {
  tables: DetectedTable[];
  report: ImportReport;
}

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

/**
 * Formulas on the sheet and how many of them saved 0, "0" or nothing. A workbook Excel did not
 * calculate (no calcChain.xml) in which most results are such is one whose writer never computed
 * them (SOURCES.md: giaidoan_huyen.xlsx saves 0 for 13 500 of 14 800 formulas): its zeros are
 * placeholders, not figures.
 */
function formulaResults(ws: ExcelJS.Worksheet): { formulas: number; placeholders: number } {
  let formulas = 0;
  let placeholders = 0;
  ws.eachRow({ includeEmpty: false }, (row) => {
    row.eachCell({ includeEmpty: false }, (cell) => {
      if (cell.type !== ExcelJS.ValueType.Formula) return;
      formulas++;
      if (placeholderResult(cell.result)) placeholders++;
    });
  });
  return { formulas, placeholders };
}

/** Formulas needed before the share of placeholder results is telling. */
const PLACEHOLDER_MIN_FORMULAS = 10;

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
  for (let r = 0; r < cells.length; r++) cells[r] ??= [];
  // Trailing rows with nothing in them (formatting only) are not part of the sheet's content.
  while (cells.length > 0 && !cells[cells.length - 1].some((c) => c)) cells.pop();
  const hiddenColumns: number[] = [];
  for (let c = 1; c <= columnCount; c++) if (ws.getColumn(c).hidden) hiddenColumns.push(c - 1);
  return {
    name: ws.name,
    cells,
    columnCount,
    merges: merges(ws),
    hiddenRows: hiddenRows.filter((r) => r < cells.length),
    hiddenColumns,
  };
}

function uniqueName(name: string, taken: Set<string>): string {
  let candidate = name;
  for (let k = 2; taken.has(candidate); k++) candidate = `${name} (${k})`;
  taken.add(candidate);
  return candidate;
}

export async function importWorkbook(
  filePath: string,
  options: ImportOptions = {},
): Promise<ImportResult> {
  const name = path.basename(filePath);
  const progress = options.onProgress ?? (() => {});
  progress({ step: 'Kiểm tra tệp' });
  const facts = guardWorkbook(filePath);

  progress({ step: 'Đọc tệp' });
  const workbook = new ExcelJS.Workbook();
  try {
    await workbook.xlsx.readFile(filePath);
  } catch (e) {
    if (e instanceof UserError) throw e;
    const detail =
      e instanceof Error && e.message ? ` (${e.message.split('\n')[0].slice(0, 120)})` : '';
    throw new UserError(
      `Không đọc được tệp «${name}»: tệp Excel bị hỏng hoặc có cấu trúc lạ${detail}.`,
      'bad-input',
    );
  }

  const report: ImportReport = { file: name, sheets: [], unevaluated: [], readings: [] };
  const tables: DetectedTable[] = [];
  const taken = new Set<string>();
  const sheets = workbook.worksheets;
  sheets.forEach((ws, i) => {
    progress({ step: 'Nhận dạng biểu', sheet: ws.name, done: i, total: sheets.length });
    const notes: string[] = [];
    const results = formulaResults(ws);
    const distrustZeroResults =
      !facts.calculatedByExcel &&
      results.formulas >= PLACEHOLDER_MIN_FORMULAS &&
      results.placeholders * 2 >= results.formulas;
    if (distrustZeroResults) {
      notes.push(
        `Trang «${ws.name.trim()}»: tệp chưa được Excel tính lại và ${results.placeholders}/${results.formulas} công thức lưu kết quả 0 hoặc trống, nên các kết quả đó được coi là chưa tính (để trống, không coi là 0).`,
      );
    }
    let detection;
    try {
      detection = detectSheet(sheetGrid(ws, { distrustZeroResults }), {
        locale: options.locale ?? 'vi',
      });
    } catch (e) {
      // A sheet the reader cannot make sense of is reported, not allowed to sink the workbook.
      report.sheets.push({
        sheet: ws.name,
        tables: [],
        skipped: [
          `Trang «${ws.name.trim()}» không đọc được: ${e instanceof Error ? e.message : String(e)}`,
        ],
        notes,
      });
      return;
    }
    for (const t of detection.tables) {
      t.doubts.unshift(...notes);
      t.table.name = uniqueName(t.table.name, taken);
      tables.push(t);
      if (t.unevaluated.length > 0)
        report.unevaluated.push({ sheet: t.sheet, table: t.table.name, cells: t.unevaluated });
      for (const r of t.readings) {
        report.readings.push({
          sheet: t.sheet,
          table: t.table.name,
          column: r.letter,
          convention: r.convention,
          strings: r.strings,
          reason: r.reason,
        });
      }
    }
    report.sheets.push({
      sheet: ws.name,
      tables: detection.tables.map((t) => t.table.name),
      skipped: detection.skipped,
      notes,
    });
  });
  progress({ step: 'Nhận dạng biểu', done: sheets.length, total: sheets.length });
  return { tables, report };
}
