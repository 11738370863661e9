/**
 * The grid's clipboard: Ctrl+C puts the selection on the clipboard as TSV (for any spreadsheet)
 * and as an HTML table (for Word and for Excel's formatting); Ctrl+V pastes from the active cell.
 *
 * This module is THE paste entry point of the grid. For now it reads the plain-text flavour only
 * (notes/paste-from-excel.md §2 step 4); the rich paste (HTML tables from Excel, Word, Sheets,
 * raw values, per-column number conventions) will replace `pasteEdits` here without touching the
 * grid. Everything a paste changes is one batch, so one Ctrl+Z takes it back.
 */
import type { CellEdit } from '../../shared/api';
import type { Table } from '../../shared/model';
import { displayText, parseCellInput } from './cell-text';
import type { DisplayOrder } from './display-order';
import { isEditableCell } from './range-edits';
import { rangeOf, type CellRange, type Selection } from './selection';
import { formatTsv, parseTsv } from './tsv';

export interface ClipboardPayload {
  text: string;
  html: string;
}

function escapeHtml(text: string): string {
  return text.replace(/[&<>"]/g, (c) =>
    c === '&' ? '&amp;' : c === '<' ? '&lt;' : c === '>' ? '&gt;' : '&quot;',
  );
}

/** The selection as the person sees it: figures written the Vietnamese way, as on the form. */
export function copyPayload(table: Table, order: DisplayOrder, range: CellRange): ClipboardPayload {
  const rows: string[][] = [];
  for (let r = range.top; r <= range.bottom; r++) {
    const row = order.rows[r];
    const texts: string[] = [];
    for (let c = range.left; c <= range.right; c++) {
      texts.push(displayText(row.cells[c] ?? null, table.columns[c]));
    }
    rows.push(texts);
  }
  const body = rows
    .map(
      (r) =>
        `<tr>${r.map((t) => `<td>${escapeHtml(t).replace(/\n/g, '<br>')}</td>`).join('')}</tr>`,
    )
    .join('');
  return {
    text: formatTsv(rows),
    html: `<meta charset="utf-8"><table>${body}</table>`,
  };
}

export interface PasteResult {
  edits: CellEdit[];
  /** Rows and columns of the block that fell outside the table (not pasted, and said so). */
  clippedRows: number;
  clippedColumns: number;
  /** Cells of the block that landed on cells that cannot be edited (a group row's figures). */
  lockedCells: number;
}

/**
 * Where a block of text goes: from the top-left of the selection. One value pasted onto a
 * selected range fills the whole range (what spreadsheet users expect, notes §4).
 */
export function pasteEdits(
  table: Table,
  order: DisplayOrder,
  selection: Selection,
  block: readonly (readonly string[])[],
): PasteResult {
  const range = rangeOf(selection);
  const single = block.length === 1 && block[0].length === 1;
  const height = single ? range.bottom - range.top + 1 : block.length;
  const width = single ? range.right - range.left + 1 : Math.max(...block.map((r) => r.length));
  const result: PasteResult = { edits: [], clippedRows: 0, clippedColumns: 0, lockedCells: 0 };
  result.clippedRows = Math.max(0, range.top + height - order.rows.length);
  result.clippedColumns = Math.max(0, range.left + width - table.columns.length);
  for (let i = 0; i < height; i++) {
    const row = order.rows[range.top + i];
    if (!row) break;
    for (let j = 0; j < width; j++) {
      const col = range.left + j;
      const column = table.columns[col];
      if (!column) break;
      const text = single ? block[0][0] : (block[i][j] ?? '');
      if (!isEditableCell(row, column)) {
        if (text.trim() !== '') result.lockedCells++;
        continue;
      }
      const value = parseCellInput(text, column);
      if (Object.is(row.cells[col] ?? null, value)) continue;
      result.edits.push({ tableId: table.id, rowId: row.id, columnId: column.id, value });
    }
  }
  return result;
}

/** Read a paste event's block: plain text for now (see the module comment). */
export function clipboardBlock(data: DataTransfer | null): string[][] | null {
  const text = data?.getData('text/plain') ?? '';
  return text === '' ? null : parseTsv(text);
}

/** Fill a copy event with the selection. */
export function writeClipboard(data: DataTransfer, payload: ClipboardPayload): void {
  data.setData('text/plain', payload.text);
  data.setData('text/html', payload.html);
}
