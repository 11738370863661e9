/**
 * What goes into each cell of an exported table: the stated value, or a live Excel formula whose
 * cached result is the stated value.
 *
 * The formulas are the check engine's own rules, translated: a subtotal sums its group's detail
 * rows and a grand total the subtotals (or the details), exactly as shared/checks/kinds/
 * column-total.ts covers them; a column with a code-row formula ("1=2+3+4+5", "7=6/1*100")
 * computes it from the row's own cells, which is also how a rate is recomputed on a total row.
 *
 * Nothing changes silently: a formula is written only where every rule stating that cell holds
 * for the stored figures and the formula computes exactly the stated figure (rounded to the
 * decimals the column prints, see `printedFormula`), so a spreadsheet that recalculates shows
 * what the document states and the cached value is what the formula computes. A
 * cell with a finding keeps its stated value, without formula, and carries the finding; so does
 * a cell whose rule cannot be evaluated (a text among its inputs, a division by zero), since
 * Excel would compute something else there.
 */
import { cellAddress, sheetLayout } from '../../shared/layout';
import { columnLetter, type CellValue, type Table } from '../../shared/model';
import { compileRules, DEFAULT_RULE_KINDS } from '../../shared/checks/rules';
import type { Finding } from '../../shared/checks/finding';
import type { FormulaNode } from '../../shared/checks/formula';
import type { CellRef, Compared, Evaluation, Rule } from '../../shared/checks/rule';
import { roundDecimal } from '../../shared/numbers';
import type { ColumnFormula } from '../../shared/checks/table-context';

export type CellPlan =
  /** The stored value as it is, with the findings about this cell (for its comment). */
  | { kind: 'value'; value: CellValue; findings: Finding[] }
  /** An Excel formula (without "="), cached with the stored figure. */
  | { kind: 'formula'; formula: string; result: number; source: 'total' | 'row-formula' };

/**
 * The kinds whose rules can give a cell its formula: every kind but the one that only says a
 * cell holds a figure (one rule per figure cell, 117,000 on a national table, none of them a
 * formula).
 */
const FORMULA_KINDS = DEFAULT_RULE_KINDS.filter((kind) => kind.name !== 'not-a-number');

export interface PlanOptions {
  /** Write no formulas at all, only the stated values. */
  valuesOnly?: boolean;
}

/** Excel allows 255 arguments per function and 8,192 characters per formula. */
const MAX_ARGUMENTS = 255;
const MAX_FORMULA_LENGTH = 8000;

function isText(value: CellValue | undefined): boolean {
  return typeof value === 'string' && value.trim() !== '';
}

/**
 * The plan for every cell of the table, rows × columns. `findings` are the check engine's
 * findings for this table with the default (export) addresses of shared/layout.ts.
 */
export function planCells(
  table: Table,
  findings: readonly Finding[],
  options: PlanOptions = {},
): CellPlan[][] {
  const layout = sheetLayout(table);
  const address = (cell: CellRef) => cellAddress(layout, cell.row, cell.col);
  const findingsAt = new Map<string, Finding[]>();
  for (const f of findings) {
    const list = findingsAt.get(f.cell);
    if (list) list.push(f);
    else findingsAt.set(f.cell, [f]);
  }

  const plans: CellPlan[][] = table.rows.map((row, r) =>
    row.cells.map((value, c) => ({
      kind: 'value',
      value,
      findings: findingsAt.get(cellAddress(layout, r, c)) ?? [],
    })),
  );
  if (options.valuesOnly) return plans;

  const { rules, context } = compileRules(table, FORMULA_KINDS);
  const byTarget = new Map<string, Rule[]>();
  for (const rule of rules) {
    if (rule.kind === 'not-a-number') continue;
    const key = address(rule.target);
    const list = byTarget.get(key);
    if (list) list.push(rule);
    else byTarget.set(key, [rule]);
  }

  const source = {
    raw: (row: number, col: number) => table.rows[row]?.cells[col] ?? null,
    number: (row: number, col: number) => {
      const v = table.rows[row]?.cells[col];
      return typeof v === 'number' ? v : 0;
    },
  };
  const evaluate = (rule: Rule): Evaluation => {
    if (rule.reads.some((cell) => isText(source.raw(cell.row, cell.col)))) {
      return { status: 'skip', reason: 'text' };
    }
    return rule.evaluate(source);
  };

  for (const [key, targetRules] of byTarget) {
    const { row, col } = targetRules[0].target;
    const stated = table.rows[row].cells[col];
    // A blank stays blank (a formula would show 0), and a text is not a figure to compute.
    if (typeof stated !== 'number' || findingsAt.has(key)) continue;
    const results = targetRules.map(evaluate);
    if (results.some((r) => r.status === 'fail')) continue;
    const passing = targetRules.filter((_, i) => results[i].status === 'pass');
    // A total row sums its column even where the column also has a row formula: that is how
    // appendices are written, and both give the stated figure once both rules hold.
    const chosen = passing.find((r) => r.kind === 'column-total') ?? passing[0];
    if (!chosen) continue;
    const computed = results[targetRules.indexOf(chosen)] as Compared;
    const plain =
      chosen.kind === 'column-total'
        ? sumFormula(
            col,
            chosen.reads.slice(1).map((cell) => layout.firstDataRow + cell.row),
          )
        : rowFormula(context.formulas[col], layout.firstDataRow + row);
    const formula =
      plain && printedFormula(plain, table.columns[col].decimals, computed.exact, stated);
    if (formula && formula.length <= MAX_FORMULA_LENGTH) {
      plans[row][col] = {
        kind: 'formula',
        formula,
        result: stated,
        source: chosen.kind === 'column-total' ? 'total' : 'row-formula',
      };
    }
  }
  return plans;
}

