/**
 * Making and opening a document's file: a new document is whole or absent; a document opens for
 * editing (WAL, migrated, locked) or read-only with the reason; a read-only copy leaves the file
 * and its folder exactly as they were.
 */
import fs from 'node:fs';
import os from 'node:os';
import Database from 'better-sqlite3';
import { afterEach, describe, expect, it } from 'vitest';
import {
  createDocumentFile,
  openDocumentFile,
  openReadOnlyCopyFile,
  type OpenedDocument,
} from '../../../../electron/store/document-opening';
import { lockPathFor } from '../../../../electron/store/document-lock';
import { SCHEMA_VERSION } from '../../../../electron/store/schema';
import { listDir, sha256, useWorkspace } from '../../helpers/store-helpers';
import { refusal } from '../../helpers/snapshot';

const ws = useWorkspace();
const opened: OpenedDocument[] = [];
afterEach(() => {
  for (const o of opened.splice(0)) {
    o.db.close();
    o.lock?.release();
    o.dispose?.();
  }
});
const keep = (o: OpenedDocument) => (opened.push(o), o);

const table = {
  name: 'Biểu 1',
  columns: [{ code: 'A', label: 'Tên', type: 'text' as const }],
  rows: [{ role: 'detail' as const, cells: ['Xã A'] }],
};

describe('creating', () => {
  it('makes a whole document, and nothing at all when a table is not valid', () => {
    createDocumentFile(ws.file('moi.bieu'), [table]);
    expect(listDir(ws.dir)).toEqual(['moi.bieu']);
    expect(refusal(() => createDocumentFile(ws.file('moi.bieu'), [table]))).toBe(
      'Tệp «moi.bieu» đã có; Biểu không ghi đè lên tệp có sẵn.',
    );
    expect(
      refusal(() =>
        createDocumentFile(ws.file('sai.bieu'), [
          { ...table, rows: [{ role: 'detail', cells: [] }] },
        ]),
      ),
    ).toContain('Bảng «Biểu 1» không hợp lệ');
    expect(listDir(ws.dir)).toEqual(['moi.bieu']);
  });
});

describe('opening', () => {
  it('for editing: WAL, the current schema, the lock', () => {
    createDocumentFile(ws.file('a.bieu'), [table]);
    const o = keep(openDocumentFile(ws.file('a.bieu'), 'thongke', undefined));
    expect(o.readOnlyReason).toBeNull();
    expect(o.db.pragma('journal_mode', { simple: true })).toBe('wal');
    expect(o.db.pragma('user_version', { simple: true })).toBe(SCHEMA_VERSION);
    expect(JSON.parse(fs.readFileSync(lockPathFor(ws.file('a.bieu')), 'utf8'))).toMatchObject({
      user: 'thongke',
      pid: process.pid,
    });
  });

  it('read-only with the reason: edited elsewhere, or from a newer Biểu', () => {
    createDocumentFile(ws.file('a.bieu'), [table]);
    fs.writeFileSync(
      lockPathFor(ws.file('a.bieu')),
      JSON.stringify({
        pid: 7,
        host: `khac-${os.hostname()}`,
        user: 'ketoan',
        time: '',
        token: 't',
      }),
    );
    expect(keep(openDocumentFile(ws.file('a.bieu'), 'thongke', undefined)).readOnlyReason).toBe(
      `Tài liệu đang được mở để sửa ở nơi khác (máy khac-${os.hostname()}, người dùng ketoan, tiến trình 7); chỉ mở để xem.`,
    );
    fs.rmSync(lockPathFor(ws.file('a.bieu')));
    const raw = new Database(ws.file('a.bieu'));
    raw.pragma(`user_version = ${SCHEMA_VERSION + 1}`);
    raw.close();
    expect(keep(openDocumentFile(ws.file('a.bieu'), 'thongke', undefined)).readOnlyReason).toBe(
      `Tài liệu được tạo bởi phiên bản Biểu mới hơn (lược đồ ${SCHEMA_VERSION + 1}); chỉ mở để xem.`,
    );
  });

  it('a read-only copy changes nothing, and its copy goes when disposed', () => {
    createDocumentFile(ws.file('a.bieu'), [table]);
    const hash = sha256(ws.file('a.bieu'));
    const o = keep(openReadOnlyCopyFile(ws.file('a.bieu'), 'thongke'));
    expect(o.readOnlyReason).toBe('Tài liệu chỉ được mở để đọc; tệp không thay đổi.');
    expect(o.db.prepare('SELECT name FROM tables').pluck().all()).toEqual(['Biểu 1']);
    const copy = o.db.name;
    expect(fs.existsSync(copy)).toBe(true);
    expect(listDir(ws.dir)).toEqual(['a.bieu']);
    expect(sha256(ws.file('a.bieu'))).toBe(hash);
    opened.splice(0).forEach((x) => (x.db.close(), x.dispose?.()));
    expect(fs.existsSync(copy)).toBe(false);
  });
});
