/**
 * The document store against real SQLite files: schema, round trip of the templates, edits as
 * one transaction with an edit log, undo/redo that survives reopening, read-only newer documents,
 * save-as and metadata.
 */
import fs from 'node:fs';
import { createRequire } from 'node:module';
import path from 'node:path';
import Database from 'better-sqlite3';
import { describe, expect, it } from 'vitest';
import { UserError } from '../../../../shared/api';
import type { Table } from '../../../../shared/model';
import { DocumentStore } from '../../../../electron/store/document-store';
import {
  BIEU_APPLICATION_ID,
  MIGRATIONS,
  SCHEMA_VERSION,
  migrate,
} from '../../../../electron/store/schema';
import { openDatabase } from '../../../../electron/store/sqlite';
import { loadTemplate } from '../../../../electron/store/templates';
import { sha256, useWorkspace } from '../../helpers/store-helpers';

const ws = useWorkspace();

/** The cell of a table by row position and column code, as a user reads the grid. */
function cell(table: Table, rowIndex: number, code: string) {
  const col = table.columns.findIndex((c) => c.code === code);
  if (col < 0) throw new Error(`no column ${code}`);
  return table.rows[rowIndex].cells[col];
}

function ids(table: Table, rowIndex: number, code: string) {
  return {
    tableId: table.id,
    rowId: table.rows[rowIndex].id,
    columnId: table.columns.find((c) => c.code === code)!.id,
  };
}

function cdht(store: DocumentStore): Table {
  return store.tableByName('CDHT theo nhóm')!;
}

function expectUserError(fn: () => unknown, code: string, text: string | RegExp): UserError {
  try {
    fn();
  } catch (err) {
    expect(err).toBeInstanceOf(UserError);
    expect((err as UserError).code).toBe(code);
    if (typeof text === 'string') expect((err as UserError).message).toContain(text);
    else expect((err as UserError).message).toMatch(text);
    return err as UserError;
  }
  throw new Error('expected a UserError');
}

describe('schema', () => {
  it('marks the file as a Biểu document of the current schema version, in WAL mode', () => {
    const store = ws.createSample();
    const file = store.path;
    // Another connection sees the WAL and the foreign-key-bearing schema while the store is open.
    const raw = new Database(file, { readonly: true });
    try {
      expect(raw.pragma('application_id', { simple: true })).toBe(0x42494555);
      expect(raw.pragma('user_version', { simple: true })).toBe(SCHEMA_VERSION);
      expect(raw.pragma('journal_mode', { simple: true })).toBe('wal');
      const tables = (
        raw.prepare(`SELECT name FROM sqlite_master WHERE type = 'table' ORDER BY name`).all() as {
          name: string;
        }[]
      ).map((r) => r.name);
      expect(tables).toEqual([
        'cell_checksum',
        'cell_sources',
        'cells',
        'columns',
        'disabled_rules',
        'edit_batches',
        'edits',
        'id_sequences',
        'links',
        'meta',
        'rows',
        'sqlite_sequence',
        'structure_changes',
        'tables',
        'user_rules',
      ]);
    } finally {
      raw.close();
    }
    expect(fs.existsSync(`${file}-wal`)).toBe(true);
    store.close();
    // The application id is in the main file's header itself ("BIEU" at byte 68).
    expect(fs.readFileSync(file).subarray(68, 72).toString('latin1')).toBe('BIEU');
    expect(BIEU_APPLICATION_ID).toBe(0x42494555);
    expect(SCHEMA_VERSION).toBe(MIGRATIONS[MIGRATIONS.length - 1].version);
  });

  it('migrates an older Biểu document in place', () => {
    const file = ws.file('cu.bieu');
    const raw = new Database(file);
    raw.pragma(`application_id = ${BIEU_APPLICATION_ID}`);
    raw.pragma('user_version = 0');
    raw.close();

    const store = ws.track(DocumentStore.open(file));
    expect(store.info().readOnly).toBe(false);
    expect(store.listTables()).toEqual([]);
    store.close();
    const check = new Database(file, { readonly: true });
    expect(check.pragma('user_version', { simple: true })).toBe(SCHEMA_VERSION);
    check.close();
  });

  it('runs a migration in one transaction: a failing step leaves the document as it was', () => {
    const store = ws.createSample();
    const file = store.path;
    store.close();
    const db = openDatabase(file);
    const broken = [
      ...MIGRATIONS,
      { version: SCHEMA_VERSION + 1, description: 'ok', sql: 'CREATE TABLE later_a (x);' },
      {
        version: SCHEMA_VERSION + 2,
        description: 'fails',
        sql: 'CREATE TABLE later_b (x); INSERT INTO no_such_table VALUES (1);',
      },
    ];
    expect(() => migrate(db, broken)).toThrow(/no_such_table/);
    expect(db.pragma('user_version', { simple: true })).toBe(SCHEMA_VERSION);
    const later = db
      .prepare(`SELECT count(*) AS n FROM sqlite_master WHERE name LIKE 'later_%'`)
      .get() as { n: number };
    expect(later.n).toBe(0);

    expect(migrate(db, broken.slice(0, -1))).toEqual({
      from: SCHEMA_VERSION,
      to: SCHEMA_VERSION + 1,
    });
    expect(db.pragma('user_version', { simple: true })).toBe(SCHEMA_VERSION + 1);
    db.close();
  });
});

