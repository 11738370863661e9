/**
 * Reading one column of a detected table: is it a label column (STT, names, codes) or a figure
 * column; which number convention its strings follow; its type and printed decimals; and each
 * cell's value for the model.
 *
 * The convention is decided for the column as a whole, never cell by cell (DOMAIN.md "Numbers"):
 * a column whose strings only read as Vietnamese numbers ("4.962", "16,70") is vi, one whose
 * strings only read the English way ("20.35") is en, and a column of strings that read both ways
 * with different values ("1.234") follows the document's locale. The decision is reported.
 */
import { decimalsNeeded, parseNumber, type NumberConvention } from '../numbers';
import type { CellValue, ColumnType } from '../model';
import { a1, type GridCell } from './sheet-grid';
import { formatDecimals, isPercentFormat } from './number-format';
import { hasLetter, isLabelColumnHeader, isPercentHeader } from '../table-words';

/** How a column's number-strings were read, for the import report and the preview. */
export interface ColumnConvention {
  convention: NumberConvention;
  /** How many string cells were read as numbers. */
  strings: number;
  /** Why, in Vietnamese. */
  reason: string;
}

export interface ColumnRead {
  kind: 'label' | 'figure';
  type: ColumnType;
  decimals: number;
  /** One value per data row. */
  values: CellValue[];
  /** Set when the column holds strings read as numbers. */
  convention: ColumnConvention | null;
  /** Sheet addresses of formula cells whose result was not saved. */
  unevaluated: string[];
  /** Vietnamese notes for the preview. */
  doubts: string[];
}

export interface ColumnInput {
  /** The cells, one per data row, and their 0-based sheet rows. */
  cells: (GridCell | null)[];
  sheetRows: number[];
  sheetColumn: number;
  /** The header words, outermost first, the label last. */
  header: string[];
  /** Display name for messages: "Cột C («Tổng số dân»)". */
  name: string;
  /** The code-row code is a letter (A, B): the statisticians' own mark of a label column. */
  letterCode: boolean;
  /** The code-row code is a number: a figure column, unless it plainly holds names. */
  numericCode: boolean;
  /** The column has a formula in the code row: keep stored fractions as they are. */
  hasFormula: boolean;
  /** The leftmost column of the table (where an unlabelled STT column stands). */
  first: boolean;
  locale: NumberConvention;
}

const MAX_DECIMALS = 10;

function isNumberText(s: string): boolean {
  return parseNumber(s, 'vi').kind === 'number' || parseNumber(s, 'en').kind === 'number';
}

/** 1, 2, 3 … down the rows (gaps allowed for group rows): a row-number column. */
function isSequence(values: number[]): boolean {
  if (values.length < 2 || !values.every((v) => Number.isInteger(v))) return false;
  if (values[0] > 1 || values[0] < 0) return false;
  return values.every((v, i) => i === 0 || v > values[i - 1]);
}

function isLabelColumn(input: ColumnInput): boolean {
  if (input.letterCode) return true;
  if (input.header.some(isLabelColumnHeader)) return true;
  let figures = 0;
  let words = 0;
  const numbers: number[] = [];
  for (const cell of input.cells) {
    if (!cell || cell.value === null) {
      if (cell?.uncached) figures++;
      continue;
    }
    if (typeof cell.value === 'number') {
      figures++;
      numbers.push(cell.value);
    } else if (cell.value.trim() === '') continue;
    else if (isNumberText(cell.value)) {
      figures++;
      const parsed = parseNumber(cell.value, input.locale);
      if (parsed.kind === 'number') numbers.push(parsed.value);
    } else if (hasLetter(cell.value)) words++;
  }
  if (input.numericCode) return words >= 2 && words > figures;
  if (words > figures) return true;
  return input.first && input.header.length === 0 && isSequence(numbers);
}

interface StringTally {
  viOnly: number;
  enOnly: number;
  /** Read both ways, with different values ("1.234"). */
  ambiguous: number;
  total: number;
  example: string | null;
}

function tallyStrings(cells: (GridCell | null)[]): StringTally {
  const t: StringTally = { viOnly: 0, enOnly: 0, ambiguous: 0, total: 0, example: null };
  for (const cell of cells) {
    if (!cell || typeof cell.value !== 'string') continue;
    const vi = parseNumber(cell.value, 'vi');
    const en = parseNumber(cell.value, 'en');
    const viNum = vi.kind === 'number';
    const enNum = en.kind === 'number';
    if (!viNum && !enNum) continue;
    t.total++;
    if (viNum && !enNum) t.viOnly++;
    else if (enNum && !viNum) t.enOnly++;
    else if (vi.kind === 'number' && en.kind === 'number' && vi.value !== en.value) {
      t.ambiguous++;
      t.example ??= cell.value.trim();
    }
  }
  return t;
}

