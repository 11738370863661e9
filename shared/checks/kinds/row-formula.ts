/**
 * Row formulas from the column-code row ("1=2+3+4+5", "6=5/4*100"), on every detail, subtotal
 * and total row. A formula that divides is a ratio: its stated value is a rounded result and
 * passes within half a unit of its last printed digit. A sum is exact. On total rows a rate is
 * thus recomputed from the total row's own figures, as statisticians do.
 */
import { roundDecimal } from '../../numbers';
import { evaluateFormula } from '../formula';
import { linearRule } from '../linear-rule';
import {
  floatTolerance,
  halfUnit,
  type CellRef,
  type Comparison,
  type Rule,
  type RuleKind,
} from '../rule';
import type { ColumnFormula, TableContext } from '../table-context';

function isInteger(x: number): boolean {
  return Math.abs(x - Math.round(x)) < 1e-12;
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
  const description = { kind, columnCode: column.code, formula: formula.ast } as const;

  const rules: Rule[] = [];
  table.rows.forEach((row, r) => {
    if (row.role === 'group') return;
    // A product of two columns holds unit by unit; summed down a total row it does not.
    if (row.role !== 'detail' && !formula.isRatio && !linear) return;
    const key = `${kind}:${r}:${col}`;
    const target = { row: r, col };
    if (linear) {
      rules.push(
        linearRule({
          key,
          kind,
          target,
          terms: [...linear.coefficients].map(([code, coefficient]) => ({
            cell: { row: r, col: formula.columnOf.get(code)! },
            coefficient,
          })),
          constant: linear.constant,
          precision: exactSum ? 'exact' : 'printed',
          comparison,
          description,
        }),
      );
    } else {
      rules.push(formulaRule(key, kind, target, formula, comparison, description));
    }
  });
  return rules;
}

/** A formula checked against the printed precision of its result: a ratio, or a product. */
function formulaRule(
  key: string,
  kind: 'ratio' | 'row-formula',
  target: CellRef,
  formula: ColumnFormula,
  comparison: Comparison,
  description: Rule['description'],
): Rule {
  const inputs = [...formula.columnOf.values()].map((col) => ({ row: target.row, col }));
  const { decimals } = comparison;
  return {
    key,
    kind,
    target,
    reads: [target, ...inputs],
    comparison,
    description,
    evaluate(cells) {
      const exact = evaluateFormula(formula.ast, (code) =>
        cells.number(target.row, formula.columnOf.get(code)!),
      );
      if (exact === null) return { status: 'skip', reason: 'division-by-zero' };
      const stated = cells.number(target.row, target.col);
      const ok = Math.abs(stated - exact) <= halfUnit(decimals) + floatTolerance(exact);
      return {
        status: ok ? 'pass' : 'fail',
        stated,
        exact,
        expected: roundDecimal(exact, decimals),
      };
    },
    // Only the stated result can be solved for: many numerators or denominators would round to
    // the same rate, so naming one would be a guess.
    solveFor(cell, _cells, current) {
      return cell.row === target.row && cell.col === target.col ? current.expected : null;
    },
  };
}

export const rowFormulaKind: RuleKind = {
  name: 'row-formula',
  compile(context) {
    return context.formulas.flatMap((f, col) => (f ? compileColumn(context, col, f) : []));
  },
};
