/**
 * The grid's clipboard. THE paste entry point of the grid, and what Ctrl+C writes.
 *
 * Copy puts the selection on the clipboard twice: as TSV of the figures written the Vietnamese
 * way (what a person sees; any spreadsheet reads it), and as an HTML table in Excel's own dialect,
 * each figure carrying its exact value in `x:num` and a number format, so Excel (whatever its
 * locale) pastes numbers back as numbers, and Word gets a table.
 *
 * Paste reads text/plain and text/html from the event and hands them to the shared paste engine
 * (shared/paste: which flavour to trust, number conventions per column, header rows, code rows,
 * STT columns and unit names recognised and aligned to the table). The HTML is parsed by the
 * browser's DOMParser into an inert document and only read (`fromDom`); none of its nodes ever
 * enters the page. What comes back is planned here as ONE batch of cell edits, plus the rows to
 * add when the block is taller than the table — which the grid asks about before adding; rows and
 * cells then go in ONE `table.paste` call, so one undo takes back the whole paste.
 */
import type { CellEdit, PasteInput } from '../../shared/api';
import type { NumberConvention } from '../../shared/numbers';
import { pasteIntoTable, type PasteResult } from '../../shared/paste/align-block';
import { fromDom, parseHtml, type HtmlElement } from '../../shared/paste/html-tree';
import { isGrandTotalLabel } from '../../shared/table-words';
import {
  isFigureColumn,
  type CellValue,
  type Column,
  type Row,
  type Table,
} from '../../shared/model';
import { displayText } from './cell-text';
import type { DisplayOrder } from './display-order';
import { isEditableCell } from './range-edits';
import { cellCount, positions, rangeOf, type CellRange, type Selection } from './selection';
import { formatTsv } from './tsv';

export interface ClipboardPayload {
  text: string;
  html: string;
}

