/**
 * The one entry for getting tables out of a file — `bieu check`, `bieu import` and Tệp › Nhập…
 * all come here: the guard says what the file is by its content (an .xlsx named .xls is read as
 * what it is), and the reader for that kind finds its tables. Every refusal is one Vietnamese
 * sentence naming the file, and nothing is changed.
 */
import path from 'node:path';
import { cancelled, type ImportOptions, type ImportResult } from './import-run';
import { importSheetJsWorkbook } from './read-sheetjs';
import { importWordReport } from './read-docx';
import { importWorkbook } from './read-xlsx';
import { guardFile } from './xlsx/package-guard';

export type { ImportOptions, ImportReport, ImportResult } from './import-run';

export async function importFile(
  filePath: string,
  options: ImportOptions = {},
): Promise<ImportResult> {
  if (options.signal?.aborted) throw cancelled(path.basename(filePath));
  const guarded = guardFile(filePath);
  switch (guarded.kind) {
    case 'xlsx':
      return importWorkbook(filePath, options);
    case 'xls':
      return importSheetJsWorkbook(filePath, guarded, options);
    case 'ods':
      return importSheetJsWorkbook(filePath, { kind: 'ods', facts: guarded.facts }, options);
    case 'docx':
      return importWordReport(filePath, guarded.facts, options);
  }
}
