/**
 * Importing an .xlsx workbook: the guard refuses what must not be opened, the reader streams each
 * worksheet into a SheetGrid (what Excel stored and showed: cached formula results, rich text
 * flattened, dates as displayed), and shared/import finds the tables on it.
 *
 * The reader (shared/import/xlsx-parts.ts over zip-directory.ts's entry streams) inflates and
 * scans each part chunk by chunk, so a large file reports its progress, can be cancelled between
 * any two chunks, and is read several times faster than exceljs builds its workbook model —
 * which matters for the nation-sized table (test/bench/import-bench.ts). exceljs' own streaming
 * reader is no substitute: it drops merged ranges, shared formulas and hidden rows. exceljs still
 * reads a workbook the reader cannot (`sheetGrid` below), and the two are compared on every
 * workbook at hand (test/unit/import-reader.test.ts).
 *
 * A formula whose result the file never saved (files written by libraries often have none) is
 * kept empty and listed as unevaluated — never read as zero. Biểu's own findings sheet ("Kết quả
 * kiểm tra", written by the export) is skipped, and the report says so.
 */
import fs from 'node:fs';
import path from 'node:path';
import { StringDecoder } from 'node:string_decoder';
import ExcelJS from 'exceljs';
import { UserError } from '../../shared/api';
import type { NumberConvention } from '../../shared/numbers';
import { detectSheet, type DetectedTable } from '../../shared/import/detect-tables';
import { formatDate } from '../../shared/import/number-format';
import type { CellRange, GridCell, SheetGrid } from '../../shared/import/sheet-grid';
import {
  parseRelationships,
  parseStyles,
  parseWorkbookXml,
  resolvePart,
  SharedStringsReader,
  SheetReader,
  type FormulaStats,
} from '../../shared/import/xlsx-parts';
import { FINDINGS_SHEET_NAME } from './export-findings-sheet';
import { guardWorkbook, GUARD_LIMITS, type WorkbookFacts } from './workbook-guard';
import { entryChunks, readEntry, ZipEntryTooLarge, type ZipEntry } from './zip-directory';

export interface ImportOptions {
  /**
   * Progress for a progress bar: `fraction` from 0 to 1 (never going back), `message` in
   * Vietnamese ("Đọc trang «Dân số»…"). Called at most about a hundred times per file.
   */
  onProgress?: (fraction: number, message: string) => void;
  /** Aborting it stops the import at the next chunk: a UserError "Đã hủy nhập tệp «…»." */
  signal?: AbortSignal;
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

/** Biểu's own findings sheet, written by the export: a report about tables, not a table. */
export function isFindingsSheet(name: string): boolean {
  return name.normalize('NFC').trim().toLowerCase() === FINDINGS_SHEET_NAME.toLowerCase();
}

/**
 * Whether a sheet's saved 0s are placeholders: a workbook Excel did not calculate (no
 * calcChain.xml) in which most formula results are 0, "0" or nothing is one whose writer never
 * computed them (SOURCES.md: giaidoan_huyen.xlsx saves 0 for 13 500 of 14 800 formulas).
 */
function distrustsZeros(facts: WorkbookFacts, stats: FormulaStats): boolean {
  return (
    !facts.calculatedByExcel &&
    stats.formulas >= PLACEHOLDER_MIN_FORMULAS &&
    stats.placeholders * 2 >= stats.formulas
  );
}

/** Progress that only moves forward, and not more often than every 1 %. */
function progressReporter(onProgress: ImportOptions['onProgress']) {
  let last = -1;
  let lastMessage = '';
  return (fraction: number, message: string) => {
    if (!onProgress) return;
    const f = Math.min(1, Math.max(last, fraction));
    if (f - last < 0.01 && message === lastMessage && f < 1) return;
    last = f;
    lastMessage = message;
    onProgress(f, message);
  };
}

/** Where the import stands: the file, the report being built, cancellation, progress. */
class ImportRun {
  readonly name: string;
  readonly report: ImportReport;
  readonly tables: DetectedTable[] = [];
  private readonly taken = new Set<string>();
  readonly progress: (fraction: number, message: string) => void;

