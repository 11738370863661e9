/**
 * Rules from the levels of the rows (../outline.ts):
 * - an item with numbered sub-items is their sum (1 = 1.1 + 1.2; 1.1 = 1.1.1 + 1.1.2), in every
 *   column a total adds — the CCHC scoring tables, where each criterion's points are the sum of
 *   its sub-criteria's; answer options under an item (rows without a number) are never added;
 * - a "Trong đó" row is at most the row it is part of, and so is the sum of several;
 * - an item number out of sequence ("1.4.1" under 1.3, "7.11" for 7.1.1, a number used twice)
 *   is a warning on its cell: the sums above are checked with the number the sequence calls for,
 *   so one slip of the numbering does not make two items look wrong.
 * Rows with different units of measure ("Ha" and "Tạ/Ha") are never added or bounded together.
 */
import { headerText, isRowNumberHeader } from '../../table-words';
import type { CellValue } from '../../model';
import { linearRule } from '../linear-rule';
import type { NumberingIssue } from '../outline';
import type { Severity } from '../finding';
import {
  CellFactRule,
  CompactRule,
  NOTHING_TO_SAY,
  halfUnit,
  isText,
  sumTolerance,
  type CellRef,
  type CellSource,
  type Claim,
  type Compared,
  type Comparison,
  type Evaluation,
  type Rule,
  type RuleDescription,
  type RuleKind,
} from '../rule';
import type { TableContext } from '../table-context';
import { columnName } from './header-sum';

/** Long labels are cut for messages. */
export function short(label: string | null, max = 60): string | null {
  if (label === null) return null;
  const t = label.replace(/\s+/g, ' ').trim();
  return t.length > max ? `${t.slice(0, max - 1).trimEnd()}…` : t;
}

export function comparisonOf(
  context: TableContext,
  col: number,
  rows: number,
  bound: boolean,
): Comparison {
  const decimals = context.table.columns[col].decimals;
  return {
    shape: bound ? 'bound' : 'sum',
    decimals,
    integers: decimals === 0,
    roundingSlack: decimals > 0 ? (rows + 1) * halfUnit(decimals) : 0,
  };
}

/** The unit of measure of a row ("ha", "tấn"), or null when the table has none or the row none. */
function measureOf(context: TableContext, row: number): string | null {
  if (context.measureColumn < 0) return null;
  const v = context.table.rows[row]?.cells[context.measureColumn];
  return typeof v === 'string' && v.trim() !== '' ? headerText(v) : null;
}

function sameMeasure(context: TableContext, rows: readonly number[]): boolean {
  const units = new Set(rows.map((r) => measureOf(context, r)).filter((u) => u !== null));
  return units.size <= 1;
}

function additiveColumns(context: TableContext): number[] {
  return context.table.columns.flatMap((_, c) =>
    context.figureColumns[c] && !context.notSummed[c] ? [c] : [],
  );
}

/** Numbered items: the item equals the sum of its numbered sub-items. */
function itemSums(context: TableContext): Rule[] {
  const { table } = context;
  const outline = context.outline();
  if (outline.numberColumn < 0) return [];
  const children = new Map<number, number[]>();
  table.rows.forEach((row, r) => {
    const p = outline.parent[r];
    if (p < 0 || row.role !== 'detail' || outline.numbers[r] === null) return;
    if (outline.part[r] || outline.note[r] || outline.numbers[p] === null) return;
    let list = children.get(p);
    if (!list) children.set(p, (list = []));
    list.push(r);
  });
  const columns = additiveColumns(context);
  const rules: Rule[] = [];
  // An item number says which rows are sub-items, not that they add up: that is read from the
  // figures, per item (across its columns) and per column (across the items).
  const columnClaims = new Map<number, Claim>();
  const columnClaim = (col: number): Claim => {
    let claim = columnClaims.get(col);
    if (!claim) {
      claim = {
        basis: 'inferred',
        said: `cột ${columnName(table.columns[col], col)} cộng đúng`,
        over: 'mục',
      };
      columnClaims.set(col, claim);
    }
    return claim;
  };
  for (const [p, kids] of children) {
    if (context.headsOnly(p) || !sameMeasure(context, [p, ...kids])) continue;
    const label = short(`${outline.numbers[p]} ${context.rowLabel(p) ?? ''}`.trim());
    const itemClaim: Claim = {
      basis: 'inferred',
      said: `mục «${label}» bằng tổng các mục con`,
      over: 'cột',
    };
    for (const col of columns) {
      if ([p, ...kids].every((r) => table.rows[r].cells[col] === null)) continue;
      const column = table.columns[col];
      const description: RuleDescription = {
        kind: 'column-total',
        columnCode: columnName(column, col),
        role: 'item',
        rowLabel: label,
        covers: {
          what: 'children',
          rows: kids.length,
          groupLabel: null,
          subtotalLabel: null,
          items: kids.map((k) => outline.numbers[k]!),
        },
      };
      rules.push(
        linearRule({
          key: `outline:${p}:${col}`,
          kind: 'column-total',
          target: { row: p, col },
          terms: kids.map((k) => ({ cell: { row: k, col }, coefficient: 1 })),
          constant: 0,
          precision: 'exact',
          comparison: comparisonOf(context, col, kids.length, false),
          description,
          claims: [itemClaim, columnClaim(col)],
        }),
      );
    }
  }
  return rules;
}

