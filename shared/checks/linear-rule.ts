/**
 * A rule of the form  target = Σ coefficient·cell + constant: row formulas that are sums or
 * differences ("1=2+3+4+5", "(3)=(1)-(2)"), total rows, header sums and user rules. Shared so that
 * all get the same comparison, the same solving for a single cell, and the O(1) re-evaluation
 * that lets an edit (or the suggestion search trying a value) update the sum of a national
 * column without re-adding it.
 *
 * The cells are kept in flat number arrays, not CellRef objects: a national table compiles
 * hundreds of thousands of them. Rules of the same shape on many rows (a row formula) share one
 * `LinearShape`; a rule is then just its row and its shape.
 */
import { roundTo } from './rounding';
import type { FindingKind } from './finding';
import {
  CompactRule,
  halfUnit,
  sumTolerance,
  type CellRef,
  type CellSource,
  type Claim,
  type Compared,
  type Comparison,
  type Evaluation,
  isBlank,
  type Rule,
  type RuleDescription,
} from './rule';

export interface LinearRuleSpec {
  key: string;
  kind: FindingKind;
  target: CellRef;
  terms: ReadonlyArray<{ cell: CellRef; coefficient: number }>;
  constant: number;
  /**
   * 'exact': the stated figure must equal the sum (up to floating-point noise);
   * 'printed': the stated figure is the result rounded to the target's decimals.
   */
  precision: 'exact' | 'printed';
  comparison: Comparison;
  description: RuleDescription;
  claims?: readonly Claim[];
}

/** Drops floating-point noise from a sum of decimals (0.1 + 0.2 → 0.3). */
export function clean(x: number): number {
  return Number.isInteger(x) ? x : Number(x.toPrecision(15));
}

/** How a linear rule compares its stated figure with the computed sum. */
export class LinearComparison {
  readonly printed: boolean;
  private readonly half: number;
  constructor(
    precision: 'exact' | 'printed',
    readonly comparison: Comparison,
  ) {
    this.printed = precision === 'printed';
    this.half = this.printed ? halfUnit(comparison.decimals) : 0;
  }

  passes(stated: number, exact: number): boolean {
    return Math.abs(stated - exact) <= this.half + sumTolerance(exact, this.comparison.decimals);
  }

  compare(stated: number, exact: number): Compared {
    if (this.passes(stated, exact)) return { status: 'pass', stated, exact, expected: exact };
    const expected = this.printed ? roundTo(exact, this.comparison.decimals) : clean(exact);
    return { status: 'fail', stated, exact, expected };
  }
}

/** Above this many terms a rule finds a cell's coefficient through a map instead of scanning. */
const SCAN_LIMIT = 16;

/** A linear rule over arbitrary cells (flat arrays of rows, columns and coefficients). */
class LinearRule extends CompactRule implements Rule {
  readonly key: string;
  readonly kind: FindingKind;
  readonly target: CellRef;
  readonly description: RuleDescription;
  readonly claims: readonly Claim[] | undefined;
  private readonly rows: Int32Array;
  private readonly cols: Int32Array;
  private readonly coefficients: Float64Array;
  private readonly byCell: Map<number, number> | null;
  private readonly constant: number;
  private readonly compare: LinearComparison;

  constructor(spec: LinearRuleSpec) {
    super();
    this.key = spec.key;
    this.kind = spec.kind;
    this.target = spec.target;
    this.description = spec.description;
    this.claims = spec.claims;
    this.constant = spec.constant;
    this.compare = new LinearComparison(spec.precision, spec.comparison);
    const seen = new Map<number, number>();
    const rows: number[] = [];
    const cols: number[] = [];
    const coefficients: number[] = [];
    for (const { cell, coefficient } of spec.terms) {
      const key = cell.row * 16384 + cell.col;
      const at = seen.get(key);
      if (at === undefined) {
        seen.set(key, rows.length);
        rows.push(cell.row);
        cols.push(cell.col);
        coefficients.push(coefficient);
      } else coefficients[at] += coefficient;
    }
    this.rows = Int32Array.from(rows);
    this.cols = Int32Array.from(cols);
    this.coefficients = Float64Array.from(coefficients);
    this.byCell =
      rows.length > SCAN_LIMIT ? new Map([...seen].map(([k, at]) => [k, coefficients[at]])) : null;
  }

  get comparison(): Comparison {
    return this.compare.comparison;
  }