describe('create and read back', () => {
  it('stores both templates and reads every header, row and cell back exactly', () => {
    const store = ws.createSample();
    const summaries = store.listTables();
    expect(summaries.map((t) => [t.name, t.rowCount, t.columnCount])).toEqual([
      ['CDHT theo nhóm', 17, 11],
      ['Dân số và tỷ lệ tham gia', 17, 9],
    ]);
    for (const id of ['cdht-theo-nhom', 'dan-so-tham-gia']) {
      const template = loadTemplate(id).table;
      const table = store.tableByName(template.name)!;
      expect(table.title).toBe(template.title);
      expect(table.unit).toBe(template.unit);
      expect(table.columns.map(({ id: _id, ...c }) => c)).toEqual(template.columns);
      expect(table.rows.map(({ id: _id, ...r }) => r)).toEqual(template.rows);
      expect(store.getTable(table.id)).toEqual(table);
    }
    // Spot checks a user would make against the paper table.
    const t = cdht(store);
    expect(cell(t, 0, 'B')).toBe('Thị Trấn Lộc Ninh');
    expect(cell(t, 3, '2')).toBe(543);
    expect(cell(t, 3, '1')).toBe(60);
    expect(cell(t, 1, '2')).toBeNull();
    expect(cell(t, 16, 'A')).toBe('Toàn huyện');
    expect(cell(t, 16, '9')).toBe(5049);
    expect(t.columns.find((c) => c.code === '9')!.formula).toBe('1+2+3+4+5+6+7+8');
    expect(t.columns[2].headerPath).toEqual(['Nhóm I (Nông dân)']);
  });

  it('reads the same tables after closing and reopening', () => {
    const store = ws.createSample();
    const before = store.getTable(store.listTables()[1].id);
    store.close();
    const again = ws.track(DocumentStore.open(ws.file('mau.bieu')));
    expect(again.getTable(before.id)).toEqual(before);
  });

  it('refuses to create over an existing file and leaves it untouched', () => {
    const file = ws.file('co-san.bieu');
    fs.writeFileSync(file, 'nội dung cũ');
    const hash = sha256(file);
    expectUserError(() => DocumentStore.create(file, []), 'bad-input', '«co-san.bieu» đã có');
    expect(sha256(file)).toBe(hash);
  });

  it('refuses a table whose rows do not match its columns, and leaves no file behind', () => {
    const file = ws.file('hong.bieu');
    const bad = {
      name: 'Hỏng',
      columns: [{ code: 'A', label: 'STT', type: 'text' as const }],
      rows: [{ role: 'detail' as const, cells: [1, 2] }],
    };
    expectUserError(() => DocumentStore.create(file, [bad]), 'bad-input', 'Dòng 1 có 2 ô');
    expect(fs.readdirSync(ws.dir)).toEqual([]);
  });

  it('refuses two tables with the same name', () => {
    const store = ws.createSample();
    const again = { ...loadTemplate('cdht-theo-nhom').table };
    expectUserError(
      () => store.addTables([again]),
      'bad-input',
      'đã có một bảng tên «CDHT theo nhóm»',
    );
    expect(store.listTables()).toHaveLength(2);
  });
});

