/**
 * Header semantics (docs/domain.md: header words carry meaning):
 * - a group "Chia ra" (divided into) after a total column ("Tổng số", "Tổng", "Cộng"): on every
 *   row the total equals the sum of the parts — unless the code row already says exactly that
 *   ("1=2+3+4+5"), which the row formula checks;
 * - a group "Trong đó" (of which), or a column "Trong đó: …", after a column: each part is at
 *   most that column, and so is the sum of the parts.
 * And, as proposals rather than rules: a column headed "Tổng" / "Cộng" with no formula whose
 * figures equal the sum of other figure columns on most rows (at least 80 % and 3 rows).
 *
 * A header is a chain: the column's header path, outermost first, then its label. A group is a
 * run of adjacent columns sharing the chain up to a "Chia ra" / "Trong đó" header; its total is
 * the nearest column before it under the same parent.
 */
import type { Column } from '../../model';
import { isBreakdownHeader, isOfWhichHeader, isTotalHeader } from '../../table-words';
import { LinearComparison, RowLinearRule, type LinearShape } from '../linear-rule';
import type { FormulaProposal } from '../proposal';
import {
  CompactRule,
  halfUnit,
  sumTolerance,
  type CellRef,
  type CellSource,
  type Claim,
  type Comparison,
  type Evaluation,
  isBlank,
  type Rule,
  type RuleDescription,
  type RuleKind,
} from '../rule';
import type { TableContext } from '../table-context';
import { formatNumber } from '../../numbers';

function chain(column: Column): string[] {
  return [...column.headerPath, column.label];
}

function samePrefix(a: readonly string[], b: readonly string[], length: number): boolean {
  if (a.length < length || b.length < length) return false;
  for (let i = 0; i < length; i++) if (a[i].trim() !== b[i].trim()) return false;
  return true;
}

export function columnName(column: Column, index: number): string {
  return column.code.trim() !== '' ? column.code : String(index + 1);
}

export interface HeaderGroup {
  relation: 'breakdown' | 'of-which';
  /** The header that says it, as written. */
  header: string;
  total: number;
  parts: number[];
}

/** The level of the first "Chia ra" / "Trong đó" header of a column, or -1. */
function groupLevel(c: string[]): { level: number; relation: HeaderGroup['relation'] } | null {
  for (let level = 0; level < c.length; level++) {
    // A breakdown is a group header over its parts; "Trong đó: nữ" may also be the label itself.
    if (level < c.length - 1 && isBreakdownHeader(c[level]))
      return { level, relation: 'breakdown' };
    if (isOfWhichHeader(c[level])) return { level, relation: 'of-which' };
  }
  return null;
}

/** The "Chia ra" and "Trong đó" groups of a table, each with the column it divides. */
export function headerGroups(context: TableContext): HeaderGroup[] {
  const { columns } = context.table;
  const chains = columns.map(chain);
  const levels = chains.map(groupLevel);
  const additive = (i: number) => context.figureColumns[i] && !context.rateColumns[i];
  const groups: HeaderGroup[] = [];
  let i = 0;
  while (i < columns.length) {
    const g = levels[i];
    if (!g) {
      i++;
      continue;
    }
    const { level, relation } = g;
    const start = i;
    i++;
    while (
      i < columns.length &&
      levels[i]?.level === level &&
      levels[i]?.relation === relation &&
      samePrefix(chains[i], chains[start], level) &&
      (level === chains[start].length - 1
        ? isOfWhichHeader(chains[i][level]) // "Trong đó: nữ | Trong đó: dân tộc"
        : chains[i][level].trim() === chains[start][level].trim())
    )
      i++;
    const members = Array.from({ length: i - start }, (_, k) => start + k);
    // The total: the nearest column before the group under the same parent, past other groups.
    let total = start - 1;
    while (
      total >= 0 &&
      samePrefix(chains[total], chains[start], level) &&
      chains[total].length > level &&
      levels[total]?.level === level
    )
      total--;
    if (total < 0 || !samePrefix(chains[total], chains[start], level)) continue;
    if (chains[total].length <= level || !additive(total)) continue;
    const header = chains[start][level].trim();
    // Parts with sub-levels ("Trong đó › Đang sử dụng › Số lượng | Giá trị") under a total block
    // with the same leaves ("Tồn kho › Số lượng | Giá trị"): each leaf is bounded by its own
    // total, quantities by the quantity, values by the value.
    const byLeaf = pairByLeaf(chains, members, total, level);
    if (byLeaf) {
      for (const [leafTotal, leafParts] of byLeaf) {
        const parts = leafParts.filter(additive);
        if (!additive(leafTotal) || parts.length === 0) continue;
        if (relation === 'breakdown' && parts.length < 2) continue;
        groups.push({ relation, header, total: leafTotal, parts });
      }
      continue;
    }
    if (relation === 'breakdown') {
      const own = chains[total].slice(level);
      const said =
        own.some(isTotalHeader) ||
        isTotalHeader(header) ||
        /tổng/u.test(header.toLowerCase()) ||
        (level > 0 && isTotalHeader(chains[start][level - 1]));
      // Every part must be a figure that adds: a breakdown with a rate in it is not a sum.
      if (!said || members.length < 2 || !members.every(additive)) continue;
      groups.push({ relation, header, total, parts: members });
    } else {
      const parts = members.filter(additive);
      if (parts.length > 0) groups.push({ relation, header, total, parts });
    }
  }
  return groups;
}

