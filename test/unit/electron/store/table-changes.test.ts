/**
 * A structural change recorded as the difference of two snapshots: nothing for the same table,
 * only what differs for a rename, and written either way over a real SQLite database — forward
 * it gives the new table, backward the old one, what Biểu inferred included.
 */
import { describe, expect, it } from 'vitest';
import { tableChange, writeTableChanges } from '../../../../electron/store/table-changes';
import { migrate } from '../../../../electron/store/schema';
import { openDatabase } from '../../../../electron/store/sqlite';
import { readTable } from '../../../../electron/store/table-snapshot';
import { snapshot } from '../../helpers/snapshot';

function database() {
  const db = openDatabase(':memory:');
  db.pragma('foreign_keys = ON');
  migrate(db);
  return db;
}

const before = snapshot(
  'Dân số',
  [{ cells: ['Xã Lộc Hòa', 200, 120, 80] }, { role: 'total', cells: ['Cộng', 200, 120, 80] }],
  { columns: [{}, { formula: '2+3', formulaBasis: 'inferred' }] },
);
before.rows[1].roleBasis = 'inferred';

describe('a table change', () => {
  it('is nothing for the same table, and only the header for a rename', () => {
    expect(tableChange({ from: before, to: structuredClone(before) })).toBeNull();
    const renamed = tableChange({ from: before, to: { ...before, name: 'Dân số 2024' } })!;
    expect(renamed.to).toEqual({
      name: 'Dân số 2024',
      title: '',
      unit: '',
      position: 0,
      cells: [],
    });
  });

  it('writes a new table, then a change and its reverse', () => {
    const db = database();
    writeTableChanges(db, [tableChange({ from: null, to: before })!]);
    expect(readTable(db, before.id)).toEqual(before);

    // A person confirms the formula, sets the total row's role and changes a figure.
    const after = structuredClone(before);
    delete after.columns[1].formulaBasis;
    delete after.rows[1].roleBasis;
    after.rows[0].cells[2] = 121;
    const change = tableChange({ from: before, to: after })!;
    expect(change.to!.cells).toEqual([[before.rows[0].id, before.columns[2].id, 121]]);
    writeTableChanges(db, [change]);
    expect(readTable(db, before.id)).toEqual(after);

    writeTableChanges(db, [{ tableId: change.tableId, from: change.to, to: change.from }]);
    expect(readTable(db, before.id)).toEqual(before);
    db.close();
  });
});
