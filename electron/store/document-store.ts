/**
 * One open Biểu document: a single SQLite file (*.bieu) holding its tables, their cells, its
 * metadata and the edit log (DESIGN.md, "Storage rules").
 *
 * Every user action is one transaction, so what the UI has shown as saved is on disk (WAL,
 * synchronous=FULL), and a failed action leaves nothing half-done. Undo and redo read the edit
 * log in the file, so they work the same after the document is closed and reopened.
 */
import fs from 'node:fs';
import os from 'node:os';
import path from 'node:path';
import { UserError, type ChangeSet, type CellEdit, type DocumentInfo } from '../../shared/api';
import type { CellValue, Column, Row, RowRole, Table, TableSummary } from '../../shared/model';
import { decodeCell, encodeCell, normaliseCellValue, sameCellValue } from './cell-values';
import { assertDocumentFile } from './document-file';
import {
  batchEdits,
  discardRedoChain,
  nextRedoBatch,
  nextUndoBatch,
  readHistory,
  recordBatch,
  setBatchState,
  type CellChange,
  type EditBatch,
} from './edit-log';
import { describeIssues, newTableSchema, type NewTable, type NewTableInput } from './new-table';
import {
  BIEU_APPLICATION_ID,
  SCHEMA_VERSION,
  migrate,
  readApplicationId,
  readSchemaVersion,
} from './schema';
import { openDatabase, type Db } from './sqlite';

export interface StoreOptions {
  /** Who is editing, for the edit log; defaults to the operating-system user name. */
  user?: string;
}

/** Well-known metadata keys; any other key may be stored as well (see setMeta). */
export const META_KEYS = {
  agency: 'agency', // Cơ quan chủ quản, e.g. "ỦY BAN NHÂN DÂN HUYỆN LỘC NINH"
  office: 'office', // Đơn vị lập biểu
  reportNumber: 'reportNumber', // "123/BC-UBND"
  reportDate: 'reportDate', // ISO date of the report
  referenceDate: 'referenceDate', // "Tính đến ngày …", ISO date
  place: 'place', // Địa danh under the table ("Lộc Ninh")
  preparer: 'preparer', // Người lập biểu
  head: 'head', // Thủ trưởng đơn vị
} as const;

export class DocumentStore {
  private db: Db | null;

  private constructor(
    db: Db,
    private filePath: string,
    private readOnlyReason: string | null,
    private readonly user: string,
  ) {
    this.db = db;
  }

  // ---------------------------------------------------------------- opening and closing

  /**
   * Create a new document with the given tables. Refuses an existing path: a document is never
   * written over. The file is built under a temporary name and moved into place when complete,
   * so a failure leaves no half-made document behind.
   */
  static create(
    filePath: string,
    tables: readonly NewTableInput[],
    options: StoreOptions = {},
  ): DocumentStore {
    const target = path.resolve(filePath);
    const name = path.basename(target);
    if (fs.existsSync(target)) {
      throw new UserError(`Tệp «${name}» đã có; Biểu không ghi đè lên tệp có sẵn.`, 'bad-input');
    }
    const parsed = parseNewTables(tables, []);
    const tmp = temporarySibling(target);
    let db: Db | null = null;
    try {
      db = openDatabase(tmp);
      db.pragma('foreign_keys = ON');
      // Still in rollback-journal mode here, so application_id lands in the main file's header
      // (document-file.ts relies on that); open() below switches the finished file to WAL.
      migrate(db);
      const writer = db;
      writer.transaction(() => insertTables(writer, parsed, 0))();
      db.close();
      db = null;
      placeNewFile(tmp, target);
    } catch (err) {
      db?.close();
      removeQuietly(tmp, `${tmp}-journal`);
      if (err instanceof UserError) throw err;
      throw new UserError(`Không tạo được tài liệu «${name}»: ${(err as Error).message}`, 'failed');
    }
    return DocumentStore.open(target, options);
  }