/**
 * The members of a group matched to the columns of the total block before it by their last
 * header word, when every member's leaf is one of the block's leaves and the members go deeper
 * than the group's level; null otherwise.
 */
function pairByLeaf(
  chains: readonly string[][],
  members: readonly number[],
  total: number,
  level: number,
): Map<number, number[]> | null {
  if (!members.every((m) => chains[m].length > level + 1)) return null;
  const leaf = (c: number) => chains[c][chains[c].length - 1].trim();
  // The block before the group: the columns under the same header as the total.
  const head = chains[total].slice(0, Math.max(1, chains[total].length - 1)).join('›');
  const block: number[] = [];
  for (let c = total; c >= 0 && chains[c].slice(0, -1).join('›') === head; c--) block.unshift(c);
  if (block.length < 2) return null;
  const byLeaf = new Map<string, number>();
  for (const c of block) if (!byLeaf.has(leaf(c))) byLeaf.set(leaf(c), c);
  const pairs = new Map<number, number[]>();
  for (const m of members) {
    const t = byLeaf.get(leaf(m));
    if (t === undefined) return null;
    pairs.set(t, [...(pairs.get(t) ?? []), m]);
  }
  return pairs;
}

/** True when the total column's code-row formula is exactly the sum of the parts. */
function formulaSays(context: TableContext, total: number, parts: readonly number[]): boolean {
  const f = context.formulas[total];
  if (!f?.linear || f.linear.constant !== 0) return false;
  const cols = new Map<number, number>();
  for (const [code, k] of f.linear.coefficients) {
    const col = f.columnOf.get(code)!;
    cols.set(col, (cols.get(col) ?? 0) + k);
  }
  return cols.size === parts.length && parts.every((p) => cols.get(p) === 1);
}

export interface BoundShape {
  /** 'inferred' for a bound the figures establish (part-whole.ts); by default a header's. */
  kind?: 'header-sum' | 'inferred';
  /** A row whose bounding columns are all blank gives no breakdown and says nothing. */
  blankBoundSaysNothing?: boolean;
  /** The column stating the checked value. */
  targetCol: number;
  /** The columns whose sum is the bound. */
  boundCols: Int32Array;
  /** 'at-most': stated ≤ bound; 'at-least': stated ≥ bound. */
  direction: 'at-most' | 'at-least';
  comparison: Comparison;
  description: RuleDescription;
  claims: readonly Claim[];
}

/** "Trong đó": a part at most its total, or a total at least the sum of its parts, on one row. */
export class RowBoundRule extends CompactRule implements Rule {
  constructor(
    readonly row: number,
    private readonly shape: BoundShape,
  ) {
    super();
  }

  get kind(): 'header-sum' | 'inferred' {
    return this.shape.kind ?? 'header-sum';
  }
  get key(): string {
    const kind = this.kind === 'header-sum' ? 'header-sum' : 'inferred-bound';
    return `${kind}:${this.row}:${this.shape.targetCol}`;
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
    const { boundCols } = this.shape;
    for (let i = 0; i < boundCols.length; i++) visit(this.row, boundCols[i]);
  }

