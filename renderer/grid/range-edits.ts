/**
 * What the range commands change: Delete clears the selection; Ctrl+D, Ctrl+R and the fill handle
 * fill it down or right. Each returns the cell edits of ONE batch (one undo step), leaving out
 * cells that cannot be edited and cells that would not change.
 */
import type { CellEdit } from '../../shared/api';
import {
  isFigureColumn,
  type CellValue,
  type Column,
  type Row,
  type Table,
} from '../../shared/model';
import type { DisplayOrder } from './display-order';
import { positions, type CellRange } from './selection';

/** A group row is a section title: its name can be edited, its figure cells cannot. */
export function isEditableCell(row: Row, column: Column): boolean {
  return !(isFigureColumn(column) && row.role === 'group');
}

function edit(table: Table, row: Row, columnIndex: number, value: CellValue): CellEdit | null {
  const column = table.columns[columnIndex];
  if (!column || !isEditableCell(row, column)) return null;
  if (Object.is(row.cells[columnIndex] ?? null, value)) return null;
  return { tableId: table.id, rowId: row.id, columnId: column.id, value };
}

export function clearRange(table: Table, order: DisplayOrder, range: CellRange): CellEdit[] {
  const edits: CellEdit[] = [];
  for (const { row, col } of positions(range)) {
    const e = edit(table, order.rows[row], col, null);
    if (e) edits.push(e);
  }
  return edits;
}

export type FillDirection = 'down' | 'right';

/** How many decimals a figure is written with (0,05 → 2), so a series does not drift (0,30000000000000004). */
function decimalsOf(value: number): number {
  const text = String(value);
  const e = text.match(/e-(\d+)$/);
  if (e) return Number(e[1]);
  const dot = text.indexOf('.');
  return dot < 0 ? 0 : text.length - dot - 1;
}

/**
 * The step of a run of figures that rises or falls evenly (1, 2, 3 or 5, 10, 15), as the fill
 * handle continues it; null when the run is not even or not all figures.
 */
function evenStep(run: readonly CellValue[]): number | null {
  if (run.length < 2 || !run.every((v): v is number => typeof v === 'number')) return null;
  const step = (run[run.length - 1] - run[0]) / (run.length - 1);
  const tolerance = 1e-9 * Math.max(1, ...run.map(Math.abs));
  for (let i = 1; i < run.length; i++)
    if (Math.abs(run[i] - run[i - 1] - step) > tolerance) return null;
  return step;
}

/**
 * The k-th value (0 = the first cell past the source) filled after a run of source values: the
 * run repeated, as Excel copies — except that the fill handle, given two or more figures that
 * rise evenly (the STT column's 1, 2), goes on counting.
 */
function nextValue(run: readonly CellValue[], k: number, series: boolean): CellValue {
  const step = series ? evenStep(run) : null;
  if (step === null) return run[k % run.length] ?? null;
  const last = run[run.length - 1] as number;
  const decimals = Math.max(...run.map((v) => decimalsOf(v as number)));
  return Number((last + step * (k + 1)).toFixed(Math.min(decimals, 15)));
}

/**
 * Fills `target` (the source range grown down or right) from `source`, as Excel's fill: each
 * column (down) or row (right) of the source is repeated, or continued as a series (`series`, the
 * fill handle), into the cells past it.
 */
export function fillRange(
  table: Table,
  order: DisplayOrder,
  source: CellRange,
  target: CellRange,
  direction: FillDirection,
  series: boolean,
): CellEdit[] {
  const edits: CellEdit[] = [];
  const valueAt = (row: number, col: number) => order.rows[row]?.cells[col] ?? null;
  if (direction === 'down') {
    for (let col = source.left; col <= source.right; col++) {
      const run: CellValue[] = [];
      for (let row = source.top; row <= source.bottom; row++) run.push(valueAt(row, col));
      for (let row = source.bottom + 1; row <= target.bottom; row++) {
        const e = edit(
          table,
          order.rows[row],
          col,
          nextValue(run, row - source.bottom - 1, series),
        );
        if (e) edits.push(e);
      }
    }
  } else {
    for (let row = source.top; row <= source.bottom; row++) {
      const run: CellValue[] = [];
      for (let col = source.left; col <= source.right; col++) run.push(valueAt(row, col));
      for (let col = source.right + 1; col <= target.right; col++) {
        const e = edit(table, order.rows[row], col, nextValue(run, col - source.right - 1, series));
        if (e) edits.push(e);
      }
    }
  }
  return edits;
}

/**
 * Ctrl+D (down) and Ctrl+R (right) as in Excel: the top row (left column) of the selection is
 * copied into the rest of it; with a single row (column) selected, the one above (to the left) is
 * copied into it.
 */
export function fillSelection(
  table: Table,
  order: DisplayOrder,
  range: CellRange,
  direction: FillDirection,
): CellEdit[] {
  if (direction === 'down') {
    const from = range.bottom > range.top ? range.top : range.top - 1;
    if (from < 0) return [];
    const source = { ...range, top: from, bottom: from };
    return fillRange(table, order, source, { ...range, top: from }, 'down', false);
  }
  const from = range.right > range.left ? range.left : range.left - 1;
  if (from < 0) return [];
  const source = { ...range, left: from, right: from };
  return fillRange(table, order, source, { ...range, left: from }, 'right', false);
}
