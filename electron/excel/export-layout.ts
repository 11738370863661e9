/**
 * Where each part of an appendix goes on its sheet and how big it is, as plain numbers: the
 * merged cells of the multi-level header, the column widths, the left and right blocks of the
 * preamble and the signatures, the rows under the table. The table itself stands where
 * shared/layout.ts says (the check engine's findings use those addresses), so this module only
 * adds what surrounds it.
 */
import { headerDepth, sheetLayout, PREAMBLE_ROWS, type SheetLayout } from '../../shared/layout';
import { formatNumber } from '../../shared/numbers';
import { codeRowText, isFigureColumn, type Column, type Table } from '../../shared/model';

/** The 1-based preamble rows; there are exactly PREAMBLE_ROWS of them. */
export const PREAMBLE = {
  /** Agency (left) and "CỘNG HÒA XÃ HỘI CHỦ NGHĨA VIỆT NAM" (right). */
  body: 1,
  /** Office (left) and "Độc lập - Tự do - Hạnh phúc" (right). */
  motto: 2,
  // row 3 stays blank
  title: 4,
  attachment: 5,
  referenceDate: 6,
  unit: 7,
} as const;

if (Math.max(...Object.values(PREAMBLE)) !== PREAMBLE_ROWS) {
  throw new Error('The appendix preamble must fill exactly the PREAMBLE_ROWS of shared/layout.ts');
}

/** One cell of the header block, 0-based within the block: levels down, columns across. */
export interface HeaderCell {
  text: string;
  top: number;
  bottom: number;
  left: number;
  right: number;
}

/**
 * The header block: each group label of `headerPath` merged across the adjacent columns that
 * share it (and every label above it), each column's own label merged down to the code row.
 */
export function headerCells(
  columns: readonly Pick<Column, 'label' | 'headerPath'>[],
): HeaderCell[] {
  const depth = headerDepth({ columns: columns as Column[] });
  const cells: HeaderCell[] = [];
  for (let level = 0; level < depth - 1; level++) {
    let c = 0;
    while (c < columns.length) {
      const path = columns[c].headerPath;
      if (path.length <= level) {
        c++;
        continue;
      }
      const prefix = JSON.stringify(path.slice(0, level + 1));
      let end = c;
      while (
        end + 1 < columns.length &&
        columns[end + 1].headerPath.length > level &&
        JSON.stringify(columns[end + 1].headerPath.slice(0, level + 1)) === prefix
      ) {
        end++;
      }
      cells.push({ text: path[level], top: level, bottom: level, left: c, right: end });
      c = end + 1;
    }
  }
  columns.forEach((column, c) =>
    cells.push({
      text: column.label,
      top: column.headerPath.length,
      bottom: depth - 1,
      left: c,
      right: c,
    }),
  );
  return cells;
}

/** Column widths in Excel's units (about one character of the default font). */
export function columnWidths(table: Table): number[] {
  return table.columns.map((column, c) => {
    const words = column.label.split(/\s+/).map((w) => w.length);
    // The code row entry ("1=2+3+4+5") wraps if it must, but reads best on one line.
    const longestWord = Math.max(0, ...words, codeRowText(column).length * 0.9);
    if (!isFigureColumn(column)) {
      // Only detail rows size a text column: the "Toàn huyện" of a total row in the narrow STT
      // column runs on into the empty cell beside it, as in the appendices people know.
      const texts = table.rows
        .filter((r) => r.role === 'detail')
        .map((r) => r.cells[c])
        .map((v) => (v === null ? 0 : String(v).length));
      const widest = Math.max(0, ...texts);
      return clamp(Math.max(widest * 1.1 + 2, longestWord + 3, 5), 5, 45);
    }
    const figures = table.rows
      .map((r) => r.cells[c])
      .map((v) =>
        typeof v === 'number'
          ? formatNumber(v, column.decimals).length
          : typeof v === 'string'
            ? v.length
            : 0,
      );
    const widest = Math.max(0, ...figures);
    return clamp(Math.max(widest + 3, longestWord * 1.2 + 2, 9), 9, 18);
  });
}

function clamp(x: number, lo: number, hi: number): number {
  return Math.round(Math.min(hi, Math.max(lo, x)) * 10) / 10;
}

/** How many lines a wrapped text needs in a cell of `width` units (bold text is wider). */
export function linesNeeded(text: string, width: number, bold = false): number {
  const usable = Math.max(1, width - 1);
  const factor = bold ? 1.2 : 1.0;
  let lines = 0;
  for (const paragraph of text.split('\n')) {
    let line = 0;
    lines++;
    for (const word of paragraph.split(/\s+/).filter(Boolean)) {
      const w = word.length * factor;
      if (line > 0 && line + 1 + w > usable) {
        lines++;
        line = w;
      } else line += (line > 0 ? 1 : 0) + w;
      while (line > usable) {
        lines++;
        line -= usable;
      }
    }
  }
  return Math.max(1, lines);
}

