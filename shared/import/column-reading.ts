/**
 * Reading one column of a detected table: what it holds (column-types.ts: figures, or text of
 * some kind), how its strings are read as numbers, its type and printed decimals, and each
 * cell's value for the model.
 *
 * The notation of number-strings is the sheet's (notation.ts), decided from the whole sheet; a
 * column whose own strings read one way only keeps that way, and says so when it differs from
 * the sheet. Nothing is decided cell by cell, and every decision is reported.
 */
import { decimalsNeeded, parseNumber, type NumberConvention } from '../numbers';
import type { CellValue, ColumnType } from '../model';
import { a1, type GridCell } from './sheet-grid';
import { formatDecimals, isPercentFormat } from './number-format';
import { isErrorValue, isPercentHeader } from '../table-words';
import { typeColumn, type ColumnKind } from './column-types';
import {
  decideNotation,
  emptyTally,
  notationName,
  tallyString,
  type NotationDecision,
} from './notation';

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
  /** What the column holds, in detail (a label column may be dates, codes, item numbers …). */
  holds: ColumnKind;
  /** Share of figures among the cells that say something, and how many of each. */
  figureShare: number;
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
  /** The notation the whole sheet establishes (notation.ts); by default the locale's. */
  notation?: NotationDecision;
}

const MAX_DECIMALS = 10;

/**
 * The column's notation: its own strings' when they read one way only, else the sheet's. A
 * column that reads one way against the sheet's other way is said in the doubts.
 */
function decideConvention(
  cells: readonly (GridCell | null)[],
  input: ColumnInput,
): ColumnConvention | null {
  const tally = emptyTally();
  let strings = 0;
  for (const cell of cells) {
    if (!cell || typeof cell.value !== 'string') continue;
    const s = cell.value;
    if (parseNumber(s, 'vi').kind !== 'number' && parseNumber(s, 'en').kind !== 'number') continue;
    strings++;
    tallyString(tally, s);
  }
  if (strings === 0) return null;
  const sheet = input.notation ?? decideNotation(emptyTally(), input.locale);
  const own = decideNotation(tally, sheet.convention);
  const count = `${strings} ô số lưu dạng chữ`;
  if (own.by === 'evidence') {
    const example = own.convention === 'vi' ? tally.viExample : tally.enExample;
    if (own.conflict) {
      return {
        convention: own.convention,
        strings,
        reason: `${input.name}: ${count} viết lẫn hai kiểu (${tally.viOnly} ô chỉ đọc được kiểu Việt Nam, ${tally.enOnly} ô chỉ đọc được kiểu tiếng Anh); đã đọc ${notationName(own.convention)}, cần xem lại.`,
      };
    }
    const against =
      sheet.by === 'evidence' && sheet.convention !== own.convention
        ? `, khác với phần còn lại của trang tính (${notationName(sheet.convention)}): cần xem lại`
        : '';
    return {
      convention: own.convention,
      strings,
      reason: `${input.name}: ${count}, đọc ${notationName(own.convention)} vì chỉ đọc được theo cách này (như «${example}»)${against}.`,
    };
  }
  if (tally.ambiguous > 0) {
    const why =
      sheet.by === 'evidence'
        ? 'theo cách viết số của cả trang tính'
        : 'theo ngôn ngữ của tài liệu';
    return {
      convention: sheet.convention,
      strings,
      reason: `${input.name}: ${count} đọc được cả hai kiểu (như «${tally.ambiguousExample}»); đã đọc ${notationName(sheet.convention)} ${why}.`,
    };
  }
  // Every string reads the same both ways ("860531", "0"): nothing to decide.
  return {
    convention: sheet.convention,
    strings,
    reason: `${input.name}: ${count}, đọc thành số.`,
  };
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
  const typing = typeColumn({
    cells: input.cells,
    header: input.header,
    letterCode: input.letterCode,
    numericCode: input.numericCode,
    first: input.first,
  });
  const holds = typing.kind;
  const figureShare = typing.share;
  if (holds !== 'figure') {
    return {
      kind: 'label',
      holds,
      figureShare,
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
  // A column headed "%" holds percent points; a few of its cells formatted as Excel percent show
  // 6,67% for a stored 0,0667 and are read as shown, like the rest of the column.
  const percentHeaded = input.header.some(isPercentHeader);
  const shownAsPercent = (numFmt: string | undefined) =>
    isPercentFormat(numFmt) && (scalePercent || (!percentFormat && percentHeaded));

  const convention = decideConvention(input.cells, input);
  const texts: string[] = [];
  const stringDecimals: number[] = [];
  const values: CellValue[] = input.cells.map((cell, i) => {
    if (!cell || cell.value === null) return null;
    if (typeof cell.value === 'number') {
      return shownAsPercent(cell.numFmt) ? percentShown(cell.value) : cell.value;
    }
    const parsed = parseNumber(
      cell.value,
      convention?.convention ?? input.notation?.convention ?? input.locale,
    );
    if (parsed.kind === 'empty') return null;
    // An error value stays what Excel shows; the checks report it as such.
    if (isErrorValue(cell.value)) return cell.value.trim();
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
      decimalsNeeded(shownAsPercent(c.numFmt) ? percentShown(c.value) : c.value, MAX_DECIMALS),
    );
  let decimals = fmtDecimals ?? Math.max(0, ...generalDecimals, ...stringDecimals);
  if (fmtDecimals !== null && stringDecimals.length > 0)
    decimals = Math.max(decimals, ...stringDecimals);
  if (percentFormat && !scalePercent) decimals += 2;
  decimals = Math.min(MAX_DECIMALS, decimals);

  const percent = scalePercent || percentHeaded;
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
  return {
    kind: 'figure',
    holds,
    figureShare,
    type,
    decimals,
    values,
    convention,
    unevaluated,
    doubts,
  };
}
