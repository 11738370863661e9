/**
 * Structural edits of tables against real SQLite files: every table, column and row operation is
 * one transaction and one batch of the edit log, undone and redone across closing and reopening,
 * with the cells of everything else intact and ids kept, so later cell edits stay valid.
 */
import fs from 'node:fs';
import Database from 'better-sqlite3';
import { describe, expect, it } from 'vitest';
import { UserError, type ColumnSpec } from '../../shared/api';
import type { Table } from '../../shared/model';
import { DocumentStore } from '../../electron/store/document-store';
import {
  BIEU_APPLICATION_ID,
  MIGRATIONS,
  SCHEMA_VERSION,
  migrate,
} from '../../electron/store/schema';
import { useWorkspace } from './helpers/store-helpers';

const ws = useWorkspace();

const CDHT = 'CDHT theo nhóm';
const DAN_SO = 'Dân số và tỷ lệ tham gia';

function table(store: DocumentStore, name = DAN_SO): Table {
  const t = store.tableByName(name);
  if (!t) throw new Error(`no table ${name}`);
  return t;
}

function col(t: Table, code: string) {
  const c = t.columns.find((x) => x.code === code);
  if (!c) throw new Error(`no column ${code}`);
  return c;
}

/** The cells of a table by column code, row by row: what the user reads in the grid. */
function byCode(t: Table): Record<string, unknown>[] {
  return t.rows.map((r) => Object.fromEntries(t.columns.map((c, i) => [c.code, r.cells[i]])));
}

function reopen(store: DocumentStore): DocumentStore {
  const file = store.path;
  store.close();
  return ws.track(DocumentStore.open(file, { user: 'thongke' }));
}

function expectUserError(fn: () => unknown, code: string, text: string | RegExp): void {
  let error: unknown;
  try {
    fn();
  } catch (err) {
    error = err;
  }
  expect(error).toBeInstanceOf(UserError);
  expect((error as UserError).code).toBe(code);
  if (typeof text === 'string') expect((error as UserError).message).toContain(text);
  else expect((error as UserError).message).toMatch(text);
}

const note: ColumnSpec = {
  code: '8',
  label: 'Ghi chú',
  headerPath: [],
  type: 'text',
  decimals: 0,
  formula: null,
};