  /**
   * Open an existing document. A file that is not a Biểu document is refused (UserError
   * 'not-a-document') without being written to; a document from a newer Biểu opens read-only; an
   * older one is migrated in one transaction.
   */
  static open(filePath: string, options: StoreOptions = {}): DocumentStore {
    const resolved = path.resolve(filePath);
    const name = path.basename(resolved);
    const user = options.user ?? osUserName();
    assertDocumentFile(resolved);

    // The header looked right; confirm through SQLite itself, still read-only.
    let probe: Db;
    let applicationId: number;
    let version: number;
    try {
      probe = openDatabase(resolved, { readonly: true });
    } catch {
      throw new UserError(`Không mở được tệp «${name}» như một tài liệu Biểu.`, 'not-a-document');
    }
    try {
      applicationId = readApplicationId(probe);
      version = readSchemaVersion(probe);
      probe.prepare('SELECT count(*) FROM sqlite_master').get();
    } catch {
      probe.close();
      throw new UserError(
        `Tệp «${name}» bị hỏng hoặc không đọc được như một tài liệu Biểu.`,
        'not-a-document',
      );
    }
    if (applicationId !== BIEU_APPLICATION_ID) {
      probe.close();
      throw new UserError(
        `Tệp «${name}» là cơ sở dữ liệu SQLite nhưng không phải là tài liệu Biểu.`,
        'not-a-document',
      );
    }
    if (version > SCHEMA_VERSION) {
      // Writing with an older schema in mind could corrupt what the newer Biểu stored; reading
      // is still useful, so keep the read-only connection.
      return new DocumentStore(
        probe,
        resolved,
        `Tài liệu được tạo bởi phiên bản Biểu mới hơn (lược đồ ${version}); chỉ mở để xem.`,
        user,
      );
    }
    probe.close();

    if (!isWritable(resolved)) {
      if (version < SCHEMA_VERSION) {
        throw new UserError(
          `Tài liệu «${name}» cần được nâng cấp lên phiên bản lược đồ ${SCHEMA_VERSION} nhưng tệp không ghi được.`,
          'read-only',
        );
      }
      return new DocumentStore(
        openDatabase(resolved, { readonly: true }),
        resolved,
        `Không có quyền ghi vào tệp «${name}» hoặc thư mục chứa nó; chỉ mở để xem.`,
        user,
      );
    }

    const db = openDatabase(resolved, { mustExist: true });
    try {
      db.pragma('foreign_keys = ON');
      db.pragma('journal_mode = WAL');
      // WAL's default NORMAL may lose the last commits on power loss; FULL keeps the promise
      // that what the UI has shown as saved is on disk.
      db.pragma('synchronous = FULL');
      migrate(db);
    } catch (err) {
      db.close();
      throw new UserError(`Không mở được tài liệu «${name}»: ${(err as Error).message}`, 'failed');
    }
    return new DocumentStore(db, resolved, null, user);
  }

  /** Close the file (SQLite checkpoints the WAL into it). Safe to call twice. */
  close(): void {
    this.db?.close();
    this.db = null;
  }

  get path(): string {
    return this.filePath;
  }

  get readOnly(): boolean {
    return this.readOnlyReason !== null;
  }

  info(): DocumentInfo {
    return {
      path: this.filePath,
      name: path.basename(this.filePath),
      readOnly: this.readOnly,
      readOnlyReason: this.readOnlyReason,
      tables: this.listTables(),
      canUndo: this.canUndo(),
      canRedo: this.canRedo(),
    };
  }

  // ---------------------------------------------------------------- reading tables

  listTables(): TableSummary[] {
    return this.conn
      .prepare(
        `SELECT t.id, t.name,
                (SELECT count(*) FROM rows r WHERE r.table_id = t.id) AS rowCount,
                (SELECT count(*) FROM columns c WHERE c.table_id = t.id) AS columnCount
           FROM tables t ORDER BY t.position, t.id`,
      )
      .all() as TableSummary[];
  }