function decideConvention(
  t: StringTally,
  locale: NumberConvention,
  input: ColumnInput,
): ColumnConvention | null {
  if (t.total === 0) return null;
  const name = (c: NumberConvention) =>
    c === 'vi' ? 'kiểu Việt Nam (1.234,5)' : 'kiểu tiếng Anh (1,234.5)';
  const count = `${t.total} ô số lưu dạng chữ`;
  if (t.viOnly > 0 && t.enOnly === 0) {
    return {
      convention: 'vi',
      strings: t.total,
      reason: `${input.name}: ${count}, đọc ${name('vi')} vì chỉ đọc được theo cách này.`,
    };
  }
  if (t.enOnly > 0 && t.viOnly === 0) {
    return {
      convention: 'en',
      strings: t.total,
      reason: `${input.name}: ${count}, đọc ${name('en')} vì chỉ đọc được theo cách này.`,
    };
  }
  if (t.viOnly > 0 && t.enOnly > 0) {
    const convention: NumberConvention =
      t.viOnly === t.enOnly ? locale : t.viOnly > t.enOnly ? 'vi' : 'en';
    return {
      convention,
      strings: t.total,
      reason: `${input.name}: ${count} viết lẫn hai kiểu (${t.viOnly} ô chỉ đọc được kiểu Việt Nam, ${t.enOnly} ô chỉ đọc được kiểu tiếng Anh); đã đọc ${name(convention)}, cần xem lại.`,
    };
  }
  if (t.ambiguous > 0) {
    return {
      convention: locale,
      strings: t.total,
      reason: `${input.name}: ${count} đọc được cả hai kiểu (như «${t.example}»); đã đọc ${name(locale)} theo ngôn ngữ của tài liệu.`,
    };
  }
  // Every string reads the same both ways ("860531", "0"): nothing to decide.
  return { convention: locale, strings: t.total, reason: `${input.name}: ${count}, đọc thành số.` };
}

function mode(values: number[]): number | null {
  if (values.length === 0) return null;
  const counts = new Map<number, number>();
  for (const v of values) counts.set(v, (counts.get(v) ?? 0) + 1);
  return [...counts].sort((a, b) => b[1] - a[1] || b[0] - a[0])[0][0];
}

/** 0.1234 stored under a % format shows as 12,34: the model keeps what the sheet shows. */
function percentShown(value: number): number {
  return Number((value * 100).toPrecision(15));
}

export function readColumn(input: ColumnInput): ColumnRead {
  const unevaluated = input.cells.flatMap((cell, i) =>
    cell?.uncached ? [a1(input.sheetRows[i], input.sheetColumn)] : [],
  );
  const doubts: string[] = [];
  if (isLabelColumn(input)) {
    return {
      kind: 'label',
      type: 'text',
      decimals: 0,
      values: input.cells.map((cell) =>
        !cell || cell.value === null || (typeof cell.value === 'string' && cell.value.trim() === '')
          ? null
          : cell.value,
      ),
      convention: null,
      unevaluated,
      doubts,
    };
  }

  const numbered = input.cells.filter(
    (c): c is GridCell & { value: number } => typeof c?.value === 'number',
  );
  const percentCells = numbered.filter((c) => isPercentFormat(c.numFmt)).length;
  const percentFormat = percentCells > 0 && percentCells * 2 >= numbered.length;
  // A code-row formula states how the column is computed; multiplying its stored fractions by
  // 100 would break it, so such a column keeps them and shows two more decimals.
  const scalePercent = percentFormat && !input.hasFormula;

  const tally = tallyStrings(input.cells);
  const convention = decideConvention(tally, input.locale, input);
  const texts: string[] = [];
  const stringDecimals: number[] = [];
  const values: CellValue[] = input.cells.map((cell, i) => {
    if (!cell || cell.value === null) return null;
    if (typeof cell.value === 'number') {
      return scalePercent && isPercentFormat(cell.numFmt) ? percentShown(cell.value) : cell.value;
    }
    const parsed = parseNumber(cell.value, convention?.convention ?? input.locale);
    if (parsed.kind === 'empty') return null;
    if (parsed.kind === 'number') {
      stringDecimals.push(parsed.decimals);
      return parsed.value;
    }
    texts.push(`${a1(input.sheetRows[i], input.sheetColumn)} «${cell.value.trim()}»`);
    return cell.value;
  });

  const fmtDecimals = mode(
    numbered.map((c) => formatDecimals(c.numFmt)).filter((d): d is number => d !== null),
  );
  const generalDecimals = numbered
    .filter((c) => formatDecimals(c.numFmt) === null)
    .map((c) =>
      decimalsNeeded(
        scalePercent && isPercentFormat(c.numFmt) ? percentShown(c.value) : c.value,
        MAX_DECIMALS,
      ),
    );
  let decimals = fmtDecimals ?? Math.max(0, ...generalDecimals, ...stringDecimals);
  if (fmtDecimals !== null && stringDecimals.length > 0)
    decimals = Math.max(decimals, ...stringDecimals);
  if (percentFormat && !scalePercent) decimals += 2;
  decimals = Math.min(MAX_DECIMALS, decimals);

  const percent = scalePercent || input.header.some(isPercentHeader);
  const allIntegers = values.every((v) => typeof v !== 'number' || Number.isInteger(v));
  const type: ColumnType = percent
    ? 'percent'
    : decimals === 0 && allIntegers
      ? 'integer'
      : 'decimal';

  if (scalePercent) {
    doubts.push(
      `${input.name} định dạng phần trăm trong Excel: giá trị lưu 0,1234 được ghi là 12,34 như trên trang tính.`,
    );
  } else if (percentFormat) {
    doubts.push(
      `${input.name} định dạng phần trăm nhưng có công thức ở dòng mã cột: giữ giá trị lưu (phân số) như công thức tính.`,
    );
  }
  if (texts.length > 0) {
    const shown =
      texts.slice(0, 3).join(', ') + (texts.length > 3 ? ` và ${texts.length - 3} ô khác` : '');
    doubts.push(
      `${input.name}: ${texts.length} ô không phải số (${shown}); giữ nguyên chữ, phần kiểm tra sẽ báo.`,
    );
  }
  if (unevaluated.length > 0) {
    const shown =
      unevaluated.slice(0, 3).join(', ') +
      (unevaluated.length > 3 ? ` và ${unevaluated.length - 3} ô khác` : '');
    doubts.push(
      `${input.name}: ${unevaluated.length} ô công thức chưa có kết quả lưu trong tệp (${shown}); để trống, không coi là 0.`,
    );
  }
  return { kind: 'figure', type, decimals, values, convention, unevaluated, doubts };
}