  constructor(
    readonly filePath: string,
    readonly options: ImportOptions,
    readonly facts: WorkbookFacts,
    progress: (fraction: number, message: string) => void,
  ) {
    this.name = path.basename(filePath);
    this.report = { file: this.name, sheets: [], unevaluated: [], readings: [] };
    this.progress = progress;
  }

  checkCancelled(): void {
    if (this.options.signal?.aborted) throw cancelled(this.name);
  }

  skipFindingsSheet(sheet: string): void {
    this.report.sheets.push({
      sheet,
      tables: [],
      skipped: [
        `Bỏ qua trang «${sheet.trim()}»: đó là bảng kết quả kiểm tra do Biểu xuất kèm, không phải số liệu.`,
      ],
      notes: [],
    });
  }

  /** Finds the tables on one sheet and adds them to the result. */
  recognise(sheet: string, grid: () => SheetGrid, stats: FormulaStats, distrust: boolean): void {
    const notes: string[] = [];
    if (distrust) {
      notes.push(
        `Trang «${sheet.trim()}»: tệp chưa được Excel tính lại và ${stats.placeholders}/${stats.formulas} công thức lưu kết quả 0 hoặc trống, nên các kết quả đó được coi là chưa tính (để trống, không coi là 0).`,
      );
    }
    let detection;
    try {
      detection = detectSheet(grid(), { locale: this.options.locale ?? 'vi' });
    } catch (e) {
      // A sheet the reader cannot make sense of is reported, not allowed to sink the workbook.
      this.report.sheets.push({
        sheet,
        tables: [],
        skipped: [
          `Trang «${sheet.trim()}» không đọc được: ${e instanceof Error ? e.message : String(e)}`,
        ],
        notes,
      });
      return;
    }
    for (const t of detection.tables) {
      t.doubts.unshift(...notes);
      t.table.name = uniqueName(t.table.name, this.taken);
      this.tables.push(t);
      if (t.unevaluated.length > 0)
        this.report.unevaluated.push({ sheet: t.sheet, table: t.table.name, cells: t.unevaluated });
      for (const r of t.readings) {
        this.report.readings.push({
          sheet: t.sheet,
          table: t.table.name,
          column: r.letter,
          convention: r.convention,
          strings: r.strings,
          reason: r.reason,
        });
      }
    }
    this.report.sheets.push({
      sheet,
      tables: detection.tables.map((t) => t.table.name),
      skipped: detection.skipped,
      notes,
    });
  }

