/**
 * Automatic backups in the app-data folder, restoring one from the app, and a damaged document:
 * detected on open with a clear message that offers the newest backup, nothing overwritten.
 */
import fs from 'node:fs';
import path from 'node:path';
import { describe, expect, it } from 'vitest';
import { firstFigure, useApi } from './helpers/api-harness';
import { SAMPLE_FILE_NAME } from '../../electron/app-bootstrap';
import { backupFolder, listBackups, vietnameseTime } from '../../electron/store/backups';
import { DocumentStore } from '../../electron/store/document-store';
import { sha256 } from './helpers/store-helpers';

const api = useApi('bieu-backup-'); // each start opens (creates) the sample: its first backup
const { start, call, failure } = api;
const figure = firstFigure(api);
const type = (value: number) => figure.type(value);
const firstValue = () => figure.value();

const samplePath = () => path.join(api.homeDir(), 'documents', SAMPLE_FILE_NAME);
const backupsDir = () => path.join(api.homeDir(), 'app-data', 'backups');

/** Bytes overwritten in the middle of the file, as a bad disk or a broken copy leaves them. */
function damage(file: string): void {
  const size = fs.statSync(file).size;
  const at = Math.floor(size / 2 / 4096) * 4096;
  const fd = fs.openSync(file, 'r+');
  fs.writeSync(fd, Buffer.alloc(4096, 0x5a), 0, 4096, at);
  fs.closeSync(fd);
}

describe('automatic backups', () => {
  it('backs up on open and on close after edits, into app-data, never twice the same', async () => {
    const folder = backupFolder(backupsDir(), samplePath());
    expect(path.dirname(folder)).toBe(backupsDir());
    expect(path.basename(folder)).toMatch(/^Mau-bao-cao-[0-9a-f]{12}$/);
    const first = await call('backups.list', {});
    expect(first).toHaveLength(1);
    expect(first[0]).toMatchObject({ documentPath: samplePath() });
    expect(first[0].id).toMatch(
      /^Mau-bao-cao-[0-9a-f]{12}\/\d{4}-\d\d-\d\dT\d\d-\d\d-\d\d-\d{3}Z\.bieu$/,
    );
    expect(Date.parse(first[0].createdAt)).toBeGreaterThan(Date.now() - 60_000);
    expect(first[0].bytes).toBeGreaterThan(4096);
    // A backup is a document of its own.
    DocumentStore.verify(path.join(backupsDir(), first[0].id));

    // Reopening without a change adds nothing.
    api.app.session.close();
    start();
    expect(await call('backups.list', {})).toHaveLength(1);

    await type(1111);
    api.app.session.close(); // close after an edit: one more
    const afterClose = listBackups(backupsDir(), samplePath());
    expect(afterClose).toHaveLength(2);
    start(); // same content as that backup: nothing new
    expect(await call('backups.list', {})).toEqual(afterClose);
    // Nothing beside the document.
    expect(
      fs
        .readdirSync(path.join(api.homeDir(), 'documents'))
        .filter((f) => !f.startsWith(SAMPLE_FILE_NAME)),
    ).toEqual([]);
  });

  it('backs up every 50 actions and keeps the newest 10', async () => {
    for (let i = 1; i <= 50; i++) await type(i);
    expect(await call('backups.list', {})).toHaveLength(2);
    for (let i = 0; i < 12; i++) {
      await type(1000 + i);
      api.app.session.close();
      start();
    }
    const list = await call('backups.list', {});
    expect(list).toHaveLength(10);
    const times = list.map((b) => b.createdAt);
    expect([...times].sort().reverse()).toEqual(times);
    // The newest holds the last value.
    const newest = DocumentStore.open(path.join(backupsDir(), list[0].id));
    try {
      const t = newest.getTable(newest.listTables()[0].id);
      expect(t.rows[0].cells[t.columns.findIndex((x) => x.type !== 'text')]).toBe(1011);
    } finally {
      newest.close();
    }
  }, 60_000);
});

