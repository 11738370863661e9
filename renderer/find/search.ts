/**
 * Find and replace over what the person sees: figures as written on the form ("1.456"), text as
 * typed. Matching is Vietnamese-aware (vietnamese-match.ts): "lộc hoà" and "loc hoa" both find
 * "Lộc Hòa", however it was typed. A replaced figure is read back the Vietnamese
 * way, so replacing in "1.456" gives a number again, and a replacement that makes no number is
 * kept as the text it is (and flagged by the checks), never coerced.
 */
import type { CellEdit } from '../../shared/api';
import type { CellValue, Column, Table } from '../../shared/model';
import { displayText, parseCellInput } from '../grid/cell-text';
import { isEditableCell } from '../grid/range-edits';
import { vietnameseSearch } from './vietnamese-match';

export interface Match {
  tableId: number;
  rowIndex: number;
  columnIndex: number;
}

function shownText(value: CellValue, column: Column): string {
  return displayText(value, column).normalize('NFC');
}

export function findMatches(tables: readonly Table[], query: string): Match[] {
  const search = query.trim() === '' ? null : vietnameseSearch(query);
  if (!search) return [];
  const matches: Match[] = [];
  for (const table of tables) {
    table.rows.forEach((row, rowIndex) => {
      table.columns.forEach((column, columnIndex) => {
        if (search.spans(shownText(row.cells[columnIndex] ?? null, column)).length > 0) {
          matches.push({ tableId: table.id, rowIndex, columnIndex });
        }
      });
    });
  }
  return matches;
}

/** The edit that replaces every occurrence in one cell, or null when it changes nothing. */
export function replaceEdit(
  table: Table,
  match: Match,
  query: string,
  replacement: string,
): CellEdit | null {
  const row = table.rows[match.rowIndex];
  const column = table.columns[match.columnIndex];
  if (!row || !column || !isEditableCell(row, column)) return null;
  const before = row.cells[match.columnIndex] ?? null;
  const search = vietnameseSearch(query);
  if (!search) return null;
  const text = search.replace(shownText(before, column), replacement);
  const value = parseCellInput(text, column);
  if (Object.is(before, value)) return null;
  return { tableId: table.id, rowId: row.id, columnId: column.id, value };
}