describe('setCells', () => {
  it('stores a number as REAL and a typed non-number as the exact text', () => {
    const store = ws.createSample();
    const t = cdht(store);
    const result = store.setCells(
      [
        { ...ids(t, 0, '1'), value: 291 },
        { ...ids(t, 1, '1'), value: 'khoảng 150' },
        { ...ids(t, 2, '1'), value: 12.5 },
      ],
      'Sửa 3 ô',
    );
    expect(result.batchId).toBeTypeOf('number');
    expect(result.changes.map((c) => c.value)).toEqual([291, 'khoảng 150', 12.5]);

    const after = cdht(store);
    expect(cell(after, 0, '1')).toBe(291);
    expect(cell(after, 1, '1')).toBe('khoảng 150');
    expect(cell(after, 2, '1')).toBe(12.5);

    const raw = new Database(store.path, { readonly: true });
    const get = raw.prepare(
      `SELECT typeof(num) AS numType, num, typeof(text) AS textType, text
         FROM cells WHERE row_id = ? AND column_id = ?`,
    );
    const a = ids(t, 0, '1');
    const b = ids(t, 1, '1');
    expect(get.get(a.rowId, a.columnId)).toEqual({
      numType: 'real',
      num: 291,
      textType: 'null',
      text: null,
    });
    expect(get.get(b.rowId, b.columnId)).toEqual({
      numType: 'null',
      num: null,
      textType: 'text',
      text: 'khoảng 150',
    });
    raw.close();
  });

  it('keeps "1.234" typed as text as text: never coerced to a number', () => {
    const store = ws.createSample();
    const t = cdht(store);
    store.setCells([{ ...ids(t, 0, '1'), value: '1.234' }]);
    expect(cell(cdht(store), 0, '1')).toBe('1.234');
  });

  it('clears a cell with null or an empty string', () => {
    const store = ws.createSample();
    const t = cdht(store);
    const r = store.setCells([
      { ...ids(t, 0, '1'), value: null },
      { ...ids(t, 0, '2'), value: '' },
    ]);
    expect(r.changes.map((c) => c.value)).toEqual([null, null]);
    expect(cell(cdht(store), 0, '1')).toBeNull();
    expect(cell(cdht(store), 0, '2')).toBeNull();
  });

  it('records one batch with old → new per changed cell, who and when', () => {
    const store = ws.createSample();
    const t = cdht(store);
    const start = Date.now();
    const r = store.setCells(
      [
        { ...ids(t, 0, '9'), value: 1329 },
        { ...ids(t, 1, '1'), value: 1 }, // unchanged: skipped
        { ...ids(t, 1, '2'), value: 7 }, // was empty
      ],
      'Dán 3 ô',
    );
    expect(r.changes).toHaveLength(2);
    const [batch] = store.history(10);
    expect(batch.id).toBe(r.batchId);
    expect(batch.user).toBe('thongke');
    expect(batch.label).toBe('Dán 3 ô');
    expect(batch.state).toBe('done');
    expect(Date.parse(batch.time)).toBeGreaterThanOrEqual(start - 1000);
    expect(batch.time).toMatch(/^\d{4}-\d\d-\d\dT\d\d:\d\d:\d\d\.\d{3}Z$/);
    expect(batch.edits).toEqual([
      { ...ids(t, 0, '9'), oldValue: 1239, newValue: 1329 },
      { ...ids(t, 1, '2'), oldValue: null, newValue: 7 },
    ]);

    const raw = new Database(store.path, { readonly: true });
    expect(raw.prepare(`SELECT count(*) AS n FROM edits`).get()).toEqual({ n: 2 });
    expect(
      raw
        .prepare(
          `SELECT old_num, old_text, new_num, new_text FROM edits WHERE batch_id = ? ORDER BY id`,
        )
        .all(r.batchId),
    ).toEqual([
      { old_num: 1239, old_text: null, new_num: 1329, new_text: null },
      { old_num: null, old_text: null, new_num: 7, new_text: null },
    ]);
    raw.close();
  });

  it('records nothing when no value changes', () => {
    const store = ws.createSample();
    const t = cdht(store);
    const r = store.setCells([{ ...ids(t, 0, '1'), value: 290 }]);
    expect(r).toMatchObject({ batchId: null, changes: [], canUndo: false, canRedo: false });
    expect(store.history(10)).toEqual([]);
  });

  it('treats the number 5 and the text "5" as different values', () => {
    const store = ws.createSample();
    const t = cdht(store);
    const r = store.setCells([{ ...ids(t, 1, '5'), value: '4' }]);
    expect(r.changes).toHaveLength(1);
    expect(cell(cdht(store), 1, '5')).toBe('4');
  });

  it('keeps the last value when one action names a cell twice', () => {
    const store = ws.createSample();
    const t = cdht(store);
    const r = store.setCells([
      { ...ids(t, 0, '1'), value: 1 },
      { ...ids(t, 0, '1'), value: 2 },
    ]);
    expect(r.changes).toEqual([{ ...ids(t, 0, '1'), value: 2 }]);
    store.undo();
    expect(cell(cdht(store), 0, '1')).toBe(290);
  });

  it('is one transaction: one bad id in a batch changes nothing, not even the earlier cells', () => {
    const store = ws.createSample();
    const t = cdht(store);
    const other = store.tableByName('Dân số và tỷ lệ tham gia')!;
    const good = [
      { ...ids(t, 0, '1'), value: 1 },
      { ...ids(t, 1, '1'), value: 2 },
    ];
    const before = cdht(store);

    expectUserError(
      () => store.setCells([...good, { ...ids(t, 2, '1'), rowId: 99999, value: 3 }]),
      'not-found',
      'Dòng số 99999 không có trong bảng «CDHT theo nhóm»',
    );
    // A column of another table is not a column of this one.
    expectUserError(
      () =>
        store.setCells([...good, { ...ids(t, 2, '1'), columnId: other.columns[2].id, value: 3 }]),
      'not-found',
      `Cột số ${other.columns[2].id} không có trong bảng «CDHT theo nhóm»`,
    );
    // A row of another table, likewise.
    expectUserError(
      () => store.setCells([...good, { ...ids(t, 2, '1'), rowId: other.rows[0].id, value: 3 }]),
      'not-found',
      'không có trong bảng «CDHT theo nhóm»',
    );
    expectUserError(
      () => store.setCells([...good, { ...ids(t, 2, '1'), tableId: 777, value: 3 }]),
      'not-found',
      'Không tìm thấy bảng số 777',
    );
    expectUserError(
      () => store.setCells([...good, { ...ids(t, 2, '1'), value: Number.NaN }]),
      'bad-input',
      'không hợp lệ',
    );

    expect(cdht(store)).toEqual(before);
    expect(cell(cdht(store), 0, '1')).toBe(290);
    expect(cell(cdht(store), 1, '1')).toBe(1);
    expect(store.history(10)).toEqual([]);
    expect(store.canUndo()).toBe(false);
  });
  it('rolls back everything when a write fails half-way (not just when validation fails)', () => {
    const store = ws.createSample();
    const t = cdht(store);
    // Make SQLite itself refuse the second cell, after the batch and the first cell are written.
    const raw = new Database(store.path);
    raw.exec(`CREATE TRIGGER boom BEFORE UPDATE ON cells WHEN NEW.num = 666
              BEGIN SELECT RAISE(ABORT, 'boom'); END`);
    raw.close();
    expect(() =>
      store.setCells([
        { ...ids(t, 0, '1'), value: 1 },
        { ...ids(t, 1, '1'), value: 2 },
        { ...ids(t, 2, '1'), value: 666 },
      ]),
    ).toThrow(/boom/);
    expect(cell(cdht(store), 0, '1')).toBe(290);
    expect(cell(cdht(store), 1, '1')).toBe(1);
    expect(cell(cdht(store), 2, '1')).toBe(14);
    expect(store.history(10)).toEqual([]);
  });
});