interface PartShape {
  /** The cell stating the checked value: the part (at-most) or the whole (at-least). */
  target: CellRef;
  /** The cells summed into the bound. */
  bound: readonly CellRef[];
  direction: 'at-most' | 'at-least';
  /** The whole row's cell: when it is blank or negative, nothing is checked. */
  whole: CellRef;
  comparison: Comparison;
  description: RuleDescription;
  claims: readonly Claim[];
}

/** "Trong đó": a part at most its row, or the row at least the sum of its parts. */
class PartBoundRule extends CompactRule implements Rule {
  readonly kind = 'column-total' as const;
  constructor(private readonly shape: PartShape) {
    super();
  }
  get key(): string {
    const { target, direction } = this.shape;
    return `outline-part:${direction}:${target.row}:${target.col}`;
  }
  get target(): CellRef {
    return this.shape.target;
  }
  get comparison(): Comparison {
    return this.shape.comparison;
  }
  get description(): RuleDescription {
    return this.shape.description;
  }
  get claims(): readonly Claim[] {
    return this.shape.claims;
  }
  forEachRead(visit: (row: number, col: number) => void): void {
    visit(this.shape.target.row, this.shape.target.col);
    for (const c of this.shape.bound) visit(c.row, c.col);
  }
  evaluate(cells: CellSource): Evaluation {
    const { target, bound, direction, whole } = this.shape;
    const stated = cells.number(target.row, target.col);
    let sum = 0;
    for (const c of bound) sum += cells.number(c.row, c.col);
    const pass: Compared = { status: 'pass', stated, exact: sum, expected: sum };
    // A row left blank says nothing about its parts; a negative figure (an adjustment) bounds
    // nothing.
    if (cells.raw(whole.row, whole.col) === null) return pass;
    if (stated < 0 || sum < 0) return pass;
    const slack = sumTolerance(sum, this.shape.comparison.decimals);
    const ok = direction === 'at-most' ? stated <= sum + slack : stated >= sum - slack;
    return ok ? pass : { status: 'fail', stated, exact: sum, expected: sum };
  }
}

function partBounds(context: TableContext): Rule[] {
  const { table } = context;
  const outline = context.outline();
  const partsOf = new Map<number, number[]>();
  table.rows.forEach((row, r) => {
    const w = outline.whole[r];
    if (w < 0 || row.role === 'group') return;
    let list = partsOf.get(w);
    if (!list) partsOf.set(w, (list = []));
    list.push(r);
  });
  const columns = additiveColumns(context);
  const rules: Rule[] = [];
  for (const [w, parts] of partsOf) {
    if (!sameMeasure(context, [w, ...parts])) continue;
    const wholeLabel = short(context.rowLabel(w));
    const claims: Claim[] = [
      {
        basis: 'stated',
        said: `dòng «Trong đó» của dòng «${wholeLabel ?? ''}» không lớn hơn dòng đó`,
        over: 'cột',
      },
    ];
    for (const col of columns) {
      const code = columnName(table.columns[col], col);
      const whole = { row: w, col };
      for (const p of parts) {
        rules.push(
          new PartBoundRule({
            target: { row: p, col },
            bound: [whole],
            direction: 'at-most',
            whole,
            claims,
            comparison: comparisonOf(context, col, 1, true),
            description: {
              kind: 'row-part',
              relation: 'at-most',
              wholeRow: w,
              columnCode: code,
              partLabel: short(context.rowLabel(p)),
              parts: 1,
              wholeLabel,
            },
          }),
        );
      }
      if (parts.length < 2) continue;
      rules.push(
        new PartBoundRule({
          target: whole,
          bound: parts.map((p) => ({ row: p, col })),
          direction: 'at-least',
          whole,
          claims,
          comparison: comparisonOf(context, col, parts.length, true),
          description: {
            kind: 'row-part',
            relation: 'at-least',
            wholeRow: w,
            columnCode: code,
            partLabel: null,
            parts: parts.length,
            wholeLabel,
          },
        }),
      );
    }
  }
  return rules;
}

