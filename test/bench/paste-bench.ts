/**
 * A 10,000 × 30 paste, from the clipboard's text to checked and saved: figures printed, not a
 * timed test.
 *
 *   Biểu   parsePaste + alignBlock into an empty table of that size, the edits written as ONE
 *          batch of a real document (store.setCells, as the app's cells.set), and the table in
 *          memory with the pasted figures checked in full, as the grid does after a paste
 *   floor  the block split into its 300,000 cells, and as many rows inserted into a cells table
 *          of the same shape with one prepared statement in one transaction (WAL, synchronous
 *          FULL, as a document)
 */
import path from 'node:path';
import { CheckSession } from '../../shared/checks/engine';
import type { Table } from '../../shared/model';
import { parsePaste } from '../../shared/paste/paste-block';
import { alignBlock } from '../../shared/paste/align-block';
import { DocumentStore } from '../../electron/store/document-store';
import { openDatabase } from '../../electron/store/sqlite';
import { asNewTable } from './nation-table';
import { printRow, sideBySide } from './side-by-side';

/** A 10,000 × 30 block as Excel puts it on the clipboard (vi numbers, CRLF, trailing CRLF). */
export function bigTsv(rows = 10_000, columns = 30): string {
  const lines: string[] = [];
  for (let r = 0; r < rows; r++) {
    const cells = [String(r + 1), `Xã Số ${r + 1}`];
    for (let c = 2; c < columns; c++) {
      const v = ((r + 1) * 7919 + c * 104729) % 99991;
      cells.push(
        c % 7 === 0
          ? `${Math.floor(v / 100)},${String(v % 100).padStart(2, '0')}`
          : v.toLocaleString('vi-VN'),
      );
    }
    lines.push(cells.join('\t'));
  }
  return lines.join('\r\n') + '\r\n';
}

/** An empty table of 30 columns and `rows` rows, for the paste benchmark. */
export function emptyWideTable(rows = 10_000, columns = 30): Table {
  return {
    id: 1,
    name: 'Dán',
    title: '',
    unit: '',
    columns: Array.from({ length: columns }, (_, i) => ({
      id: i + 1,
      code: i === 0 ? 'A' : i === 1 ? 'B' : String(i - 1),
      label: i === 0 ? 'STT' : i === 1 ? 'Đơn vị' : `Chỉ tiêu ${i - 1}`,
      headerPath: [],
      type: i < 2 ? 'text' : i % 7 === 0 ? 'decimal' : 'integer',
      decimals: i % 7 === 0 ? 2 : 0,
      formula: null,
    })),
    rows: Array.from({ length: rows }, (_, r) => ({
      id: r + 1,
      role: 'detail' as const,
      unitKey: null,
      cells: new Array(columns).fill(null),
    })),
  };
}

/** What SQLite and a string split can do with the same block. */
function floorPaste(tsv: string, file: string): void {
  const cells = tsv.split('\r\n').map((line) => line.split('\t'));
  const db = openDatabase(file);
  db.pragma('journal_mode = WAL');
  db.pragma('synchronous = FULL');
  db.exec(`CREATE TABLE cells (row_id INTEGER NOT NULL, column_id INTEGER NOT NULL, num REAL,
    text TEXT, PRIMARY KEY (row_id, column_id)) WITHOUT ROWID`);
  const insert = db.prepare('INSERT INTO cells VALUES (?, ?, ?, ?)');
  db.transaction(() => {
    cells.forEach((line, r) =>
      line.forEach((v, c) => {
        const n = Number(v);
        if (Number.isFinite(n)) insert.run(r + 1, c + 1, n, null);
        else insert.run(r + 1, c + 1, null, v);
      }),
    );
  })();
  db.close();
}

export async function runPasteBench(dir: string): Promise<void> {
  const tsv = bigTsv();
  console.log(`\nBiểu — paste: 10,000 × 30 TSV (${Math.round(tsv.length / 1024)} KB)`);
  let edits = 0;
  const r = await sideBySide(
    (round) => {
      const file = path.join(dir, `dan-${round}-${Math.random().toString(36).slice(2)}.bieu`);
      const store = DocumentStore.create(file, [asNewTable(emptyWideTable())]);
      return { file, store, table: store.getTable(store.listTables()[0].id) };
    },
    ({ file, store }) => {
      store.close();
      floorPaste(tsv, file + '.floor');
    },
    ({ store, table }) => {
      const aligned = alignBlock(parsePaste({ text: tsv }), table, {
        rowIndex: 0,
        columnIndex: 0,
      });
      store.setCells(
        aligned.edits.map((e) => ({
          tableId: table.id,
          rowId: table.rows[e.rowIndex].id,
          columnId: table.columns[e.columnIndex].id,
          value: e.value,
        })),
        'Dán',
      );
      const pasted: Table = {
        ...table,
        rows: table.rows.map((row) => ({ ...row, cells: [...row.cells] })),
      };
      for (const e of aligned.edits) pasted.rows[e.rowIndex].cells[e.columnIndex] = e.value;
      new CheckSession(pasted).findings();
      store.close();
      edits = aligned.edits.length;
    },
  );
  printRow(
    `paste 10,000 × 30 TSV → checked and saved (${edits} cell edits, one batch)`,
    r,
    'split into 300,000 cells + 300,000 SQLite inserts, one prepared statement, one transaction',
    '< 500 ms',
  );
}
