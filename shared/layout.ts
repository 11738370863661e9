/**
 * Where a table's parts stand on an exported sheet. Findings on documents use these addresses
 * (a finding on a document names the cell the table would have when exported), so
 * the check engine and the Excel export must agree on one layout: this module is that agreement.
 */
import { columnLetter, type Table } from './model';

/** Rows above the header block: agency/motto (2), a blank, title, "Kèm theo…", date, unit. */
export const PREAMBLE_ROWS = 7;

export interface SheetLayout {
  /** 1-based sheet row of the first header row. */
  headerTop: number;
  /** How many header rows the multi-level header takes. */
  headerDepth: number;
  /** 1-based sheet row of the column-code row. */
  codeRow: number;
  /** 1-based sheet row of the table's first data row. */
  firstDataRow: number;
}

export function headerDepth(table: Pick<Table, 'columns'>): number {
  return 1 + Math.max(0, ...table.columns.map((c) => c.headerPath.length));
}

export function sheetLayout(table: Pick<Table, 'columns'>): SheetLayout {
  const depth = headerDepth(table);
  const headerTop = PREAMBLE_ROWS + 1;
  const codeRow = headerTop + depth;
  return { headerTop, headerDepth: depth, codeRow, firstDataRow: codeRow + 1 };
}

/** The A1 address a cell of the table has on its exported sheet. */
export function cellAddress(layout: SheetLayout, rowIndex: number, columnIndex: number): string {
  return `${columnLetter(columnIndex)}${layout.firstDataRow + rowIndex}`;
}