function numberingMessage(issue: NumberingIssue): string {
  const as = `Khi kiểm tra tổng, Biểu tính dòng này là mục ${issue.expected}.`;
  switch (issue.reason) {
    case 'typo':
      return `Số thứ tự «${issue.written}» có lẽ là «${issue.expected}» (cùng các chữ số, thiếu hoặc thừa dấu chấm)${issue.after ? `: dòng này đứng ngay sau mục ${issue.after}` : ''}. ${as}`;
    case 'duplicate':
      return `Số thứ tự «${issue.written}» đã dùng ở ô {0}; theo thứ tự, dòng này là mục «${issue.expected}». ${as}`;
    case 'misplaced':
      return `Số thứ tự «${issue.written}» không theo thứ tự${issue.after ? ` (dòng này đứng sau mục ${issue.after})` : ''}: có lẽ là «${issue.expected}». ${as}`;
  }
}

/** An item number out of sequence, while its cell still says it. */
class NumberingRule extends CellFactRule implements Rule {
  readonly kind = 'numbering' as const;
  constructor(
    private readonly issue: NumberingIssue,
    col: number,
    columnCode: string,
    private readonly severity: Severity,
    private readonly evidence: string,
  ) {
    super('numbering', 'numbering', issue.row, col, columnCode);
  }
  evaluate(cells: CellSource): Evaluation {
    const v = cells.raw(this.row, this.col);
    const now = typeof v === 'number' ? String(v) : isText(v) ? v.trim() : null;
    if (now !== this.issue.written) return NOTHING_TO_SAY;
    return {
      status: 'flag',
      text: this.issue.written,
      severity: this.severity,
      evidence: this.evidence,
      message: numberingMessage(this.issue),
      cells: this.issue.firstRow === null ? [] : [{ row: this.issue.firstRow, col: this.col }],
    };
  }
}

/**
 * A slip of the numbering is rare: a few items out of sequence among many in order are slips; a
 * numbering that breaks the sequence everywhere follows a scheme Biểu does not read (numbers
 * restarting in each group), and its "slips" are only "Cần xem".
 */
const SLIP_SHARE = 0.05;

function numbering(context: TableContext): Rule[] {
  const outline = context.outline();
  if (outline.numberColumn < 0) return [];
  const col = outline.numberColumn;
  const code = columnName(context.table.columns[col], col);
  const numbered = outline.numbers.filter((n) => n !== null).length;
  const issues = outline.issues.length;
  const inOrder = numbered - issues;
  const evidence = `các mục khác theo đúng thứ tự (${inOrder}/${numbered} số thứ tự)`;
  const severity: Severity = issues <= Math.max(2, SLIP_SHARE * numbered) ? 'warning' : 'review';
  return outline.issues.map((issue) => new NumberingRule(issue, col, code, severity, evidence));
}

/**
 * A flat count is established while nine numbers in ten follow the one before: rows dropped
 * from a price list leave several gaps in a count of a hundred, and each is still a gap.
 */
const SEQUENCE_SLIPS = 0.1;

/** A flat row number (1, 2, 3 … down the rows, starting again at 1 in each group) out of its count. */
interface SequenceBreak {
  row: number;
  written: number;
  previous: number;
  /**
   * 'gap': it skips numbers and the count goes on from it (a row deleted, numbers not redone);
   * 'slip': it alone is off between two numbers that follow each other (110, 1, 112);
   * 'back': it goes back to a number already counted (…, 49, 50, 29, 30 …).
   */
  how: 'gap' | 'slip' | 'back';
}