describe('undo and redo', () => {
  it('undoes the newest batch and redoes it', () => {
    const store = ws.createSample();
    const t = cdht(store);
    const first = store.setCells([{ ...ids(t, 0, '1'), value: 300 }], 'một');
    const second = store.setCells(
      [
        { ...ids(t, 0, '1'), value: 310 },
        { ...ids(t, 0, '2'), value: 'không rõ' },
      ],
      'hai',
    );
    expect(second.canUndo).toBe(true);
    expect(second.canRedo).toBe(false);

    const u1 = store.undo();
    expect(u1.batchId).toBe(second.batchId);
    expect(u1.changes).toEqual(
      expect.arrayContaining([
        { ...ids(t, 0, '1'), value: 300 },
        { ...ids(t, 0, '2'), value: 315 },
      ]),
    );
    expect(u1.canRedo).toBe(true);
    expect(cell(cdht(store), 0, '1')).toBe(300);
    expect(cell(cdht(store), 0, '2')).toBe(315);

    const u2 = store.undo();
    expect(u2.batchId).toBe(first.batchId);
    expect(cell(cdht(store), 0, '1')).toBe(290);
    expect(u2.canUndo).toBe(false);

    const none = store.undo();
    expect(none).toMatchObject({ batchId: null, changes: [], canUndo: false, canRedo: true });

    // Redo goes forward in the order the batches were made.
    expect(store.redo().batchId).toBe(first.batchId);
    expect(cell(cdht(store), 0, '1')).toBe(300);
    const r2 = store.redo();
    expect(r2.batchId).toBe(second.batchId);
    expect(r2.canRedo).toBe(false);
    expect(cell(cdht(store), 0, '1')).toBe(310);
    expect(cell(cdht(store), 0, '2')).toBe('không rõ');
    expect(store.redo()).toMatchObject({
      batchId: null,
      changes: [],
      canUndo: true,
      canRedo: false,
    });
  });

  it('works after closing and reopening the document', () => {
    let store = ws.createSample();
    const t = cdht(store);
    store.setCells([{ ...ids(t, 5, '1'), value: 1 }], 'một');
    store.setCells([{ ...ids(t, 5, '1'), value: 2 }], 'hai');
    store.close();

    store = ws.track(DocumentStore.open(ws.file('mau.bieu')));
    expect(store.info().canUndo).toBe(true);
    expect(store.undo().changes).toEqual([{ ...ids(t, 5, '1'), value: 1 }]);
    store.close();

    store = ws.track(DocumentStore.open(ws.file('mau.bieu')));
    expect(cell(cdht(store), 5, '1')).toBe(1);
    expect(store.canRedo()).toBe(true);
    store.undo();
    expect(cell(cdht(store), 5, '1')).toBe(0);
    store.close();

    store = ws.track(DocumentStore.open(ws.file('mau.bieu')));
    store.redo();
    store.close();
    store = ws.track(DocumentStore.open(ws.file('mau.bieu')));
    expect(cell(cdht(store), 5, '1')).toBe(1);
    expect(store.history(10).map((b) => [b.label, b.state])).toEqual([
      ['hai', 'undone'],
      ['một', 'done'],
    ]);
  });

  it('ends the redo chain on a new edit but keeps the undone batches as discarded history', () => {
    const store = ws.createSample();
    const t = cdht(store);
    store.setCells([{ ...ids(t, 0, '1'), value: 1 }], 'a');
    store.setCells([{ ...ids(t, 0, '1'), value: 2 }], 'b');
    store.undo();
    store.undo();
    const c = store.setCells([{ ...ids(t, 0, '2'), value: 3 }], 'c');
    expect(c.canRedo).toBe(false);
    expect(store.redo().batchId).toBeNull();
    expect(cell(cdht(store), 0, '1')).toBe(290);
    expect(store.history(10).map((b) => [b.label, b.state])).toEqual([
      ['c', 'done'],
      ['b', 'discarded'],
      ['a', 'discarded'],
    ]);
    // Undo now reverts only "c"; the discarded batches are never replayed.
    store.undo();
    expect(store.undo().batchId).toBeNull();
    expect(cell(cdht(store), 0, '1')).toBe(290);
    expect(cell(cdht(store), 0, '2')).toBe(315);
  });

  it('does not end the redo chain when an edit changes nothing', () => {
    const store = ws.createSample();
    const t = cdht(store);
    store.setCells([{ ...ids(t, 0, '1'), value: 1 }]);
    store.undo();
    store.setCells([{ ...ids(t, 0, '1'), value: 290 }]);
    expect(store.canRedo()).toBe(true);
  });
});

