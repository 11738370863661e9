/**
 * A whole and the breakdown beside it that no header word names: "Tổng DT sàn | HIỆN TRẠNG SỬ
 * DỤNG: Trụ sở | Cơ sở HCSN | Nhà ở | … | Khác", "Diện tích | Hiện trạng sử dụng: …". The uses
 * need not cover the whole (a building half empty), so the figures add up to it on some rows
 * and stay below it on the others: the whole is at least the sum of its parts. The relation is
 * found in the figures, never in the labels, and believed only when they establish it: it holds
 * on nearly every row where the parts are given, and the parts fill the whole exactly on a good
 * share of them (which a column that merely happens to be larger never does). The rows where
 * the parts exceed the whole are then reported, with how often the relation holds.
 */
import { isFigureColumn } from '../../model';
import { isBreakdownHeader, isOfWhichHeader, isTotalHeader } from '../../table-words';
import { halfUnit, sumTolerance, type Claim, type Rule, type RuleKind } from '../rule';
import type { TableContext } from '../table-context';
import {
  columnName,
  comparisonOf,
  headerGroups,
  RowBoundRule,
  type BoundShape,
} from './header-sum';

/** Share of the rows that give parts on which the whole must be at least their sum. */
const HOLDS_SHARE = 0.85;
/** And on how many rows at least. */
const MIN_ROWS = 10;
/**
 * Share (and number) of those rows where the parts fill the whole exactly. Equal figures by
 * chance are rare, so a few exact fills establish the relation even where most units report
 * only part of their uses (a land-use sheet where one plot in seven is fully accounted for).
 */
const FILLED_SHARE = 0.1;
const MIN_FILLED = 3;

/** The figure columns of the header group right after (or before) column t, however deep. */
function besideGroups(context: TableContext, t: number): { header: string; parts: number[] }[] {
  const { columns } = context.table;
  const additive = (i: number) =>
    context.figureColumns[i] && !context.rateColumns[i] && !context.identifierColumns[i];
  const out: { header: string; parts: number[] }[] = [];
  for (const step of [1, -1]) {
    const header = columns[t + step]?.headerPath[0];
    if (header === undefined || header === columns[t].headerPath[0]) continue;
    const parts: number[] = [];
    let nested = false;
    for (let i = t + step; columns[i]?.headerPath[0] === header; i += step) {
      // A group with its own totals or "Trong đó" inside is a structure its headers state
      // (header-sum.ts), not one breakdown: its columns do not simply add up.
      const below = [...columns[i].headerPath.slice(1), columns[i].label];
      if (below.some((w) => isTotalHeader(w) || isOfWhichHeader(w) || isBreakdownHeader(w)))
        nested = true;
      if (additive(i)) parts.push(i);
    }
    if (!nested && parts.length > 0) out.push({ header, parts: parts.sort((a, b) => a - b) });
  }
  return out;
}

function figure(v: unknown): number | null {
  return typeof v === 'number' ? v : null;
}

/** How the whole and the sum of its parts compare on the rows that give both. */
function tally(context: TableContext, t: number, parts: readonly number[]) {
  const { table } = context;
  const decimals = Math.max(...[t, ...parts].map((c) => table.columns[c].decimals));
  let said = 0;
  let holds = 0;
  let filled = 0;
  const headings = context.headingBlocks()?.blocks;
  for (const [r, row] of table.rows.entries()) {
    if (row.role !== 'detail' || headings?.has(r)) continue;
    const whole = figure(row.cells[t]);
    if (whole === null || whole === 0) continue;
    let sum = 0;
    let given = false;
    for (const p of parts) {
      const v = figure(row.cells[p]);
      if (v === null) continue;
      given = true;
      sum += v;
    }
    if (!given || sum === 0) continue;
    said++;
    const slack = sumTolerance(sum, decimals) + (decimals > 0 ? halfUnit(decimals) : 0);
    if (sum <= whole + slack) holds++;
    if (Math.abs(sum - whole) <= slack) filled++;
  }
  return { said, holds, filled };
}

export const partWholeKind: RuleKind = {
  name: 'part-whole',
  compile(context) {
    const { table } = context;
    const stated = new Set(headerGroups(context).map((g) => g.total));
    const makers: ((row: number) => Rule)[] = [];
    table.columns.forEach((column, t) => {
      if (!isFigureColumn(column) || context.rateColumns[t] || context.identifierColumns[t]) return;
      // A formula (stated or found) or a header already says what the column is.
      if (context.formulas[t] || stated.has(t)) return;
      for (const { header, parts } of besideGroups(context, t)) {
        const { said, holds, filled } = tally(context, t, parts);
        if (said < MIN_ROWS || holds < HOLDS_SHARE * said) continue;
        if (filled < MIN_FILLED || filled < FILLED_SHARE * said) continue;
        const code = (i: number) => columnName(table.columns[i], i);
        const partCodes = parts.map(code);
        const claims: Claim[] = [
          {
            basis: 'inferred',
            said: `cột ${code(t)} ≥ ${partCodes.join('+')} (các cột «${header}» là phần của nó)`,
            over: 'dòng',
          },
        ];
        const shape: BoundShape = {
          kind: 'inferred',
          blankBoundSaysNothing: true,
          targetCol: t,
          boundCols: Int32Array.from(parts),
          direction: 'at-least',
          comparison: comparisonOf(context, t, parts, 'bound'),
          description: {
            kind: 'header-sum',
            relation: 'at-least',
            columnCode: code(t),
            header,
            totalCode: code(t),
            partCodes,
          },
          claims,
        };
        makers.push((row) => new RowBoundRule(row, shape));
        return;
      }
    });
    if (makers.length === 0) return [];
    const rules: Rule[] = [];
    const headings = context.headingBlocks()?.blocks;
    table.rows.forEach((row, r) => {
      // The relation is one of units: a "Cộng" row, or a heading carrying its block's sum,
      // repeats its units' excess, not a new one.
      if (row.role !== 'detail' || headings?.has(r)) return;
      for (const make of makers) rules.push(make(r));
    });
    return rules;
  },
};