function escapeHtml(text: string): string {
  return text.replace(/[&<>"]/g, (c) =>
    c === '&' ? '&amp;' : c === '<' ? '&lt;' : c === '>' ? '&gt;' : '&quot;',
  );
}

/** Excel's number format for a column's decimals: "#,##0" or "#,##0.00", escaped for CSS. */
function numberFormatClass(decimals: number): string {
  return `n${Math.min(10, Math.max(0, decimals))}`;
}

function numberFormatRules(decimalsUsed: Iterable<number>): string {
  const rules: string[] = [];
  for (const d of decimalsUsed) {
    const format = d > 0 ? `\\#\\,\\#\\#0\\.${'0'.repeat(d)}` : '\\#\\,\\#\\#0';
    rules.push(`.${numberFormatClass(d)}{mso-number-format:"${format}";}`);
  }
  return rules.join('\n');
}

/**
 * The selection as the person sees it (figures the Vietnamese way, as on the form) in TSV, and as
 * an Excel-dialect HTML table whose figures carry their exact values.
 */
export function copyPayload(table: Table, order: DisplayOrder, range: CellRange): ClipboardPayload {
  const texts: string[][] = [];
  const cells: string[] = [];
  const decimalsUsed = new Set<number>();
  for (let r = range.top; r <= range.bottom; r++) {
    const row = order.rows[r];
    const line: string[] = [];
    let tr = '';
    for (let c = range.left; c <= range.right; c++) {
      const column = table.columns[c];
      const value = row.cells[c] ?? null;
      const shown = displayText(value, column);
      line.push(shown);
      tr += htmlCell(value, shown, column, decimalsUsed);
    }
    texts.push(line);
    cells.push(`<tr>${tr}</tr>`);
  }
  const style =
    // The displayed text uses Vietnamese separators: say so, as Excel does in its own HTML.
    'table{mso-displayed-decimal-separator:"\\,";mso-displayed-thousand-separator:"\\.";}\n' +
    'td{mso-number-format:General;vertical-align:bottom;}\n' +
    '.t{mso-number-format:"\\@";}\n' +
    numberFormatRules(decimalsUsed);
  const html =
    '<html xmlns:o="urn:schemas-microsoft-com:office:office" ' +
    'xmlns:x="urn:schemas-microsoft-com:office:excel" xmlns="http://www.w3.org/TR/REC-html40">' +
    '<head><meta charset="utf-8"><meta name="generator" content="Biểu">' +
    `<style>\n${style}\n</style></head><body><table>${cells.join('')}</table></body></html>`;
  return { text: formatTsv(texts), html };
}

function htmlCell(
  value: CellValue,
  shown: string,
  column: Column,
  decimalsUsed: Set<number>,
): string {
  const body = escapeHtml(shown).replace(/\n/g, '<br>');
  if (typeof value === 'number' && Number.isFinite(value)) {
    if (!isFigureColumn(column)) return `<td x:num="${value}">${body}</td>`;
    decimalsUsed.add(column.decimals);
    return `<td class="${numberFormatClass(column.decimals)}" x:num="${value}">${body}</td>`;
  }
  if (value === null) return '<td></td>';
  // Text (a name, or a note typed where a figure belongs) stays text in Excel too.
  return `<td class="t" x:str>${body}</td>`;
}

/** Fill a copy event with the selection. */
export function writeClipboard(data: DataTransfer, payload: ClipboardPayload): void {
  data.setData('text/plain', payload.text);
  data.setData('text/html', payload.html);
}

// ---------------------------------------------------------------------------------------------
// Paste

/**
 * Clipboard HTML through the browser's parser: an inert document (nothing runs, nothing loads),
 * read into the paste engine's own tree. If the browser refuses (Trusted Types …), the engine's
 * own tolerant parser reads the same text; it never touches the page either.
 */
export function parseClipboardHtml(html: string): HtmlElement {
  try {
    const doc = new DOMParser().parseFromString(html, 'text/html');
    return fromDom(doc);
  } catch {
    return parseHtml(html);
  }
}

/** The start of the paste engine's note on a block taller than the rest of the table. */
const LONGER_THAN_TABLE = 'Vùng dán dài hơn phần còn lại của biểu';

/** A cell edit for one of the rows the paste adds: which new row (0 = the first added). */
export interface NewRowEdit {
  newRow: number;
  columnId: number;
  value: CellValue;
}

export interface PastePlan {
  /** Edits on existing rows: one batch. */
  edits: CellEdit[];
  /** Rows the block needs beyond the end of the table, and what goes into them. */
  rowsToAdd: number;
  newRowEdits: NewRowEdit[];
  /** What the engine decided (flavour, conventions, header rows, placement), in Vietnamese. */
  notes: string[];
  /** Cells of the block that landed on cells that cannot be edited (a group row's figures). */
  lockedCells: number;
  /** Block rows left out because the paste started on the pinned grand total (none below it). */
  rowsBelowTotal: number;
  /** The cells pasted, in display order (their bounding box), for the history's label. */
  range: CellRange;
  /** What to select afterwards: the block as placed, or null when it went to rows by name. */
  select: CellRange | null;
  /** The engine's full result, for tests and for the notes. */
  result: PasteResult | null;
  /**
   * The notation the paste would be read in by «Đọc lại…» when Biểu had to guess how its
   * figures are written (every "1.234" of a column reads both ways); null when nothing was guessed.
   */
  rereadAs: NumberConvention | null;
}

/** The value one pasted cell takes in a column: a figure as read, a text column as written. */
function singleValue(result: PasteResult, column: Column): CellValue {
  const block = result.block;
  const value = block.values[0]?.[0] ?? null;
  if (isFigureColumn(column) || value === null || block.keepText[0]?.[0]) return value;
  const cell = block.grid.cells[0]?.[0];
  if (!cell) return null;
  if (typeof cell.value === 'number') return cell.value;
  const text = (cell.value ?? '').trim();
  return /^(0|[1-9]\d{0,14})$/.test(text) ? Number(text) : text === '' ? null : text;
}

/**
 * Plans a paste at the selection. Rows are counted as the grid shows them (display order), so
 * a block lands where the person sees it land. Returns null when the clipboard holds nothing.
 */
export function planPaste(
  table: Table,
  order: DisplayOrder,
  selection: Selection,
  data: { text: string; html: string },
  parseHtmlWith: (html: string) => HtmlElement = parseClipboardHtml,
  /** Read the columns whose notation was guessed the other way (the person asked for it). */
  reread = false,
): PastePlan | null {
  const range = rangeOf(selection);
  const place = (rows: readonly Row[]) =>
    pasteIntoTable(
      { text: data.text, html: data.html },
      { ...table, rows: rows.slice() },
      { rowIndex: range.top, columnIndex: range.left },
      { locale: 'vi', parseHtml: parseHtmlWith, reread },
    );
  let shown = order.rows;
  let result = place(shown);
  if (result.block.flavour === 'empty') return null;
  // The grand total pinned at the bottom is not the row after the last body row: a block that
  // runs past the body goes on into new rows (added above the total), unless it was aimed at
  // the total — see `aimedAtTotal`.
  if (landsOnTotalUnaimed(result, order, range)) {
    shown = order.rows.slice(0, order.bodyCount);
    result = place(shown);
  }
  const plan: PastePlan = {
    edits: [],
    rowsToAdd: 0,
    newRowEdits: [],
    notes: [],
    lockedCells: 0,
    rowsBelowTotal: 0,
    range,
    select: range,
    result,
    rereadAs: null,
  };
  const guessed = result.block.columns.find((c) => c.guessed && c.convention);
  if (guessed?.convention) plan.rereadAs = guessed.convention === 'vi' ? 'en' : 'vi';

  // One value onto a selected range fills the range, as in Excel.
  const single = result.block.values.length === 1 && result.block.grid.columnCount === 1;
  if (single && cellCount(range) > 1) {
    for (const { row: r, col: c } of positions(range)) {
      const row = order.rows[r];
      const column = table.columns[c];
      if (!row || !column) continue;
      const value = singleValue(result, column);
      if (!isEditableCell(row, column)) {
        if (value !== null) plan.lockedCells++;
        continue;
      }
      if (Object.is(row.cells[c] ?? null, value)) continue;
      plan.edits.push({ tableId: table.id, rowId: row.id, columnId: column.id, value });
    }
    plan.notes = result.block.notes;
    return plan;
  }

  plan.notes = result.notes;
  plan.rowsToAdd = result.rowsToAdd;
  const count = shown.length;
  // A block pasted from the pinned total down: nothing lies below the total, and new rows would
  // go above it. Only its first row is pasted; the person is told how many were left out.
  if (result.rows === 'position' && range.top === order.bodyCount && result.rowsToAdd > 0) {
    plan.rowsBelowTotal = result.rowsToAdd;
    plan.rowsToAdd = 0;
    plan.notes = result.notes.filter((n) => !n.startsWith(LONGER_THAN_TABLE));
  }
  for (const e of result.edits) {
    const column = table.columns[e.columnIndex];
    if (!column) continue;
    if (e.rowIndex >= count) {
      if (plan.rowsBelowTotal > 0) continue;
      plan.newRowEdits.push({ newRow: e.rowIndex - count, columnId: column.id, value: e.value });
      continue;
    }
    const row = order.rows[e.rowIndex];
    if (!isEditableCell(row, column)) {
      if (e.value !== null) plan.lockedCells++;
      continue;
    }
    plan.edits.push({ tableId: table.id, rowId: row.id, columnId: column.id, value: e.value });
  }

  // Select what was pasted: the block's rows and columns as placed.
  const placed = { top: Infinity, bottom: -1, left: Infinity, right: -1 };
  for (const r of result.rowMap) {
    if (r === null || r >= count) continue;
    placed.top = Math.min(placed.top, r);
    placed.bottom = Math.max(placed.bottom, r);
  }
  for (const c of result.columnMap) {
    if (c === null) continue;
    placed.left = Math.min(placed.left, c);
    placed.right = Math.max(placed.right, c);
  }
  if (placed.bottom >= 0 && placed.right >= 0) plan.range = placed;
  // Rows placed by unit name are scattered: a box around them would select cells not pasted.
  plan.select = result.rows === 'name' ? null : plan.range;
  return plan;
}

/**
 * A block placed row by row from the selection whose rows run onto the pinned grand total,
 * though the person did not aim them there. A paste is aimed at the total when it starts on it,
 * when the selection it fills ends on it and is exactly as tall as the block, or when the block
 * row that lands there is itself a total ("Tổng cộng", "Toàn huyện").
 */
function landsOnTotalUnaimed(result: PasteResult, order: DisplayOrder, range: CellRange): boolean {
  const total = order.bodyCount;
  if (total >= order.rows.length || result.rows !== 'position' || range.top === total) return false;
  const blockRow = result.rowMap.indexOf(total);
  if (blockRow < 0) return false;
  const dataRows = result.rowMap.filter((r) => r !== null).length;
  if (range.bottom === total && range.bottom - range.top + 1 === dataRows) return false;
  const cells = result.block.values[blockRow] ?? [];
  return !cells.some((v) => typeof v === 'string' && isGrandTotalLabel(v));
}

/** A paste that adds rows, as the `table.paste` call writes it (the caller says where). */
export type PasteWithRows = Omit<PasteInput, 'atIndex'>;

/** The plan as ONE `table.paste` call: its new rows and every cell, existing rows and new. */
export function pasteWithRows(plan: PastePlan, tableId: number, label: string): PasteWithRows {
  return {
    tableId,
    appendRows: plan.rowsToAdd,
    edits: [
      ...plan.edits.map((e) => ({ rowId: e.rowId, columnId: e.columnId, value: e.value })),
      ...plan.newRowEdits,
    ],
    label,
  };
}