/** How far from a half a scaled value must be for every spreadsheet to round it the same way. */
const HALF_MARGIN = 1e-7;

/**
 * The formula as the sheet carries it, so that what it computes IS the figure cached with it and
 * printed: a column printed with k decimals (or a formula that divides) gets `ROUND(…, k)` —
 * "H11/E11*100" computes 16.7001759 where the table states 16,70, and Excel, LibreOffice and any
 * reader of cached values must all see 16.7. Null when the formula would not give exactly the
 * stated figure (a figure stored with more decimals than printed, a result on a half, where
 * spreadsheets may round differently): then the stated value is written instead.
 */
export function printedFormula(
  formula: string,
  decimals: number,
  exact: number,
  stated: number,
): string | null {
  if (decimals > 0 || formula.includes('/')) {
    const scaled = Math.abs(exact) * 10 ** decimals;
    const nearHalf = Math.abs(scaled - Math.floor(scaled) - 0.5) < HALF_MARGIN;
    if (nearHalf || roundDecimal(exact, decimals) !== stated) return null;
    return `ROUND(${formula},${decimals})`;
  }
  return exact === stated ? formula : null;
}

/** "SUM(C8:C23)", "SUM(C10,C17)": the covered sheet rows of one column, runs as ranges. */
export function sumFormula(col: number, sheetRows: readonly number[]): string | null {
  if (sheetRows.length === 0) return null;
  const letter = columnLetter(col);
  const rows = [...new Set(sheetRows)].sort((a, b) => a - b);
  const parts: string[] = [];
  let start = rows[0];
  let prev = rows[0];
  const flush = () =>
    parts.push(start === prev ? `${letter}${start}` : `${letter}${start}:${letter}${prev}`);
  for (const r of rows.slice(1)) {
    if (r === prev + 1) {
      prev = r;
      continue;
    }
    flush();
    start = prev = r;
  }
  flush();
  if (parts.length <= MAX_ARGUMENTS) return `SUM(${parts.join(',')})`;
  const chunks: string[] = [];
  for (let i = 0; i < parts.length; i += MAX_ARGUMENTS) {
    chunks.push(`SUM(${parts.slice(i, i + MAX_ARGUMENTS).join(',')})`);
  }
  return chunks.length <= MAX_ARGUMENTS ? `SUM(${chunks.join(',')})` : null;
}

/** A code-row formula on one sheet row: "6/1*100" on row 11 → "H11/C11*100". */
export function rowFormula(formula: ColumnFormula | null, sheetRow: number): string | null {
  if (!formula) return null;
  return excelExpression(formula.ast, (code) => {
    const col = formula.columnOf.get(code);
    if (col === undefined) throw new Error(`Mã cột «${code}» không có trong biểu`);
    return `${columnLetter(col)}${sheetRow}`;
  });
}

const PRECEDENCE = { '+': 1, '-': 1, '*': 2, '/': 2 } as const;

/** The formula in Excel's syntax, with the brackets its precedence needs and no more. */
export function excelExpression(ast: FormulaNode, cellOf: (code: string) => string): string {
  const write = (n: FormulaNode, parent: number, rightSide: boolean): string => {
    switch (n.type) {
      case 'code':
        return cellOf(n.code);
      case 'constant':
        return excelNumber(n.value);
      case 'negate': {
        const inner = write(n.operand, 3, false);
        return `-${inner}`;
      }
      case 'binary': {
        const p = PRECEDENCE[n.op];
        const s = `${write(n.left, p, false)}${n.op}${write(n.right, p, true)}`;
        // The parser's trees are left-associative: an equal-precedence right operand was bracketed.
        return p < parent || (rightSide && p === parent) ? `(${s})` : s;
      }
    }
  };
  return write(ast, 0, false);
}

/** A constant as Excel reads it in a formula, never in exponent notation with a lower-case e. */
function excelNumber(value: number): string {
  const text = String(value);
  return /e/.test(text) ? value.toExponential().toUpperCase() : text;
}
