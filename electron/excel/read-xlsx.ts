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
import type { SheetGrid } from '../../shared/import/sheet-grid';
import {
  cancelled,
  ImportRun,
  isFindingsSheet,
  progressReporter,
  type ImportOptions,
  type ImportResult,
} from './import-run';
import { limitRefusal } from './xlsx/limits';
import { guardWorkbook, type WorkbookFacts } from './xlsx/package-guard';
import { NoWorkbookPart, readSheets, SheetLimitExceeded } from './xlsx/read-sheets';
import type { FormulaStats } from './xlsx/sheet-reader';
import { entryRefusal, ZipEntryError } from './xlsx/zip-entry';

/** Formulas needed before the share of placeholder results is telling. */
const PLACEHOLDER_MIN_FORMULAS = 10;

/**
 * Whether a sheet's saved 0s are placeholders: a workbook Excel did not calculate (no
 * calcChain.xml) in which most formula results are 0, "0" or nothing is one whose writer never
 * computed them (a real district workbook of the accuracy corpus saves 0 for 13 500 of its
 * 14 800 formulas).
 */
function distrustsZeros(facts: WorkbookFacts, stats: FormulaStats): boolean {
  return (
    !facts.calculatedByExcel &&
    stats.formulas >= PLACEHOLDER_MIN_FORMULAS &&
    stats.placeholders * 2 >= stats.formulas
  );
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
  facts: WorkbookFacts,
  each: Parameters<typeof readSheets>[1],
  skip: (name: string) => boolean,
): Promise<void> {
  try {
    await readSheets(
      {
        ...run,
        entries: facts.entries,
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
  const run = new ImportRun(filePath, {}, () => {});
  await readWorkbookSheets(
    run,
    facts,
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
  const run = new ImportRun(filePath, options, progress);
  run.checkCancelled();
  await readWorkbookSheets(
    run,
    facts,
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
