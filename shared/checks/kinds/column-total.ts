/**
 * Total rows. A subtotal ("Cộng") covers the detail rows of its group; the grand total ("Toàn
 * huyện") covers the subtotals when the table has them (plus any detail row no subtotal covers),
 * else every detail row. Every figure column is summed except rates, ratios, averages, ranks and
 * comparisons: those are recomputed on the total row by its row formula instead. Blanks count 0.
 *
 * The covered rows of a total row are one sorted list shared by the rules of all its columns; a
 * rule re-evaluates after one edit in O(1) from its previous sum (the engine's running sum), so a
 * national total over 10,000 communes is not re-added for every keystroke.
 */
import type { Table } from '../../model';
import { LinearComparison } from '../linear-rule';
import {
  CompactRule,
  halfUnit,
  type CellRef,
  type CellSource,
  type Claim,
  type Compared,
  type Comparison,
  type Rule,
  type RuleDescription,
  type RuleKind,
  type TotalCoverage,
} from '../rule';
import type { TableContext } from '../table-context';
import { topLevelRows } from '../outline';

interface Coverage {
  row: number;
  /** The claim that this row adds up what it covers, across its columns. */
  claim: Claim;
  role: 'subtotal' | 'total';
  /** The covered rows, ascending. */
  rows: Int32Array;
  covers: TotalCoverage;
  /** The total row's label, read when a message needs it. */
  label: () => string | null;
}

function isBoundary(table: Table, r: number): boolean {
  return table.rows[r].role !== 'detail';
}

/**
 * Where a table puts its subtotals: below their groups ("Cộng" after the communes, the usual
 * way) or above them (regional rows V01–V06 before their provinces, as in the national health-
 * insurance tables). Decided once from the first subtotal, so that the detail rows between two
 * subtotals are never read as the group of both.
 */
function subtotalsAbove(table: Table): boolean {
  const first = table.rows.findIndex((row) => row.role === 'subtotal');
  if (first < 0) return false;
  const before = first > 0 && table.rows[first - 1].role === 'detail';
  const after = first + 1 < table.rows.length && table.rows[first + 1].role === 'detail';
  return !before && after;
}

/** The detail rows of a subtotal's group: those since the previous boundary (or, where the
 *  table puts subtotals above their groups, up to the next one), else those on the other side. */