  result(): ImportResult {
    this.progress(1, `Đã đọc xong tệp «${this.name}»`);
    return { tables: this.tables, report: this.report };
  }
}

function cancelled(name: string): UserError {
  return new UserError(`Đã hủy nhập tệp «${name}»; tài liệu không thay đổi.`, 'failed');
}

/** The reader could not make sense of the package: exceljs is asked instead. */
class NotReadable extends Error {}

/** Reading starts at 2 %; the parts' bytes fill up to 85 %; table recognition the rest. */
const READ_START = 0.02;
const READ_END = 0.85;

interface PackageParts {
  sheets: { name: string; entry: ZipEntry | null }[];
  sharedStrings: ZipEntry | null;
  styles: (string | undefined)[];
  date1904: boolean;
}

/** The workbook part, its relationships and the styles: small parts, read whole. */
function readPackage(filePath: string, entries: readonly ZipEntry[]): PackageParts {
  const byName = new Map(entries.map((e) => [e.name.toLowerCase(), e] as const));
  const entry = (part: string) => byName.get(part.toLowerCase()) ?? null;
  const fd = fs.openSync(filePath, 'r');
  try {
    const size = fs.fstatSync(fd).size;
    const text = (part: string): string | null => {
      const e = entry(part);
      if (!e) return null;
      const buffer = readEntry(fd, size, e, 64 * 1024 * 1024);
      if (!buffer) throw new NotReadable(`${part}: unreadable`);
      return buffer.toString('utf8');
    };
    const workbookXml = text('xl/workbook.xml');
    if (workbookXml === null) throw new NotReadable('no xl/workbook.xml');
    const workbook = parseWorkbookXml(workbookXml);
    const rels = parseRelationships(text('xl/_rels/workbook.xml.rels') ?? '');
    const partOf = (kind: string, fallback: string) => {
      const rel = [...rels.values()].find((r) => r.type.endsWith(`/${kind}`) && !r.external);
      return rel ? resolvePart('xl/workbook.xml', rel.target) : fallback;
    };
    const styles = parseStyles(text(partOf('styles', 'xl/styles.xml')) ?? '');
    const sheets = workbook.sheets.flatMap((sheet) => {
      const rel = rels.get(sheet.rid);
      // Chart sheets and dialog sheets hold no cells.
      if (!rel || !rel.type.endsWith('/worksheet')) return [];
      return [{ name: sheet.name, entry: entry(resolvePart('xl/workbook.xml', rel.target)) }];
    });
    return {
      sheets,
      sharedStrings: entry(partOf('sharedStrings', 'xl/sharedStrings.xml')),
      styles,
      date1904: workbook.date1904,
    };
  } finally {
    fs.closeSync(fd);
  }
}

/** Feeds an entry's text, chunk by chunk, checking for cancellation between chunks. */
async function streamEntry(
  run: Pick<ImportRun, 'filePath' | 'checkCancelled'>,
  entry: ZipEntry,
  feed: (text: string) => void,
  onRead: (compressedBytes: number) => void,
): Promise<void> {
  const decoder = new StringDecoder('utf8');
  for await (const chunk of entryChunks(run.filePath, entry, {
    onRead,
    limit: GUARD_LIMITS.totalBytes,
  })) {
    run.checkCancelled();
    feed(decoder.write(chunk));
  }
  feed(decoder.end());
}

/** A worksheet as the streaming reader read it. */
export interface ReadSheet {
  name: string;
  stats: FormulaStats;
  /** The grid; `distrustZeroResults` as for sheetGrid. Call once. */
  grid(options?: { distrustZeroResults?: boolean }): SheetGrid;
}

/**
 * Streams the workbook's worksheets in order, handing each to `each` once read; the findings
 * sheet is not read (`skip`). Progress and cancellation go through `run`.
 */
async function readWithParts(
  run: Pick<ImportRun, 'filePath' | 'name' | 'facts' | 'progress' | 'checkCancelled'>,
  each: (sheet: ReadSheet) => void,
  skip: (name: string) => boolean,
  skipped: (name: string) => void,
): Promise<void> {
  const parts = readPackage(run.filePath, run.facts.entries);
  const sizeOf = (e: ZipEntry | null) => Math.max(1, e?.compressedSize ?? 0);
  const total =
    (parts.sharedStrings ? sizeOf(parts.sharedStrings) : 0) +
    parts.sheets.filter((s) => !skip(s.name)).reduce((sum, s) => sum + sizeOf(s.entry), 0);
  // Reading fills READ_START..READ_END by compressed bytes; recognising each sheet its share of
  // the rest.
  let done = 0;
  let recognised = 0;
  const at = (bytes: number) => READ_START + ((READ_END - READ_START) * bytes) / total;
  const after = (bytes: number) => READ_END + ((1 - READ_END) * bytes) / total;

  let sharedStrings: string[] = [];
  if (parts.sharedStrings) {
    const reader = new SharedStringsReader();
    const message = `Đọc tệp «${run.name}»`;
    run.progress(READ_START, message);
    await streamEntry(
      run,
      parts.sharedStrings,
      (t) => reader.feed(t),
      (n) => run.progress(at(n), message),
    );
    sharedStrings = reader.end();
    done += sizeOf(parts.sharedStrings);
    recognised += sizeOf(parts.sharedStrings);
  }
  for (const sheet of parts.sheets) {
    run.checkCancelled();
    if (skip(sheet.name)) {
      skipped(sheet.name);
      continue;
    }
    const reader = new SheetReader({
      name: sheet.name,
      sharedStrings,
      styles: parts.styles,
      date1904: parts.date1904,
    });
    const message = `Đọc trang «${sheet.name.trim()}»`;
    run.progress(at(done), message);
    if (sheet.entry) {
      const before = done;
      await streamEntry(
        run,
        sheet.entry,
        (t) => reader.feed(t),
        (n) => run.progress(at(before + n), message),
      );
    }
    done += sizeOf(sheet.entry);
    run.progress(at(done), `Nhận dạng biểu trên trang «${sheet.name.trim()}»`);
    each({ name: sheet.name, stats: reader.formulaStats(), grid: (o) => reader.finish(o) });
    recognised += sizeOf(sheet.entry);
    run.progress(after(recognised), `Nhận dạng biểu trên trang «${sheet.name.trim()}»`);
  }
}

/**
 * Every worksheet of a workbook as the streaming reader reads it (the findings sheet included),
 * with exceljs' meaning of each cell; for tests and tools. The file is guarded first.
 */
export async function readSheetGrids(
  filePath: string,
): Promise<{ name: string; stats: FormulaStats; grid: SheetGrid }[]> {
  const facts = guardWorkbook(filePath);
  const out: { name: string; stats: FormulaStats; grid: SheetGrid }[] = [];
  const run = new ImportRun(filePath, {}, facts, () => {});
  await readWithParts(
    run,
    (sheet) =>
      out.push({
        name: sheet.name,
        stats: sheet.stats,
        grid: sheet.grid({ distrustZeroResults: distrustsZeros(facts, sheet.stats) }),
      }),
    () => false,
    () => {},
  );
  return out;
}

/** The workbook through exceljs, for a package the streaming reader cannot make sense of. */
async function readWithExcelJs(run: ImportRun): Promise<void> {
  run.progress(READ_START, `Đọc tệp «${run.name}»`);
  const workbook = new ExcelJS.Workbook();
  try {
    await workbook.xlsx.readFile(run.filePath);
  } catch (e) {
    if (e instanceof UserError) throw e;
    const detail =
      e instanceof Error && e.message ? ` (${e.message.split('\n')[0].slice(0, 120)})` : '';
    throw new UserError(
      `Không đọc được tệp «${run.name}»: tệp Excel bị hỏng hoặc có cấu trúc lạ${detail}.`,
      'bad-input',
    );
  }
  run.checkCancelled();
  const sheets = workbook.worksheets;
  sheets.forEach((ws, i) => {
    run.checkCancelled();
    if (isFindingsSheet(ws.name)) {
      run.skipFindingsSheet(ws.name);
      return;
    }
    run.progress(
      READ_END + ((1 - READ_END) * i) / sheets.length,
      `Nhận dạng biểu trên trang «${ws.name.trim()}»`,
    );
    const stats = formulaResults(ws);
    const distrust = distrustsZeros(run.facts, stats);
    run.recognise(ws.name, () => sheetGrid(ws, { distrustZeroResults: distrust }), stats, distrust);
  });
}

/**
 * Reads a workbook and finds its tables. Throws a UserError — and changes nothing — when the
 * file must be refused (workbook-guard.ts), cannot be read, or the import was cancelled.
 */
export async function importWorkbook(
  filePath: string,
  options: ImportOptions = {},
): Promise<ImportResult> {
  const name = path.basename(filePath);
  if (options.signal?.aborted) throw cancelled(name);
  const progress = progressReporter(options.onProgress);
  progress(0, `Kiểm tra tệp «${name}»`);
  const facts = guardWorkbook(filePath);
  let run = new ImportRun(filePath, options, facts, progress);
  run.checkCancelled();
  try {
    const current = run;
    await readWithParts(
      current,
      (sheet) => {
        const distrust = distrustsZeros(facts, sheet.stats);
        current.recognise(
          sheet.name,
          () => sheet.grid({ distrustZeroResults: distrust }),
          sheet.stats,
          distrust,
        );
      },
      isFindingsSheet,
      (sheet) => current.skipFindingsSheet(sheet),
    );
  } catch (e) {
    if (e instanceof UserError) throw e;
    if (e instanceof ZipEntryTooLarge) {
      throw new UserError(
        `Tệp «${name}» có phần «${e.entry.name}» giải nén ra nhiều hơn kích thước khai báo; Biểu không mở để tránh treo máy.`,
        'bad-input',
      );
    }
    // Anything else the reader did not expect: exceljs reads the workbook from the start.
    run = new ImportRun(filePath, options, facts, progress);
    await readWithExcelJs(run);
  }
  return run.result();
}
