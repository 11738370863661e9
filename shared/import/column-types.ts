/**
 * What a column of a table holds, decided from the whole column, never from one cell or from its
 * header alone: figures, or one of the kinds of text that look like numbers — dates
 * ("01/01/2013"), years ("Năm xây dựng": 1995, 2003), codes and identifiers ("01", "V01",
 * "10004"), lists of numbers ("201,301,401"), item numbers and section codes ("3.1.", "1.2.3",
 * "I", "a"), units of measure ("Chiếc", "m2") — or plain text (names, notes).
 *
 * A column is a figure column only when a clear majority of its data cells are figures; a date,
 * year, code, list or item-number column is text, and never yields "not a number". Excel's error
 * values ("#VALUE!") say nothing about what a column holds: a formula column that failed is still
 * a figure column. Header words are hints that break ties (an "STT" or "Mã" header, a letter code
 * in the code row), as the statisticians' own marks are.
 */
import { parseNumber } from '../numbers';
import type { GridCell } from './sheet-grid';
import { formatDecimals, isDateFormat } from './number-format';
import {
  hasLetter,
  isCodeHeader,
  isDateHeader,
  isErrorValue,
  isLabelColumnHeader,
  isMeasureHeader,
  isYearHeader,
} from '../table-words';

export type CellClass =
  'number' | 'date' | 'code' | 'list' | 'item-number' | 'section' | 'word' | 'error' | 'dash';

export type ColumnKind =
  'figure' | 'year' | 'date' | 'code' | 'list' | 'ordinal' | 'measure' | 'text';

/** A figure column: at least this share of its cells (error values and dashes aside) are figures. */
export const FIGURE_SHARE = 0.75;

const DATE_TEXT = /^\d{1,2}[/.-]\d{1,2}[/.-](?:\d{2}|\d{4})$|^\d{4}-\d{1,2}-\d{1,2}$/;
/** "3.1.", "1.2.3", "I.1", "III.2.a": numbers of items in levels (a single "1." is an item too). */
const ITEM_NUMBER = /^(?:(?:\d{1,3}|[IVXLC]{1,5})\.)+(?:\d{1,3}|[a-zđ])?\.?$/u;
/** "I", "II.", "A", "a)", "b.": a section code alone in its cell. */
const SECTION = /^(?:[IVXLC]{1,5}|[A-ZĐ]|[a-zđ])[.)]?$/u;
/** "01", "0012": a number with a leading zero is a code (Excel drops the zero of a figure). */
const LEADING_ZERO = /^0\d+$/;
/** "V01", "KV1", "QĐ-123", "10004A": letters and digits mixed in a short token. */
const CODE_TOKEN = /^(?=.*\d)(?=.*\p{L})[\p{L}\d][\p{L}\d._/-]{0,15}$/u;
/** "201,301,401", "1;2;3", "12, 15, 17": a list of numbers, not one figure. */
const LIST = /^\d+(?:\s*[,;]\s*\d+){2,}$|^\d+(?:\s*;\s*\d+)+$/;

/** What one cell holds. */
export function classifyCell(cell: GridCell | null): CellClass | null {
  if (!cell) return null;
  if (cell.uncached) return 'number';
  const v = cell.value;
  if (v === null) return null;
  if (typeof v === 'number') {
    if (isDateFormat(cell.numFmt)) return 'date';
    return 'number';
  }
  const s = v.trim();
  if (s === '') return null;
  if (isErrorValue(s)) return 'error';
  const vi = parseNumber(s, 'vi');
  if (vi.kind === 'empty') return 'dash';
  if (DATE_TEXT.test(s)) return 'date';
  if (LEADING_ZERO.test(s)) return 'code';
  if (vi.kind === 'number' || parseNumber(s, 'en').kind === 'number') return 'number';
  if (LIST.test(s)) return 'list';
  if (ITEM_NUMBER.test(s)) return 'item-number';
  if (SECTION.test(s)) return 'section';
  if (CODE_TOKEN.test(s) && s.length <= 12 && !/\s/.test(s)) return 'code';
  if (hasLetter(s)) return 'word';
  return 'word';
}

export interface ColumnEvidence {
  figures: number;
  /** Cells that are not figures and not neutral (error values, dashes). */
  others: number;
  counts: Partial<Record<CellClass, number>>;
  /** The figures' values (numbers and strings read either way), for the year and sequence tests. */
  values: number[];
}

export function columnEvidence(cells: readonly (GridCell | null)[]): ColumnEvidence {
  const e: ColumnEvidence = { figures: 0, others: 0, counts: {}, values: [] };
  for (const cell of cells) {
    const k = classifyCell(cell);
    if (k === null) continue;
    e.counts[k] = (e.counts[k] ?? 0) + 1;
    if (k === 'number') {
      e.figures++;
      const v = cell!.value;
      if (typeof v === 'number') e.values.push(v);
      else if (typeof v === 'string') {
        const p = parseNumber(v, 'vi');
        const q = p.kind === 'number' ? p : parseNumber(v, 'en');
        if (q.kind === 'number') e.values.push(q.value);
      }
    } else if (k !== 'error' && k !== 'dash') e.others++;
  }
  return e;
}

