/**
 * The document calls of the workbench through the API, against real files in a temporary
 * BIEU_HOME: the recent list, a blank document, the sample, rename, reveal, metadata, closing,
 * adding tables and saving a table as a user template.
 */
import fs from 'node:fs';
import os from 'node:os';
import path from 'node:path';
import { afterEach, beforeEach, describe, expect, it } from 'vitest';
import { InProcessApi } from '../../helpers/api-harness';
import { SAMPLE_FILE_NAME } from '../../../../electron/app-bootstrap';
import { templatesDir } from '../../../../electron/store/templates';

let home: string;
let revealed: string[];
// An Electron-like host, so that "reveal in folder" has a hook to call.
const api = new InProcessApi(
  () => home,
  () => {
    revealed = [];
    return { transport: 'electron', revealPath: (p: string) => void revealed.push(p) };
  },
);
const { start, call, failure } = api;

const doc = (name: string) => path.join(home, 'documents', name);

beforeEach(() => {
  home = fs.mkdtempSync(path.join(os.tmpdir(), 'bieu-docs-'));
  start();
});

afterEach(() => {
  api.app.session.close();
  fs.rmSync(home, { recursive: true, force: true });
});

describe('recent documents and the start screen', () => {
  it('lists the opened documents newest first, with their last change and whether they exist', async () => {
    await call('document.createBlank', { path: doc('a.bieu') });
    await call('document.createBlank', { path: doc('b') }); // .bieu is added
    const recent = await call('recent.list', {});
    expect(recent.map((r) => r.name)).toEqual(['b.bieu', 'a.bieu', SAMPLE_FILE_NAME]);
    expect(recent[0]).toMatchObject({ path: doc('b.bieu'), exists: true });
    expect(Date.parse(recent[0].modifiedAt!)).toBeGreaterThan(Date.now() - 60_000);

    await call('document.close', {});
    expect(await call('document.current', {})).toBeNull();
    fs.rmSync(doc('a.bieu'));
    const after = await call('recent.list', {});
    expect(after.find((r) => r.name === 'a.bieu')).toMatchObject({
      exists: false,
      modifiedAt: null,
    });

    // Closed by the user: the next start shows the start screen, not the last document.
    api.app.session.close();
    start();
    expect(await call('document.current', {})).toBeNull();
  });

  it('creates a blank document: one table "Biểu 1" with STT, the unit name, column 1, three rows', async () => {
    const info = await call('document.createBlank', { path: doc('trong.bieu') });
    expect(info.tables.map((t) => [t.name, t.rowCount, t.columnCount])).toEqual([['Biểu 1', 3, 3]]);
    const t = await call('table.get', { tableId: info.tables[0].id });
    expect(t.columns.map((c) => [c.code, c.label, c.type])).toEqual([
      ['A', 'STT', 'text'],
      ['B', 'Tên đơn vị', 'text'],
      ['1', 'Số liệu', 'integer'],
    ]);
    expect(t.rows.map((r) => r.role)).toEqual(['detail', 'detail', 'detail']);
    expect(info.canUndo).toBe(false);
    expect((await failure('document.createBlank', { path: doc('trong.bieu') })).error).toContain(
      'đã có',
    );
  });

  it('opens the sample, and makes it again when it was deleted', async () => {
    await call('document.createBlank', { path: doc('khac.bieu') });
    const sample = await call('document.openSample', {});
    expect(sample.name).toBe(SAMPLE_FILE_NAME);
    expect(sample.tables).toHaveLength(2);
    await call('document.close', {});
    fs.rmSync(doc(SAMPLE_FILE_NAME));
    const again = await call('document.openSample', {});
    expect(again.path).toBe(doc(SAMPLE_FILE_NAME));
    expect(again.tables).toHaveLength(2);
  });
});

describe('rename and reveal', () => {
  it('renames the file in its folder, keeps the history, the recent entry and the backups', async () => {
    const info = await call('document.createBlank', { path: doc('cu.bieu') });
    const t = await call('table.get', { tableId: info.tables[0].id });
    await call('cells.set', {
      edits: [{ tableId: t.id, rowId: t.rows[0].id, columnId: t.columns[1].id, value: 'Xã A' }],
    });
    const backupsBefore = await call('backups.list', {});
    expect(backupsBefore.length).toBeGreaterThan(0);

    const renamed = await call('document.rename', { name: 'Báo cáo quý 3' });
    expect(renamed).toMatchObject({ name: 'Báo cáo quý 3.bieu', path: doc('Báo cáo quý 3.bieu') });
    expect(renamed.readOnly).toBe(false);
    expect(fs.existsSync(doc('cu.bieu'))).toBe(false);
    for (const leftover of ['cu.bieu-wal', 'cu.bieu-shm', 'cu.bieu.lock']) {
      expect(fs.existsSync(doc(leftover))).toBe(false);
    }
    expect((await call('table.get', { tableId: t.id })).rows[0].cells[1]).toBe('Xã A');
    expect(renamed.canUndo).toBe(true);
    const recent = await call('recent.list', {});
    expect(recent[0].path).toBe(doc('Báo cáo quý 3.bieu'));
    expect(recent.some((r) => r.path === doc('cu.bieu'))).toBe(false);
    const backupsAfter = await call('backups.list', {});
    expect(backupsAfter.length).toBeGreaterThanOrEqual(backupsBefore.length);
    expect(backupsAfter.every((b) => b.documentPath === doc('Báo cáo quý 3.bieu'))).toBe(true);

    expect(await call('document.reveal', {})).toBe(path.join(home, 'documents'));
    expect(revealed).toEqual([doc('Báo cáo quý 3.bieu')]);
  });

  it('refuses an existing name and path separators, leaving the document open as it was', async () => {
    await call('document.createBlank', { path: doc('co-san.bieu') });
    await call('document.createBlank', { path: doc('dang-mo.bieu') });
    const taken = await failure('document.rename', { name: 'co-san' });
    expect(taken).toMatchObject({ code: 'bad-input' });
    expect(taken.error).toContain('«co-san.bieu»');
    for (const bad of ['../ra-ngoai', 'thu/muc', 'a\\b']) {
      const r = await failure('document.rename', { name: bad });
      expect(r.error).toContain('không được chứa dấu / hoặc \\');
    }
    expect((await failure('document.rename', { name: 'a:b' })).error).toContain('không hợp lệ');
    const current = await call('document.current', {});
    expect(current).toMatchObject({ path: doc('dang-mo.bieu'), readOnly: false });
    expect(fs.readdirSync(path.join(home, 'documents')).sort()).toEqual(
      [
        SAMPLE_FILE_NAME,
        'co-san.bieu',
        'dang-mo.bieu',
        'dang-mo.bieu-shm',
        'dang-mo.bieu-wal',
        'dang-mo.bieu.lock',
      ].sort(),
    );
  });
});