describe('columns', () => {
  it('adds a column; after closing and reopening, undo removes it and the other cells are intact', () => {
    let store = ws.createSample();
    const before = table(store);
    const added = store.addColumn(before.id, 3, note);
    expect(added.batchId).toBeTypeOf('number');
    expect(added.structureChanged).toEqual([before.id]);
    expect(added.tableListChanged).toBe(true); // the column count in the table list changed
    expect(added.canUndo).toBe(true);

    const withNote = table(store);
    expect(withNote.columns.map((c) => c.code)).toEqual([
      'A',
      'B',
      '1',
      '8',
      '2',
      '3',
      '4',
      '5',
      '6',
      '7',
    ]);
    expect(withNote.rows.every((r) => r.cells[3] === null)).toBe(true);
    // A cell typed into the new column is an ordinary edit of it.
    const noteId = col(withNote, '8').id;
    store.setCells([
      { tableId: before.id, rowId: before.rows[2].id, columnId: noteId, value: 'số ước tính' },
    ]);

    store = reopen(store);
    expect(table(store).rows[2].cells[3]).toBe('số ước tính');
    store.undo(); // the note
    const undone = store.undo(); // the column
    expect(undone.structureChanged).toEqual([before.id]);
    expect(table(store)).toEqual(before);

    store = reopen(store);
    expect(table(store)).toEqual(before);
    // Redo brings the same column back (same id), and the note into it.
    store.redo();
    store.redo();
    const again = table(store);
    expect(col(again, '8').id).toBe(noteId);
    expect(again.rows[2].cells[3]).toBe('số ước tính');
    expect(store.history(2)[0].label).toBeNull(); // a cell edit without a label
    expect(store.history(2)[1].label).toBe(`Thêm cột «Ghi chú» vào biểu «${DAN_SO}»`);
  });

  it('removes a column with its cells; undo puts every cell back', () => {
    const store = ws.createSample();
    const before = table(store);
    const c6 = col(before, '6');
    const cellsOf = () => {
      const raw = new Database(store.path, { readonly: true });
      try {
        return (
          raw.prepare(`SELECT count(*) AS n FROM cells WHERE column_id = ?`).get(c6.id) as {
            n: number;
          }
        ).n;
      } finally {
        raw.close();
      }
    };
    expect(cellsOf()).toBe(17);

    store.removeColumns(before.id, [c6.id]);
    const after = table(store);
    expect(after.columns.map((c) => c.code)).toEqual(['A', 'B', '1', '2', '3', '4', '5', '7']);
    expect(cellsOf()).toBe(0);
    expect(byCode(after).map((r) => r['5'])).toEqual(byCode(before).map((r) => r['5']));

    store.undo();
    expect(table(store)).toEqual(before);
    expect(cellsOf()).toBe(17);
  });

  it('refuses to remove the last column, in Vietnamese, and changes nothing', () => {
    const store = ws.createSample();
    const t = table(store);
    for (const c of t.columns.slice(1)) store.removeColumns(t.id, [c.id]);
    const one = table(store);
    expect(one.columns).toHaveLength(1);
    const batches = store.history(100).length;
    expectUserError(
      () => store.removeColumns(t.id, [one.columns[0].id]),
      'bad-input',
      'Không thể xóa cột «STT»: đây là cột cuối cùng của biểu',
    );
    expect(table(store)).toEqual(one);
    expect(store.history(100)).toHaveLength(batches);
  });

  it('refuses a code the table already has, naming it', () => {
    const store = ws.createSample();
    const t = table(store);
    expectUserError(
      () => store.addColumn(t.id, 0, { ...note, code: '6' }),
      'bad-input',
      'đã có cột mã «6» («Số người tham gia»)',
    );
    expectUserError(
      () => store.updateColumn(t.id, col(t, '7').id, { code: '1' }),
      'bad-input',
      'đã có cột mã «1»',
    );
    expect(store.history(10)).toEqual([]);
  });

  it('updates a column (code, label, type, decimals, formula) without touching its cells', () => {
    const store = ws.createSample();
    const t = table(store);
    const rate = col(t, '7');
    const r = store.updateColumn(t.id, rate.id, {
      label: 'Tỷ lệ (%)',
      decimals: 1,
      formula: '6/1*100',
      type: 'decimal',
    });
    expect(r.structureChanged).toEqual([t.id]);
    const after = table(store);
    expect(col(after, '7')).toEqual({ ...rate, label: 'Tỷ lệ (%)', decimals: 1, type: 'decimal' });
    expect(byCode(after).map((x) => x['7'])).toEqual(byCode(t).map((x) => x['7']));
    expect(store.history(1)[0].label).toBe(
      `Sửa cột «${rate.label}» của biểu «${DAN_SO}»: tên «Tỷ lệ (%)», kiểu số thập phân, ` +
        `1 chữ số thập phân` +
        (rate.formula === '6/1*100' ? '' : ', công thức 7=6/1*100'),
    );
    // An empty formula means "no formula".
    store.updateColumn(t.id, col(t, '1').id, { formula: '  ' });
    expect(col(table(store), '1').formula).toBeNull();
    store.undo();
    store.undo();
    expect(table(store)).toEqual(t);
    // A patch that changes nothing is no action.
    expect(store.updateColumn(t.id, rate.id, { label: rate.label }).batchId).toBeNull();
  });

  it('moves a column with its cells', () => {
    const store = ws.createSample();
    const t = table(store);
    store.moveColumn(t.id, col(t, '6').id, 2);
    const after = table(store);
    expect(after.columns.map((c) => c.code)).toEqual(['A', 'B', '6', '1', '2', '3', '4', '5', '7']);
    expect(byCode(after)).toEqual(byCode(t).map((r) => r));
    store.undo();
    expect(table(store)).toEqual(t);
  });

  it('groups consecutive columns under a new header level and ungroups them', () => {
    const store = ws.createSample();
    const t = table(store);
    // 2..5 are under "Chia ra"; group 2 and 3 inside it.
    store.groupColumns(t.id, [col(t, '3').id, col(t, '2').id], 'Dưới 15 tuổi');
    let after = table(store);
    expect(col(after, '2').headerPath).toEqual(['Chia ra', 'Dưới 15 tuổi']);
    expect(col(after, '3').headerPath).toEqual(['Chia ra', 'Dưới 15 tuổi']);
    expect(col(after, '4').headerPath).toEqual(['Chia ra']);
    expect(store.history(1)[0].label).toBe(
      `Gộp 2 cột («${col(t, '2').label}», «${col(t, '3').label}») vào nhóm «Dưới 15 tuổi» ` +
        `trong biểu «${DAN_SO}»`,
    );
    // A new outermost level over columns that share none.
    store.groupColumns(t.id, [col(t, '6').id, col(t, '7').id], 'Tham gia');
    after = table(store);
    expect(col(after, '6').headerPath).toEqual(['Tham gia']);
    // Ungroup removes the innermost group the columns share.
    store.groupColumns(t.id, [col(t, '2').id, col(t, '3').id], null);
    expect(col(table(store), '2').headerPath).toEqual(['Chia ra']);
    store.groupColumns(t.id, [col(t, '6').id, col(t, '7').id], null);
    expect(table(store)).toEqual(t);

    expectUserError(
      () => store.groupColumns(t.id, [col(t, '1').id, col(t, '3').id], 'X'),
      'bad-input',
      'phải liền nhau',
    );
    expectUserError(
      () => store.groupColumns(t.id, [col(t, '5').id, col(t, '6').id], 'X'),
      'bad-input',
      'cắt đôi nhóm «Chia ra»',
    );
    expectUserError(
      () => store.groupColumns(t.id, [col(t, '6').id], null),
      'bad-input',
      'không nằm trong nhóm tiêu đề nào',
    );
    expect(table(store)).toEqual(t);
  });
});

