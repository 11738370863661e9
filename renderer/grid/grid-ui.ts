/**
 * The grid's own interaction state, outside React state: the active cell, the range selection and
 * whether the active cell is being edited. Cells subscribe to it one by one
 * (`useCellUi`), so moving the selection re-renders only the cells whose look changes, not the
 * grid — on a nation-wide table that is the difference between instant and sluggish.
 */
import { useCallback, useSyncExternalStore } from 'react';
import type { DisplayOrder } from './display-order';
import type { EditMode } from './keyboard';
import { cellCount, rangeOf, type CellPos, type CellRange, type Selection } from './selection';

export interface GridUiState {
  /** The focused cell (display position); null when the grid has no focused data cell. */
  active: CellPos | null;
  selection: Selection | null;
  mode: EditMode;
  /** While the fill handle is dragged: the block the selection would be filled into. */
  fillTarget: CellRange | null;
}

/** The columns as laid out: each one's width in pixels, and the zoom they were measured at. */
export interface GridLayout {
  widths: readonly number[];
  zoom: number;
}

export class GridUi {
  private state: GridUiState = { active: null, selection: null, mode: 'none', fillTarget: null };
  private layoutNow: GridLayout = { widths: [], zoom: 1 };
  private order: DisplayOrder = { rows: [], bodyCount: 0, indexOf: new Map() };
  private readonly listeners = new Set<() => void>();

  get(): GridUiState {
    return this.state;
  }

  displayOrder(): DisplayOrder {
    return this.order;
  }

  layout(): GridLayout {
    return this.layoutNow;
  }

  setLayout(layout: GridLayout): void {
    const now = this.layoutNow;
    if (
      now.zoom === layout.zoom &&
      now.widths.length === layout.widths.length &&
      now.widths.every((w, i) => w === layout.widths[i])
    )
      return;
    this.layoutNow = layout;
    this.emit();
  }

  range(): CellRange | null {
    return this.state.selection ? rangeOf(this.state.selection) : null;
  }

  update(change: Partial<GridUiState>): void {
    this.state = { ...this.state, ...change };
    this.emit();
  }

  setOrder(order: DisplayOrder): void {
    if (order === this.order) return;
    this.order = order;
    const rows = order.rows.length;
    // Rows removed under the selection: keep what still exists.
    const fit = (p: CellPos | null) => (p && p.row < rows ? p : null);
    const active = fit(this.state.active);
    const selection =
      this.state.selection && fit(this.state.selection.anchor) && fit(this.state.selection.end)
        ? this.state.selection
        : active
          ? { anchor: active, end: active }
          : null;
    this.state = { ...this.state, active, selection };
    this.emit();
  }

  subscribe = (listener: () => void): (() => void) => {
    this.listeners.add(listener);
    return () => this.listeners.delete(listener);
  };

  /**
   * How one cell looks, as a short string (so React compares it by value), read by `parseLook`:
   * whether it is active (or being edited), which edges of a selection of several cells it sits
   * on, which edges of the fill handle's target, and whether it carries the fill handle (the
   * bottom-right cell of the selection, as in Excel, while nothing is being typed).
   */
  cellLook(rowId: number, col: number): string {
    const row = this.order.indexOf.get(rowId);
    if (row === undefined) return '';
    const { active, selection, mode, fillTarget } = this.state;
    const at =
      active && active.row === row && active.col === col ? (mode === 'none' ? 'a' : 'e') : '';
    const edges = (r: CellRange) => {
      if (row < r.top || row > r.bottom || col < r.left || col > r.right) return '';
      let look = 'in';
      if (row === r.top) look += 't';
      if (row === r.bottom) look += 'b';
      if (col === r.left) look += 'l';
      if (col === r.right) look += 'r';
      return look;
    };
    const range = selection ? rangeOf(selection) : null;
    const selected = range && cellCount(range) > 1 ? edges(range) : '';
    const fill = fillTarget ? edges(fillTarget) : '';
    const handle =
      range && mode === 'none' && row === range.bottom && col === range.right ? 'h' : '';
    return `${at}|${selected}|${fill}|${handle}`;
  }

  private emit(): void {
    for (const listener of this.listeners) listener();
  }
}

export interface CellLook {
  active: boolean;
  /** Edges of the selection this cell sits on ('' inside it), or null outside a selection. */
  selection: string | null;
  /** Edges of the fill handle's target, or null outside it. */
  fill: string | null;
  handle: boolean;
}

export function parseLook(look: string): CellLook {
  const [at = '', selected = '', fill = '', handle = ''] = look.split('|');
  return {
    active: at !== '',
    selection: selected ? selected.slice(2) : null,
    fill: fill ? fill.slice(2) : null,
    handle: handle === 'h',
  };
}

/** The look of one cell, re-rendering the caller only when that look changes. */
export function useCellLook(ui: GridUi, rowId: number, col: number): string {
  const snapshot = useCallback(() => ui.cellLook(rowId, col), [ui, rowId, col]);
  return useSyncExternalStore(ui.subscribe, snapshot);
}

export function useEditMode(ui: GridUi): EditMode {
  return useSyncExternalStore(ui.subscribe, () => ui.get().mode);
}

/** The width of a column as laid out (0 before the first layout), and the zoom. */
export function useColumnWidth(ui: GridUi, col: number): { width: number; zoom: number } {
  const width = useSyncExternalStore(ui.subscribe, () => ui.layout().widths[col] ?? 0);
  const zoom = useSyncExternalStore(ui.subscribe, () => ui.layout().zoom);
  return { width, zoom };
}