describe('a document from a newer Biểu', () => {
  it('opens read-only with the reason and refuses every write', () => {
    const store = ws.createSample('moi.bieu');
    const t = cdht(store);
    store.setCells([{ ...ids(t, 0, '1'), value: 1 }]);
    store.close();
    const raw = new Database(ws.file('moi.bieu'));
    raw.pragma('user_version = 7');
    raw.close();
    const hash = sha256(ws.file('moi.bieu'));

    const doc = ws.track(DocumentStore.open(ws.file('moi.bieu')));
    const info = doc.info();
    expect(info.readOnly).toBe(true);
    expect(info.readOnlyReason).toBe(
      'Tài liệu được tạo bởi phiên bản Biểu mới hơn (lược đồ 7); chỉ mở để xem.',
    );
    expect(info.canUndo).toBe(false);
    expect(cell(cdht(doc), 0, '1')).toBe(1);

    expectUserError(
      () => doc.setCells([{ ...ids(t, 0, '1'), value: 5 }]),
      'read-only',
      'lược đồ 7',
    );
    expectUserError(() => doc.undo(), 'read-only', 'chỉ mở để xem');
    expectUserError(() => doc.redo(), 'read-only', 'chỉ mở để xem');
    expectUserError(() => doc.setMeta({ agency: 'x' }), 'read-only', 'chỉ mở để xem');
    expectUserError(() => doc.addTables([]), 'read-only', 'chỉ mở để xem');
    doc.close();

    expect(sha256(ws.file('moi.bieu'))).toBe(hash);
    const check = new Database(ws.file('moi.bieu'), { readonly: true });
    expect(check.pragma('user_version', { simple: true })).toBe(7);
    check.close();
  });
});