describe('rows', () => {
  it('inserts empty detail rows by default, at a place, undoably', () => {
    let store = ws.createSample();
    const t = table(store);
    const r = store.insertRows(t.id, 2, 3);
    expect(r.structureChanged).toEqual([t.id]);
    const after = table(store);
    expect(after.rows).toHaveLength(t.rows.length + 3);
    expect(
      after.rows.slice(2, 5).map((x) => [x.role, x.unitKey, x.cells.every((v) => v === null)]),
    ).toEqual([
      ['detail', null, true],
      ['detail', null, true],
      ['detail', null, true],
    ]);
    expect(after.rows[5]).toEqual(t.rows[2]);
    store.insertRows(t.id, 999, 1, 'subtotal');
    expect(table(store).rows.at(-1)!.role).toBe('subtotal');

    store = reopen(store);
    store.undo();
    store.undo();
    expect(table(store)).toEqual(t);
  });

  it('removes rows with their cells, moves a row, sets role and unit key; all undoable', () => {
    const store = ws.createSample();
    const t = table(store);
    store.removeRows(t.id, [t.rows[0].id, t.rows[3].id]);
    expect(table(store).rows.map((r) => r.id)).toEqual(
      t.rows.filter((_, i) => i !== 0 && i !== 3).map((r) => r.id),
    );
    store.moveRow(t.id, t.rows[1].id, 5);
    expect(table(store).rows[5].id).toBe(t.rows[1].id);
    store.updateRows(t.id, [t.rows[2].id], { role: 'group', unitKey: 'nhóm a' });
    const row = table(store).rows.find((r) => r.id === t.rows[2].id)!;
    expect([row.role, row.unitKey]).toEqual(['group', 'nhóm a']);
    expect(row.cells).toEqual(t.rows[2].cells);
    expect(store.history(1)[0].label).toContain('thành dòng nhóm');
    store.undo();
    store.undo();
    store.undo();
    expect(table(store)).toEqual(t);
  });
});

