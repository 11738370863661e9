/**
 * Importing an .xlsx workbook: the guard (xlsx/package-guard.ts) refuses what must not be opened,
 * the reader (xlsx/read-sheets.ts) streams each worksheet into a SheetGrid (what Excel stored and
 * showed: cached formula results, rich text flattened, dates as displayed), and shared/import
 * finds the tables on it.
 *
 * There is one reader and one guard: a package the reader cannot read (a damaged deflate stream,
 * an unknown compression, a part past the limits) is refused with one Vietnamese sentence naming
 * the file and what is wrong — no second reader inflates it again without the bounds.
 *
 * A formula whose result the file never saved (files written by libraries often have none) is
 * kept empty and listed as unevaluated — never read as zero. Biểu's own findings sheet ("Kết quả
 * kiểm tra", written by the export) is skipped, and the report says so.
 */
import path from 'node:path';
import { UserError } from '../../shared/api';
import type { NumberConvention } from '../../shared/numbers';
import { detectSheet, type DetectedTable } from '../../shared/import/detect-tables';
import type { SheetGrid } from '../../shared/import/sheet-grid';
import { FINDINGS_SHEET_NAME } from './export-findings-sheet';
import { limitRefusal } from './xlsx/limits';
import { guardWorkbook, type WorkbookFacts } from './xlsx/package-guard';
import { NoWorkbookPart, readSheets, SheetLimitExceeded } from './xlsx/read-sheets';
import type { FormulaStats } from './xlsx/sheet-reader';
import { entryRefusal, ZipEntryError } from './xlsx/zip-entry';

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

/** Formulas needed before the share of placeholder results is telling. */
const PLACEHOLDER_MIN_FORMULAS = 10;

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
    } catch {
      // A sheet the reader cannot make sense of is reported, not allowed to sink the workbook.
      this.report.sheets.push({
        sheet,
        tables: [],
        skipped: [
          `Trang «${sheet.trim()}» không đọc được: Biểu chưa nhận dạng được cách trình bày của trang này.`,
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

/** The one sentence for whatever stopped the reader; a UserError (a cancellation) as it is. */
function readRefusal(name: string, e: unknown): UserError {
  if (e instanceof UserError) return e;
  if (e instanceof ZipEntryError) return entryRefusal(name, e);
  if (e instanceof SheetLimitExceeded) return limitRefusal(name, e.sheet, e.limit.problem);
  if (e instanceof NoWorkbookPart) {
    return new UserError(
      `Tệp «${name}» không có phần sổ làm việc (xl/workbook.xml); tệp không phải sổ làm việc Excel hoặc đã bị hỏng.`,
      'bad-input',
    );
  }
  return new UserError(
    `Không đọc được tệp «${name}»: tệp Excel bị hỏng hoặc có cấu trúc lạ.`,
    'bad-input',
  );
}

/** Streams the sheets of a guarded workbook through `run`, refusing with one sentence. */
async function readWorkbookSheets(
  run: ImportRun,
  each: Parameters<typeof readSheets>[1],
  skip: (name: string) => boolean,
): Promise<void> {
  try {
    await readSheets(
      {
        ...run,
        entries: run.facts.entries,
        progress: run.progress,
        checkCancelled: () => run.checkCancelled(),
      },
      each,
      skip,
      (sheet) => run.skipFindingsSheet(sheet),
    );
  } catch (e) {
    throw readRefusal(run.name, e);
  }
}

/**
 * Every worksheet of a workbook as the reader reads it (the findings sheet included), with
 * exceljs' meaning of each cell; for tests and tools. The file is guarded first.
 */
export async function readSheetGrids(
  filePath: string,
): Promise<{ name: string; stats: FormulaStats; grid: SheetGrid }[]> {
  const facts = guardWorkbook(filePath);
  const out: { name: string; stats: FormulaStats; grid: SheetGrid }[] = [];
  const run = new ImportRun(filePath, {}, facts, () => {});
  await readWorkbookSheets(
    run,
    (sheet) =>
      out.push({
        name: sheet.name,
        stats: sheet.stats,
        grid: sheet.grid({ distrustZeroResults: distrustsZeros(facts, sheet.stats) }),
      }),
    () => false,
  );
  return out;
}

/**
 * Reads a workbook and finds its tables. Throws a UserError — and changes nothing — when the
 * file must be refused (xlsx/package-guard.ts, xlsx/limits.ts), cannot be read, or the import
 * was cancelled.
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
  const run = new ImportRun(filePath, options, facts, progress);
  run.checkCancelled();
  await readWorkbookSheets(
    run,
    (sheet) => {
      const distrust = distrustsZeros(facts, sheet.stats);
      run.recognise(
        sheet.name,
        () => sheet.grid({ distrustZeroResults: distrust }),
        sheet.stats,
        distrust,
      );
    },
    isFindingsSheet,
  );
  if (run.report.sheets.length === 0) {
    throw new UserError(`Tệp «${name}» không có trang tính nào để nhập.`, 'bad-input');
  }
  return run.result();
}