function groupOf(table: Table, s: number, above: boolean): number[] {
  const before: number[] = [];
  for (let r = s - 1; r >= 0 && !isBoundary(table, r); r--) before.push(r);
  before.reverse();
  const after: number[] = [];
  for (let r = s + 1; r < table.rows.length && !isBoundary(table, r); r++) after.push(r);
  const [mine, other] = above ? [after, before] : [before, after];
  return mine.length > 0 ? mine : other;
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

/** The claim that a total row adds up: stated when its author set the role, else inferred. */
function rowClaim(context: TableContext, r: number, role: 'subtotal' | 'total'): Claim {
  const label = context.rowLabel(r);
  const named = label ? `dòng «${label.length > 50 ? `${label.slice(0, 49)}…` : label}»` : 'dòng';
  return {
    basis: context.table.rows[r].roleBasis === 'inferred' ? 'inferred' : 'stated',
    said: role === 'subtotal' ? `${named} là dòng cộng của nhóm` : `${named} là dòng tổng`,
    over: 'cột',
  };
}

/** What each total row of the table covers. */
export function totalCoverages(context: TableContext): Coverage[] {
  const { table } = context;
  const outline = context.outline();
  // Where rows are in levels, a total adds the items of the top level only.
  const items = (rows: number[]) => topLevelRows(outline, rows, context.headsOnly);
  const result: Coverage[] = [];
  const coveredBySubtotal = new Uint8Array(table.rows.length);
  const subtotals: number[] = [];
  const above = subtotalsAbove(table);
  table.rows.forEach((row, r) => {
    if (row.role !== 'subtotal') return;
    const group = groupOf(table, r, above);
    subtotals.push(r);
    for (const d of group) coveredBySubtotal[d] = 1;
    const { rows, levelled } = items(group);
    result.push({
      row: r,
      claim: rowClaim(context, r, 'subtotal'),
      role: 'subtotal',
      rows: Int32Array.from(rows),
      covers: {
        what: 'group',
        rows: rows.length,
        groupLabel: groupLabel(context, group, r),
        subtotalLabel: null,
        ...(levelled && { topLevelOnly: true }),
      },
      label: () => context.rowLabel(r),
    });
  });
  const details: number[] = [];
  table.rows.forEach((row, r) => {
    if (row.role === 'detail') details.push(r);
  });
  const looseRows = subtotals.length > 0 ? details.filter((r) => !coveredBySubtotal[r]) : details;
  const { rows: loose, levelled } = items(looseRows);
  let labels: Set<string | null> | null = null;
  table.rows.forEach((row, r) => {
    if (row.role !== 'total') return;
    labels ??= new Set(subtotals.map((s) => context.rowLabel(s)));
    const rows = [...subtotals, ...loose].sort((a, b) => a - b);
    const what: TotalCoverage['what'] =
      subtotals.length === 0
        ? 'details'
        : loose.length === 0
          ? 'subtotals'
          : 'subtotals-and-details';
    result.push({
      row: r,
      claim: rowClaim(context, r, 'total'),
      role: 'total',
      rows: Int32Array.from(rows),
      covers: {
        what,
        rows: rows.length,
        groupLabel: null,
        subtotalLabel: labels.size === 1 ? [...labels][0] : null,
        ...(levelled && { topLevelOnly: true }),
      },
      label: () => context.rowLabel(r),
    });
  });
  return result.filter((c) => c.rows.length > 0);
}

/** One column of one total row: the stated total against the sum of the covered rows. */
class ColumnTotalRule extends CompactRule implements Rule {
  readonly kind = 'column-total' as const;
  private describedAs: RuleDescription | null = null;
  readonly claims: readonly Claim[];

  constructor(
    private readonly coverage: Coverage,
    readonly col: number,
    private readonly compare: LinearComparison,
    private readonly columnCode: string,
    columnClaim: Claim,
  ) {
    super();
    this.claims = [coverage.claim, columnClaim];
  }

  get key(): string {
    return `column-total:${this.coverage.row}:${this.col}`;
  }
  get target(): CellRef {
    return { row: this.coverage.row, col: this.col };
  }
  get comparison(): Comparison {
    return this.compare.comparison;
  }
  get description(): RuleDescription {
    this.describedAs ??= {
      kind: 'column-total',
      columnCode: this.columnCode,
      role: this.coverage.role,
      rowLabel: this.coverage.label(),
      covers: this.coverage.covers,
    };
    return this.describedAs;
  }

  forEachRead(visit: (row: number, col: number) => void): void {
    visit(this.coverage.row, this.col);
    const { rows } = this.coverage;
    for (let i = 0; i < rows.length; i++) visit(rows[i], this.col);
  }

  /** True when the rule sums this cell: binary search in the sorted covered rows. */
  private covers(cell: CellRef): boolean {
    if (cell.col !== this.col) return false;
    const { rows } = this.coverage;
    let lo = 0;
    let hi = rows.length - 1;
    while (lo <= hi) {
      const mid = (lo + hi) >> 1;
      const r = rows[mid];
      if (r === cell.row) return true;
      if (r < cell.row) lo = mid + 1;
      else hi = mid - 1;
    }
    return false;
  }

  evaluate(cells: CellSource): Compared {
    const { rows } = this.coverage;
    let exact = 0;
    for (let i = 0; i < rows.length; i++) exact += cells.number(rows[i], this.col);
    return this.compare.compare(cells.number(this.coverage.row, this.col), exact);
  }

  solveFor(cell: CellRef, cells: CellSource, current: Compared): number | null {
    if (cell.row === this.coverage.row && cell.col === this.col) return current.expected;
    if (!this.covers(cell)) return null;
    return cells.number(cell.row, cell.col) + (current.stated - current.exact);
  }

  reevaluate(current: Compared, cell: CellRef, from: number, to: number): Compared {
    if (cell.row === this.coverage.row && cell.col === this.col) {
      return this.compare.compare(to, current.exact);
    }
    const k = this.covers(cell) ? 1 : 0;
    return this.compare.compare(current.stated, current.exact + k * (to - from));
  }
}

export const columnTotalKind: RuleKind = {
  name: 'column-total',
  compile(context) {
    const { table } = context;
    const columns = table.columns.flatMap((_, col) =>
      context.figureColumns[col] && !context.notSummed[col] ? [col] : [],
    );
    const rules: Rule[] = [];
    const columnClaims = new Map<number, Claim>();
    const columnClaim = (col: number): Claim => {
      let claim = columnClaims.get(col);
      if (!claim) {
        claim = {
          basis: 'inferred',
          said: `cột ${table.columns[col].code} cộng đúng`,
          over: 'dòng tổng',
        };
        columnClaims.set(col, claim);
      }
      return claim;
    };
    for (const coverage of totalCoverages(context)) {
      for (const col of columns) {
        const column = table.columns[col];
        const decimals = column.decimals;
        const compare = new LinearComparison('exact', {
          shape: 'sum',
          decimals,
          integers: decimals === 0,
          roundingSlack: decimals > 0 ? (coverage.rows.length + 1) * halfUnit(decimals) : 0,
        });
        rules.push(new ColumnTotalRule(coverage, col, compare, column.code, columnClaim(col)));
      }
    }
    return rules;
  },
};
