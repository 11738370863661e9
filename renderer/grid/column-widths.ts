/**
 * How wide each column is, so that every figure can be read: a column is as wide as its widest
 * content (the figures as shown, the code row, the longest word of its header; a long name is
 * capped and shows the rest in its tooltip); when the table is narrower than the window the
 * figure columns share the extra room, and when it is wider the grid scrolls — a column is never
 * squeezed below its content by the layout. A column the person sized (a drag, or a
 * double click on its header edge, which fits it to its content) keeps that width.
 *
 * Text is measured with the grid's own font at the zoom shown, so zooming out makes every column
 * narrower and shows more of them.
 */
import { codeRowText, isFigureColumn, type Column, type Row, type Table } from '../../shared/model';
import { displayText } from './cell-text';
import { GRID_FONT } from './theme';

export interface TextMeasure {
  /** The width of a text in the grid's font, in CSS pixels. */
  width(text: string, bold?: boolean): number;
}

/** The font sizes and padding of the grid at a zoom (see theme.ts). */
export function gridMetrics(zoom: number): { fontSize: number; padding: number } {
  return { fontSize: Math.round(13 * zoom), padding: Math.round(8 * zoom) };
}

const measures = new Map<number, TextMeasure>();

/**
 * A canvas measure of the grid's font at a size. Figures are measured by their characters (digits
 * are all one width), so a table of 10,000 rows is measured in a few milliseconds.
 */
export function canvasMeasure(fontSize: number): TextMeasure {
  const known = measures.get(fontSize);
  if (known) return known;
  const context = document.createElement('canvas').getContext('2d');
  const cache = new Map<string, number>();
  const raw = (text: string, bold: boolean) => {
    if (!context) return text.length * fontSize * 0.6;
    context.font = `${bold ? 700 : 400} ${fontSize}px ${GRID_FONT}`;
    return context.measureText(text).width;
  };
  const measure: TextMeasure = {
    width(text, bold = false) {
      const key = (bold ? 'b' : 'n') + text;
      let w = cache.get(key);
      if (w === undefined) {
        if (/^[\d.,−\-%]+$/.test(text) && text.length > 1) {
          w = 0;
          for (const ch of text) w += measure.width(ch, bold);
        } else w = raw(text, bold);
        if (cache.size < 50_000) cache.set(key, w);
      }
      return w;
    },
  };
  measures.set(fontSize, measure);
  return measure;
}

/** The widest a name column grows by itself; longer names show their end in the tooltip. */
const MAX_TEXT = 340;
/** The narrowest a column is laid out (a one-digit column still shows its header word). */
const MIN_COLUMN = 40;
/** Cell borders and a hair of air, beyond the padding. */
const EXTRA = 4;

/** Each row's text widths per column, kept while the row object (and the columns) stay. */
const rowCaches = new WeakMap<readonly Column[], Map<number, WeakMap<Row, number[]>>>();

function rowWidths(row: Row, columns: readonly Column[], zoom: number, measure: TextMeasure) {
  let byZoom = rowCaches.get(columns);
  if (!byZoom) rowCaches.set(columns, (byZoom = new Map()));
  let cache = byZoom.get(zoom);
  if (!cache) byZoom.set(zoom, (cache = new WeakMap()));
  let widths = cache.get(row);
  if (!widths) {
    const bold = row.role !== 'detail';
    const spans = row.role !== 'detail' && (row.cells[1] ?? null) === null;
    widths = columns.map((column, c) => {
      const value = row.cells[c] ?? null;
      if (value === null || (c === 0 && spans)) return 0;
      return measure.width(displayText(value, column), bold);
    });
    cache.set(row, widths);
  }
  return widths;
}

/**
 * The width each column needs to show its content whole, in pixels at the zoom. A group or total
 * label written in the STT column with the name column blank spans both (TableGrid's colSpan) and
 * is not counted against the STT column alone.
 */
export function contentWidths(table: Table, zoom: number, measure: TextMeasure): number[] {
  const { padding } = gridMetrics(zoom);
  const cap = Math.round(MAX_TEXT * zoom);
  const widest = table.columns.map(() => 0);
  for (const row of table.rows) {
    const widths = rowWidths(row, table.columns, zoom, measure);
    for (let c = 0; c < widths.length; c++) if (widths[c] > widest[c]) widest[c] = widths[c];
  }
  return table.columns.map((column, c) => {
    const cells = isFigureColumn(column) ? widest[c] : Math.min(widest[c], cap);
    const code = Math.min(measure.width(codeRowText(column), true), cap);
    const header = Math.max(
      0,
      ...column.label
        .split(/\s+/)
        .filter(Boolean)
        .map((word) => measure.width(word, true)),
    );
    const needed = Math.max(cells, code, Math.min(header, cap)) + 2 * padding + EXTRA;
    return Math.ceil(Math.max(needed, MIN_COLUMN * zoom));
  });
}

/**
 * The widths to lay out: the content widths, and when they leave room in `available`, the room
 * shared equally by the figure columns (`grows`) the person has not sized — as a printed form
 * spreads its figure columns over the page. A column the person sized keeps its width.
 */
export function layoutWidths(
  content: readonly number[],
  available: number,
  sized: ReadonlyMap<number, number>,
  grows: readonly boolean[],
): number[] {
  const widths = content.map((w, c) => sized.get(c) ?? w);
  const total = widths.reduce((a, b) => a + b, 0);
  const growing = widths.flatMap((_, c) => (grows[c] && !sized.has(c) ? [c] : []));
  if (available <= total || growing.length === 0) return widths;
  const share = Math.floor((available - total) / growing.length);
  for (const c of growing) widths[c] += share;
  return widths;
}

/** The width a figure needs in its cell, padding and borders included. */
export function figureWidth(text: string, zoom: number, bold: boolean): number {
  const { fontSize, padding } = gridMetrics(zoom);
  return canvasMeasure(fontSize).width(text, bold) + 2 * padding + 2;
}

/** Excel's "####" for a figure that does not fit: as many marks as the column has room for. */
export function hashMarks(width: number, zoom: number, bold: boolean): string {
  const { fontSize, padding } = gridMetrics(zoom);
  const mark = canvasMeasure(fontSize).width('#', bold);
  return '#'.repeat(Math.max(1, Math.floor((width - 2 * padding - 2) / mark)));
}
