/**
 * A figure in the wrong unit: in a row of yearly figures ("TH 2015", "TH 2016", … under one
 * header), a value a thousand times its neighbour's or more is almost always entered in another
 * unit — đồng for tỷ đồng, người for nghìn người (a real district report: agriculture output 1.123.413,8 "tỷ
 * đồng" in 2016 against 12,7 in 2015). Growth does not multiply a real figure by 1 000 in a
 * year; small figures (below 1 000 on both sides) and zeros say nothing. A warning on the later
 * cell, unless it only comes back to the level before a jump (the jump is the one reported).
 */
import { decimalsNeeded, formatNumber } from '../../numbers';
import {
  CompactRule,
  type CellRef,
  type CellSource,
  type Evaluation,
  type Rule,
  type RuleDescription,
  type RuleKind,
} from '../rule';
import type { TableContext } from '../table-context';
import { columnName } from './header-sum';

const YEAR = /(?:^|[^\d])(19\d\d|20\d\d)(?!\d)/;
/** How many times larger a neighbour must be, and how large, to read as another unit. */
const FACTOR = 1000;
const LARGE = 1000;

/** Runs of adjacent figure columns under the same header whose labels name a year. */
export function yearSeries(context: TableContext): number[][] {
  const { columns } = context.table;
  const series: number[][] = [];
  let run: number[] = [];
  let path = '';
  const close = () => {
    if (run.length >= 2) series.push(run);
    run = [];
  };
  columns.forEach((column, c) => {
    const yearly = context.figureColumns[c] && !context.rateColumns[c] && YEAR.test(column.label);
    const here = column.headerPath.join('›');
    if (!yearly || (run.length > 0 && here !== path)) close();
    if (!yearly) return;
    path = here;
    run.push(c);
  });
  close();
  return series;
}

function jumps(a: number, b: number): boolean {
  if (a === 0 || b === 0 || Math.sign(a) !== Math.sign(b)) return false;
  const small = Math.min(Math.abs(a), Math.abs(b));
  const large = Math.max(Math.abs(a), Math.abs(b));
  return large >= LARGE && large >= FACTOR * small;
}

function shown(v: number): string {
  return formatNumber(v, Math.min(decimalsNeeded(v, 2), 2));
}

/** Two significant digits: "khoảng 88.000 lần". */
function roughly(x: number): string {
  const p = 10 ** Math.max(0, Math.floor(Math.log10(x)) - 1);
  return formatNumber(Math.round(x / p) * p, 0);
}

class MagnitudeRule extends CompactRule implements Rule {
  readonly kind = 'magnitude' as const;
  readonly comparison = null;
  constructor(
    private readonly row: number,
    /** The columns of the series before `previous`, in order. */
    private readonly before: readonly number[],
    private readonly previous: number,
    private readonly col: number,
    private readonly columnCode: string,
    private readonly labels: { previous: string; col: string },
  ) {
    super();
  }
  get key(): string {
    return `magnitude:${this.row}:${this.col}`;
  }
  get target(): CellRef {
    return { row: this.row, col: this.col };
  }
  get description(): RuleDescription {
    return { kind: 'row-fact', what: 'magnitude', columnCode: this.columnCode };
  }
  forEachRead(visit: (row: number, col: number) => void): void {
    visit(this.row, this.col);
    visit(this.row, this.previous);
    for (const c of this.before) visit(this.row, c);
  }
  evaluate(cells: CellSource): Evaluation {
    const b = cells.number(this.row, this.col);
    const a = cells.number(this.row, this.previous);
    const pass: Evaluation = { status: 'pass', stated: b, exact: a, expected: a };
    if (!jumps(a, b)) return pass;
    // The jump was before (a and maybe more years in another unit) and b comes back to the
    // level of the first figure of the row: that jump is the one reported, not this return.
    const first = this.before.map((c) => cells.number(this.row, c)).find((v) => v !== 0);
    if (first !== undefined && jumps(first, a) && !jumps(first, b)) return pass;
    const ratio = Math.abs(b) > Math.abs(a) ? b / a : a / b;
    const how = Math.abs(b) > Math.abs(a) ? 'gấp' : 'chỉ bằng một phần';
    return {
      status: 'flag',
      text: shown(b),
      severity: 'warning',
      message: `Ô {0} («${this.labels.col}») = ${shown(b)} ${how} khoảng ${roughly(ratio)} lần ô {1} («${this.labels.previous}») = ${shown(a)}: có thể ghi nhầm đơn vị tính`,
      cells: [
        { row: this.row, col: this.col },
        { row: this.row, col: this.previous },
      ],
      evidence: 'số liệu một chỉ tiêu qua các năm không tăng giảm hàng nghìn lần',
    };
  }
}

export const magnitudeKind: RuleKind = {
  name: 'magnitude',
  compile(context) {
    const { table } = context;
    const rules: Rule[] = [];
    for (const run of yearSeries(context)) {
      const label = (c: number) => table.columns[c].label.replace(/\s+/g, ' ').trim();
      table.rows.forEach((row, r) => {
        if (row.role === 'group') return;
        for (let i = 1; i < run.length; i++) {
          rules.push(
            new MagnitudeRule(
              r,
              run.slice(0, i - 1),
              run[i - 1],
              run[i],
              columnName(table.columns[run[i]], run[i]),
              { previous: label(run[i - 1]), col: label(run[i]) },
            ),
          );
        }
      });
    }
    return rules;
  },
};