/** Points per line of 12–13 pt text, with its leading. */
export const LINE_HEIGHT = 16.5;

/** The heights of the header rows so that every wrapped label shows in full. */
export function headerRowHeights(
  cells: readonly HeaderCell[],
  widths: readonly number[],
  depth: number,
): number[] {
  const heights = Array.from({ length: depth }, () => LINE_HEIGHT + 4);
  // Single-row cells first: a label merged down several rows may then use what they need.
  const ordered = [...cells].sort((a, b) => a.bottom - a.top - (b.bottom - b.top));
  for (const cell of ordered) {
    const width = widths.slice(cell.left, cell.right + 1).reduce((s, w) => s + w, 0);
    const need = linesNeeded(cell.text, width, true) * LINE_HEIGHT + 6;
    const span = heights.slice(cell.top, cell.bottom + 1).reduce((s, h) => s + h, 0);
    if (need > span) {
      const extra = (need - span) / (cell.bottom - cell.top + 1);
      for (let r = cell.top; r <= cell.bottom; r++) heights[r] += extra;
    }
  }
  return heights.map((h) => Math.round(h * 10) / 10);
}

/** Columns [first, last], 0-based, inclusive. */
export interface Block {
  first: number;
  last: number;
}

/**
 * The left block (issuing body, "Người lập biểu") and the right block (motto, place and date,
 * "Thủ trưởng đơn vị"): the left one takes about two fifths of the width, the right one the rest.
 * A one-column table has only the left block.
 */
export function sideBlocks(widths: readonly number[]): { left: Block; right: Block | null } {
  const n = widths.length;
  if (n < 2) return { left: { first: 0, last: Math.max(0, n - 1) }, right: null };
  const total = widths.reduce((s, w) => s + w, 0);
  let split = 1;
  let acc = widths[0];
  while (split < n - 1 && acc + widths[split] / 2 < total * 0.42) {
    acc += widths[split];
    split++;
  }
  return { left: { first: 0, last: split - 1 }, right: { first: split, last: n - 1 } };
}

export function blockWidth(widths: readonly number[], block: Block): number {
  return widths.slice(block.first, block.last + 1).reduce((s, w) => s + w, 0);
}

/** Wider than what fits across a portrait A4 page at 12 pt: print it landscape. */
export function isWide(widths: readonly number[]): boolean {
  return widths.reduce((s, w) => s + w, 0) > 95;
}

/** The rows under the table: the place-and-date line, the signer titles, hints and names. */
export interface Signatures {
  placeDate: number;
  titles: number;
  hints: number;
  names: number;
  last: number;
}

export interface AppendixLayout extends SheetLayout {
  /** 1-based sheet row of the last data row (the code row when the table has no rows). */
  lastDataRow: number;
  signatures: Signatures;
}

/** Space left for the signatures and the seal, in blank rows. */
const SIGNING_ROWS = 4;

export function appendixLayout(table: Table): AppendixLayout {
  const layout = sheetLayout(table);
  const lastDataRow = layout.firstDataRow + table.rows.length - 1;
  const placeDate = lastDataRow + 2;
  const names = placeDate + 3 + SIGNING_ROWS;
  return {
    ...layout,
    lastDataRow,
    signatures: { placeDate, titles: placeDate + 1, hints: placeDate + 2, names, last: names },
  };
}

/** Points across a column of `width` units (7 px per unit of the default font, plus padding). */
export function widthInPoints(width: number): number {
  return (7 * width + 5) * 0.75;
}

export interface PageFit {
  orientation: 'portrait' | 'landscape';
  /** 1: shrink onto one page; 0: as many pages down as the rows need. */
  fitToHeight: 0 | 1;
}

const A4 = { short: 595, long: 842 };
export const MARGINS = { left: 0.5, right: 0.4, top: 0.6, bottom: 0.6, header: 0.3, footer: 0.3 };

/**
 * Landscape when the table is wider than a portrait page; always one page across. A table that
 * would spill only its last rows or its signatures onto a second page (a district table of 10–30
 * communes) is shrunk a little more to stay on one page, as people print such appendices; a
 * longer one runs over pages with its header repeated.
 */
export function pageFit(widths: readonly number[], rowHeights: readonly number[]): PageFit {
  const orientation = isWide(widths) ? 'landscape' : 'portrait';
  const [pageWidth, pageHeight] =
    orientation === 'landscape' ? [A4.long, A4.short] : [A4.short, A4.long];
  const usableWidth = pageWidth - (MARGINS.left + MARGINS.right) * 72;
  const usableHeight = pageHeight - (MARGINS.top + MARGINS.bottom) * 72;
  const contentWidth = widths.reduce((s, w) => s + widthInPoints(w), 0);
  const contentHeight = rowHeights.reduce((s, h) => s + h, 0);
  const scale = Math.min(1, usableWidth / contentWidth);
  const pages = (contentHeight * scale) / usableHeight;
  return { orientation, fitToHeight: pages <= 1.4 ? 1 : 0 };
}
