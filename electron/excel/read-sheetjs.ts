/**
 * Importing an .xls (Excel 97–2003) or an .ods (LibreOffice) workbook: parsed by SheetJS in a
 * bounded worker (sheetjs/run-sheetjs.ts) — for an .ods, from its parts inflated and measured
 * through Biểu's own zip bounds (sheetjs/ods-package.ts) — then each sheet becomes the same kind
 * of grid as an .xlsx sheet and goes through the same table detection. Every refusal is one
 * Vietnamese sentence naming the file.
 */
import fs from 'node:fs';
import { UserError } from '../../shared/api';
import {
  cancelled,
  ImportRun,
  isFindingsSheet,
  type ImportOptions,
  type ImportResult,
} from './import-run';
import { OdsSheetLimit, repackOds } from './sheetjs/ods-package';
import { parseWithSheetJs, type ParseOutcome } from './sheetjs/run-sheetjs';
import { sheetGridOf } from './sheetjs/sheet-grid-of';
import { LimitExceeded, limitRefusal } from './xlsx/limits';
import type { WorkbookFacts } from './xlsx/package-guard';
import { entryRefusal, ZipEntryError } from './xlsx/zip-entry';

const FORMAT_NAMES = {
  xls: 'sổ làm việc Excel 97–2003 (.xls)',
  ods: 'bảng tính OpenDocument (.ods)',
};

function parseRefusal(name: string, kind: 'xls' | 'ods', outcome: ParseOutcome): UserError {
  if (outcome.ok) throw new Error('not a refusal');
  if (outcome.problem === 'cancelled') return cancelled(name);
  const what = FORMAT_NAMES[kind];
  if (outcome.problem === 'memory')
    return new UserError(
      `Tệp «${name}»: ${what} này cần quá nhiều bộ nhớ để đọc; Biểu không mở để tránh treo máy.`,
      'bad-input',
    );
  if (outcome.problem === 'time')
    return new UserError(
      `Tệp «${name}»: ${what} này đọc quá lâu (quá 8 giây); Biểu dừng lại để tránh treo máy.`,
      'bad-input',
    );
  if (/password/i.test(outcome.problem === 'failed' ? outcome.message : ''))
    return new UserError(
      `Tệp «${name}» được đặt mật khẩu; hãy mở bằng Excel hoặc LibreOffice, bỏ mật khẩu rồi lưu lại trước khi nhập.`,
      'bad-input',
    );
  return new UserError(
    `Không đọc được tệp «${name}»: ${what} bị hỏng hoặc không phải bảng tính.`,
    'bad-input',
  );
}

/** Reads an .xls or .ods the guard let through, and finds its tables. */
export async function importSheetJsWorkbook(
  filePath: string,
  guarded: { kind: 'xls' } | { kind: 'ods'; facts: WorkbookFacts },
  options: ImportOptions = {},
): Promise<ImportResult> {
  const run = ImportRun.begin(filePath, options);
  const { name, progress } = run;
  let bytes: Buffer;
  try {
    bytes =
      guarded.kind === 'ods'
        ? repackOds(filePath, guarded.facts.entries)
        : fs.readFileSync(filePath);
  } catch (e) {
    if (e instanceof ZipEntryError) throw entryRefusal(name, e);
    if (e instanceof OdsSheetLimit) throw limitRefusal(name, e.sheet || null, e.limit.problem);
    throw e;
  }
  const outcome = await parseWithSheetJs(bytes, { signal: options.signal });
  if (!outcome.ok) throw parseRefusal(name, guarded.kind, outcome);
  run.checkCancelled();
  if (outcome.sheets.length === 0) {
    throw new UserError(`Tệp «${name}» không có trang tính nào để nhập.`, 'bad-input');
  }
  outcome.sheets.forEach((sheet, i) => {
    run.checkCancelled();
    if (isFindingsSheet(sheet.name)) return run.skipFindingsSheet(sheet.name);
    progress(
      0.85 + (0.15 * i) / outcome.sheets.length,
      `Nhận dạng biểu trên trang «${sheet.name.trim()}»`,
    );
    let read;
    try {
      read = sheetGridOf(sheet, outcome.date1904);
    } catch (e) {
      if (e instanceof LimitExceeded) throw limitRefusal(name, sheet.name, e.problem);
      throw e;
    }
    run.recognise(sheet.name, () => read.grid, read.stats, false);
  });
  return run.result();
}
