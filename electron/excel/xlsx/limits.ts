/**
 * How much of a workbook Biểu reads, and the sentence that refuses more. What is measured is what
 * a part really holds while it is read — cells present (a value or a formula), bytes inflated,
 * shared strings — never what it declares: a `<dimension>` of A1:XFD1048576 is only a writer's
 * claim. A cell past Excel's last row or column is refused the moment it is seen.
 */
import { UserError } from '../../../shared/api';

export const LIMITS = {
  /** All parts of the workbook, uncompressed: declared (the guard) and inflated (the reader). */
  totalBytes: 200 * 1024 * 1024,
  /** The file itself (an .xls is read whole, by SheetJS). */
  fileBytes: 100 * 1024 * 1024,
  /** A part larger than this must not compress better than `ratio`:1. */
  ratioFloorBytes: 10 * 1024 * 1024,
  ratio: 500,
  entries: 10_000,
  /** Cells holding a value or a formula on one sheet (style-only cells do not count). */
  sheetCells: 2_000_000,
  sharedStrings: 1_000_000,
  /** Characters of all shared strings together. */
  sharedStringChars: 100 * 1024 * 1024,
  /** Merged ranges on one sheet. */
  merges: 20_000,
  /** Cells visited to clear what merged ranges hide: overlapping ranges cost each time. */
  mergeWork: 8_000_000,
  /** Excel's own last row and column. */
  lastRow: 1_048_576,
  lastColumn: 16_384,
  /** One XML construct (a tag, a comment) that never ends. */
  xmlConstructChars: 4 * 1024 * 1024,
} as const;

export type LimitProblem =
  | { kind: 'cells'; count: number }
  | { kind: 'row'; row: number }
  | { kind: 'column'; ref: string; column: number }
  | { kind: 'merges'; count: number }
  | { kind: 'merge-work' }
  | { kind: 'shared-strings'; count: number }
  | { kind: 'shared-string-chars' }
  | { kind: 'bytes' }
  | { kind: 'xml-construct' };

/** A part holds more than Biểu reads; read-xlsx.ts names the file and the sheet. */
export class LimitExceeded extends Error {
  constructor(readonly problem: LimitProblem) {
    super(`limit: ${problem.kind}`);
    this.name = 'LimitExceeded';
  }
}

const n = (value: number) => value.toLocaleString('vi-VN');

/** One sentence naming the file and, when known, the sheet. */
export function limitRefusal(file: string, sheet: string | null, problem: LimitProblem): UserError {
  const where = sheet !== null ? `trang tính «${sheet.trim()}»` : 'sổ làm việc';
  const tail = 'Biểu không mở để tránh treo máy.';
  let what: string;
  switch (problem.kind) {
    case 'cells':
      what = `${where} có hơn ${n(LIMITS.sheetCells)} ô có dữ liệu`;
      break;
    case 'row':
      what = `${where} có dòng ${n(problem.row)}, vượt dòng cuối cùng của Excel (${n(LIMITS.lastRow)})`;
      break;
    case 'column':
      what = `${where} có ô ${problem.ref.slice(0, 20)} ở cột thứ ${n(problem.column)}, vượt cột cuối cùng của Excel (${n(LIMITS.lastColumn)})`;
      break;
    case 'merges':
      what = `${where} có hơn ${n(LIMITS.merges)} vùng gộp ô`;
      break;
    case 'merge-work':
      what = `${where} có các vùng gộp ô chồng lên nhau quá nhiều`;
      break;
    case 'shared-strings':
      what = `bảng chữ dùng chung có hơn ${n(LIMITS.sharedStrings)} chuỗi`;
      break;
    case 'shared-string-chars':
      what = `bảng chữ dùng chung dài hơn ${n(LIMITS.sharedStringChars)} ký tự`;
      break;
    case 'bytes':
      what = `nội dung giải nén ra nhiều hơn ${n(LIMITS.totalBytes / (1024 * 1024))} MB`;
      break;
    case 'xml-construct':
      what = `${where} có một thẻ XML không bao giờ kết thúc (tệp hỏng)`;
      break;
  }
  return new UserError(`Tệp «${file}»: ${what}; ${tail}`, 'bad-input');
}
