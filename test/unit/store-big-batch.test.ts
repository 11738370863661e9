/**
 * setCells on a batch of a paste's size: 100,000 cells are still one transaction and
 * one edit batch with each changed cell's old value, undoable after reopening; unchanged cells
 * are skipped; a bad id anywhere in the batch refuses all of it.
 */
import { describe, expect, it } from 'vitest';
import { UserError, type CellEdit } from '../../shared/api';
import type { CellValue, Table } from '../../shared/model';
import { DocumentStore } from '../../electron/store/document-store';
import { cellChecksumHolds } from '../../electron/store/cell-checksum';
import { openDatabase } from '../../electron/store/sqlite';
import { useWorkspace } from './helpers/store-helpers';

const ws = useWorkspace();

const ROWS = 2_000;
const COLUMNS = 50;

function wideStore(name: string): { store: DocumentStore; table: Table } {
  const store = ws.track(
    DocumentStore.create(
      ws.file(name),
      [
        {
          name: 'Rộng',
          title: '',
          unit: '',
          columns: Array.from({ length: COLUMNS }, (_, i) => ({
            code: String(i + 1),
            label: `Chỉ tiêu ${i + 1}`,
            headerPath: [],
            type: i === 0 ? ('text' as const) : ('integer' as const),
            decimals: 0,
            formula: null,
          })),
          rows: Array.from({ length: ROWS }, () => ({
            role: 'detail' as const,
            unitKey: null,
            cells: new Array<CellValue>(COLUMNS).fill(null),
          })),
        },
      ],
      { user: 'thongke' },
    ),
  );
  return { store, table: store.getTable(store.listTables()[0].id) };
}

/** The value the big batch writes: text in the first column, numbers elsewhere. */
function pasted(r: number, c: number): CellValue {
  return c === 0 ? `Xã ${r + 1}` : r * COLUMNS + c + 0.5;
}

function edit(table: Table, r: number, c: number, value: CellValue): CellEdit {
  return { tableId: table.id, rowId: table.rows[r].id, columnId: table.columns[c].id, value };
}

describe('a batch of 100,000 cells', () => {
  it('is one batch with the old values, skips unchanged cells and undoes after reopening', () => {
    const { store, table } = wideStore('rong.bieu');
    // Before: every 10th row filled, some cells already holding what the paste brings.
    const before: CellEdit[] = [];
    for (let r = 0; r < ROWS; r += 10) {
      for (let c = 0; c < COLUMNS; c++) before.push(edit(table, r, c, c % 2 ? 'cũ' : r + c));
    }
    before.push(edit(table, 1, 3, pasted(1, 3)), edit(table, 2, 0, pasted(2, 0)));
    store.setCells(before, 'Trước');
    const old = store.getTable(table.id);

    const big: CellEdit[] = [];
    for (let r = 0; r < ROWS; r++) {
      for (let c = 0; c < COLUMNS; c++) big.push(edit(table, r, c, pasted(r, c)));
    }
    // A cell twice: the last value wins.
    big.unshift(edit(table, 5, 5, 'lần đầu'));
    expect(big.length).toBe(ROWS * COLUMNS + 1);
    const result = store.setCells(big, 'Dán');
    expect(result.batchId).not.toBeNull();
    expect(result.changes.length).toBe(ROWS * COLUMNS - 2);

    const [batch, first] = store.history(2);
    expect(first.label).toBe('Trước');
    expect(batch.label).toBe('Dán');
    expect(batch.id).toBe(result.batchId);
    expect(batch.edits.length).toBe(ROWS * COLUMNS - 2);
    const byCell = new Map(batch.edits.map((e) => [`${e.rowId}:${e.columnId}`, e]));
    for (const [r, c] of [
      [0, 0],
      [0, 1],
      [10, 7],
      [11, 7],
      [5, 5],
      [ROWS - 1, COLUMNS - 1],
    ]) {
      const e = byCell.get(`${table.rows[r].id}:${table.columns[c].id}`)!;
      expect(e.oldValue).toEqual(old.rows[r].cells[c]);
      expect(e.newValue).toEqual(pasted(r, c));
      expect(e.tableId).toBe(table.id);
    }
    expect(byCell.has(`${table.rows[1].id}:${table.columns[3].id}`)).toBe(false);
    expect(byCell.has(`${table.rows[2].id}:${table.columns[0].id}`)).toBe(false);

    const after = store.getTable(table.id);
    expect(after.rows.map((row, r) => row.cells.every((v, c) => v === pasted(r, c)))).toEqual(
      new Array(ROWS).fill(true),
    );
    store.close();

    // Numbers as REAL, text as text.
    const db = openDatabase(ws.file('rong.bieu'), { readonly: true });
    const kinds = db
      .prepare(`SELECT typeof(num) AS n, typeof(text) AS t, count(*) AS k FROM cells GROUP BY 1, 2`)
      .all();
    db.close();
    expect(kinds).toEqual(
      expect.arrayContaining([
        { n: 'real', t: 'null', k: ROWS * (COLUMNS - 1) },
        { n: 'null', t: 'text', k: ROWS },
      ]),
    );
    expect(kinds.length).toBe(2);
    // The cells' checksum, kept once for the whole batch, still agrees with every cell, and its
    // triggers are in place for the next single write.
    const checked = openDatabase(ws.file('rong.bieu'));
    expect(cellChecksumHolds(checked)).toBe(true);
    const triggers = checked
      .prepare(`SELECT name FROM sqlite_master WHERE type = 'trigger' ORDER BY name`)
      .pluck()
      .all();
    checked.close();
    expect(triggers).toEqual([
      'cell_checksum_delete',
      'cell_checksum_insert',
      'cell_checksum_update',
    ]);

    const reopened = ws.track(DocumentStore.open(ws.file('rong.bieu')));
    const undone = reopened.undo();
    expect(undone.changes.length).toBe(ROWS * COLUMNS - 2);
    expect(reopened.getTable(table.id)).toEqual(old);
    reopened.redo();
    expect(reopened.getTable(table.id)).toEqual(after);
    reopened.setCells([edit(table, 3, 3, 4039)], 'Gõ');
    reopened.close();
    const last = openDatabase(ws.file('rong.bieu'), { readonly: true });
    expect(cellChecksumHolds(last)).toBe(true);
    last.close();
  }, 60_000);

  it('refuses the whole batch over one id of another table, naming it', () => {
    const { store, table } = wideStore('sai.bieu');
    const big: CellEdit[] = [];
    for (let r = 0; r < ROWS; r++) {
      for (let c = 0; c < COLUMNS; c++) big.push(edit(table, r, c, pasted(r, c)));
    }
    const strayRow = table.rows[ROWS - 1].id + 1000;
    big.push({ ...edit(table, 0, 0, 1), rowId: strayRow });
    let error: unknown = null;
    try {
      store.setCells(big);
    } catch (err) {
      error = err;
    }
    expect(error).toBeInstanceOf(UserError);
    expect((error as UserError).message).toContain(`Dòng số ${strayRow}`);
    expect((error as UserError).message).toContain('không ô nào được ghi');
    expect(store.history(10)).toEqual([]);
    expect(store.getTable(table.id)).toEqual(table);
  }, 60_000);
});