  getTable(tableId: number): Table {
    const db = this.conn;
    const table = db
      .prepare(`SELECT id, name, title, unit FROM tables WHERE id = ?`)
      .get(tableId) as { id: number; name: string; title: string; unit: string } | undefined;
    if (!table) {
      throw new UserError(
        `Không tìm thấy bảng số ${tableId} trong tài liệu «${path.basename(this.filePath)}».`,
        'not-found',
      );
    }
    const columns = (
      db
        .prepare(
          `SELECT id, code, label, header_path, type, decimals, formula
             FROM columns WHERE table_id = ? ORDER BY position`,
        )
        .all(tableId) as (Omit<Column, 'headerPath'> & { header_path: string })[]
    ).map(({ header_path, ...c }) => ({ ...c, headerPath: JSON.parse(header_path) as string[] }));
    const columnIndex = new Map(columns.map((c, i) => [c.id, i]));

    const rows: Row[] = (
      db
        .prepare(`SELECT id, role, unit_key FROM rows WHERE table_id = ? ORDER BY position`)
        .all(tableId) as { id: number; role: RowRole; unit_key: string | null }[]
    ).map((r) => ({
      id: r.id,
      role: r.role,
      unitKey: r.unit_key,
      cells: new Array<CellValue>(columns.length).fill(null),
    }));
    const rowById = new Map(rows.map((r) => [r.id, r]));

    const cells = db
      .prepare(
        `SELECT c.row_id, c.column_id, c.num, c.text
           FROM cells c JOIN rows r ON r.id = c.row_id WHERE r.table_id = ?`,
      )
      .all(tableId) as {
      row_id: number;
      column_id: number;
      num: number | null;
      text: string | null;
    }[];
    for (const c of cells) {
      const row = rowById.get(c.row_id);
      const index = columnIndex.get(c.column_id);
      if (row && index !== undefined) row.cells[index] = decodeCell(c.num, c.text);
    }
    return { ...table, columns, rows };
  }

  tableByName(name: string): Table | null {
    const row = this.conn.prepare(`SELECT id FROM tables WHERE name = ?`).get(name) as
      { id: number } | undefined;
    return row ? this.getTable(row.id) : null;
  }

  // ---------------------------------------------------------------- changing the document

  /** Add tables after the existing ones (an import), in one transaction. */
  addTables(tables: readonly NewTableInput[]): TableSummary[] {
    this.assertWritable();
    const db = this.conn;
    const existing = (db.prepare(`SELECT name FROM tables`).all() as { name: string }[]).map(
      (r) => r.name,
    );
    const parsed = parseNewTables(tables, existing);
    const ids = db.transaction(() => {
      const { next } = db
        .prepare(`SELECT coalesce(max(position) + 1, 0) AS next FROM tables`)
        .get() as { next: number };
      return insertTables(db, parsed, next);
    })();
    return this.listTables().filter((t) => ids.includes(t.id));
  }

  /**
   * Set cells as one user action: one transaction, one edit batch. Every edit must name a
   * table, and a row and column of that same table; otherwise nothing is changed. Cells whose
   * value does not change are skipped (and if none changes, no batch is recorded). When a cell
   * appears twice, the last value wins. A new edit ends the redo chain.
   */
  setCells(edits: readonly CellEdit[], label?: string): ChangeSet {
    this.assertWritable();
    const db = this.conn;
    const applied = db.transaction((): { batchId: number | null; changes: CellEdit[] } => {
      const wanted = this.validateEdits(edits);
      const cells = cellAccess(db);
      const changes: (CellChange & { tableId: number })[] = [];
      for (const e of wanted) {
        const old = cells.read(e.rowId, e.columnId);
        if (sameCellValue(old, e.value)) continue;
        changes.push({
          tableId: e.tableId,
          rowId: e.rowId,
          columnId: e.columnId,
          oldValue: old,
          newValue: e.value,
        });
      }
      if (changes.length === 0) return { batchId: null, changes: [] };
      discardRedoChain(db);
      const batchId = recordBatch(
        db,
        { time: new Date().toISOString(), user: this.user, label: label ?? null },
        changes,
      );
      for (const c of changes) cells.write(c.rowId, c.columnId, c.newValue);
      return {
        batchId,
        changes: changes.map((c) => ({
          tableId: c.tableId,
          rowId: c.rowId,
          columnId: c.columnId,
          value: c.newValue,
        })),
      };
    })();
    return { ...applied, ...this.undoState(), structureChanged: [], tableListChanged: false };
  }