describe('restoring a backup', () => {
  it('backs up the current state first, replaces the document and reopens it', async () => {
    const original = await firstValue();
    const [initial] = await call('backups.list', {});
    await type(2222);
    await type(3333);

    const restored = await call('backups.restore', { backupId: initial.id });
    expect(restored).toMatchObject({ path: samplePath(), readOnly: false });
    expect(await firstValue()).toBe(original);
    expect(restored.canUndo).toBe(false);

    // What was replaced is the newest backup now, and restoring it brings 3333 back.
    const list = await call('backups.list', {});
    expect(list).toHaveLength(2);
    await call('backups.restore', { backupId: list[0].id });
    expect(await firstValue()).toBe(3333);
    await call('edit.undo', {});
    expect(await firstValue()).toBe(2222);
  });

  it('refuses an id that is not one of the backups', async () => {
    for (const id of [
      '../../settings.json',
      'x/../../a.bieu',
      'khong-co/2024-01-01T00-00-00-000Z.bieu',
    ]) {
      const r = await failure('backups.restore', { backupId: id });
      expect(r.code).toBe('not-found');
      expect(r.error).toContain(id);
    }
  });
});

describe('a damaged document', () => {
  it('is refused on open with a clear message offering the newest backup; nothing is written', async () => {
    await type(4444);
    api.app.session.close(); // the backup now holds 4444
    const newest = listBackups(backupsDir(), samplePath())[0];
    damage(samplePath());
    const hash = sha256(samplePath());
    const files = fs.readdirSync(path.join(api.homeDir(), 'documents')).sort();

    start(); // the last document cannot be reopened: a notice, not a crash
    expect(api.app.notice).toContain('bị hỏng');
    const refused = await failure('document.open', { path: samplePath() });
    expect(refused.code).toBe('not-a-document');
    expect(refused.error).toBe(
      `Tệp «${SAMPLE_FILE_NAME}» bị hỏng: dữ liệu bên trong không còn nguyên vẹn, nên Biểu không mở ` +
        `và không ghi gì vào tệp này; bản sao lưu còn tốt gần nhất là lúc ${vietnameseTime(newest.createdAt)}, ` +
        `có thể khôi phục tài liệu từ bản sao lưu đó.`,
    );
    expect(sha256(samplePath())).toBe(hash);
    expect(fs.readdirSync(path.join(api.homeDir(), 'documents')).sort()).toEqual(files);

    // The renderer asks for the document's backups and restores the newest.
    const list = await call('backups.list', { path: samplePath() });
    expect(list[0]).toEqual(newest);
    const info = await call('backups.restore', { backupId: list[0].id });
    expect(info.readOnly).toBe(false);
    expect(await firstValue()).toBe(4444);
    // The damaged bytes are kept, not lost, and are not offered as a backup.
    const folder = backupFolder(backupsDir(), samplePath());
    const damaged = fs.readdirSync(folder).filter((f) => f.endsWith('.damaged'));
    expect(damaged).toHaveLength(1);
    expect(sha256(path.join(folder, damaged[0]))).toBe(hash);
    expect((await call('backups.list', {})).some((b) => b.id.endsWith('.damaged'))).toBe(false);
  });

  it('without a backup, says it is damaged and no more', async () => {
    const file = path.join(api.homeDir(), 'documents', 'khong-sao-luu.bieu');
    const store = DocumentStore.create(file, [
      {
        name: 'Lớn',
        columns: [{ code: 'A', label: 'Tên', type: 'text' }],
        rows: Array.from({ length: 2000 }, (_, i) => ({
          role: 'detail' as const,
          cells: [`Dòng số ${i}`],
        })),
      },
    ]);
    store.close();
    damage(file);
    const refused = await failure('document.open', { path: file });
    expect(refused).toEqual({
      ok: false,
      code: 'not-a-document',
      error:
        'Tệp «khong-sao-luu.bieu» bị hỏng: dữ liệu bên trong không còn nguyên vẹn, ' +
        'nên Biểu không mở và không ghi gì vào tệp này.',
    });
    // The session still has the document it had.
    expect((await call('document.current', {}))!.path).toBe(samplePath());
  });
});
