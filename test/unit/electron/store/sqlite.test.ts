/**
 * The one way the store opens SQLite: a read-only open refuses a missing file and cannot change
 * the document, and every connection can compute the cell checksum the schema's triggers call.
 */
import fs from 'node:fs';
import { describe, expect, it } from 'vitest';
import { cellHash } from '../../../../electron/store/cell-checksum';
import { BUSY_TIMEOUT_MS, openDatabase } from '../../../../electron/store/sqlite';
import { listDir, sha256, useWorkspace } from '../../helpers/store-helpers';

const ws = useWorkspace();

describe('openDatabase', () => {
  it('refuses a missing file when reading, instead of making an empty database', () => {
    expect(() => openDatabase(ws.file('khong-co.bieu'), { readonly: true })).toThrow();
    expect(() => openDatabase(ws.file('khong-co.bieu'), { mustExist: true })).toThrow();
    expect(listDir(ws.dir)).toEqual([]);
    const created = openDatabase(ws.file('moi.db'));
    created.close();
    expect(listDir(ws.dir)).toEqual(['moi.db']);
  });

  it('reads a document without changing a byte of it', () => {
    ws.createSample('mau.bieu').close();
    const hash = sha256(ws.file('mau.bieu'));
    const db = openDatabase(ws.file('mau.bieu'), { readonly: true });
    expect(db.readonly).toBe(true);
    expect((db.prepare('SELECT count(*) AS n FROM tables').get() as { n: number }).n).toBe(2);
    expect(() => db.exec('CREATE TABLE x (y)')).toThrow();
    db.close();
    expect(sha256(ws.file('mau.bieu'))).toBe(hash);
  });

  it('waits for another writer for a while, and computes the cell checksum in SQL', () => {
    const db = openDatabase(ws.file('moi.db'));
    expect(db.pragma('busy_timeout', { simple: true })).toBe(BUSY_TIMEOUT_MS);
    const hash = db.prepare(`SELECT bieu_cell_hash(3, 2, 1380, NULL) AS h`).get() as { h: number };
    expect(hash.h).toBe(cellHash(3, 2, 1380, null));
    db.close();
    expect(fs.existsSync(ws.file('moi.db'))).toBe(true);
  });
});