  evaluate(cells: CellSource): Evaluation {
    const { boundCols, direction } = this.shape;
    if (this.shape.blankBoundSaysNothing) {
      let given = false;
      for (let i = 0; i < boundCols.length && !given; i++)
        given = !isBlank(cells.raw(this.row, boundCols[i]));
      if (!given) return { status: 'skip', reason: 'blank' };
    }
    let bound = 0;
    for (let i = 0; i < boundCols.length; i++) bound += cells.number(this.row, boundCols[i]);
    const stated = cells.number(this.row, this.shape.targetCol);
    const slack = sumTolerance(bound, this.shape.comparison.decimals);
    const ok = direction === 'at-most' ? stated <= bound + slack : stated >= bound - slack;
    return { status: ok ? 'pass' : 'fail', stated, exact: bound, expected: bound };
  }
}

export function comparisonOf(
  context: TableContext,
  target: number,
  reads: readonly number[],
  shape: 'sum' | 'bound',
): Comparison {
  const columns = context.table.columns;
  const decimals = columns[target].decimals;
  return {
    shape,
    decimals,
    integers: [target, ...reads].every((c) => columns[c].decimals === 0),
    roundingSlack: [target, ...reads].reduce(
      (s, c) => s + (columns[c].decimals > 0 ? halfUnit(columns[c].decimals) : 0),
      0,
    ),
  };
}

export const headerSumKind: RuleKind = {
  name: 'header-sum',
  compile(context) {
    const { table } = context;
    const code = (i: number) => columnName(table.columns[i], i);
    const makers: ((row: number) => Rule)[] = [];
    for (const g of headerGroups(context)) {
      const partCodes = g.parts.map(code);
      const base = { header: g.header, totalCode: code(g.total), partCodes };
      if (g.relation === 'breakdown') {
        if (formulaSays(context, g.total, g.parts)) continue;
        const comparison = comparisonOf(context, g.total, g.parts, 'sum');
        const exact = g.parts.every(
          (p) => table.columns[p].decimals <= table.columns[g.total].decimals,
        );
        const shape: LinearShape = {
          kind: 'header-sum',
          targetCol: g.total,
          cols: Int32Array.from(g.parts),
          coefficients: new Float64Array(g.parts.length).fill(1),
          constant: 0,
          compare: new LinearComparison(exact ? 'exact' : 'printed', comparison),
          description: { kind: 'header-sum', relation: 'sum', columnCode: code(g.total), ...base },
          claims: [
            {
              basis: 'stated',
              fromLayout: true,
              said: `tiêu đề «${g.header}»: cột ${code(g.total)} = ${partCodes.join('+')}`,
              over: 'dòng',
            },
          ],
        };
        makers.push((row) => new RowLinearRule(row, shape));
        continue;
      }
      for (const p of g.parts) {
        const shape: BoundShape = {
          targetCol: p,
          boundCols: Int32Array.of(g.total),
          direction: 'at-most',
          comparison: comparisonOf(context, p, [g.total], 'bound'),
          description: { kind: 'header-sum', relation: 'at-most', columnCode: code(p), ...base },
          claims: [
            {
              basis: 'stated',
              fromLayout: true,
              said: `tiêu đề «${g.header}»: cột ${code(p)} ≤ cột ${code(g.total)}`,
              over: 'dòng',
            },
          ],
        };
        makers.push((row) => new RowBoundRule(row, shape));
      }
      if (g.parts.length > 1) {
        const shape: BoundShape = {
          targetCol: g.total,
          boundCols: Int32Array.from(g.parts),
          direction: 'at-least',
          comparison: comparisonOf(context, g.total, g.parts, 'bound'),
          description: {
            kind: 'header-sum',
            relation: 'at-least',
            columnCode: code(g.total),
            ...base,
          },
          claims: [
            {
              basis: 'stated',
              fromLayout: true,
              said: `tiêu đề «${g.header}»: cột ${code(g.total)} ≥ ${partCodes.join('+')}`,
              over: 'dòng',
            },
          ],
        };
        makers.push((row) => new RowBoundRule(row, shape));
      }
    }
    if (makers.length === 0) return [];
    const rules: Rule[] = [];
    table.rows.forEach((row, r) => {
      if (row.role === 'group') return;
      for (const make of makers) rules.push(make(r));
    });
    return rules;
  },
};