export interface ColumnTypeInput {
  cells: readonly (GridCell | null)[];
  /** The header words, outermost first, the label last. */
  header: readonly string[];
  /** The code-row code is a letter (A, B): the statisticians' mark of a label column. */
  letterCode: boolean;
  /** The code-row code is a number: the statisticians' mark of a figure column. */
  numericCode: boolean;
  /** The leftmost column of the table (where an unlabelled STT column stands). */
  first: boolean;
}

export interface ColumnTyping {
  kind: ColumnKind;
  evidence: ColumnEvidence;
  /** Share of figures among the cells that say something. */
  share: number;
}

/** 1, 2, 3 … down the rows (gaps allowed for group rows): a row-number column. */
function isSequence(values: readonly number[]): boolean {
  if (values.length < 2 || !values.every((v) => Number.isInteger(v))) return false;
  if (values[0] > 1 || values[0] < 0) return false;
  return values.every((v, i) => i === 0 || v > values[i - 1]);
}

/**
 * "A, 1, 2, 3, B, I, 1, a, b, 2": the STT of an outline — section marks (letters, roman
 * numerals, "1.2") on group rows between whole numbers that count up and start again at 1. A
 * figure column never climbs and restarts like that, nor carries marks in several cells.
 */
function isOutlineNumbering(cells: readonly (GridCell | null)[]): boolean {
  let marks = 0;
  let numbers = 0;
  let previous = 0;
  for (const cell of cells) {
    const k = classifyCell(cell);
    if (k === null || k === 'dash') continue;
    if (k === 'section' || k === 'item-number') {
      // "x" is the statisticians' "not applicable" in a figure column, not a section.
      if (String(cell!.value).trim().toLowerCase() !== 'x') marks++;
      continue;
    }
    if (k !== 'number' || typeof cell!.value !== 'number') return false;
    const v = cell!.value;
    if (!Number.isInteger(v) || v < 1 || (v <= previous && v !== 1)) return false;
    previous = v;
    numbers++;
  }
  return marks >= 2 && numbers >= 2;
}

function isYears(values: readonly number[]): boolean {
  return values.length > 0 && values.every((v) => Number.isInteger(v) && v >= 1900 && v <= 2100);
}

/** Decimals the cells' formats show, if any: a year is never printed with decimals. */
function formatsShowDecimals(cells: readonly (GridCell | null)[]): boolean {
  return cells.some((c) => c !== null && (formatDecimals(c.numFmt) ?? 0) > 0);
}

export function typeColumn(input: ColumnTypeInput): ColumnTyping {
  const evidence = columnEvidence(input.cells);
  const { figures, others, counts } = evidence;
  const said = figures + others;
  const share = said === 0 ? 0 : figures / said;
  const typing = (kind: ColumnKind): ColumnTyping => ({ kind, evidence, share });
  const header = input.header;
  const most = (k: CellClass) => (counts[k] ?? 0) * 2 > said;

  if (input.letterCode) return typing('text');
  if (header.some(isMeasureHeader)) return typing('measure');
  // "STT", "Mã số", "Ghi chú": row numbers, codes and notes, even where the code row numbers
  // every column (1, 2, 3 … over STT and names alike).
  if (header.some(isCodeHeader)) return typing('code');
  if (header.some(isLabelColumnHeader)) return typing('ordinal');
  // "Ngày cấp" over dates is a date column; "Ngày điều trị BQ" over 7,94 counts days.
  if (header.some(isDateHeader) && (counts.date ?? 0) > 0 && (counts.date ?? 0) >= figures)
    return typing('date');
  if (header.some(isYearHeader) && isYears(evidence.values) && !formatsShowDecimals(input.cells))
    return typing('year');

  if (most('date')) return typing('date');
  if (most('item-number') || (counts['item-number'] ?? 0) + (counts.section ?? 0) > figures)
    return typing('ordinal');
  if (most('list')) return typing('list');
  if (most('code')) return typing('code');
  if (isOutlineNumbering(input.cells)) return typing('ordinal');

  // The code row numbers the column: a figure column (maybe not filled in yet), unless its
  // cells are plainly words.
  if (input.numericCode) return typing(others >= 2 && others > figures ? 'text' : 'figure');
  if (figures === 0 || share < FIGURE_SHARE) return typing('text');
  // An unlabelled first column counting 1, 2, 3 …: the STT.
  if (input.first && header.length === 0 && others === 0 && isSequence(evidence.values))
    return typing('ordinal');
  return typing('figure');
}