describe('metadata', () => {
  it('reads and sets the metadata as an undoable action', async () => {
    expect(await call('meta.get', {})).toEqual({});
    const r = await call('meta.set', {
      meta: { agency: 'UBND HUYỆN LỘC NINH', reportNumber: '245/BC-UBND' },
    });
    expect(r).toMatchObject({
      canUndo: true,
      changes: [],
      structureChanged: [],
      tableListChanged: false,
    });
    await call('meta.set', { meta: { reportNumber: null } });
    expect(await call('meta.get', {})).toEqual({ agency: 'UBND HUYỆN LỘC NINH' });
    await call('edit.undo', {});
    expect(await call('meta.get', {})).toEqual({
      agency: 'UBND HUYỆN LỘC NINH',
      reportNumber: '245/BC-UBND',
    });
    await call('edit.undo', {});
    expect(await call('meta.get', {})).toEqual({});
  });
});

describe('tables from templates and user templates', () => {
  it('adds a blank table with a free name, and one from a template', async () => {
    await call('document.createBlank', { path: doc('bang.bieu') });
    const blank = await call('table.add', {});
    const info = await call('document.current', {});
    expect(info!.tables.map((t) => t.name)).toEqual(['Biểu 1', 'Biểu 2']);
    expect(blank.structureChanged).toEqual([info!.tables[1].id]);
    await call('table.add', { templateId: 'cdht-theo-nhom' });
    await call('table.add', { templateId: 'cdht-theo-nhom' });
    expect((await call('document.current', {}))!.tables.map((t) => t.name)).toEqual([
      'Biểu 1',
      'Biểu 2',
      'CDHT theo nhóm',
      'CDHT theo nhóm (2)',
    ]);
    const templateName = (await call('templates.list', {})).find(
      (t) => t.id === 'cdht-theo-nhom',
    )!.name;
    expect((await call('history.list', {}))[0].structural).toBe(
      `Thêm biểu «CDHT theo nhóm (2)» từ mẫu «${templateName}»`,
    );
    expect((await failure('table.add', { templateId: 'khong-co' })).code).toBe('not-found');
    expect((await failure('table.add', { name: 'Biểu 1' })).error).toContain('«Biểu 1»');
  });

  it('saves a table as a user template in the app-data folder, listed and usable', async () => {
    const builtIn = fs.readdirSync(templatesDir()).sort();
    const sample = (await call('document.current', {}))!;
    const danSo = sample.tables.find((t) => t.name === 'Dân số và tỷ lệ tham gia')!;
    const saved = await call('template.saveUser', {
      tableId: danSo.id,
      name: 'Dân số của xã Lộc Hòa',
    });
    expect(saved.id).toBe('dan-so-cua-xa-loc-hoa');
    const file = path.join(home, 'app-data', 'templates', 'dan-so-cua-xa-loc-hoa.json');
    const json = JSON.parse(fs.readFileSync(file, 'utf8'));
    expect(json).toMatchObject({ id: saved.id, name: 'Dân số của xã Lộc Hòa' });
    // The structure and the labels are kept, the figures are not.
    const source = await call('table.get', { tableId: danSo.id });
    expect(json.table.columns).toEqual(source.columns.map(({ id: _id, ...c }) => c));
    expect(json.table.rows[0].cells.slice(0, 2)).toEqual(source.rows[0].cells.slice(0, 2));
    expect(
      json.table.rows.every((r: { cells: unknown[] }) => r.cells.slice(2).every((v) => v === null)),
    ).toBe(true);
    // Never among the built-in templates.
    expect(fs.readdirSync(templatesDir()).sort()).toEqual(builtIn);

    const list = await call('templates.list', {});
    expect(list.map((t) => t.id)).toEqual(['cdht-theo-nhom', 'dan-so-tham-gia', saved.id]);
    const created = await call('document.create', {
      path: doc('tu-mau.bieu'),
      templateIds: [saved.id],
    });
    expect(created.tables.map((t) => [t.name, t.rowCount])).toEqual([[danSo.name, danSo.rowCount]]);
    await call('table.add', { templateId: saved.id, name: 'Lộc Hòa 2025' });
    expect((await call('document.current', {}))!.tables.map((t) => t.name)).toContain(
      'Lộc Hòa 2025',
    );

    // A name that would clash with a built-in id gets an id of its own.
    const clash = await call('template.saveUser', {
      tableId: created.tables[0].id,
      name: 'CDHT theo nhóm',
    });
    expect(clash.id).toBe('cdht-theo-nhom-2');
    expect((await failure('template.saveUser', { tableId: 4040, name: 'x' })).error).toContain(
      '4040',
    );
  });
});