  private undoState(): { canUndo: boolean; canRedo: boolean } {
    return { canUndo: this.canUndo(), canRedo: this.canRedo() };
  }

  /** Revert the newest applied batch. */
  undo(): ChangeSet {
    return this.replay('undo');
  }

  /** Reapply the batch undone most recently. */
  redo(): ChangeSet {
    return this.replay('redo');
  }

  canUndo(): boolean {
    return !this.readOnly && nextUndoBatch(this.conn) !== null;
  }

  canRedo(): boolean {
    return !this.readOnly && nextRedoBatch(this.conn) !== null;
  }

  /** The newest `limit` edit batches, newest first, with their edits (the audit trail). */
  history(limit = 100): EditBatch[] {
    return readHistory(this.conn, limit);
  }

  getMeta(): Record<string, string> {
    const rows = this.conn.prepare(`SELECT key, value FROM meta ORDER BY key`).all() as {
      key: string;
      value: string;
    }[];
    return Object.fromEntries(rows.map((r) => [r.key, r.value]));
  }

  /** Set metadata keys (see META_KEYS); null removes a key. One transaction. */
  setMeta(entries: Record<string, string | null>): void {
    this.assertWritable();
    const db = this.conn;
    for (const [key, value] of Object.entries(entries)) {
      if (key.trim() === '')
        throw new UserError('Tên mục thông tin không được để trống.', 'bad-input');
      if (value !== null && typeof value !== 'string') {
        throw new UserError(`Giá trị của mục «${key}» phải là chữ.`, 'bad-input');
      }
    }
    const upsert = db.prepare(
      `INSERT INTO meta (key, value) VALUES (?, ?) ON CONFLICT(key) DO UPDATE SET value = excluded.value`,
    );
    const remove = db.prepare(`DELETE FROM meta WHERE key = ?`);
    db.transaction(() => {
      for (const [key, value] of Object.entries(entries)) {
        if (value === null) remove.run(key);
        else upsert.run(key, value);
      }
    })();
  }

  /**
   * Write a copy of the document (tables, metadata and edit log) to a new path and continue
   * working in the copy, as "Save as" does everywhere. Refuses an existing path. Allowed for a
   * read-only document too: it only reads it, and the copy keeps its schema version.
   */
  saveAs(filePath: string): void {
    const target = path.resolve(filePath);
    const name = path.basename(target);
    if (target === this.filePath) {
      throw new UserError(`«${name}» là tệp đang mở; hãy chọn một tên khác.`, 'bad-input');
    }
    if (fs.existsSync(target)) {
      throw new UserError(`Tệp «${name}» đã có; Biểu không ghi đè lên tệp có sẵn.`, 'bad-input');
    }
    const tmp = temporarySibling(target);
    try {
      // VACUUM INTO writes a consistent snapshot including what is still in the WAL.
      this.conn.prepare('VACUUM INTO ?').run(tmp);
      placeNewFile(tmp, target);
    } catch (err) {
      removeQuietly(tmp);
      if (err instanceof UserError) throw err;
      throw new UserError(`Không lưu được bản sao «${name}»: ${(err as Error).message}`, 'failed');
    }
    const copy = DocumentStore.open(target, { user: this.user });
    this.close();
    this.db = copy.db;
    this.filePath = copy.filePath;
    this.readOnlyReason = copy.readOnlyReason;
  }

  // ---------------------------------------------------------------- internals

  private get conn(): Db {
    if (!this.db) {
      throw new UserError(`Tài liệu «${path.basename(this.filePath)}» đã được đóng.`, 'failed');
    }
    return this.db;
  }

  private assertWritable(): void {
    if (this.readOnlyReason !== null) {
      throw new UserError(
        `Không thể sửa tài liệu «${path.basename(this.filePath)}»: ${this.readOnlyReason}`,
        'read-only',
      );
    }
  }

