/**
 * A rule of the form  target = Σ coefficient·cell + constant: row formulas that are sums or
 * differences ("1=2+3+4+5", "(3)=(1)-(2)") and total rows. Shared so that both get the same
 * comparison, the same solving for a single cell, and the O(1) re-evaluation that lets the
 * suggestion search try a value in one commune of a national table without re-adding the column.
 */
import { roundDecimal } from '../numbers';
import type { FindingKind } from './finding';
import {
  cellKey,
  floatTolerance,
  halfUnit,
  type CellRef,
  type CellSource,
  type Compared,
  type Comparison,
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
}

/** Drops floating-point noise from a sum of decimals (0.1 + 0.2 → 0.3). */
function clean(x: number): number {
  return Number.isInteger(x) ? x : Number(x.toPrecision(15));
}

/** Above this many terms a rule looks coefficients up in a map instead of scanning. */
const SCAN_LIMIT = 16;

/** A class rather than closures: a national table compiles hundreds of thousands of these. */
class LinearRule implements Rule {
  readonly key: string;
  readonly kind: FindingKind;
  readonly target: CellRef;
  readonly reads: readonly CellRef[];
  readonly comparison: Comparison;
  readonly description: RuleDescription;
  private readonly terms: CellRef[] = [];
  private readonly coefficients: number[] = [];
  private readonly byCell: Map<number, number> | null;
  private readonly constant: number;
  private readonly tolerance: number;
  private readonly printed: boolean;

  constructor(spec: LinearRuleSpec) {
    this.key = spec.key;
    this.kind = spec.kind;
    this.target = spec.target;
    this.comparison = spec.comparison;
    this.description = spec.description;
    this.constant = spec.constant;
    this.printed = spec.precision === 'printed';
    this.tolerance = this.printed ? halfUnit(spec.comparison.decimals) : 0;
    const seen = new Map<number, number>();
    for (const { cell, coefficient } of spec.terms) {
      const key = cellKey(cell.row, cell.col);
      const at = seen.get(key);
      if (at === undefined) {
        seen.set(key, this.terms.length);
        this.terms.push(cell);
        this.coefficients.push(coefficient);
      } else this.coefficients[at] += coefficient;
    }
    this.byCell =
      this.terms.length > SCAN_LIMIT
        ? new Map([...seen].map(([k, at]) => [k, this.coefficients[at]]))
        : null;
    this.reads = [spec.target, ...this.terms];
  }

  private coefficientOf(cell: CellRef): number {
    if (this.byCell) return this.byCell.get(cellKey(cell.row, cell.col)) ?? 0;
    for (let i = 0; i < this.terms.length; i++) {
      const t = this.terms[i];
      if (t.row === cell.row && t.col === cell.col) return this.coefficients[i];
    }
    return 0;
  }

  private isTarget(cell: CellRef): boolean {
    return cell.row === this.target.row && cell.col === this.target.col;
  }

  private compare(stated: number, exact: number): Compared {
    if (Math.abs(stated - exact) <= this.tolerance + floatTolerance(exact)) {
      return { status: 'pass', stated, exact, expected: exact };
    }
    const expected = this.printed ? roundDecimal(exact, this.comparison.decimals) : clean(exact);
    return { status: 'fail', stated, exact, expected };
  }

  evaluate(cells: CellSource): Compared {
    let exact = this.constant;
    for (let i = 0; i < this.terms.length; i++) {
      const t = this.terms[i];
      exact += this.coefficients[i] * cells.number(t.row, t.col);
    }
    return this.compare(cells.number(this.target.row, this.target.col), exact);
  }

  solveFor(cell: CellRef, cells: CellSource, current: Compared): number | null {
    if (this.isTarget(cell)) return current.expected;
    const coefficient = this.coefficientOf(cell);
    if (!coefficient) return null;
    return cells.number(cell.row, cell.col) + (current.stated - current.exact) / coefficient;
  }

  reevaluate(current: Compared, cell: CellRef, from: number, to: number): Compared {
    const stated = this.isTarget(cell) ? to : current.stated;
    return this.compare(stated, current.exact + this.coefficientOf(cell) * (to - from));
  }
}

export function linearRule(spec: LinearRuleSpec): Rule {
  return new LinearRule(spec);
}
