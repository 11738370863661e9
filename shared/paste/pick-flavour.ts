/**
 * Which clipboard flavour to trust, cell by cell:
 *
 * 1. text/html with a <table> (or Google Sheets' single-cell span) gives the structure: merges,
 *    in-cell line breaks, hidden rows, raw values. Otherwise text/plain as TSV.
 * 2. A cell's value: the raw attribute (x:num, data-sheets-value, sdval) — exact where the
 *    display is rounded, "####" or scientific; else the text/plain cell, when the two grids have
 *    the same shape (HTML text may be truncated); else the HTML text.
 * 3. The displayed text wins over a raw value for percentages (0,95 shows as 95%: the table
 *    holds what it shows), dates (a serial number means nothing in a figure column) and
 *    zero-padded codes; a text-formatted cell stays text.
 *
 * Rows hidden in the source sheet are left out, and said so.
 */
import type { CellRange } from '../import/sheet-grid';
import {
  dropColumns,
  dropRows,
  readClipboardHtml,
  SOURCE_NAMES,
  type ClipboardSource,
  type HtmlTable,
  type Separators,
} from './clipboard-html';
import type { HtmlParser } from './html-tree';
import { parseTsv } from './tsv';

/** What a paste event carries: `clipboardData.getData('text/plain')` and `('text/html')`. */
export interface ClipboardData {
  text?: string | null;
  html?: string | null;
}

export interface PickOptions {
  /** A different HTML parser (e.g. the renderer's DOMParser through html-tree's fromDom). */
  parseHtml?: HtmlParser;
}

export interface PickedCell {
  /** The text to read (displayed text, from text/plain or the HTML); "" for an empty cell. */
  text: string;
  /** The exact number, when the source gave one and it is the cell's value. */
  raw?: number;
  /** Formatted as text (or a date, or zero-padded): kept as the string, never a number. */
  keepText?: boolean;
  from: 'raw' | 'tsv' | 'html';
}

export interface PickedBlock {
  flavour: 'html' | 'tsv' | 'empty';
  source: ClipboardSource | 'text';
  /** Rectangular. */
  cells: PickedCell[][];
  merges: CellRange[];
  /** The separators of the displayed text, when the source says (Excel's style, sdnum). */
  separators: Separators | null;
  /** What was decided about the flavour, in Vietnamese. */
  notes: string[];
}

const SPREADSHEETS = new Set<ClipboardSource>([
  'excel',
  'excel-online',
  'wps',
  'libreoffice',
  'google-sheets',
]);

const EMPTY: PickedCell = { text: '', from: 'tsv' };

function hasTable(html: string): boolean {
  return /<table[\s>]/i.test(html) || /data-sheets-value/i.test(html);
}

function listRows(rows: number[]): string {
  const shown = rows.slice(0, 5).map((r) => String(r + 1));
  return shown.join(', ') + (rows.length > 5 ? ` và ${rows.length - 5} dòng khác` : '');
}

function fromTsv(text: string): PickedBlock {
  const rows = parseTsv(text);
  return {
    flavour: rows.length > 0 ? 'tsv' : 'empty',
    source: 'text',
    cells: rows.map((row) => row.map((t) => ({ text: t, from: 'tsv' as const }))),
    merges: [],
    separators: null,
    notes: [],
  };
}

/** Reads the clipboard's flavours into one block of cells. Never throws. */
export function pickFlavour(data: ClipboardData, options: PickOptions = {}): PickedBlock {
  const text = data.text ?? '';
  const html = data.html ?? '';
  let table: HtmlTable | null = null;
  if (html && hasTable(html)) {
    try {
      table = readClipboardHtml(html, options);
    } catch {
      table = null; // a parser that throws (Trusted Types …): the text is still there
    }
  }
  if (!table || table.rows.length === 0) return fromTsv(text);

  const notes: string[] = [];
  const tsv = text ? parseTsv(text) : null;
  const width = table.rows[0]?.length ?? 0;
  // A spreadsheet's text/plain is its displayed grid; Word's splits paragraphs into lines.
  const sameShape =
    SPREADSHEETS.has(table.source) &&
    tsv !== null &&
    tsv.length === table.rows.length &&
    (tsv[0]?.length ?? 0) === width;
  const cells: PickedCell[][] = table.rows.map((row, r) =>
    row.map((cell, c) => {
      const plain = sameShape ? tsv![r][c] : undefined;
      if (!cell) return plain ? { text: plain, from: 'tsv' } : EMPTY;
      const shown = plain ?? cell.text;
      const from = plain !== undefined ? 'tsv' : 'html';
      if (cell.keepText) return { text: shown, keepText: true, from };
      if (cell.raw !== undefined && !cell.shownWins)
        return { text: shown, raw: cell.raw, from: 'raw' };
      if (cell.shownWins === 'date' || cell.shownWins === 'padded')
        return { text: shown, keepText: true, from };
      return { text: shown, from };
    }),
  );
  const name = SOURCE_NAMES[table.source];
  const raws = cells.reduce((n, row) => n + row.filter((c) => c.from === 'raw').length, 0);
  notes.push(
    `Dán từ ${name}: đọc bảng HTML` +
      (raws > 0 ? `, ${raws} ô lấy giá trị gốc (không làm tròn như khi hiển thị)` : '') +
      (sameShape ? ', chữ của các ô còn lại lấy từ văn bản thuần.' : '.'),
  );

  let picked: HtmlTable = { ...table, rows: table.rows };
  const block: PickedBlock = {
    flavour: 'html',
    source: table.source,
    cells,
    merges: table.merges,
    separators: table.separators,
    notes,
  };
  if (table.hiddenRows.length > 0) {
    notes.push(
      `Bỏ qua ${table.hiddenRows.length} dòng đang ẩn trong bảng nguồn (dòng ${listRows(table.hiddenRows)} của vùng sao chép).`,
    );
    const keep = (r: number) => !table!.hiddenRows.includes(r);
    block.cells = block.cells.filter((_, r) => keep(r));
    picked = dropRows(picked, table.hiddenRows);
  }
  if (table.hiddenColumns.length > 0) {
    notes.push(`Bỏ qua ${table.hiddenColumns.length} cột đang ẩn trong bảng nguồn.`);
    const gone = new Set(table.hiddenColumns);
    block.cells = block.cells.map((row) => row.filter((_, c) => !gone.has(c)));
    picked = dropColumns(picked, table.hiddenColumns);
  }
  block.merges = picked.merges;
  return block;
}
