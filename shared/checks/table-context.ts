/**
 * What the rule kinds need to know about a table before they compile rules from it: each column's
 * parsed formula, which columns are rates (never summed down a column), the labels of rows.
 * Computed once per compile so every rule kind reads the same understanding of the table.
 */
import { isFigureColumn, type Column, type Table } from '../model';
import {
  formulaCodes,
  hasDivision,
  linearForm,
  parseFormula,
  type FormulaNode,
  type LinearForm,
} from './formula';
import { isAverageTitle, isMeasureHeader, isNotSummedHeader } from '../table-words';
import { buildOutline, type Outline } from './outline';
import { findHeadingBlocks, type HeadingBlocks } from './heading-blocks';

export interface ColumnFormula {
  ast: FormulaNode;
  /** The right-hand side as stored ("2+3+4+5"). */
  text: string;
  /** Column index of each code the formula reads. */
  columnOf: ReadonlyMap<string, number>;
  /** The formula divides: its result is a ratio, checked against the printed precision. */
  isRatio: boolean;
  /** Σ coefficient·code + constant, or null when the formula is not linear. */
  linear: LinearForm | null;
}

/** Something in the table's definition that keeps a rule from being compiled. */
export interface CompileProblem {
  column: number;
  /** In Vietnamese. */
  message: string;
}

export interface TableContext {
  readonly table: Table;
  /** Per column index: its parsed formula, or null (no formula, a text column, or unparseable). */
  readonly formulas: ReadonlyArray<ColumnFormula | null>;
  /** Per column index: a rate, ratio, rank or comparison column, which a total row does not sum. */
  readonly rateColumns: ReadonlyArray<boolean>;
  /**
   * Per column index: a figure column a total row does not sum — a rate column, or any column
   * of a table of averages ("Thống kê chi bình quân": a national row of averages is not the sum
   * of the provinces).
   */
  readonly notSummed: ReadonlyArray<boolean>;
  /**
   * Per column index: a column of identifiers read as figures — no header, every value a whole
   * number of the same width, each on one row (indicator codes 3029, 3077 … beside the STT).
   * Never added or bounded; a section number in it ("I") is not a misplaced text.
   */
  readonly identifierColumns: ReadonlyArray<boolean>;
  /** The column of units of measure ("Đơn vị tính", "ĐVT"), or -1. */
  readonly measureColumn: number;
  /** The levels of the rows (outline.ts), computed when first asked. */
  outline(): Outline;
  /**
   * Heading rows whose figures the rows below them add up to (heading-blocks.ts), or null;
   * computed when first asked.
   */
  headingBlocks(): HeadingBlocks | null;
  /**
   * True when a row only heads its sub-items: every figure a total would add is blank or 0
   * ("I.1. Bưu chính" above its services). Its sub-items are added in its place.
   */
  headsOnly(row: number): boolean;
  readonly figureColumns: ReadonlyArray<boolean>;
  readonly problems: CompileProblem[];
  /** The row's own name ("Xã An Phú", "Cộng", "Toàn huyện"), or null when it has none. */
  rowLabel(row: number): string | null;
}

function normalizeCode(code: string): string {
  return code.replace(/[\s()]/g, '');
}

/**
 * A column whose figure a total row does not add: a percent column, a formula that divides, or
 * a header that names a rate, share, average, comparison, rank, density or price
 * (table-words.ts). Summing such a column down a total row is meaningless: a national row of
 * averages is not the sum of the provinces.
 */
export function isRateColumn(
  column: Pick<Column, 'type' | 'label' | 'headerPath' | 'formula'>,
): boolean {
  if (column.type === 'percent') return true;
  if (column.formula && /[/:÷]/.test(column.formula)) return true;
  return [column.label, ...column.headerPath].some(isNotSummedHeader);
}

function parseColumnFormula(
  table: Table,
  index: number,
  codes: Map<string, number>,
  problems: CompileProblem[],
): ColumnFormula | null {
  const column = table.columns[index];
  if (!column.formula || !isFigureColumn(column)) return null;
  const parsed = parseFormula(column.formula, { codes: codes.keys() });
  if (!parsed.ok) {
    problems.push({
      column: index,
      message: `Công thức cột ${column.code} «${column.formula}»: ${parsed.error.message}`,
    });
    return null;
  }
  const columnOf = new Map<string, number>();
  for (const code of formulaCodes(parsed.ast)) {
    const at = codes.get(code)!;
    if (at === index) {
      problems.push({ column: index, message: `Cột ${column.code} không thể tính từ chính nó` });
      return null;
    }
    if (!isFigureColumn(table.columns[at])) {
      problems.push({
        column: index,
        message: `Công thức cột ${column.code} dùng cột ${code}, là cột chữ chứ không phải cột số liệu`,
      });
      return null;
    }
    columnOf.set(code, at);
  }
  return {
    ast: parsed.ast,
    text: column.formula.trim(),
    columnOf,
    isRatio: hasDivision(parsed.ast),
    linear: linearForm(parsed.ast),
  };
}

