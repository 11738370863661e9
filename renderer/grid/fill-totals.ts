/**
 * «Điền tổng» (Alt+= as Excel's AutoSum, or the right-click menu): the figure a total, subtotal
 * or formula cell of the selection should hold, computed by the table's own rules — the total
 * row adds the rows it covers (only the top level of an outline), a formula column follows its
 * code-row formula. A blank cell is filled; a figure someone typed is never replaced unless the
 * person agrees (`overwrites`). A total over subtotals that are blank too is filled after them,
 * as a person would add them up; a cell whose parts are all blank or hold text stays blank (a
 * blank is not 0).
 */
import type { CellEdit } from '../../shared/api';
import { compileRules, type Rule } from '../../shared/checks';
import { roundTo } from '../../shared/checks/rounding';
import type { CellValue, Table } from '../../shared/model';
import type { DisplayOrder } from './display-order';
import type { CellRange } from './selection';

/** A computed figure for a cell, and what the cell holds now. */
export interface ComputedCell {
  edit: CellEdit;
  /** The figure stated now (null: blank). */
  was: CellValue;
}

export interface TotalsToFill {
  /** Blank cells that get their computed figure. */
  blanks: ComputedCell[];
  /** Cells that state another figure than the computed one: replaced only when the person agrees. */
  overwrites: ComputedCell[];
  /** Cells of the selection Biểu knows how to compute (filled, to fill, or already right). */
  computable: number;
}

/** Rules that give a cell its value: sums and formulas, not bounds or facts about a row. */
function computes(rule: Rule): boolean {
  const d = rule.description;
  const shape = rule.comparison?.shape;
  if (shape !== 'sum' && shape !== 'ratio' && shape !== 'formula') return false;
  if (d.kind === 'header-sum') return d.relation === 'sum';
  return d.kind === 'column-total' || d.kind === 'row-formula' || d.kind === 'ratio';
}

/** The totals first (the row adds up), then the formulas of the columns (the row's own rule). */
const ORDER: Record<string, number> = { 'column-total': 0, 'header-sum': 1 };

const blank = (v: CellValue | undefined) =>
  v === null || v === undefined || (typeof v === 'string' && v.trim() === '');

/**
 * What «Điền tổng» would write in `range`. With `replace`, typed figures that disagree are
 * computed as replaced, so a total over a replaced subtotal adds the new subtotal.
 */
export function totalsToFill(
  table: Table,
  order: DisplayOrder,
  range: CellRange,
  replace = false,
): TotalsToFill {
  const rowIndex = new Map(table.rows.map((r, i) => [r.id, i]));
  const inRange = new Set<number>();
  for (let r = range.top; r <= range.bottom; r++) {
    const row = order.rows[r];
    const index = row ? rowIndex.get(row.id) : undefined;
    if (index === undefined) continue;
    for (let c = range.left; c <= range.right; c++) inRange.add(index * 16384 + c);
  }
  const byCell = new Map<number, Rule>();
  for (const rule of compileRules(table).rules) {
    const key = rule.target.row * 16384 + rule.target.col;
    if (!inRange.has(key) || !computes(rule)) continue;
    const held = byCell.get(key);
    const rank = (x: Rule) => ORDER[x.description.kind] ?? 2;
    if (!held || rank(rule) < rank(held)) byCell.set(key, rule);
  }

  // The figures as they will be once filled: a total over blank subtotals waits for them.
  const values = new Map<number, CellValue>();
  const valueAt = (row: number, col: number): CellValue =>
    values.has(row * 16384 + col)
      ? values.get(row * 16384 + col)!
      : (table.rows[row]?.cells[col] ?? null);
  const source = (target: number, stated: number) => ({
    raw: (r: number, c: number) => (r * 16384 + c === target ? stated : valueAt(r, c)),
    number: (r: number, c: number) => {
      const v = r * 16384 + c === target ? stated : valueAt(r, c);
      return typeof v === 'number' ? v : 0;
    },
  });
  const blanks: ComputedCell[] = [];
  const overwrites: ComputedCell[] = [];
  let computable = 0;
  const pending = new Map(byCell);
  for (let progress = true; progress && pending.size > 0;) {
    progress = false;
    for (const [key, rule] of pending) {
      const { row, col } = rule.target;
      let waits = false;
      let parts = 0;
      let text = false;
      rule.forEachRead?.((r, c) => {
        if (r === row && c === col) return;
        const v = valueAt(r, c);
        if (pending.has(r * 16384 + c) && (replace || blank(v))) waits = true;
        else if (typeof v === 'string' && !blank(v)) text = true;
        else if (!blank(v)) parts++;
      });
      if (waits) continue;
      pending.delete(key);
      progress = true;
      if (text || parts === 0) continue;
      const result = rule.evaluate(source(key, 0));
      if (result.status !== 'pass' && result.status !== 'fail') continue;
      computable++;
      const figure =
        rule.comparison?.shape === 'sum'
          ? Number(result.exact.toPrecision(15))
          : roundTo(result.exact, table.columns[col].decimals);
      const value = Object.is(figure, -0) ? 0 : figure;
      const was = table.rows[row].cells[col] ?? null;
      const edit = {
        tableId: table.id,
        rowId: table.rows[row].id,
        columnId: table.columns[col].id,
        value,
      };
      if (blank(was)) {
        values.set(key, value);
        blanks.push({ edit, was: null });
      } else if (typeof was !== 'number' || rule.evaluate(source(key, was)).status === 'fail') {
        if (replace) values.set(key, value);
        overwrites.push({ edit, was });
      }
    }
  }
  return { blanks, overwrites, computable };
}