describe('tables', () => {
  it('adds, renames, sets the title, duplicates, moves and deletes tables, all undoable', () => {
    let store = ws.createSample();
    const original = store.listTables();
    const cdht = table(store, CDHT);

    const added = store.addTable({
      name: 'Biểu 3',
      columns: [{ code: 'A', label: 'STT', type: 'text' }],
      rows: [],
    });
    expect(added.tableListChanged).toBe(true);
    const newId = added.structureChanged[0];
    expect(store.listTables().map((t) => t.name)).toEqual([CDHT, DAN_SO, 'Biểu 3']);

    store.renameTable(newId, 'Biểu phụ');
    expectUserError(
      () => store.renameTable(newId, DAN_SO),
      'bad-input',
      `đã có một biểu tên «${DAN_SO}»`,
    );
    store.setTableInfo(cdht.id, { title: 'BIỂU MỚI', unit: 'người' });
    expect(table(store, CDHT)).toMatchObject({ title: 'BIỂU MỚI', unit: 'người' });

    const dup = store.duplicateTable(cdht.id);
    const copyId = dup.structureChanged[0];
    const copy = store.getTable(copyId);
    expect(copy.name).toBe(`${CDHT} (bản sao)`);
    expect(byCode(copy)).toEqual(byCode(table(store, CDHT)));
    expect(copy.columns.map((c) => c.id).some((id) => cdht.columns.some((c) => c.id === id))).toBe(
      false,
    );
    expect(store.listTables().map((t) => t.name)).toEqual([
      CDHT,
      `${CDHT} (bản sao)`,
      DAN_SO,
      'Biểu phụ',
    ]);

    store.moveTable(newId, 0);
    expect(store.listTables().map((t) => t.name)).toEqual([
      'Biểu phụ',
      CDHT,
      `${CDHT} (bản sao)`,
      DAN_SO,
    ]);
    const deleted = store.deleteTable(cdht.id);
    expect(deleted.tableListChanged).toBe(true);
    expect(deleted.structureChanged).toEqual([]);
    expect(store.listTables().map((t) => t.name)).toEqual([
      'Biểu phụ',
      `${CDHT} (bản sao)`,
      DAN_SO,
    ]);

    store = reopen(store);
    store.undo(); // delete
    const back = table(store, CDHT);
    expect(back.id).toBe(cdht.id);
    expect(back.columns.map((c) => c.id)).toEqual(cdht.columns.map((c) => c.id));
    expect(store.listTables().map((t) => t.name)).toEqual([
      'Biểu phụ',
      CDHT,
      `${CDHT} (bản sao)`,
      DAN_SO,
    ]);
    for (let i = 0; i < 5; i++) store.undo();
    expect(store.listTables()).toEqual(original);
    expect(table(store, CDHT)).toEqual(cdht);
    expect(store.canUndo()).toBe(false);
    // Redo everything: the same document as before the undos.
    for (let i = 0; i < 6; i++) store.redo();
    expect(store.listTables().map((t) => t.name)).toEqual([
      'Biểu phụ',
      `${CDHT} (bản sao)`,
      DAN_SO,
    ]);
    expect(store.getTable(copyId).name).toBe(`${CDHT} (bản sao)`);
  });

  it('imports tables as one undoable batch', () => {
    const store = ws.createSample();
    store.addTables([
      {
        name: 'Nhập 1',
        columns: [{ code: 'A', label: 'x', type: 'text' }],
        rows: [{ role: 'detail', cells: ['a'] }],
      },
      { name: 'Nhập 2', columns: [{ code: 'A', label: 'x', type: 'text' }], rows: [] },
    ]);
    expect(store.history(1)[0].label).toBe('Nhập 2 biểu: «Nhập 1», «Nhập 2»');
    store.undo();
    expect(store.listTables().map((t) => t.name)).toEqual([CDHT, DAN_SO]);
  });
});