/** The column of flat row numbers: headed STT/TT, its detail cells whole numbers. */
function rowNumberColumn(context: TableContext): number {
  const { table } = context;
  return table.columns.findIndex((column, c) => {
    if (column.type !== 'text' || !isRowNumberHeader(column.label)) return false;
    let filled = 0;
    let whole = 0;
    let marks = 0;
    for (const row of table.rows) {
      if (row.role !== 'detail' || row.cells[c] === null) continue;
      filled++;
      if (wholeNumber(row.cells[c]) !== null) whole++;
      else if (isMark(row.cells[c])) marks++;
    }
    // Numbers, and the marks of sections and sub-items between them (I, II, a, b, 1.2).
    return (
      whole >= 5 &&
      (whole >= 0.6 * filled || (whole >= 0.3 * filled && whole + marks >= 0.9 * filled))
    );
  });
}

/** "I", "IV.", "a", "b)", "1.2": a short mark of a section or sub-item. */
function isMark(v: CellValue): boolean {
  return (
    typeof v === 'string' && /^(?:[IVXLC]{1,5}|[A-ZĐ]|[a-zđ]|\d+(?:\.\d+)+)[.)]?$/u.test(v.trim())
  );
}

function wholeNumber(v: CellValue): number | null {
  const n =
    typeof v === 'number'
      ? v
      : typeof v === 'string' && /^\d{1,4}\.?$/.test(v.trim())
        ? Number.parseInt(v, 10)
        : NaN;
  return Number.isInteger(n) && n > 0 ? n : null;
}

/** One entry of the STT column down the rows: a whole number, or a mark (I, A, a, 1.1, a group row). */
type Entry = { row: number; n: number; detail: boolean } | { row: number; n: null };

function entries(context: TableContext, col: number): Entry[] {
  const out: Entry[] = [];
  context.table.rows.forEach((row, r) => {
    const v = row.cells[col];
    const n = v === null ? null : wholeNumber(v);
    // A group row is a heading that ends the count, unless the count numbers it too.
    if (row.role === 'group')
      return void out.push(n === null ? { row: r, n } : { row: r, n, detail: false });
    if (v === null) return;
    out.push(n === null ? { row: r, n: null } : { row: r, n, detail: row.role === 'detail' });
  });
  return out;
}

/**
 * Whether the count runs on across section marks ("III | 31, 32 … IV | 35, 36"): the table
 * shows it where a mark is followed by the next number more often than by 1.
 */
function countsAcrossMarks(list: readonly Entry[]): boolean {
  let on = 0;
  let again = 0;
  let last: number | null = null;
  let afterMark = false;
  for (const e of list) {
    if (e.n === null) {
      afterMark = last !== null;
      continue;
    }
    if (afterMark) {
      if (e.n === last! + 1) on++;
      else if (e.n === 1) again++;
    }
    afterMark = false;
    last = e.n;
  }
  return on >= 2 && on > again;
}

/**
 * Breaks of a flat numbering. A number starting again at 1 opens a new group; a section mark
 * ends the count unless the table's count runs on across its marks.
 */
function sequenceBreaks(
  context: TableContext,
  col: number,
): { breaks: SequenceBreak[]; numbered: number } {
  const list = entries(context, col);
  const across = countsAcrossMarks(list);
  const breaks: SequenceBreak[] = [];
  let numbered = 0;
  // The open counts, outermost first: "1 Dụng cụ | 1, 2 … 6 | 2 Dụng cụ khác" numbers the items
  // and their sub-items in one column, the sub-items starting again at 1.
  let counts: number[] = [];
  const nextNumber = (i: number): number | null => {
    const e = list[i + 1];
    return e && e.n !== null ? e.n : null;
  };
  list.forEach((e, i) => {
    if (e.n === null) {
      if (!across) counts = [];
      return;
    }
    numbered++;
    const n = e.n;
    const top = counts.length - 1;
    if (top < 0) return void counts.push(n);
    const p = counts[top];
    if (n === p + 1) return void (counts[top] = n);
    const next = nextNumber(i);
    // 110, 1, 112: the one number between two that follow each other is the slip.
    if (next === p + 2 && e.detail) {
      breaks.push({ row: e.row, written: n, previous: p, how: 'slip' });
      counts[top] = p + 1;
      return;
    }
    if (n === 1) return void counts.push(1);
    // The next number of an outer count: the sub-items are done.
    const outer = counts.lastIndexOf(n - 1, top - 1);
    if (outer >= 0) {
      counts = counts.slice(0, outer + 1);
      counts[outer] = n;
      return;
    }
    counts[top] = n;
    // A total or subtotal row numbered in the same count ("16 | Toàn quốc") keeps the count.
    if (!e.detail) return;
    if (n > p + 1 && (next === null || next > n)) {
      breaks.push({ row: e.row, written: n, previous: p, how: 'gap' });
    } else if (n < p && next === n + 1) {
      // Only where an old count goes on from it: a lone number going back may be a heading's.
      breaks.push({ row: e.row, written: n, previous: p, how: 'back' });
    }
  });
  return { breaks, numbered };
}