describe('saveAs', () => {
  it('writes a full copy, continues in the copy and leaves the original as it was', () => {
    const store = ws.createSample('goc.bieu');
    const t = cdht(store);
    store.setCells([{ ...ids(t, 0, '1'), value: 291 }], 'trước khi lưu');
    store.setMeta({ agency: 'ỦY BAN NHÂN DÂN HUYỆN LỘC NINH' });

    store.saveAs(ws.file('ban-sao.bieu'));
    expect(store.info().path).toBe(ws.file('ban-sao.bieu'));
    expect(store.info().name).toBe('ban-sao.bieu');
    expect(cell(cdht(store), 0, '1')).toBe(291);
    expect(store.getMeta().agency).toBe('ỦY BAN NHÂN DÂN HUYỆN LỘC NINH');

    // The edit log came along: undo in the copy (the cell, the metadata, the first cell).
    store.setCells([{ ...ids(t, 0, '1'), value: 999 }]);
    store.undo();
    store.undo();
    expect(store.getMeta().agency).toBeUndefined();
    store.undo();
    expect(cell(cdht(store), 0, '1')).toBe(290);
    store.close();

    const original = ws.track(DocumentStore.open(ws.file('goc.bieu')));
    expect(cell(cdht(original), 0, '1')).toBe(291);
    expect(original.history(10).map((b) => b.label)).toEqual([
      'Sửa thông tin tài liệu (cơ quan chủ quản)',
      'trước khi lưu',
    ]);
    const copy = new Database(ws.file('ban-sao.bieu'), { readonly: true });
    expect(copy.pragma('application_id', { simple: true })).toBe(BIEU_APPLICATION_ID);
    expect(copy.pragma('user_version', { simple: true })).toBe(SCHEMA_VERSION);
    copy.close();
    expect(fs.readdirSync(ws.dir).filter((f) => f.endsWith('.tmp'))).toEqual([]);
  });

  it('refuses an existing target and the open file itself', () => {
    const store = ws.createSample('goc.bieu');
    fs.writeFileSync(ws.file('khac.bieu'), 'x');
    expectUserError(() => store.saveAs(ws.file('khac.bieu')), 'bad-input', '«khac.bieu» đã có');
    expectUserError(() => store.saveAs(ws.file('goc.bieu')), 'bad-input', 'tệp đang mở');
    expect(fs.readFileSync(ws.file('khac.bieu'), 'utf8')).toBe('x');
    expect(store.info().path).toBe(ws.file('goc.bieu'));
  });
});