  /**
   * Check every edit before anything is written, naming the first bad one, and collapse repeated
   * cells to their last value (keeping first-seen order).
   */
  private validateEdits(edits: readonly CellEdit[]): CellEdit[] {
    const db = this.conn;
    const tables = new Map<number, { name: string; rows: Set<number>; columns: Set<number> }>();
    const tableInfo = (tableId: number) => {
      let t = tables.get(tableId);
      if (!t) {
        const row = db.prepare(`SELECT name FROM tables WHERE id = ?`).get(tableId) as
          { name: string } | undefined;
        if (!row) {
          throw new UserError(
            `Không tìm thấy bảng số ${tableId} trong tài liệu; không ô nào được ghi.`,
            'not-found',
          );
        }
        const ids = (sql: string) =>
          new Set((db.prepare(sql).all(tableId) as { id: number }[]).map((r) => r.id));
        t = {
          name: row.name,
          rows: ids(`SELECT id FROM rows WHERE table_id = ?`),
          columns: ids(`SELECT id FROM columns WHERE table_id = ?`),
        };
        tables.set(tableId, t);
      }
      return t;
    };

    const byCell = new Map<string, CellEdit>();
    for (const e of edits) {
      const t = tableInfo(e.tableId);
      if (!t.rows.has(e.rowId)) {
        throw new UserError(
          `Dòng số ${e.rowId} không có trong bảng «${t.name}»; không ô nào được ghi.`,
          'not-found',
        );
      }
      if (!t.columns.has(e.columnId)) {
        throw new UserError(
          `Cột số ${e.columnId} không có trong bảng «${t.name}»; không ô nào được ghi.`,
          'not-found',
        );
      }
      const value = normaliseCellValue(e.value);
      if (!value.ok) {
        throw new UserError(
          `Giá trị ghi vào bảng «${t.name}» (dòng số ${e.rowId}, cột số ${e.columnId}) không hợp lệ: ` +
            `một ô chỉ chứa số hữu hạn, chữ hoặc để trống; không ô nào được ghi.`,
          'bad-input',
        );
      }
      const key = `${e.rowId}:${e.columnId}`;
      byCell.delete(key);
      byCell.set(key, { ...e, value: value.value });
    }
    return [...byCell.values()];
  }

  private replay(direction: 'undo' | 'redo'): ChangeSet {
    this.assertWritable();
    const db = this.conn;
    const applied = db.transaction((): { batchId: number | null; changes: CellEdit[] } => {
      const batchId = direction === 'undo' ? nextUndoBatch(db) : nextRedoBatch(db);
      if (batchId === null) return { batchId: null, changes: [] };
      const edits = batchEdits(db, batchId);
      // Undo walks the batch backwards so the first old value of a cell is the one that stays.
      if (direction === 'undo') edits.reverse();
      const cells = cellAccess(db);
      const changes: CellEdit[] = [];
      for (const e of edits) {
        // A row or column removed since the edit has nothing left to restore.
        if (e.tableId === null) continue;
        const value = direction === 'undo' ? e.oldValue : e.newValue;
        cells.write(e.rowId, e.columnId, value);
        changes.push({ tableId: e.tableId, rowId: e.rowId, columnId: e.columnId, value });
      }
      setBatchState(db, batchId, direction === 'undo' ? 'undone' : 'done');
      return { batchId, changes };
    })();
    return { ...applied, ...this.undoState(), structureChanged: [], tableListChanged: false };
  }
}

// ------------------------------------------------------------------ helpers

function parseNewTables(tables: readonly NewTableInput[], existingNames: string[]): NewTable[] {
  const names = new Set(existingNames);
  return tables.map((input, i) => {
    const result = newTableSchema.safeParse(input);
    if (!result.success) {
      const label =
        typeof input?.name === 'string' && input.name ? `«${input.name}»` : `thứ ${i + 1}`;
      throw new UserError(
        `Bảng ${label} không hợp lệ — ${describeIssues(result.error)}`,
        'bad-input',
      );
    }
    if (names.has(result.data.name)) {
      throw new UserError(`Tài liệu đã có một bảng tên «${result.data.name}».`, 'bad-input');
    }
    names.add(result.data.name);
    return result.data;
  });
}