function sequenceMessage({ written, previous, how }: SequenceBreak): string {
  const missing = written - previous === 2 ? `${previous + 1}` : `${previous + 1}–${written - 1}`;
  return how === 'slip'
    ? `Số thứ tự ${written} nằm giữa ${previous} và ${previous + 2}: có lẽ phải là ${previous + 1}`
    : how === 'back'
      ? `Số thứ tự quay lại ${written} sau ${previous}: các số từ ${written} bị đánh hai lần (chưa đánh lại số thứ tự)`
      : `Số thứ tự nhảy từ ${previous} lên ${written}: thiếu số ${missing} (một dòng bị xóa, hoặc chưa đánh lại số thứ tự)`;
}

/** A number or letter of the STT column out of its order, said while the cell still holds it. */
class OrderBreakRule extends CellFactRule implements Rule {
  readonly kind = 'numbering' as const;
  constructor(
    name: 'sequence' | 'letters' | 'romans',
    row: number,
    col: number,
    columnCode: string,
    private readonly written: string,
    /** What the cell holds, read the way the break was found (null: something else). */
    private readonly read: (v: CellValue) => string | null,
    private readonly message: string,
    private readonly severity: Severity,
    private readonly evidence: string,
  ) {
    super(name, 'numbering', row, col, columnCode);
  }
  evaluate(cells: CellSource): Evaluation {
    if (this.read(cells.raw(this.row, this.col)) !== this.written) return NOTHING_TO_SAY;
    return {
      status: 'flag',
      text: this.written,
      severity: this.severity,
      evidence: this.evidence,
      message: this.message,
    };
  }
}

/** The letters that number sub-items, in the Vietnamese alphabet and in the Latin one. */
const ALPHABETS = ['abcdđeghiklmnopqrstuvxy', 'abcdefghijklmnopqrstuvwxyz'];
const LETTER = /^([a-zđ])[.)]?$/u;

function readLetter(v: CellValue): string | null {
  return typeof v === 'string' ? (LETTER.exec(v.trim())?.[1] ?? null) : null;
}

function followsLetter(previous: string, letter: string): boolean {
  return ALPHABETS.some(
    (a) => a.indexOf(letter) === a.indexOf(previous) + 1 && a.includes(previous),
  );
}

interface LetterBreak {
  row: number;
  written: string;
  previous: string;
}

/**
 * Sub-items lettered a, b, c … under an item of the STT column: a letter that skips ("a, b,
 * d": c is missing). A number, another mark or a group row starts a new run.
 */
function letterBreaks(
  context: TableContext,
  col: number,
): { breaks: LetterBreak[]; lettered: number } {
  const breaks: LetterBreak[] = [];
  let lettered = 0;
  let previous: string | null = null;
  context.table.rows.forEach((row, r) => {
    const v = row.cells[col];
    if (row.role === 'group') return void (previous = null);
    if (v === null) return;
    const letter = readLetter(v);
    if (letter === null) return void (previous = null);
    lettered++;
    if (previous !== null && !followsLetter(previous, letter))
      breaks.push({ row: r, written: letter, previous });
    previous = letter;
  });
  return { breaks, lettered };
}

const ROMAN = /^([IVX]{1,6})[.)]?$/;
const ROMAN_DIGITS: Record<string, number> = { I: 1, V: 5, X: 10 };

/** "IV." → 4; null for anything that is not a Roman numeral written the usual way. */
function romanValue(v: CellValue): number | null {
  if (typeof v !== 'string') return null;
  const m = ROMAN.exec(v.trim());
  if (!m) return null;
  let total = 0;
  const s = m[1];
  for (let i = 0; i < s.length; i++) {
    const d = ROMAN_DIGITS[s[i]];
    const next = ROMAN_DIGITS[s[i + 1]] ?? 0;
    total += d < next ? -d : d;
  }
  return toRoman(total) === s ? total : null;
}

