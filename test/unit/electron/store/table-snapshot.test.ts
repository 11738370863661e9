/**
 * Reading a table back as one value, in the model's shape: its columns and rows in order, its
 * cells under them, the basis of a formula or a role only where Biểu inferred it; and ids that
 * are never handed out twice.
 */
import { describe, expect, it } from 'vitest';
import { tableChange, writeTableChanges } from '../../../../electron/store/table-changes';
import { migrate } from '../../../../electron/store/schema';
import { openDatabase } from '../../../../electron/store/sqlite';
import { allocateIds, readTable, readTableOrder } from '../../../../electron/store/table-snapshot';
import { snapshot } from '../../helpers/snapshot';

describe('a table snapshot', () => {
  it('reads what was written, in the model shape, and nothing for an unknown id', () => {
    const db = openDatabase(':memory:');
    migrate(db);
    const t = snapshot('Dân số', [{ cells: ['Xã Lộc Hòa', 'khoảng 150', null] }], { position: 3 });
    t.rows[0].roleBasis = 'inferred';
    writeTableChanges(db, [tableChange({ from: null, to: t })!]);
    const read = readTable(db, t.id)!;
    expect(read).toEqual(t);
    expect(Object.keys(read.columns[1])).toEqual([
      'id',
      'code',
      'label',
      'headerPath',
      'type',
      'decimals',
      'formula',
    ]);
    expect(Object.keys(read.rows[0])).toEqual(['id', 'role', 'roleBasis', 'unitKey', 'cells']);
    expect(readTable(db, 99)).toBeNull();
    expect(readTableOrder(db)).toEqual([[t.id, 3]]);
    db.close();
  });

  it('hands out ids above any ever used, even after the item is gone', () => {
    const db = openDatabase(':memory:');
    migrate(db);
    const first = allocateIds(db, 'rows', 3);
    expect(allocateIds(db, 'rows', 1)).toBe(first + 3);
    expect(allocateIds(db, 'columns', 1)).toBe(1);
    db.close();
  });
});