/** Insert tables with their columns, rows and non-empty cells; returns the new table ids. */
function insertTables(db: Db, tables: readonly NewTable[], firstPosition: number): number[] {
  const insertTable = db.prepare(
    `INSERT INTO tables (name, title, unit, position) VALUES (?, ?, ?, ?)`,
  );
  const insertColumn = db.prepare(
    `INSERT INTO columns (table_id, position, code, label, header_path, type, decimals, formula)
     VALUES (?, ?, ?, ?, ?, ?, ?, ?)`,
  );
  const insertRow = db.prepare(
    `INSERT INTO rows (table_id, position, role, unit_key) VALUES (?, ?, ?, ?)`,
  );
  const cells = cellAccess(db);
  return tables.map((t, ti) => {
    const tableId = Number(
      insertTable.run(t.name, t.title, t.unit, firstPosition + ti).lastInsertRowid,
    );
    const columnIds = t.columns.map((c, ci) =>
      Number(
        insertColumn.run(
          tableId,
          ci,
          c.code,
          c.label,
          JSON.stringify(c.headerPath),
          c.type,
          c.decimals,
          c.formula,
        ).lastInsertRowid,
      ),
    );
    t.rows.forEach((r, ri) => {
      const rowId = Number(insertRow.run(tableId, ri, r.role, r.unitKey).lastInsertRowid);
      r.cells.forEach((value, ci) => {
        const v = normaliseCellValue(value);
        if (v.ok && v.value !== null) cells.write(rowId, columnIds[ci], v.value);
      });
    });
    return tableId;
  });
}

/** Prepared reads and writes of single cells; an empty cell is an absent row. */
function cellAccess(db: Db) {
  const select = db.prepare(`SELECT num, text FROM cells WHERE row_id = ? AND column_id = ?`);
  const upsert = db.prepare(
    `INSERT INTO cells (row_id, column_id, num, text) VALUES (?, ?, ?, ?)
     ON CONFLICT(row_id, column_id) DO UPDATE SET num = excluded.num, text = excluded.text`,
  );
  const remove = db.prepare(`DELETE FROM cells WHERE row_id = ? AND column_id = ?`);
  return {
    read(rowId: number, columnId: number): CellValue {
      const c = select.get(rowId, columnId) as
        { num: number | null; text: string | null } | undefined;
      return c ? decodeCell(c.num, c.text) : null;
    },
    write(rowId: number, columnId: number, value: CellValue): void {
      if (value === null) {
        remove.run(rowId, columnId);
        return;
      }
      const { num, text } = encodeCell(value);
      upsert.run(rowId, columnId, num, text);
    },
  };
}

/** A hidden name beside the target, so the final move stays on one file system. */
function temporarySibling(target: string): string {
  const suffix = `${process.pid}-${Date.now().toString(36)}-${Math.random().toString(36).slice(2, 8)}`;
  return path.join(path.dirname(target), `.${path.basename(target)}.${suffix}.tmp`);
}

/**
 * Move a finished file to its final name without ever replacing an existing file: link() fails
 * if the target exists. Some file systems (FAT on USB sticks) have no hard links; there, check and
 * rename.
 */
function placeNewFile(tmp: string, target: string): void {
  const name = path.basename(target);
  try {
    fs.linkSync(tmp, target);
    fs.unlinkSync(tmp);
    return;
  } catch (err) {
    if ((err as NodeJS.ErrnoException).code === 'EEXIST') {
      throw new UserError(`Tệp «${name}» đã có; Biểu không ghi đè lên tệp có sẵn.`, 'bad-input');
    }
  }
  if (fs.existsSync(target)) {
    throw new UserError(`Tệp «${name}» đã có; Biểu không ghi đè lên tệp có sẵn.`, 'bad-input');
  }
  fs.renameSync(tmp, target);
}

function removeQuietly(...files: string[]): void {
  for (const f of files) fs.rmSync(f, { force: true });
}

/** WAL needs to write the file and create -wal/-shm beside it. */
function isWritable(filePath: string): boolean {
  try {
    fs.accessSync(filePath, fs.constants.W_OK);
    fs.accessSync(path.dirname(filePath), fs.constants.W_OK);
    return true;
  } catch {
    return false;
  }
}

function osUserName(): string {
  try {
    return os.userInfo().username;
  } catch {
    // userInfo() throws when the uid has no passwd entry (some containers).
    return process.env.USER ?? process.env.USERNAME ?? '';
  }
}