function toRoman(n: number): string {
  const parts: [number, string][] = [
    [10, 'X'],
    [9, 'IX'],
    [5, 'V'],
    [4, 'IV'],
    [1, 'I'],
  ];
  let out = '';
  for (const [value, text] of parts) while (n >= value) [n, out] = [n - value, out + text];
  return out;
}

/**
 * Sections numbered I, II, III … in the STT column, however many items stand between them: a
 * numeral that skips ("I … IV": II and III are missing, often rows deleted with their figures).
 * A section letter (A, B) or a group row above them, or a new "I", starts the count again.
 */
function romanBreaks(
  context: TableContext,
  col: number,
): { breaks: LetterBreak[]; numbered: number } {
  const breaks: LetterBreak[] = [];
  let numbered = 0;
  let previous: number | null = null;
  context.table.rows.forEach((row, r) => {
    const v = row.cells[col];
    if (typeof v !== 'string') return;
    const value = romanValue(v);
    if (value === null) {
      if (/^[A-HJ-UWYZĐ][.)]?$/u.test(v.trim())) previous = null;
      return;
    }
    numbered++;
    if (previous !== null && value !== previous + 1 && value !== 1)
      breaks.push({ row: r, written: v.trim(), previous: toRoman(previous) });
    previous = value;
  });
  return { breaks, numbered };
}

/** One way of numbering the STT column read, and where it breaks. */
interface OrderReading {
  name: 'sequence' | 'letters' | 'romans';
  breaks: readonly { row: number; written: string | number }[];
  /** Cells numbered this way. */
  numbered: number;
  /** "các số thứ tự khác tăng đều từng số": what the other cells do. */
  others: string;
  /** What a cell holds, read this way (null: something else). */
  read: (v: CellValue) => string | null;
  message: (index: number) => string;
}

function orderBreakRules(col: number, code: string, reading: OrderReading): Rule[] {
  const { breaks, numbered } = reading;
  const n = breaks.length;
  const evidence = `${reading.others} (${numbered - n}/${numbered})`;
  // A slip or two is a slip; a column that breaks its order everywhere is read wrong.
  const severity: Severity = n <= Math.max(2, SEQUENCE_SLIPS * numbered) ? 'warning' : 'review';
  return breaks.map(
    (b, i) =>
      new OrderBreakRule(
        reading.name,
        b.row,
        col,
        code,
        String(b.written),
        reading.read,
        reading.message(i),
        severity,
        evidence,
      ),
  );
}

function rowSequence(context: TableContext): Rule[] {
  if (context.outline().numberColumn >= 0) return [];
  const col = rowNumberColumn(context);
  if (col < 0) return [];
  const code = columnName(context.table.columns[col], col);
  const counts = sequenceBreaks(context, col);
  const romans = romanBreaks(context, col);
  const letters = letterBreaks(context, col);
  const readings: OrderReading[] = [
    {
      name: 'sequence',
      breaks: counts.breaks,
      numbered: counts.numbered,
      others: 'các số thứ tự khác tăng đều từng số',
      read: (v) => String(wholeNumber(v)),
      message: (i) => sequenceMessage(counts.breaks[i]),
    },
    {
      name: 'romans',
      breaks: romans.breaks,
      numbered: romans.numbered,
      others: 'các mục I, II, III … khác theo đúng thứ tự',
      read: (v) => (romanValue(v) === null ? null : String(v).trim()),
      message: (i) =>
        `Mục «${romans.breaks[i].written}» đứng ngay sau mục «${romans.breaks[i].previous}»: thiếu mục ở giữa, hoặc chưa đánh lại số thứ tự La Mã`,
    },
    {
      name: 'letters',
      breaks: letters.breaks,
      numbered: letters.lettered,
      others: 'các mục a, b, c … khác theo đúng thứ tự chữ cái',
      read: readLetter,
      message: (i) =>
        `Mục «${letters.breaks[i].written}» đứng ngay sau mục «${letters.breaks[i].previous}»: thiếu mục ở giữa, hoặc chưa đánh lại chữ thứ tự`,
    },
  ];
  return readings.flatMap((reading) => orderBreakRules(col, code, reading));
}

export const outlineKind: RuleKind = {
  name: 'outline',
  compile(context) {
    return [
      ...numbering(context),
      ...rowSequence(context),
      ...itemSums(context),
      ...partBounds(context),
    ];
  },
};
