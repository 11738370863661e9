/**
 * Row formulas from the column-code row ("1=2+3+4+5", "6=5/4*100"), on every detail, subtotal
 * and total row. A formula that divides is a ratio: its stated value is a rounded result and
 * passes within half a unit of its last printed digit. A sum is exact. On total rows a rate is
 * thus recomputed from the total row's own figures, as statisticians do.
 *
 * One shape per column (the formula compiled once, with column indexes) is shared by the rules of
 * all its rows: a rule is its row and its shape.
 */
import { roundTo } from '../rounding';
import type { FormulaNode } from '../formula';
import { LinearComparison, RowLinearRule, type LinearShape } from '../linear-rule';
import {
  CompactRule,
  floatTolerance,
  halfUnit,
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
import type { ColumnFormula, TableContext } from '../table-context';
import type { FindingKind } from '../finding';
import type { Table } from '../../model';
import { isPercentHeader } from '../../table-words';

function isInteger(x: number): boolean {
  return Math.abs(x - Math.round(x)) < 1e-12;
}

/** A formula evaluated on one row; NaN for a division by zero. */
export type RowFunction = (cells: CellSource, row: number) => number;

/** Compiles a formula into a function of the row, with each code resolved to its column once. */
export function compileRowFunction(
  ast: FormulaNode,
  columnOf: (code: string) => number,
): RowFunction {
  switch (ast.type) {
    case 'code': {
      const col = columnOf(ast.code);
      return (cells, row) => cells.number(row, col);
    }
    case 'constant': {
      const value = ast.value;
      return () => value;
    }
    case 'negate': {
      const f = compileRowFunction(ast.operand, columnOf);
      return (cells, row) => -f(cells, row);
    }
    case 'binary': {
      const l = compileRowFunction(ast.left, columnOf);
      const r = compileRowFunction(ast.right, columnOf);
      switch (ast.op) {
        case '+':
          return (cells, row) => l(cells, row) + r(cells, row);
        case '-':
          return (cells, row) => l(cells, row) - r(cells, row);
        case '*':
          return (cells, row) => l(cells, row) * r(cells, row);
        case '/':
          return (cells, row) => {
            const d = r(cells, row);
            return d === 0 ? NaN : l(cells, row) / d;
          };
      }
    }
  }
}

interface FormulaShape {
  readonly kind: FindingKind;
  readonly claims: readonly Claim[];
  readonly targetCol: number;
  readonly cols: Int32Array;
  readonly compute: RowFunction;
  readonly comparison: Comparison;
  /** Half a unit of the result's last printed digit. */
  readonly half: number;
  readonly description: RuleDescription;
  /**
   * A 0 states nothing: for a rate Biểu found in the figures (not one the table states), a 0 on
   * a row is a rate not worked out, not a wrong one.
   */
  readonly zeroStatesNothing: boolean;
}

/** A formula checked against the printed precision of its result: a ratio, or a product. */
class RowFormulaRule extends CompactRule implements Rule {
  constructor(
    readonly row: number,
    private readonly shape: FormulaShape,
  ) {
    super();
  }

  get kind(): FindingKind {
    return this.shape.kind;
  }
  get key(): string {
    return `${this.shape.kind}:${this.row}:${this.shape.targetCol}`;
  }
  get target(): CellRef {
    return { row: this.row, col: this.shape.targetCol };
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
    visit(this.row, this.shape.targetCol);
    const { cols } = this.shape;
    for (let i = 0; i < cols.length; i++) visit(this.row, cols[i]);
  }

  evaluate(cells: CellSource): Evaluation {
    const exact = this.shape.compute(cells, this.row);
    if (!Number.isFinite(exact)) return { status: 'skip', reason: 'division-by-zero' };
    const stated = cells.number(this.row, this.shape.targetCol);
    // Nor does a computed 0 (its numerator 0 or blank): the rate on that row was worked out from
    // other figures, or not at all.
    if ((stated === 0 || exact === 0) && this.shape.zeroStatesNothing)
      return { status: 'skip', reason: 'blank' };
    if (Math.abs(stated - exact) <= this.shape.half + floatTolerance(exact)) {
      return { status: 'pass', stated, exact, expected: exact };
    }
    return {
      status: 'fail',
      stated,
      exact,
      expected: roundTo(exact, this.shape.comparison.decimals),
    };
  }

  // Only the stated result can be solved for: many numerators or denominators would round to
  // the same rate, so naming one would be a guess.
  solveFor(cell: CellRef, _cells: CellSource, current: Compared): number | null {
    return cell.row === this.row && cell.col === this.shape.targetCol ? current.expected : null;
  }
}

function compileColumn(context: TableContext, col: number, formula: ColumnFormula): Rule[] {
  const { table } = context;
  const column = table.columns[col];
  const decimals = column.decimals;
  const sources = [...formula.columnOf.values()];
  const integers = decimals === 0 && sources.every((c) => table.columns[c].decimals === 0);
  const linear = formula.isRatio ? null : formula.linear;
  // A sum is exact when its terms are printed with no more decimals than the result and it only
  // adds whole multiples of them; otherwise (e.g. "3=1*1,5") the result is itself rounded.
  const exactSum =
    linear !== null &&
    isInteger(linear.constant) &&
    [...linear.coefficients.values()].every(isInteger) &&
    sources.every((c) => table.columns[c].decimals <= decimals);
  const comparison: Comparison = {
    shape: formula.isRatio ? 'ratio' : exactSum ? 'sum' : 'formula',
    decimals,
    integers,
    roundingSlack: exactSum
      ? (decimals > 0 ? halfUnit(decimals) : 0) +
        [...linear.coefficients].reduce((s, [code, k]) => {
          const d = table.columns[formula.columnOf.get(code)!].decimals;
          return s + (d > 0 ? Math.abs(k) * halfUnit(d) : 0);
        }, 0)
      : 10 ** -decimals,
  };
  const kind = formula.isRatio ? 'ratio' : 'row-formula';
  const description: { kind: typeof kind; columnCode: string; formula: FormulaNode } = {
    kind,
    columnCode: column.code,
    formula: formula.ast,
  };
  // A formula found in the figures reports under its own kind: the table does not state it.
  const findingKind: FindingKind = column.formulaBasis === 'inferred' ? 'inferred' : kind;
  const written = `${column.code}=${formula.text}`;
  const claims: Claim[] = [
    column.formulaBasis === 'inferred'
      ? { basis: 'inferred', said: `cột «${written}»`, over: 'dòng' }
      : { basis: 'stated', said: `dòng mã cột ghi «${written}»`, over: 'dòng', fromLayout: true },
  ];
  const cols = Int32Array.from(sources);

  let make: (row: number) => Rule;
  if (linear) {
    const entries = [...linear.coefficients];
    const shape: LinearShape = {
      kind: findingKind,
      targetCol: col,
      cols: Int32Array.from(entries.map(([code]) => formula.columnOf.get(code)!)),
      coefficients: Float64Array.from(entries.map(([, k]) => k)),
      constant: linear.constant,
      compare: new LinearComparison(exactSum ? 'exact' : 'printed', comparison),
      description,
      claims,
      blankPartsSayNothing: true,
    };
    make = (row) => new RowLinearRule(row, shape);
  } else {
    const plain = compileRowFunction(formula.ast, (code) => formula.columnOf.get(code)!);
    const scale = formula.isRatio ? percentScale(table, col, plain) : 1;
    if (scale !== 1) {
      description.formula = {
        type: 'binary',
        op: '*',
        left: formula.ast,
        right: { type: 'constant', value: scale },
      };
      claims[0] = { ...claims[0], said: `${claims[0].said}, tính theo phần trăm như số liệu cột` };
    }
    const shape: FormulaShape = {
      kind: findingKind,
      targetCol: col,
      cols,
      compute: scale === 1 ? plain : (cells, row) => scale * plain(cells, row),
      comparison,
      half: halfUnit(decimals),
      description,
      claims,
      zeroStatesNothing: formula.isRatio && column.formulaBasis === 'inferred',
    };
    make = (row) => new RowFormulaRule(row, shape);
  }

  const rules: Rule[] = [];
  const rows = table.rows;
  for (let r = 0; r < rows.length; r++) {
    const role = rows[r].role;
    if (role === 'group') continue;
    // A product of two columns holds unit by unit; summed down a total row it does not.
    if (role !== 'detail' && !formula.isRatio && !linear) continue;
    rules.push(make(r));
  }
  return rules;
}

/**
 * A rate written "10=9/7" over a column printed in percent (23,08 where 9/7 is 0,2308): the code
 * row leaves out the "×100" that the figures keep. The stated figures decide, row by row: 100
 * when more rows agree with the percent than with the plain ratio. When the column mixes both
 * and its heading says "%", the heading decides: the fractions are the slips.
 */
function percentScale(table: Table, col: number, compute: RowFunction): 1 | 100 {
  const cells: CellSource = {
    raw: (row, c) => table.rows[row].cells[c],
    number: (row, c) => {
      const v = table.rows[row].cells[c];
      return typeof v === 'number' ? v : v === null ? 0 : NaN;
    },
  };
  const close = (a: number, b: number) => Math.abs(a - b) <= 0.01 * Math.abs(b) + 0.005;
  let plain = 0;
  let percent = 0;
  for (let r = 0; r < table.rows.length; r++) {
    const stated = table.rows[r].cells[col];
    if (typeof stated !== 'number' || stated === 0) continue;
    const x = compute(cells, r);
    if (!Number.isFinite(x) || x === 0) continue;
    if (close(stated, x)) plain++;
    else if (close(stated, 100 * x)) percent++;
  }
  const column = table.columns[col];
  const headed = [...column.headerPath, column.label].some(isPercentHeader);
  return percent >= 2 && (percent > plain || headed) ? 100 : 1;
}

export const rowFormulaKind: RuleKind = {
  name: 'row-formula',
  compile(context) {
    const rules: Rule[] = [];
    context.formulas.forEach((f, col) => {
      if (f) for (const rule of compileColumn(context, col, f)) rules.push(rule);
    });
    return rules;
  },
};
