/**
 * The document schema and its migrations.
 *
 * A .bieu file says what it is in its SQLite header: `application_id` is Biểu's number, so
 * Biểu can tell its documents from any other SQLite file without guessing from table names, and
 * `user_version` is the schema version, so a newer document is recognised before it is misread.
 *
 * Migrations are an ordered list of SQL steps. A step is never edited once released: a change
 * to the schema is a new step appended at the end, so every document, however old, reaches the
 * current version by running the steps it has not seen, in order, in one transaction.
 */
import { CELL_CHECKSUM_SQL } from './cell-checksum';
import { CELL_SOURCES_SQL } from './cell-sources';
import type { Db } from './sqlite';

/** "BIEU" in ASCII (0x42 0x49 0x45 0x55), written at byte 68 of every document's header. */
export const BIEU_APPLICATION_ID = 0x42494555;

interface Migration {
  /** The user_version the document has after this step. */
  version: number;
  description: string;
  sql: string;
}

export const MIGRATIONS: readonly Migration[] = [
  {
    version: 1,
    description: 'Bảng, cột, dòng, ô, siêu dữ liệu và nhật ký sửa',
    sql: `
      -- Document metadata (agency, office, report number and date, reference date, signers…)
      -- as key/value pairs, so later features add keys without a migration.
      CREATE TABLE meta (
        key   TEXT PRIMARY KEY,
        value TEXT NOT NULL
      );

      CREATE TABLE tables (
        id       INTEGER PRIMARY KEY,
        name     TEXT NOT NULL UNIQUE,
        title    TEXT NOT NULL DEFAULT '',
        unit     TEXT NOT NULL DEFAULT '',
        position INTEGER NOT NULL
      );

      CREATE TABLE columns (
        id          INTEGER PRIMARY KEY,
        table_id    INTEGER NOT NULL REFERENCES tables(id) ON DELETE CASCADE,
        position    INTEGER NOT NULL,
        code        TEXT NOT NULL,
        label       TEXT NOT NULL,
        header_path TEXT NOT NULL DEFAULT '[]' CHECK (json_valid(header_path)),
        type        TEXT NOT NULL CHECK (type IN ('integer', 'decimal', 'percent', 'text')),
        decimals    INTEGER NOT NULL DEFAULT 0,
        formula     TEXT,
        UNIQUE (table_id, position)
      );

      CREATE TABLE rows (
        id       INTEGER PRIMARY KEY,
        table_id INTEGER NOT NULL REFERENCES tables(id) ON DELETE CASCADE,
        position INTEGER NOT NULL,
        role     TEXT NOT NULL CHECK (role IN ('group', 'detail', 'subtotal', 'total')),
        unit_key TEXT,
        UNIQUE (table_id, position)
      );

      -- One row per non-empty cell. A number lives in num (REAL); anything else the user typed
      -- lives in text exactly as typed, never coerced. An empty cell has no row.
      CREATE TABLE cells (
        row_id    INTEGER NOT NULL REFERENCES rows(id) ON DELETE CASCADE,
        column_id INTEGER NOT NULL REFERENCES columns(id) ON DELETE CASCADE,
        num       REAL,
        text      TEXT,
        PRIMARY KEY (row_id, column_id),
        CHECK ((num IS NULL) <> (text IS NULL))
      ) WITHOUT ROWID;

      -- The edit log: one batch per user action. It drives undo/redo across restarts and stays
      -- as an audit trail: a batch whose redo chain was cut is marked discarded, never deleted.
      CREATE TABLE edit_batches (
        id    INTEGER PRIMARY KEY,
        time  TEXT NOT NULL,
        user  TEXT NOT NULL,
        label TEXT,
        state TEXT NOT NULL CHECK (state IN ('done', 'undone', 'discarded'))
      );
      CREATE INDEX edit_batches_state ON edit_batches(state, id);

      -- row_id/column_id carry no foreign key on purpose: the audit trail outlives the cells.
      CREATE TABLE edits (
        id        INTEGER PRIMARY KEY,
        batch_id  INTEGER NOT NULL REFERENCES edit_batches(id) ON DELETE CASCADE,
        row_id    INTEGER NOT NULL,
        column_id INTEGER NOT NULL,
        old_num   REAL,
        old_text  TEXT,
        new_num   REAL,
        new_text  TEXT
      );
      CREATE INDEX edits_batch ON edits(batch_id);
    `,
  },
  {
    version: 2,
    description: 'Thay đổi cấu trúc trong nhật ký sửa (hoàn tác được) và mã số không dùng lại',
    sql: `
      -- The structural part of an edit batch (table/column/row operations, table order,
      -- metadata). kind 'table': the whole table (structure and cells, ids kept) before and
      -- after, NULL when the table did not exist on that side. kind 'order': [[tableId,
      -- position], …] of every table. kind 'meta': {key: value | null} of the keys changed.
      CREATE TABLE structure_changes (
        id       INTEGER PRIMARY KEY,
        batch_id INTEGER NOT NULL REFERENCES edit_batches(id) ON DELETE CASCADE,
        kind     TEXT NOT NULL CHECK (kind IN ('table', 'order', 'meta')),
        table_id INTEGER,
        before   TEXT CHECK (before IS NULL OR json_valid(before)),
        after    TEXT CHECK (after IS NULL OR json_valid(after)),
        CHECK ((kind = 'table') = (table_id IS NOT NULL))
      );
      CREATE INDEX structure_changes_batch ON structure_changes(batch_id);

      -- The table of an edited cell, kept so the history can name it after the row is gone.
      ALTER TABLE edits ADD COLUMN table_id INTEGER;
      UPDATE edits SET table_id = (SELECT r.table_id FROM rows r WHERE r.id = edits.row_id);

      -- The highest id ever handed out per kind (tables, columns, rows). SQLite reuses the
      -- largest rowid once it is deleted; an id named by the edit log must never come back as
      -- a different column or row.
      CREATE TABLE id_sequences (
        name TEXT PRIMARY KEY,
        last INTEGER NOT NULL
      );
      INSERT INTO id_sequences (name, last)
        SELECT 'tables', coalesce(max(id), 0) FROM tables
        UNION ALL SELECT 'columns', max(coalesce((SELECT max(id) FROM columns), 0),
                                        coalesce((SELECT max(column_id) FROM edits), 0))
        UNION ALL SELECT 'rows', max(coalesce((SELECT max(id) FROM rows), 0),
                                     coalesce((SELECT max(row_id) FROM edits), 0));
    `,
  },
  {
    version: 3,
    description: 'Quy tắc của tài liệu: liên kết giữa các biểu, quy tắc tự nhập, quy tắc đã tắt',
    sql: `
      -- Links between a column of one table and a column of another (or the same): 'accepted'
      -- links are rules of the document; 'dismissed' ones are proposals not to make again.
      -- Tables and columns by id, without foreign keys: a link outlives a deleted table (it is
      -- reported as a rule that cannot be checked) and works again when the deletion is undone.
      CREATE TABLE links (
        id             INTEGER PRIMARY KEY AUTOINCREMENT,
        from_table_id  INTEGER NOT NULL,
        from_column_id INTEGER NOT NULL,
        to_table_id    INTEGER NOT NULL,
        to_column_id   INTEGER NOT NULL,
        state          TEXT NOT NULL CHECK (state IN ('accepted', 'dismissed')),
        UNIQUE (from_table_id, from_column_id, to_table_id, to_column_id)
      );

      -- Rules typed in the column-code notation ("6 = 1+2", "B2.6 = B1.11"): in a table (its
      -- codes need no table name) or, with table_id NULL, in the document.
      CREATE TABLE user_rules (
        id       INTEGER PRIMARY KEY AUTOINCREMENT,
        table_id INTEGER,
        text     TEXT NOT NULL,
        position INTEGER NOT NULL
      );

      -- Rules turned off in the rules view, by id: "<table id>/code-row:1", "link:3", "user:5".
      CREATE TABLE disabled_rules (
        rule_id TEXT PRIMARY KEY
      ) WITHOUT ROWID;

      -- A change of these rules is part of an edit batch (undoable): kind 'rules', one record
      -- per changed row, {entity, …row} before and after (NULL: no such row on that side).
      -- SQLite cannot widen a CHECK constraint: the table is rebuilt with the new kind.
      CREATE TABLE structure_changes_v3 (
        id       INTEGER PRIMARY KEY,
        batch_id INTEGER NOT NULL REFERENCES edit_batches(id) ON DELETE CASCADE,
        kind     TEXT NOT NULL CHECK (kind IN ('table', 'order', 'meta', 'rules')),
        table_id INTEGER,
        before   TEXT CHECK (before IS NULL OR json_valid(before)),
        after    TEXT CHECK (after IS NULL OR json_valid(after)),
        CHECK ((kind = 'table') = (table_id IS NOT NULL))
      );
      INSERT INTO structure_changes_v3 (id, batch_id, kind, table_id, before, after)
        SELECT id, batch_id, kind, table_id, before, after FROM structure_changes;
      DROP TABLE structure_changes;
      ALTER TABLE structure_changes_v3 RENAME TO structure_changes;
      CREATE INDEX structure_changes_batch ON structure_changes(batch_id);
    `,
  },
  {
    version: 4,
    description: 'Tổng kiểm của các ô, để biết khi số liệu trong tệp bị hỏng',
    // A checksum row and the triggers that keep it: cell-checksum.ts.
    sql: CELL_CHECKSUM_SQL,
  },
  {
    version: 5,
    description: 'Công thức và vai trò dòng do Biểu nhận ra khi nhập, chưa ai xác nhận',
    sql: `
      -- Where a column's formula comes from: NULL when the table states it (its code row, or
      -- someone typed it), 'inferred' when Biểu found it in the figures on import. The checks
      -- believe an inferred formula only as far as the figures keep establishing it.
      ALTER TABLE columns ADD COLUMN formula_basis TEXT
        CHECK (formula_basis IS NULL OR formula_basis = 'inferred');
      -- Where a row's role comes from: NULL when someone set it, 'inferred' when the importer
      -- read it from a label ("Cộng", "Toàn huyện").
      ALTER TABLE rows ADD COLUMN role_basis TEXT
        CHECK (role_basis IS NULL OR role_basis = 'inferred');
    `,
  },
  {
    version: 6,
    description: 'Nguồn của số liệu tổng hợp từ tệp các đơn vị gửi về (tệp, trang, ô, lúc nào)',
    // The table and how a cell's source is read: cell-sources.ts.
    sql: CELL_SOURCES_SQL,
  },
];

