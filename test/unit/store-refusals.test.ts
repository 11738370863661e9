/**
 * Files that are not Biểu documents are refused with a sentence naming the file, and are left
 * exactly as they were: same bytes, and no -wal/-shm files created beside them.
 */
import fs from 'node:fs';
import path from 'node:path';
import Database from 'better-sqlite3';
import { describe, expect, it } from 'vitest';
import { UserError } from '../../shared/api';
import { DocumentStore } from '../../electron/store/document-store';
import { listDir, sha256, useWorkspace } from './helpers/store-helpers';

const ws = useWorkspace();
const XLSX_FIXTURE = path.resolve(__dirname, '../fixtures/cdht-theo-nhom.xlsx');

/** Open must fail with a 'not-a-document' UserError whose message matches, touching nothing. */
function expectRefused(file: string, message: RegExp | string): UserError {
  const existed = fs.existsSync(file);
  const hash = existed && fs.statSync(file).isFile() ? sha256(file) : null;
  const before = listDir(ws.dir);
  let error: unknown = null;
  try {
    ws.track(DocumentStore.open(file));
  } catch (err) {
    error = err;
  }
  expect(error).toBeInstanceOf(UserError);
  const e = error as UserError;
  expect(e.code).toBe('not-a-document');
  expect(e.message).toContain(`«${path.basename(file)}»`);
  if (typeof message === 'string') expect(e.message).toContain(message);
  else expect(e.message).toMatch(message);
  // Nothing written: same files in the folder (no -wal, -shm, -journal), same bytes.
  expect(listDir(ws.dir)).toEqual(before);
  expect(fs.existsSync(file)).toBe(existed);
  if (hash) expect(sha256(file)).toBe(hash);
  return e;
}

describe('refusing files that are not Biểu documents', () => {
  it('a text file', () => {
    const file = ws.file('ghi-chu.bieu');
    fs.writeFileSync(file, 'Báo cáo số 123/BC-UBND\nTổng cộng 5.049 người\n'.repeat(20));
    expectRefused(file, 'không phải là tài liệu Biểu');
  });

  it('a short text file (smaller than an SQLite header)', () => {
    const file = ws.file('ngan.bieu');
    fs.writeFileSync(file, 'SQLite');
    expectRefused(file, 'không phải là tài liệu Biểu');
  });

  it('an Excel workbook renamed to .bieu, with a pointer to importing it', () => {
    const file = ws.file('cdht-theo-nhom.bieu');
    fs.copyFileSync(XLSX_FIXTURE, file);
    expectRefused(file, /không phải là tài liệu Biểu.*Excel/);
  });

  it('an SQLite database of another application', () => {
    const file = ws.file('khac.bieu');
    const db = new Database(file);
    db.exec(
      `CREATE TABLE tables (id INTEGER PRIMARY KEY, name TEXT); INSERT INTO tables (name) VALUES ('x')`,
    );
    db.close();
    expectRefused(
      file,
      `Tệp «khac.bieu» là cơ sở dữ liệu SQLite nhưng không phải là tài liệu Biểu.`,
    );
  });

  it('an SQLite database of another application in WAL mode', () => {
    const file = ws.file('khac-wal.sqlite');
    const db = new Database(file);
    db.pragma('journal_mode = WAL');
    db.pragma('application_id = 1234');
    db.exec(`CREATE TABLE t (x); INSERT INTO t VALUES (1)`);
    db.close();
    expect(fs.readFileSync(file)[18]).toBe(2); // the header says WAL
    expectRefused(file, 'không phải là tài liệu Biểu');
  });

  it('an empty file', () => {
    const file = ws.file('trong.bieu');
    fs.writeFileSync(file, '');
    expectRefused(file, /trống.*không phải là tài liệu Biểu/);
    expect(fs.statSync(file).size).toBe(0);
  });

  it('a missing file, without creating it', () => {
    const file = ws.file('khong-co.bieu');
    const e = expectRefused(file, 'Không tìm thấy tệp «khong-co.bieu».');
    expect(e.message).toBe('Không tìm thấy tệp «khong-co.bieu».');
  });

  it('a folder', () => {
    const dir = ws.file('thu-muc.bieu');
    fs.mkdirSync(dir);
    expectRefused(dir, 'thư mục');
  });

  it('a damaged Biểu document (truncated)', () => {
    const store = ws.createSample('hong.bieu');
    store.close();
    const file = ws.file('hong.bieu');
    const bytes = fs.readFileSync(file);
    fs.writeFileSync(file, bytes.subarray(0, 1024 + 100));
    let error: unknown = null;
    try {
      ws.track(DocumentStore.open(file));
    } catch (err) {
      error = err;
    }
    expect(error).toBeInstanceOf(UserError);
    expect((error as UserError).code).toBe('not-a-document');
    expect((error as UserError).message).toContain('«hong.bieu»');
  });
});
