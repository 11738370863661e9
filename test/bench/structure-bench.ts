/**
 * Structural edits on a table of 50,000 rows × 13 columns (about 650,000 cells): a row inserted
 * in the middle, a column moved. Figures printed, not a timed test.
 *
 *   Biểu   store.insertRows / store.moveColumn: planned, written and logged as one undoable batch
 *   floor  the smallest change the document commits: one cell typed on the same document (one
 *          transaction holding the write lock, one batch of the edit log, on disk when it returns)
 */
import path from 'node:path';
import { DocumentStore } from '../../electron/store/document-store';
import { asNewTable, inventedProvinces, nationTable } from './nation-table';
import { printRow, sideBySide } from './side-by-side';

export async function runStructureBench(dir: string): Promise<void> {
  const file = path.join(dir, 'cau-truc.bieu');
  const big = nationTable(inventedProvinces(), 50_000);
  const store = DocumentStore.create(file, [asNewTable(big)]);
  try {
    const table = store.getTable(store.listTables()[0].id);
    console.log(
      `\nBiểu — structural edits: ${table.rows.length} rows × ${table.columns.length} columns`,
    );
    const middle = Math.floor(table.rows.length / 2);
    const cell = { tableId: table.id, rowId: table.rows[middle].id, columnId: table.columns[3].id };
    let typed = 0;
    const oneCell = () => store.setCells([{ ...cell, value: 1000 + ++typed }], 'Gõ');
    const insert = await sideBySide(
      () => null,
      oneCell,
      () => store.insertRows(table.id, middle, 1),
    );
    printRow(
      'insert a row in the middle of a 50,000-row table',
      insert,
      'one cell typed',
      '< 100 ms',
    );
    let to = 3;
    const move = await sideBySide(
      () => null,
      oneCell,
      () => store.moveColumn(table.id, table.columns[5].id, (to = to === 3 ? 7 : 3)),
    );
    printRow('move a column of a 50,000-row table', move, 'one cell typed', '< 100 ms');
  } finally {
    store.close();
  }
}
