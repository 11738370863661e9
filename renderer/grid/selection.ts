/**
 * The grid's range selection, which AG Grid Community does not have. Positions are in DISPLAY
 * order (the body rows, then the grand total pinned at the bottom; see display-order.ts) and by
 * column index. The anchor is where the selection started (the active cell); the end moves with
 * Shift+arrows or a mouse drag, as in a spreadsheet.
 */

export interface CellPos {
  row: number;
  col: number;
}

export interface Selection {
  anchor: CellPos;
  end: CellPos;
}

export interface CellRange {
  top: number;
  left: number;
  bottom: number;
  right: number;
}

export interface GridBounds {
  rows: number;
  cols: number;
}

export function collapsed(pos: CellPos): Selection {
  return { anchor: pos, end: pos };
}

export function rangeOf(selection: Selection): CellRange {
  const { anchor, end } = selection;
  return {
    top: Math.min(anchor.row, end.row),
    bottom: Math.max(anchor.row, end.row),
    left: Math.min(anchor.col, end.col),
    right: Math.max(anchor.col, end.col),
  };
}

export function inRange(range: CellRange, row: number, col: number): boolean {
  return row >= range.top && row <= range.bottom && col >= range.left && col <= range.right;
}

export function cellCount(range: CellRange): number {
  return (range.bottom - range.top + 1) * (range.right - range.left + 1);
}

function clamp(value: number, max: number): number {
  return Math.max(0, Math.min(max - 1, value));
}

/** Move the end of the selection by one step (Shift+arrow), staying inside the table. */
export function extendBy(
  selection: Selection,
  dRow: number,
  dCol: number,
  bounds: GridBounds,
): Selection {
  return {
    anchor: selection.anchor,
    end: {
      row: clamp(selection.end.row + dRow, bounds.rows),
      col: clamp(selection.end.col + dCol, bounds.cols),
    },
  };
}

/**
 * Where Ctrl+arrow lands, as in Excel: from a filled cell whose neighbour is filled, the last
 * filled cell of that run; otherwise the next filled cell; the table's edge when there is none.
 */
export function edgeFrom(
  from: CellPos,
  dRow: number,
  dCol: number,
  bounds: GridBounds,
  filled: (pos: CellPos) => boolean,
): CellPos {
  const inside = (p: CellPos) =>
    p.row >= 0 && p.row < bounds.rows && p.col >= 0 && p.col < bounds.cols;
  const step = (p: CellPos) => ({ row: p.row + dRow, col: p.col + dCol });
  let next = step(from);
  if (!inside(next)) return from;
  if (filled(from) && filled(next)) {
    while (inside(step(next)) && filled(step(next))) next = step(next);
    return next;
  }
  while (!filled(next) && inside(step(next))) next = step(next);
  return next;
}

export function extendTo(selection: Selection, end: CellPos): Selection {
  return { anchor: selection.anchor, end };
}

export function wholeTable(bounds: GridBounds): Selection {
  return { anchor: { row: 0, col: 0 }, end: { row: bounds.rows - 1, col: bounds.cols - 1 } };
}

/** Every position of a range, row by row. */
export function* positions(range: CellRange): Generator<CellPos> {
  for (let row = range.top; row <= range.bottom; row++) {
    for (let col = range.left; col <= range.right; col++) yield { row, col };
  }
}

/**
 * Where the fill handle, dragged from `source` to `pointer`, would fill, as in Excel: down when
 * the pointer is further below the block than to its right, right when it is further right;
 * nothing while it is still over the block (or above it, or to its left).
 */
export function fillTargetFor(
  source: CellRange,
  pointer: CellPos,
): { target: CellRange; direction: 'down' | 'right' } | null {
  const below = pointer.row - source.bottom;
  const right = pointer.col - source.right;
  if (below > 0 && below >= right)
    return { target: { ...source, bottom: pointer.row }, direction: 'down' };
  if (right > 0) return { target: { ...source, right: pointer.col }, direction: 'right' };
  return null;
}