export function analyzeTable(table: Table): TableContext {
  const problems: CompileProblem[] = [];
  const codes = new Map<string, number>();
  table.columns.forEach((c, i) => {
    const code = normalizeCode(c.code);
    if (code === '') return;
    if (codes.has(code)) {
      problems.push({
        column: i,
        message: `Mã cột «${code}» bị trùng (cột ${codes.get(code)! + 1} và cột ${i + 1})`,
      });
      return;
    }
    codes.set(code, i);
  });
  const formulas = table.columns.map((_, i) => parseColumnFormula(table, i, codes, problems));
  const figureColumns = table.columns.map((c) => isFigureColumn(c));
  const rateColumns = table.columns.map((c, i) => figureColumns[i] && isRateColumn(c));
  const averages = isAverageTitle(table.title) || isAverageTitle(table.name);
  const identifierColumns = table.columns.map(
    (_, i) => figureColumns[i] && isIdentifierColumn(table, i),
  );
  const notSummed = rateColumns.map(
    (rate, i) => rate || identifierColumns[i] || (averages && figureColumns[i]),
  );
  const measureColumn = table.columns.findIndex(
    (c) => c.type === 'text' && isMeasureHeader(c.label),
  );
  let outline: Outline | null = null;
  const outlineOf = (): Outline => (outline ??= buildOutline(table));
  let headings: HeadingBlocks | null | undefined;
  const additive = table.columns.flatMap((_, c) => (figureColumns[c] && !notSummed[c] ? [c] : []));
  const headsOnly = (row: number): boolean => {
    const cells = table.rows[row]?.cells ?? [];
    for (let c = 0; c < cells.length; c++) {
      if (!figureColumns[c] || notSummed[c]) continue;
      const v = cells[c];
      if (v !== null && v !== 0 && !(typeof v === 'string' && v.trim() === '')) return false;
    }
    return true;
  };
  const labels = new Map<number, string | null>();
  const rowLabel = (row: number): string | null => {
    if (!labels.has(row)) labels.set(row, findRowLabel(table, row, figureColumns));
    return labels.get(row)!;
  };
  return {
    table,
    formulas,
    rateColumns,
    notSummed,
    identifierColumns,
    measureColumn,
    figureColumns,
    problems,
    rowLabel,
    outline: outlineOf,
    headingBlocks: () => {
      if (headings === undefined)
        headings = findHeadingBlocks(table, figureColumns, additive, outlineOf());
      return headings;
    },
    headsOnly,
  };
}

/** Codes beside the labels: see TableContext.identifierColumns. */
function isIdentifierColumn(table: Table, col: number): boolean {
  const column = table.columns[col];
  if (column.formula || column.label.trim() !== '' || column.headerPath.some((h) => h.trim()))
    return false;
  const seen = new Set<number>();
  let width = -1;
  for (const row of table.rows) {
    if (row.role !== 'detail') continue;
    const v = row.cells[col];
    if (v === null) continue;
    if (typeof v === 'string') {
      if (v.trim() === '' || /^[IVXivx]{1,4}\.?$|^[A-Za-z]\.?$/.test(v.trim())) continue;
      return false;
    }
    if (!Number.isInteger(v) || v < 0 || seen.has(v)) return false;
    const w = String(v).length;
    if (w < 3 || (width >= 0 && w !== width)) return false;
    width = w;
    seen.add(v);
  }
  return seen.size >= 5;
}

function findRowLabel(table: Table, row: number, figure: readonly boolean[]): string | null {
  const cells = table.rows[row]?.cells ?? [];
  let fallback: string | null = null;
  for (let c = 0; c < cells.length; c++) {
    if (figure[c]) continue;
    const v = cells[c];
    if (typeof v !== 'string' || v.trim() === '') continue;
    if (/\p{L}/u.test(v)) return v.trim();
    fallback ??= v.trim();
  }
  return fallback;
}
