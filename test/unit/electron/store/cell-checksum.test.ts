/**
 * The checksum of a document's cells: the hash tells apart what a user would (5 and "5", two
 * cells swapped, a figure with one bit flipped), and the sum the file keeps stays true through
 * every way of writing a cell, so only damage makes it disagree.
 */
import { describe, expect, it } from 'vitest';
import Database from 'better-sqlite3';
import { cellChecksumHolds, cellHash } from '../../../../electron/store/cell-checksum';
import { migrate, MIGRATIONS } from '../../../../electron/store/schema';
import { openDatabase } from '../../../../electron/store/sqlite';
import { useSampleWriter } from '../../helpers/writer';

const { writer } = useSampleWriter();

describe('the hash of a cell', () => {
  it('differs for a different value, kind, or place', () => {
    const base = cellHash(5, 7, 19207, null);
    expect(cellHash(5, 7, 65820, null)).not.toBe(base);
    expect(cellHash(5, 7, 19207 + 2 ** -38, null)).not.toBe(base); // the last bits of a double
    expect(cellHash(5, 7, null, '19207')).not.toBe(base);
    expect(cellHash(7, 5, 19207, null)).not.toBe(base);
    expect(cellHash(5, 7, 19207, null)).toBe(base);
    expect(base).toBeGreaterThanOrEqual(0);
    expect(base).toBeLessThan(2 ** 32);
  });
});

describe('the checksum a document keeps', () => {
  it('stays true through writes, updates and rows removed with their cells', () => {
    const w = writer();
    expect(cellChecksumHolds(w.db)).toBe(true);
    const cell = w.db.prepare('SELECT row_id, column_id FROM cells LIMIT 1').get() as {
      row_id: number;
      column_id: number;
    };
    w.db
      .prepare('UPDATE cells SET num = 4039, text = NULL WHERE row_id = ? AND column_id = ?')
      .run(cell.row_id, cell.column_id);
    w.db.prepare('DELETE FROM rows WHERE id = ?').run(cell.row_id); // cascades to its cells
    expect(cellChecksumHolds(w.db)).toBe(true);
  });

  it('disagrees when a cell changed behind it', () => {
    const w = writer();
    w.db.exec('DROP TRIGGER cell_checksum_update');
    // One figure changed where the triggers do not see it (cells is WITHOUT ROWID: by its key).
    w.db.exec(
      `UPDATE cells SET num = num + 1
        WHERE (row_id, column_id) = (SELECT row_id, column_id FROM cells WHERE num IS NOT NULL LIMIT 1)`,
    );
    expect(cellChecksumHolds(w.db)).toBe(false);
  });

  it('is not there in a document from before it (schema version 3)', () => {
    const db = openDatabase(':memory:');
    migrate(
      db,
      MIGRATIONS.filter((m) => m.version <= 3),
    );
    expect(cellChecksumHolds(db)).toBeNull();
    db.close();
  });

  it('is written by no one who does not know the hash: another tool cannot change a cell', () => {
    const w = writer();
    w.close();
    const raw = new Database(w.docPath);
    expect(() => raw.exec('UPDATE cells SET num = 1')).toThrow(/bieu_cell_hash/);
    raw.close();
  });
});
