/** What one row of the AG Grid holds: the code row under the header, or a row of the table. */
import type { Row } from '../../shared/model';
import type { CellMark } from './cell-findings';

export type GridRow =
  | {
      kind: 'codes';
      /** The row's number on the exported sheet (shared/layout.ts), shown in the row header. */
      sheetRow: number;
    }
  | {
      kind: 'data';
      row: Row;
      sheetRow: number;
      /** Findings on this row's cells, by column index; absent when the row is clean. */
      marks: ReadonlyMap<number, CellMark> | undefined;
      /** What the table knows of a cell's figure (where it came from), by column index. */
      notes: ReadonlyMap<number, string> | undefined;
    };

/** The grid's id for a table row: stable across edits, so AG Grid updates rows in place. */
export function dataRowId(rowId: number): string {
  return `r${rowId}`;
}

export function gridRowId(row: GridRow): string {
  return row.kind === 'codes' ? 'codes' : dataRowId(row.row.id);
}
