/**
 * Total rows. A subtotal ("Cộng") covers the detail rows of its group; the grand total ("Toàn
 * huyện") covers the subtotals when the table has them (plus any detail row no subtotal covers),
 * else every detail row. Every figure column is summed except rates, ratios, averages, ranks and
 * comparisons: those are recomputed on the total row by its row formula instead. Blanks count 0.
 */
import type { Table } from '../../model';
import { linearRule } from '../linear-rule';
import { halfUnit, type Rule, type RuleKind, type TotalCoverage } from '../rule';
import type { TableContext } from '../table-context';

interface Coverage {
  row: number;
  role: 'subtotal' | 'total';
  rows: number[];
  covers: TotalCoverage;
}

function isBoundary(table: Table, r: number): boolean {
  return table.rows[r].role !== 'detail';
}

/** The detail rows of a subtotal's group: those since the previous boundary, or if there are none
 *  (a subtotal printed above its group) those up to the next one. */
function groupOf(table: Table, s: number): number[] {
  const before: number[] = [];
  for (let r = s - 1; r >= 0 && !isBoundary(table, r); r--) before.unshift(r);
  if (before.length > 0) return before;
  const after: number[] = [];
  for (let r = s + 1; r < table.rows.length && !isBoundary(table, r); r++) after.push(r);
  return after;
}

function groupLabel(context: TableContext, covered: number[], subtotal: number): string | null {
  const first = Math.min(subtotal, covered[0] ?? subtotal); // covered is in row order
  for (let r = first - 1; r >= 0; r--) {
    const role = context.table.rows[r].role;
    if (role === 'group') return context.rowLabel(r);
    if (role !== 'detail') return null;
  }
  return null;
}

function coverages(context: TableContext): Coverage[] {
  const { table } = context;
  const result: Coverage[] = [];
  const coveredBySubtotal = new Set<number>();
  const subtotals: number[] = [];
  table.rows.forEach((row, r) => {
    if (row.role !== 'subtotal') return;
    const rows = groupOf(table, r);
    subtotals.push(r);
    rows.forEach((d) => coveredBySubtotal.add(d));
    result.push({
      row: r,
      role: 'subtotal',
      rows,
      covers: {
        what: 'group',
        rows: rows.length,
        groupLabel: groupLabel(context, rows, r),
        subtotalLabel: null,
      },
    });
  });
  const details = table.rows.flatMap((row, r) => (row.role === 'detail' ? [r] : []));
  const loose = subtotals.length > 0 ? details.filter((r) => !coveredBySubtotal.has(r)) : details;
  const labels = new Set(subtotals.map((r) => context.rowLabel(r)));
  table.rows.forEach((row, r) => {
    if (row.role !== 'total') return;
    const rows = [...subtotals, ...loose].sort((a, b) => a - b);
    const what: TotalCoverage['what'] =
      subtotals.length === 0
        ? 'details'
        : loose.length === 0
          ? 'subtotals'
          : 'subtotals-and-details';
    result.push({
      row: r,
      role: 'total',
      rows,
      covers: {
        what,
        rows: rows.length,
        groupLabel: null,
        subtotalLabel: labels.size === 1 ? [...labels][0] : null,
      },
    });
  });
  return result.filter((c) => c.rows.length > 0);
}

export const columnTotalKind: RuleKind = {
  name: 'column-total',
  compile(context) {
    const { table } = context;
    const columns = table.columns.flatMap((_, col) =>
      context.figureColumns[col] && !context.rateColumns[col] ? [col] : [],
    );
    const rules: Rule[] = [];
    for (const coverage of coverages(context)) {
      for (const col of columns) {
        const column = table.columns[col];
        const decimals = column.decimals;
        rules.push(
          linearRule({
            key: `column-total:${coverage.row}:${col}`,
            kind: 'column-total',
            target: { row: coverage.row, col },
            terms: coverage.rows.map((row) => ({ cell: { row, col }, coefficient: 1 })),
            constant: 0,
            precision: 'exact',
            comparison: {
              shape: 'sum',
              decimals,
              integers: decimals === 0,
              roundingSlack: decimals > 0 ? (coverage.rows.length + 1) * halfUnit(decimals) : 0,
            },
            description: {
              kind: 'column-total',
              columnCode: column.code,
              role: coverage.role,
              rowLabel: context.rowLabel(coverage.row),
              covers: coverage.covers,
            },
          }),
        );
      }
    }
    return rules;
  },
};