/** The schema version this build of Biểu writes and fully understands. */
export const SCHEMA_VERSION = MIGRATIONS[MIGRATIONS.length - 1].version;

export function readApplicationId(db: Db): number {
  return db.pragma('application_id', { simple: true }) as number;
}

export function readSchemaVersion(db: Db): number {
  return db.pragma('user_version', { simple: true }) as number;
}

/**
 * Bring a document to the latest version of `migrations`: every step newer than its
 * user_version, then the new user_version, all in one transaction — a failing step leaves the
 * document exactly as it was. Returns the versions before and after.
 */
export function migrate(
  db: Db,
  migrations: readonly Migration[] = MIGRATIONS,
): { from: number; to: number } {
  migrations.forEach((m, i) => {
    if (!Number.isInteger(m.version) || m.version <= (i === 0 ? 0 : migrations[i - 1].version)) {
      throw new Error(`Migrations must have strictly increasing positive versions (at ${i})`);
    }
  });
  const latest = migrations.length ? migrations[migrations.length - 1].version : 0;
  const from = readSchemaVersion(db);
  if (from > latest) {
    throw new Error(`Schema version ${from} is newer than this build knows (${latest})`);
  }
  if (from === latest) return { from, to: latest };
  // Immediate: the write lock from the start, waited for if another process holds it.
  db.transaction(() => {
    // Set inside the transaction too, so a document is never half-marked as Biểu's.
    db.pragma(`application_id = ${BIEU_APPLICATION_ID}`);
    for (const m of migrations) {
      if (m.version <= from) continue;
      db.exec(m.sql);
      db.pragma(`user_version = ${m.version}`);
    }
  }).immediate();
  return { from, to: latest };
}
