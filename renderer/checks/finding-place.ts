/**
 * Where a finding is, in the words of the person who fills the table: the row by its unit name
 * (or its number when it has none), the column by its code, and the cell's address on the
 * exported sheet — «dòng Thị trấn Lộc Ninh, cột 7 (ô I11)» — so it can be found in the grid (the
 * row header and the column letters show the same address) and in the exported file.
 */
import { rowLabel } from '../../shared/import/row-roles';
import { sheetLayout } from '../../shared/layout';
import type { Table } from '../../shared/model';
import { positionOf } from '../grid/cell-findings';

export interface FindingPlace {
  /** The row's name ("Thị trấn Lộc Ninh", "Tổng cộng"), or null: then it is named by number. */
  row: string | null;
  rowNumber: number;
  /** The column's code ("7", "B"). */
  column: string;
}

export function findingPlace(table: Table, address: string): FindingPlace | null {
  const layout = sheetLayout(table);
  const at = positionOf(table, layout, address);
  if (!at) return null;
  const row = table.rows[at.rowIndex];
  return {
    row: rowLabel(
      row.cells,
      table.columns.map((c) => c.type),
    ),
    rowNumber: layout.firstDataRow + at.rowIndex,
    column: table.columns[at.columnIndex].code,
  };
}