  forEachRead(visit: (row: number, col: number) => void): void {
    visit(this.target.row, this.target.col);
    for (let i = 0; i < this.rows.length; i++) visit(this.rows[i], this.cols[i]);
  }

  private coefficientOf(cell: CellRef): number {
    if (this.byCell) return this.byCell.get(cell.row * 16384 + cell.col) ?? 0;
    let k = 0;
    for (let i = 0; i < this.rows.length; i++) {
      if (this.rows[i] === cell.row && this.cols[i] === cell.col) k += this.coefficients[i];
    }
    return k;
  }

  private isTarget(cell: CellRef): boolean {
    return cell.row === this.target.row && cell.col === this.target.col;
  }

  evaluate(cells: CellSource): Compared {
    let exact = this.constant;
    for (let i = 0; i < this.rows.length; i++) {
      exact += this.coefficients[i] * cells.number(this.rows[i], this.cols[i]);
    }
    return this.compare.compare(cells.number(this.target.row, this.target.col), exact);
  }

  solveFor(cell: CellRef, cells: CellSource, current: Compared): number | null {
    if (this.isTarget(cell)) return current.expected;
    const coefficient = this.coefficientOf(cell);
    if (!coefficient) return null;
    return cells.number(cell.row, cell.col) + (current.stated - current.exact) / coefficient;
  }

  reevaluate(current: Compared, cell: CellRef, from: number, to: number): Compared {
    const stated = this.isTarget(cell) ? to : current.stated;
    return this.compare.compare(stated, current.exact + this.coefficientOf(cell) * (to - from));
  }
}

export function linearRule(spec: LinearRuleSpec): Rule {
  return new LinearRule(spec);
}

/**
 * The shape of a linear row formula, shared by the rule on every row: the target column, the
 * columns read with their coefficients, the constant and the comparison.
 */
export interface LinearShape {
  readonly kind: FindingKind;
  readonly targetCol: number;
  readonly cols: Int32Array;
  readonly coefficients: Float64Array;
  readonly constant: number;
  readonly compare: LinearComparison;
  readonly description: RuleDescription;
  /** What every row's rule is an instance of (evidence.ts). */
  readonly claims?: readonly Claim[];
  /**
   * A row whose parts are all blank gives no breakdown and says nothing of the formula: a blank
   * is not 0 (a sub-heading carrying only its total, "a) Công trình chuyển tiếp").
   */
  readonly blankPartsSayNothing?: boolean;
}

/** A linear formula on one row: "1=2+3+4+5" on row r. */
export class RowLinearRule extends CompactRule implements Rule {
  constructor(
    readonly row: number,
    private readonly shape: LinearShape,
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
    return this.shape.compare.comparison;
  }
  get description(): RuleDescription {
    return this.shape.description;
  }
  get claims(): readonly Claim[] | undefined {
    return this.shape.claims;
  }

  forEachRead(visit: (row: number, col: number) => void): void {
    visit(this.row, this.shape.targetCol);
    const { cols } = this.shape;
    for (let i = 0; i < cols.length; i++) visit(this.row, cols[i]);
  }

  private coefficientOf(cell: CellRef): number {
    if (cell.row !== this.row) return 0;
    const { cols, coefficients } = this.shape;
    for (let i = 0; i < cols.length; i++) if (cols[i] === cell.col) return coefficients[i];
    return 0;
  }

  evaluate(cells: CellSource): Evaluation {
    const { cols, coefficients } = this.shape;
    if (this.shape.blankPartsSayNothing && cols.every((c) => isBlank(cells.raw(this.row, c))))
      return { status: 'skip', reason: 'blank' };
    let exact = this.shape.constant;
    for (let i = 0; i < cols.length; i++)
      exact += coefficients[i] * cells.number(this.row, cols[i]);
    return this.shape.compare.compare(cells.number(this.row, this.shape.targetCol), exact);
  }

  solveFor(cell: CellRef, cells: CellSource, current: Compared): number | null {
    if (cell.row === this.row && cell.col === this.shape.targetCol) return current.expected;
    const coefficient = this.coefficientOf(cell);
    if (!coefficient) return null;
    return cells.number(cell.row, cell.col) + (current.stated - current.exact) / coefficient;
  }

  reevaluate(current: Compared, cell: CellRef, from: number, to: number): Compared {
    const isTarget = cell.row === this.row && cell.col === this.shape.targetCol;
    const stated = isTarget ? to : current.stated;
    return this.shape.compare.compare(
      stated,
      current.exact + this.coefficientOf(cell) * (to - from),
    );
  }
}