describe('metadata', () => {
  it('stores keys, removes them with null and keeps them across reopening', () => {
    const store = ws.createSample();
    expect(store.getMeta()).toEqual({});
    store.setMeta({
      reportNumber: '123/BC-UBND',
      referenceDate: '2024-09-30',
      head: 'Nguyễn Văn A',
    });
    store.setMeta({ head: null, preparer: 'Trần Thị B' });
    store.close();
    const again = ws.track(DocumentStore.open(ws.file('mau.bieu')));
    expect(again.getMeta()).toEqual({
      preparer: 'Trần Thị B',
      referenceDate: '2024-09-30',
      reportNumber: '123/BC-UBND',
    });
    // Each change of the metadata is an action of its own, undoable after reopening.
    expect(again.history(10).map((b) => b.label)).toEqual([
      'Sửa thông tin tài liệu (thủ trưởng đơn vị, người lập biểu)',
      'Sửa thông tin tài liệu (số báo cáo, ngày số liệu, thủ trưởng đơn vị)',
    ]);
    again.undo();
    expect(again.getMeta()).toEqual({
      head: 'Nguyễn Văn A',
      referenceDate: '2024-09-30',
      reportNumber: '123/BC-UBND',
    });
    // Setting what is already there is no action at all.
    expect(again.setMeta({ head: 'Nguyễn Văn A' }).batchId).toBeNull();
  });
});

describe('the store after close', () => {
  it('says the document is closed', () => {
    const store = ws.createSample('dong.bieu');
    store.close();
    store.close();
    expectUserError(() => store.listTables(), 'failed', '«dong.bieu» đã được đóng');
  });
});

describe('openDatabase', () => {
  it('loads the addon named by BIEU_SQLITE_BINDING', () => {
    const saved = process.env.BIEU_SQLITE_BINDING;
    try {
      process.env.BIEU_SQLITE_BINDING = path.join(ws.dir, 'khong-co.node');
      expect(() => openDatabase(ws.file('a.db'))).toThrow();
      expect(fs.existsSync(ws.file('a.db'))).toBe(false);

      process.env.BIEU_SQLITE_BINDING = createRequire(import.meta.url).resolve(
        'better-sqlite3/build/Release/better_sqlite3.node',
      );
      const db = openDatabase(ws.file('a.db'));
      expect(db.prepare('SELECT 1 + 1 AS n').get()).toEqual({ n: 2 });
      db.close();
    } finally {
      if (saved === undefined) delete process.env.BIEU_SQLITE_BINDING;
      else process.env.BIEU_SQLITE_BINDING = saved;
    }
  });
});
