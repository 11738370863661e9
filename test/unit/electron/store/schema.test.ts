/**
 * The step that keeps where a formula or a row's role comes from: a document made before it
 * opens, reaches the current schema with everything it said still stated by its author, and
 * from then on keeps what Biểu inferred on import apart from what a person stated.
 */
import Database from 'better-sqlite3';
import { describe, expect, it } from 'vitest';
import { DocumentStore } from '../../../../electron/store/document-store';
import { MIGRATIONS, SCHEMA_VERSION, migrate } from '../../../../electron/store/schema';
import { openDatabase } from '../../../../electron/store/sqlite';
import { useWorkspace } from '../../helpers/store-helpers';

const ws = useWorkspace();

/** A document of schema version 4: one table whose code row says "1=2+3", and a total row. */
function versionFourDocument(file: string): void {
  const db = openDatabase(file);
  migrate(
    db,
    MIGRATIONS.filter((m) => m.version <= 4),
  );
  db.exec(`
    INSERT INTO tables (id, name, title, unit, position) VALUES (1, 'Dân số', '', 'người', 0);
    INSERT INTO columns (id, table_id, position, code, label, type, formula) VALUES
      (1, 1, 0, 'B', 'Tên xã', 'text', NULL),
      (2, 1, 1, '1', 'Tổng số', 'integer', '2+3'),
      (3, 1, 2, '2', 'Nam', 'integer', NULL),
      (4, 1, 3, '3', 'Nữ', 'integer', NULL);
    INSERT INTO rows (id, table_id, position, role) VALUES (1, 1, 0, 'detail'), (2, 1, 1, 'total');
    INSERT INTO cells (row_id, column_id, num, text) VALUES
      (1, 1, NULL, 'Xã An Bình'), (1, 2, 5, NULL), (1, 3, 2, NULL), (1, 4, 3, NULL),
      (2, 1, NULL, 'Tổng cộng'), (2, 2, 5, NULL), (2, 3, 2, NULL), (2, 4, 3, NULL);
  `);
  expect(db.pragma('user_version', { simple: true })).toBe(4);
  db.close();
}

describe('schema version 5', () => {
  it('upgrades a version-4 document: its formulas and roles stay stated by the author', () => {
    const file = ws.file('phien-ban-4.bieu');
    versionFourDocument(file);

    const store = ws.track(DocumentStore.open(file, { user: 'thongke' }));
    expect(store.info().readOnly).toBe(false);
    const table = store.tableByName('Dân số')!;
    expect(table.columns[1]).toEqual({
      id: 2,
      code: '1',
      label: 'Tổng số',
      headerPath: [],
      type: 'integer',
      decimals: 0,
      formula: '2+3',
    });
    expect(table.rows.map((r) => [r.role, r.roleBasis])).toEqual([
      ['detail', undefined],
      ['total', undefined],
    ]);
    store.close();

    const check = new Database(file, { readonly: true });
    expect(check.pragma('user_version', { simple: true })).toBe(SCHEMA_VERSION);
    expect(check.prepare(`SELECT formula_basis FROM columns WHERE id = 2`).pluck().get()).toBe(
      null,
    );
    check.close();
  });

  it('keeps an inferred basis in the file, and refuses any other word for it', () => {
    const file = ws.file('suy-ra.bieu');
    const store = ws.track(
      DocumentStore.create(file, [
        {
          name: 'Dân số',
          columns: [
            { code: 'B', label: 'Tên xã', type: 'text' },
            {
              code: '1',
              label: 'Tổng số',
              type: 'integer',
              formula: '2+3',
              formulaBasis: 'inferred',
            },
            { code: '2', label: 'Nam', type: 'integer' },
            { code: '3', label: 'Nữ', type: 'integer' },
          ],
          rows: [
            { role: 'detail', cells: ['Xã An Bình', 5, 2, 3] },
            { role: 'total', roleBasis: 'inferred', cells: ['Tổng cộng', 5, 2, 3] },
          ],
        },
      ]),
    );
    store.close();

    const db = new Database(file);
    expect(db.prepare(`SELECT formula_basis FROM columns ORDER BY position`).pluck().all()).toEqual(
      [null, 'inferred', null, null],
    );
    expect(db.prepare(`SELECT role_basis FROM rows ORDER BY position`).pluck().all()).toEqual([
      null,
      'inferred',
    ]);
    expect(() => db.prepare(`UPDATE rows SET role_basis = 'guessed'`).run()).toThrow(/CHECK/);
    db.close();
  });
});