describe('refusals', () => {
  it('names a bad id in Vietnamese and changes nothing', () => {
    const store = ws.createSample();
    const t = table(store);
    const other = table(store, CDHT);
    const snapshot = JSON.stringify([
      store.getTable(t.id),
      store.getTable(other.id),
      store.listTables(),
    ]);
    const cases: [() => unknown, string][] = [
      [() => store.addColumn(777, 0, note), 'Không tìm thấy bảng số 777'],
      [() => store.removeColumns(t.id, [9999]), 'Cột số 9999 không có trong biểu'],
      // A column of another table is not one of this table.
      [
        () => store.removeColumns(t.id, [other.columns[0].id]),
        `Cột số ${other.columns[0].id} không có`,
      ],
      [() => store.updateColumn(t.id, 9999, { label: 'x' }), 'Cột số 9999'],
      [() => store.moveColumn(t.id, 9999, 0), 'Cột số 9999'],
      [() => store.groupColumns(t.id, [col(t, '6').id, 9999], 'x'), 'Cột số 9999'],
      [() => store.removeRows(t.id, [t.rows[0].id, 8888]), 'Dòng số 8888 không có trong biểu'],
      [() => store.moveRow(t.id, 8888, 0), 'Dòng số 8888'],
      [() => store.updateRows(t.id, [8888], { role: 'total' }), 'Dòng số 8888'],
      [() => store.insertRows(777, 0, 1), 'bảng số 777'],
      [() => store.renameTable(777, 'x'), 'bảng số 777'],
      [() => store.duplicateTable(777), 'bảng số 777'],
      [() => store.moveTable(777, 0), 'bảng số 777'],
      [() => store.deleteTable(777), 'bảng số 777'],
      [() => store.setTableInfo(777, { title: 'x' }), 'bảng số 777'],
    ];
    for (const [fn, text] of cases) {
      expectUserError(fn, 'not-found', text);
    }
    expect(
      JSON.stringify([store.getTable(t.id), store.getTable(other.id), store.listTables()]),
    ).toBe(snapshot);
    expect(store.history(10)).toEqual([]);
  });

  it('rolls a structural change back entirely when SQLite refuses part of it', () => {
    const store = ws.createSample();
    const t = table(store);
    const raw = new Database(store.path);
    raw.exec(`CREATE TRIGGER boom BEFORE INSERT ON rows WHEN NEW.role = 'total' AND NEW.unit_key IS NULL
              BEGIN SELECT RAISE(ABORT, 'boom'); END`);
    raw.close();
    expect(() => store.insertRows(t.id, 0, 2, 'total')).toThrow(/boom/);
    expect(table(store)).toEqual(t);
    expect(store.history(10)).toEqual([]);
  });

  it('never hands out the id of a removed column or row again', () => {
    const store = ws.createSample();
    const t = table(store);
    const first = store.addColumn(t.id, 0, note);
    const firstId = col(table(store), '8').id;
    expect(first.batchId).not.toBeNull();
    store.undo();
    store.addColumn(t.id, 0, { ...note, label: 'Khác' });
    expect(col(table(store), '8').id).toBeGreaterThan(firstId);
    // Rows likewise, across reopening.
    store.insertRows(t.id, 0, 1);
    const rowId = table(store).rows[0].id;
    store.undo();
    const again = reopen(store);
    again.insertRows(t.id, 0, 1);
    expect(table(again).rows[0].id).toBeGreaterThan(rowId);
  });
});

describe('schema version 2', () => {
  it('upgrades a version-1 document: old edits stay undoable, new ids follow the old ones', () => {
    const file = ws.file('phien-ban-1.bieu');
    const db = new Database(file);
    migrate(db, MIGRATIONS.slice(0, 1));
    expect(db.pragma('user_version', { simple: true })).toBe(1);
    expect(db.pragma('application_id', { simple: true })).toBe(BIEU_APPLICATION_ID);
    db.exec(`
      INSERT INTO tables (id, name, title, unit, position) VALUES (1, 'Biểu cũ', '', '', 0);
      INSERT INTO columns (id, table_id, position, code, label, type) VALUES
        (1, 1, 0, 'A', 'Tên', 'text'), (2, 1, 1, '1', 'Số', 'integer');
      INSERT INTO rows (id, table_id, position, role) VALUES (1, 1, 0, 'detail'), (2, 1, 1, 'detail');
      INSERT INTO cells (row_id, column_id, num, text) VALUES (1, 1, NULL, 'Xã A'), (1, 2, 7, NULL);
      INSERT INTO edit_batches (id, time, user, label, state) VALUES (1, '2024-01-01T00:00:00.000Z', 'cu', 'sửa', 'done');
      -- An edit of a row that was removed before the upgrade (id 5): its id is never reused.
      INSERT INTO edits (batch_id, row_id, column_id, old_num, new_num) VALUES (1, 1, 2, 3, 7), (1, 5, 2, NULL, 1);
    `);
    db.close();

    const store = ws.track(DocumentStore.open(file, { user: 'thongke' }));
    const check = new Database(file, { readonly: true });
    expect(check.pragma('user_version', { simple: true })).toBe(SCHEMA_VERSION);
    expect(SCHEMA_VERSION).toBeGreaterThanOrEqual(2);
    expect(check.prepare(`SELECT table_id FROM edits ORDER BY id`).all()).toEqual([
      { table_id: 1 },
      { table_id: null },
    ]);
    check.close();

    expect(store.history(10)[0].edits[0]).toMatchObject({ tableId: 1, oldValue: 3, newValue: 7 });
    store.insertRows(1, 2, 1);
    expect(table(store, 'Biểu cũ').rows[2].id).toBe(6);
    store.undo();
    store.undo();
    expect(byCode(table(store, 'Biểu cũ'))).toEqual([
      { A: 'Xã A', '1': 3 },
      { A: null, '1': null },
    ]);
    expect(fs.existsSync(file)).toBe(true);
  });
});
