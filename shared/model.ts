/**
 * The table model: what a Biểu document holds, independent of how it is stored or shown.
 * Pure data, shared by the Node side (store, CLI, Excel) and the renderer (grid, live checks).
 */

/** How a column's cells are meant to be read. Text columns hold labels (STT, unit names). */
export type ColumnType = 'integer' | 'decimal' | 'percent' | 'text';

/** What a row is in the table's arithmetic. */
export type RowRole = 'group' | 'detail' | 'subtotal' | 'total';

export const COLUMN_TYPES: readonly ColumnType[] = ['integer', 'decimal', 'percent', 'text'];
export const ROW_ROLES: readonly RowRole[] = ['group', 'detail', 'subtotal', 'total'];

export interface Column {
  id: number;
  /** The column code of the code row: "A", "B" for text columns, "1", "2" … for figures. */
  code: string;
  /** The lowest header label, e.g. "Đạt". */
  label: string;
  /** Header group labels above the label, outermost first, e.g. ["Nhóm I (Nông dân)"]. */
  headerPath: string[];
  type: ColumnType;
  /** Decimals shown (and checked against): 0 for counts, 2 for most rates. */
  decimals: number;
  /**
   * The right-hand side of the column's formula in column-code notation, e.g. "2+3+4+5" for the
   * code row entry "1=2+3+4+5"; null when the column is entered, not computed.
   */
  formula: string | null;
  /**
   * Where the formula comes from: absent when the table states it (its code row, or someone
   * typed it); 'inferred' when Biểu found it in the figures on import ("Tổng" equal to the sum of
   * the columns beside it on nearly every row). An inferred formula is believed as far as the
   * figures keep establishing it (checks/evidence.ts).
   */
  formulaBasis?: 'inferred';
}

/**
 * A cell's content. Numbers are numbers; anything typed that is not a number is kept as the text
 * the user typed (and flagged by the checks in a figure column) — never coerced.
 */
export type CellValue = number | string | null;

export interface Row {
  id: number;
  role: RowRole;
  /**
   * Where the role comes from: absent when someone set it (a template, the structure panel, the
   * import preview's choice); 'inferred' when the importer read it from a label ("Cộng", "Toàn
   * huyện") — a hint, believed as far as the row's figures add up (checks/evidence.ts).
   */
  roleBasis?: 'inferred';
  /** Normalised unit name or code, used to match the same unit across tables; null for totals. */
  unitKey: string | null;
  /** One value per column, in column order. */
  cells: CellValue[];
}

export interface Table {
  id: number;
  name: string;
  /** The title printed above the table ("BIỂU THỐNG KÊ …"). */
  title: string;
  /** The unit line ("người", "hộ; %"). */
  unit: string;
  columns: Column[];
  rows: Row[];
}

/** A short view of a table for lists. */
export interface TableSummary {
  id: number;
  name: string;
  rowCount: number;
  columnCount: number;
}

/** The column-code row entry as the statisticians write it: "1=2+3+4+5", or just "2". */
export function codeRowText(column: Pick<Column, 'code' | 'formula'>): string {
  return column.formula ? `${column.code}=${column.formula}` : column.code;
}

export function isFigureColumn(column: Pick<Column, 'type'>): boolean {
  return column.type !== 'text';
}

/** Excel-style column letters for a 0-based index: 0 → A, 25 → Z, 26 → AA. */
export function columnLetter(index: number): string {
  let n = index + 1;
  let s = '';
  while (n > 0) {
    const r = (n - 1) % 26;
    s = String.fromCharCode(65 + r) + s;
    n = Math.floor((n - 1) / 26);
  }
  return s;
}