// ---------------------------------------------------------------------------------------------
// Proposals: a "Tổng" column without a formula

/** Share of rows, and how many, that must agree before a sum is proposed. */
const PROPOSAL_SHARE = 0.8;
const PROPOSAL_ROWS = 3;

/** Sets of columns a total column might add up, most specific first. */
function candidateParts(context: TableContext, t: number): number[][] {
  const { columns } = context.table;
  const additive = (i: number) =>
    i !== t &&
    context.figureColumns[i] &&
    !context.rateColumns[i] &&
    !isTotalHeader(columns[i].label);
  const out: number[][] = [];
  const add = (parts: number[]) => {
    if (parts.length >= 2 && !out.some((o) => o.join() === parts.join())) out.push(parts);
  };
  const path = columns[t].headerPath;
  // Siblings under the same header ("Số lượt KCB" › Tổng cộng | Ngoại trú | Nội trú).
  if (path.length > 0) {
    add(
      columns.flatMap((c, i) =>
        additive(i) &&
        c.headerPath.length === path.length &&
        samePrefix(c.headerPath, path, path.length)
          ? [i]
          : [],
      ),
    );
  }
  // The adjacent run after the total, or before it.
  const after: number[] = [];
  for (let i = t + 1; i < columns.length && additive(i); i++) after.push(i);
  add(after);
  const before: number[] = [];
  for (let i = t - 1; i >= 0 && additive(i); i--) before.unshift(i);
  add(before);
  // Every other figure column.
  add(columns.flatMap((_, i) => (additive(i) ? [i] : [])));
  return out;
}

export function proposeTotalFormulas(context: TableContext): FormulaProposal[] {
  const { table } = context;
  const proposals: FormulaProposal[] = [];
  const covered = new Set(headerGroups(context).map((g) => g.total));
  table.columns.forEach((column, t) => {
    if (!context.figureColumns[t] || context.rateColumns[t] || column.formula) return;
    if (covered.has(t) || !chain(column).some(isTotalHeader)) return;
    for (const parts of candidateParts(context, t)) {
      if (parts.some((p) => table.columns[p].code.trim() === '') || column.code.trim() === '')
        break;
      let checked = 0;
      let nonzero = 0;
      const disagreeing: number[] = [];
      table.rows.forEach((row, r) => {
        if (row.role === 'group') return;
        const stated = row.cells[t];
        if (typeof stated !== 'number') return;
        let sum = 0;
        for (const p of parts) {
          const v = row.cells[p];
          if (typeof v === 'number') sum += v;
          else if (typeof v === 'string' && v.trim() !== '') return;
        }
        checked++;
        if (stated !== 0) nonzero++;
        if (Math.abs(stated - sum) > sumTolerance(sum, column.decimals)) disagreeing.push(r);
      });
      const agreeing = checked - disagreeing.length;
      if (checked < PROPOSAL_ROWS || nonzero === 0 || agreeing < PROPOSAL_SHARE * checked) continue;
      if (agreeing < PROPOSAL_ROWS) continue;
      const formula = parts.map((p) => table.columns[p].code.trim()).join('+');
      const tail =
        disagreeing.length === 0
          ? `đúng ở cả ${checked} dòng`
          : `đúng ở ${formatNumber(agreeing, 0)}/${formatNumber(checked, 0)} dòng; ${disagreeing.length} dòng không khớp sẽ được báo khi nhận quy tắc`;
      proposals.push({
        kind: 'header-sum',
        table: table.name,
        column: t,
        code: column.code.trim(),
        formula,
        checked,
        agreeing,
        disagreeing,
        message: `Cột ${column.code.trim()} «${column.label}» có vẻ là tổng ${column.code.trim()}=${formula} (${tail}). Nhận làm quy tắc của biểu?`,
      });
      return;
    }
  });
  return proposals;
}
