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
import {
  UserError,
  type ChangeSet,
  type CellEdit,
  type ColumnSpec,
  type DocumentInfo,
  type HistoryEntry,
  type BackupInfo,
  type PasteInput,
} from '../../shared/api';
import type { CellValue, RowRole, Table, TableSummary } from '../../shared/model';
import {
  cellValueOf,
  decodeCell,
  encodeCell,
  normaliseCellValue,
  sameCellValue,
} from './cell-values';
import { DEFAULT_EVERY_BATCHES, DEFAULT_KEEP, writeBackup, type BackupPolicy } from './backups';
import { assertDocumentFile } from './document-file';
import { acquireLock, lockedReason, type DocumentLock } from './document-lock';
import {
  batchEdits,
  batchesInState,
  batchStructure,
  chunkedInsert,
  discardRedoChain,
  getBatch,
  nextRedoBatch,
  nextUndoBatch,
  readHistory,
  recordBatch,
  setBatchState,
  type CellChange,
  type EditBatch,
  type RuleRow,
  type StructureRecord,
} from './edit-log';
import {
  nextRuleId,
  readDisabledRules,
  readLinks,
  readRuleRow,
  readUserRules,
  ruleRowKey,
  ruleRowTables,
  writeRuleRow,
  type LinkRow,
  type UserRuleRow,
} from './rule-rows';
import { describeIssues, newTableSchema, type NewTable, type NewTableInput } from './new-table';
import { probeDocument } from './document-probe';
import { privateCopy } from './private-copy';
import { busySentence, inWriteTransaction, isBusy } from './write-lock';
import { SCHEMA_VERSION, migrate } from './schema';
import { openDatabase, type Db } from './sqlite';
import * as ops from './structure-edits';
import {
  allocateIds,
  readTable,
  readTableOrder,
  tableChange,
  writeTableChanges,
  writeTableOrder,
  type TableChange,
  type TableSnapshot,
  type TableTransition,
} from './table-snapshot';

export interface StoreOptions {
  /** Who is editing, for the edit log; defaults to the operating-system user name. */
  user?: string;
  /** Where and how often to back the document up; no backups without it (tests, the CLI). */
  backups?: BackupPolicy;
}

/** What one structural action changes, before it is written and logged. */
interface StructurePlan {
  label: string;
  tables: TableTransition[];
  order?: { before: [number, number][]; after: [number, number][] };
  meta?: { before: Record<string, string | null>; after: Record<string, string | null> };
  /** Rows of the document's rules (links, user rules, rules turned off), before and after. */
  rules?: { before: RuleRow | null; after: RuleRow | null }[];
}

/** A plan as the edit log keeps it: each table as the difference of its two sides. */
type RecordedPlan = Omit<StructurePlan, 'tables'> & { tables: TableChange[] };

/** At most this many cells per history entry: a paste of 10 000 cells is one line anyway. */
const HISTORY_CELLS_PER_ENTRY = 500;

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
  private batchesSinceBackup = 0;
  /** What closing also does: remove the private copy a read-only copy was opened from. */
  private afterClose: (() => void) | null = null;

  private constructor(
    db: Db,
    private filePath: string,
    private readOnlyReason: string | null,
    private readonly user: string,
    private readonly options: StoreOptions,
    private lock: DocumentLock | null,
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
      writer.transaction(() => insertNewTables(writer, parsed, 0))();
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
   * Open an existing document. A file that is not a Biểu document, or a damaged one, is refused
   * (UserError 'not-a-document') without being written to; a document from a newer Biểu, or one
   * being edited in another window or process (its lock file), opens read-only; an older one is
   * migrated in one transaction, after a backup.
   */
  static open(filePath: string, options: StoreOptions = {}): DocumentStore {
    const resolved = path.resolve(filePath);
    const name = path.basename(resolved);
    const user = options.user ?? osUserName();
    assertDocumentFile(resolved);

    const { probe, version } = probeDocument(resolved);
    if (version > SCHEMA_VERSION) {
      // Writing with an older schema in mind could corrupt what the newer Biểu stored; reading
      // is still useful, so keep the read-only connection.
      return new DocumentStore(
        probe,
        resolved,
        `Tài liệu được tạo bởi phiên bản Biểu mới hơn (lược đồ ${version}); chỉ mở để xem.`,
        user,
        options,
        null,
      );
    }

    if (!isWritable(resolved)) {
      probe.close();
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
        options,
        null,
      );
    }

    const attempt = acquireLock(resolved, user);
    if (!attempt.ok) {
      if (version < SCHEMA_VERSION) {
        probe.close();
        throw new UserError(
          `${lockedReason(attempt.owner).replace(/; chỉ mở để xem\.$/, '')}; ` +
            `tài liệu «${name}» thuộc phiên bản cũ nên chưa xem được ở đây trước khi nơi đó đóng nó.`,
          'read-only',
        );
      }
      return new DocumentStore(probe, resolved, lockedReason(attempt.owner), user, options, null);
    }
    const lock = attempt.lock;

    // A copy before the document is opened for writing (and before any migration touches it).
    if (options.backups) {
      try {
        writeBackup(probe, resolved, options.backups.root, options.backups.keep ?? DEFAULT_KEEP);
      } catch (err) {
        console.error(`[bieu] không sao lưu được «${name}»:`, err);
      }
    }
    probe.close();

    let db: Db | null = null;
    try {
      db = openDatabase(resolved, { mustExist: true });
      db.pragma('foreign_keys = ON');
      db.pragma('journal_mode = WAL');
      // WAL's default NORMAL may lose the last commits on power loss; FULL keeps the promise
      // that what the UI has shown as saved is on disk.
      db.pragma('synchronous = FULL');
      migrate(db);
    } catch (err) {
      db?.close();
      lock.release();
      if (isBusy(err)) {
        throw new UserError(busySentence('Chưa mở được tài liệu', resolved), 'failed');
      }
      throw new UserError(`Không mở được tài liệu «${name}»: ${(err as Error).message}`, 'failed');
    }
    return new DocumentStore(db, resolved, null, user, options, lock);
  }

  /**
   * Open a document only to read it (`bieu check`), from a private copy: not one byte of the
   * file changes and nothing appears beside it, whoever else has it open. A rollback-journal
   * document stays one, an older one is upgraded in the copy only, and a -wal beside it is read
   * as SQLite would read it. The copy is removed on close.
   */
  static openReadOnlyCopy(
    filePath: string,
    options: Pick<StoreOptions, 'user'> = {},
  ): DocumentStore {
    const resolved = path.resolve(filePath);
    assertDocumentFile(resolved);
    const copy = privateCopy(resolved, true);
    let store: DocumentStore;
    try {
      store = DocumentStore.open(copy.file, { user: options.user });
    } catch (err) {
      copy.dispose();
      throw err;
    }
    store.lock?.release();
    store.lock = null;
    store.filePath = resolved;
    store.readOnlyReason ??= 'Tài liệu chỉ được mở để đọc; tệp không thay đổi.';
    store.afterClose = copy.dispose;
    return store;
  }

  /**
   * Throw the UserError open() would if the file is not a healthy Biểu document (a backup
   * before it is restored). Reads only; writes nothing anywhere.
   */
  static verify(filePath: string): void {
    const resolved = path.resolve(filePath);
    assertDocumentFile(resolved);
    probeDocument(resolved).probe.close();
  }

  /**
   * Back up a document that is not open here (before backups.restore replaces it). Throws a
   * DamagedDocumentError when it cannot be read as a healthy document.
   */
  static backupClosed(filePath: string, policy: BackupPolicy): BackupInfo | null {
    const resolved = path.resolve(filePath);
    assertDocumentFile(resolved);
    const { probe } = probeDocument(resolved);
    try {
      return writeBackup(probe, resolved, policy.root, policy.keep ?? DEFAULT_KEEP);
    } finally {
      probe.close();
    }
  }

  /**
   * Close the file (SQLite checkpoints the WAL into it) and free it for other windows. A
   * document edited since its last backup is backed up first. Safe to call twice.
   */
  close(): void {
    if (this.db && this.batchesSinceBackup > 0) this.backupQuietly();
    this.db?.close();
    this.db = null;
    this.lock?.release();
    this.lock = null;
    this.afterClose?.();
    this.afterClose = null;
  }

  get path(): string {
    return this.filePath;
  }

  get readOnly(): boolean {
    return this.readOnlyReason !== null;
  }

  get isOpen(): boolean {
    return this.db !== null;
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

  /**
   * Back the document up now (backups.restore does so before replacing it). Null when the
   * store has no backup folder or the copy equals the newest backup.
   */
  backupNow(): BackupInfo | null {
    const policy = this.options.backups;
    if (!policy) return null;
    const made = writeBackup(this.conn, this.filePath, policy.root, policy.keep ?? DEFAULT_KEEP);
    this.batchesSinceBackup = 0;
    return made;
  }

  /**
   * Move everything in the WAL into the main file, so the file alone is the document (before it
   * is renamed). False when a reader elsewhere keeps part of the WAL in use.
   */
  checkpoint(): boolean {
    if (this.readOnly) return true;
    const [result] = this.conn.pragma('wal_checkpoint(TRUNCATE)') as { busy: number }[];
    return result?.busy === 0;
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
    const { position: _position, ...table } = this.requireTable(tableId);
    return table;
  }

  tableByName(name: string): Table | null {
    const row = this.conn.prepare(`SELECT id FROM tables WHERE name = ?`).get(name) as
      { id: number } | undefined;
    return row ? this.getTable(row.id) : null;
  }

  // ---------------------------------------------------------------- changing cells

  /**
   * Add tables after the existing ones (an import), as one transaction and one undoable batch.
   */
  addTables(tables: readonly NewTableInput[], label?: string): TableSummary[] {
    this.assertWritable();
    const db = this.conn;
    const existing = (db.prepare(`SELECT name FROM tables`).all() as { name: string }[]).map(
      (r) => r.name,
    );
    const parsed = parseNewTables(tables, existing);
    if (parsed.length === 0) return [];
    let ids: number[] = [];
    this.commit(() => {
      const next = nextTablePosition(db);
      const added = parsed.map((t, i) => snapshotOfNew(db, t, next + i));
      ids = added.map((t) => t.id);
      return {
        label:
          label ??
          `Nhập ${added.length === 1 ? 'biểu' : `${added.length} biểu:`} ${added.map((t) => ops.tableName(t)).join(', ')}`,
        tables: added.map((t) => ({ from: null, to: t })),
      };
    });
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
    const applied = inWriteTransaction(
      db,
      this.filePath,
      (): {
        batchId: number | null;
        changes: CellEdit[];
      } => {
        const wanted = this.validateEdits(edits);
        const old = readOldValues(db, wanted);
        const changes: CellChange[] = [];
        const applied: CellEdit[] = [];
        for (let i = 0; i < wanted.length; i++) {
          const e = wanted[i];
          if (sameCellValue(old[i], e.value)) continue;
          changes.push({
            tableId: e.tableId,
            rowId: e.rowId,
            columnId: e.columnId,
            oldValue: old[i],
            newValue: e.value,
          });
          applied.push(e);
        }
        if (changes.length === 0) return { batchId: null, changes: [] };
        discardRedoChain(db);
        const batchId = recordBatch(
          db,
          { time: new Date().toISOString(), user: this.user, label: label ?? null },
          changes,
        );
        writeCells(db, applied);
        return { batchId, changes: applied };
      },
    );
    if (applied.batchId !== null) this.afterBatch();
    return { ...applied, ...this.undoState(), structureChanged: [], tableListChanged: false };
  }

  // ---------------------------------------------------------------- changing tables

  /** Add a table (from a template, else blank) after the last one. */
  addTable(table: NewTableInput, label?: string): ChangeSet {
    this.assertWritable();
    const db = this.conn;
    const existing = new Set(
      (db.prepare(`SELECT name FROM tables`).all() as { name: string }[]).map((r) => r.name),
    );
    const [parsed] = parseNewTables([table], [...existing]);
    return this.commit(() => {
      const added = snapshotOfNew(db, parsed, nextTablePosition(db));
      return {
        label: label ?? `Thêm biểu ${ops.tableName(added)}`,
        tables: [{ from: null, to: added }],
      };
    });
  }

  /** A name no table of the document has yet: the wish, else "wish (2)", "wish (3)" … */
  freeTableName(wish: string): string {
    const names = new Set(
      (this.conn.prepare(`SELECT name FROM tables`).all() as { name: string }[]).map((r) => r.name),
    );
    if (!names.has(wish)) return wish;
    for (let i = 2; ; i++) if (!names.has(`${wish} (${i})`)) return `${wish} (${i})`;
  }

  renameTable(tableId: number, name: string): ChangeSet {
    const wanted = name.trim();
    return this.structural(tableId, (t) => {
      if (wanted === t.name) return null;
      this.assertFreeName(wanted);
      return {
        label: `Đổi tên biểu ${ops.tableName(t)} thành «${wanted}»`,
        tables: [{ from: t, to: { ...t, name: wanted } }],
      };
    });
  }

  setTableInfo(tableId: number, info: { title?: string; unit?: string }): ChangeSet {
    return this.structural(tableId, (t) => single(t, ops.setTableInfo(t, info)));
  }

  /** A copy of a table, with its cells, placed right after it. */
  duplicateTable(tableId: number): ChangeSet {
    const db = this.conn;
    return this.structural(tableId, (t) => {
      const name = this.freeTableName(`${t.name} (bản sao)`);
      const copy: TableSnapshot = structuredClone({ ...t, name });
      copy.id = allocateIds(db, 'tables', 1);
      const firstColumn = allocateIds(db, 'columns', copy.columns.length);
      copy.columns.forEach((c, i) => (c.id = firstColumn + i));
      const firstRow = allocateIds(db, 'rows', copy.rows.length);
      copy.rows.forEach((r, i) => (r.id = firstRow + i));
      const before = readTableOrder(db);
      const ids = before.map(([id]) => id);
      ids.splice(ids.indexOf(t.id) + 1, 0, copy.id);
      const after = ids.map((id, i): [number, number] => [id, i]);
      copy.position = ids.indexOf(copy.id);
      return {
        label: `Nhân bản biểu ${ops.tableName(t)} thành «${name}»`,
        tables: [{ from: null, to: copy }],
        order: { before, after },
      };
    });
  }

  /** Put a table at a place in the list of tables (0 = first; past the end = last). */
  moveTable(tableId: number, toIndex: number): ChangeSet {
    const db = this.conn;
    return this.structural(tableId, (t) => {
      const before = readTableOrder(db);
      const ids = before.map(([id]) => id);
      const from = ids.indexOf(t.id);
      const to = Math.max(0, Math.min(toIndex, ids.length - 1));
      if (from === to) return null;
      ids.splice(from, 1);
      ids.splice(to, 0, t.id);
      return {
        label: `Chuyển biểu ${ops.tableName(t)} đến vị trí ${to + 1}`,
        tables: [],
        order: { before, after: ids.map((id, i): [number, number] => [id, i]) },
      };
    });
  }

  deleteTable(tableId: number): ChangeSet {
    return this.structural(tableId, (t) => ({
      label: `Xóa biểu ${ops.tableName(t)}`,
      tables: [{ from: t, to: null }],
    }));
  }

  addColumn(tableId: number, atIndex: number, column: ColumnSpec): ChangeSet {
    return this.structural(tableId, (t) => single(t, ops.addColumn(t, atIndex, column, this.ids)));
  }

  updateColumn(tableId: number, columnId: number, patch: Partial<ColumnSpec>): ChangeSet {
    return this.structural(tableId, (t) => single(t, ops.updateColumn(t, columnId, patch)));
  }

  removeColumn(tableId: number, columnId: number): ChangeSet {
    return this.structural(tableId, (t) => single(t, ops.removeColumn(t, columnId)));
  }

  moveColumn(tableId: number, columnId: number, toIndex: number): ChangeSet {
    return this.structural(tableId, (t) => single(t, ops.moveColumn(t, columnId, toIndex)));
  }

  groupColumns(tableId: number, columnIds: readonly number[], group: string | null): ChangeSet {
    return this.structural(tableId, (t) => single(t, ops.groupColumns(t, columnIds, group)));
  }

  /** Insert empty rows before row `atIndex` (past the end: at the end); 'detail' by default. */
  insertRows(tableId: number, atIndex: number, count = 1, role: RowRole = 'detail'): ChangeSet {
    return this.structural(tableId, (t) =>
      single(t, ops.insertRows(t, atIndex, count, role, this.ids)),
    );
  }

  /**
   * A paste as ONE user action (issue 6): when it needs new rows, they are inserted (empty detail
   * rows before row `atIndex`, default the end) and the cells written in one transaction and one
   * structural batch, so one undo takes back both; with no new rows it is a plain cell batch.
   * Every edit names an existing row (`rowId`) or a new one (`newRow`), and a column of the
   * table; otherwise nothing is changed.
   */
  paste(p: PasteInput): ChangeSet {
    this.assertWritable();
    const where = (i: number) => `ô dán thứ ${i + 1}`;
    if (p.appendRows === 0) {
      const edits = p.edits.map((e, i): CellEdit => {
        if (e.rowId === undefined || e.newRow !== undefined) {
          throw new UserError(
            `${where(i)} phải chỉ một dòng có sẵn (rowId), vì không thêm dòng nào; không ô nào được ghi.`,
            'bad-input',
          );
        }
        return { tableId: p.tableId, rowId: e.rowId, columnId: e.columnId, value: e.value };
      });
      return this.setCells(edits, p.label);
    }
    return this.structural(p.tableId, (t) => {
      const rowIds = new Set(t.rows.map((r) => r.id));
      const columns = new Map(t.columns.map((c, i) => [c.id, i]));
      const wanted = p.edits.map((e, i) => {
        if ((e.rowId === undefined) === (e.newRow === undefined)) {
          throw new UserError(
            `${where(i)} phải chỉ đúng một dòng: một dòng có sẵn (rowId) hoặc một dòng mới (newRow); không có gì thay đổi.`,
            'bad-input',
          );
        }
        if (e.newRow !== undefined && e.newRow >= p.appendRows) {
          throw new UserError(
            `${where(i)} chỉ dòng mới thứ ${e.newRow + 1}, nhưng chỉ thêm ${p.appendRows} dòng; không có gì thay đổi.`,
            'bad-input',
          );
        }
        if (e.rowId !== undefined && !rowIds.has(e.rowId)) {
          throw new UserError(
            `Dòng số ${e.rowId} (${where(i)}) không có trong biểu ${ops.tableName(t)}; không có gì thay đổi.`,
            'not-found',
          );
        }
        const ci = columns.get(e.columnId);
        if (ci === undefined) {
          throw new UserError(
            `Cột số ${e.columnId} (${where(i)}) không có trong biểu ${ops.tableName(t)}; không có gì thay đổi.`,
            'not-found',
          );
        }
        const value = cellValueOf(e.value);
        if (value === undefined) {
          throw new UserError(
            `Giá trị của ${where(i)} không hợp lệ: một ô chỉ chứa số hữu hạn, chữ hoặc để trống; không có gì thay đổi.`,
            'bad-input',
          );
        }
        return { rowId: e.rowId, newRow: e.newRow, ci, value };
      });
      const at = Math.max(0, Math.min(p.atIndex ?? t.rows.length, t.rows.length));
      const inserted = ops.insertRows(t, at, p.appendRows, 'detail', this.ids);
      const table = inserted.table;
      const byId = new Map(table.rows.map((r) => [r.id, r]));
      for (const e of wanted) {
        const row = e.newRow !== undefined ? table.rows[at + e.newRow] : byId.get(e.rowId!)!;
        row.cells[e.ci] = e.value;
      }
      return { label: p.label ?? inserted.label, tables: [{ from: t, to: table }] };
    });
  }

  removeRows(tableId: number, rowIds: readonly number[]): ChangeSet {
    return this.structural(tableId, (t) => single(t, ops.removeRows(t, rowIds)));
  }

  moveRow(tableId: number, rowId: number, toIndex: number): ChangeSet {
    return this.structural(tableId, (t) => single(t, ops.moveRow(t, rowId, toIndex)));
  }

  updateRow(
    tableId: number,
    rowId: number,
    patch: { role?: RowRole; unitKey?: string | null },
  ): ChangeSet {
    return this.structural(tableId, (t) => single(t, ops.updateRow(t, rowId, patch)));
  }

  /** The table as a user template would hold it: structure and labels, no figures. */
  templateTable(tableId: number): ReturnType<typeof ops.templateTableFrom> {
    return ops.templateTableFrom(this.requireTable(tableId));
  }

  // ---------------------------------------------------------------- undo, redo, history

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

  /** The history panel's view of the log: who, when, what, newest first. */
  historyEntries(limit = 200): HistoryEntry[] {
    return this.history(limit).map((b) => {
      const cells = b.edits
        .filter((e): e is typeof e & { tableId: number } => e.tableId !== null)
        .slice(0, HISTORY_CELLS_PER_ENTRY);
      const label =
        b.label ??
        (b.edits.length === 1
          ? 'Sửa một ô'
          : b.edits.length > 0
            ? `Sửa ${b.edits.length} ô`
            : 'Thay đổi tài liệu');
      return {
        batchId: b.id,
        time: b.time,
        user: b.user,
        label,
        state: b.state,
        cells,
        structural: b.structural ? label : null,
      };
    });
  }

  /**
   * Go back to the moment right after batch `batchId` (0: before the first one) as ONE new
   * action: every applied batch after it is reverted (or, for a batch that was undone, the
   * undone batches up to it are reapplied), and the net change is recorded as one batch, which
   * undo reverts like any other.
   */
  revertTo(batchId: number): ChangeSet {
    this.assertWritable();
    const db = this.conn;
    return this.commitChange(() => {
      let steps: { id: number; direction: 'undo' | 'redo' }[];
      let label: string;
      if (batchId === 0) {
        steps = batchesInState(db, 'done')
          .reverse()
          .map((id) => ({ id, direction: 'undo' as const }));
        label = 'Quay lại trạng thái ban đầu của tài liệu';
      } else {
        const target = getBatch(db, batchId);
        if (!target) {
          throw new UserError(
            `Không có thao tác số ${batchId} trong lịch sử của tài liệu; không có gì thay đổi.`,
            'not-found',
          );
        }
        const named = `thao tác «${target.label ?? `số ${batchId}`}»`;
        if (target.state === 'discarded') {
          throw new UserError(
            `Không thể quay lại sau ${named}: thao tác này đã bị bỏ khi có thao tác mới sau lần hoàn tác.`,
            'bad-input',
          );
        }
        steps =
          target.state === 'done'
            ? batchesInState(db, 'done', batchId)
                .reverse()
                .map((id) => ({ id, direction: 'undo' as const }))
            : batchesInState(db, 'undone')
                .filter((id) => id <= batchId)
                .map((id) => ({ id, direction: 'redo' as const }));
        label = `Quay lại thời điểm sau ${named}`;
      }
      if (steps.length === 0) return null;

      // What the steps touch, read before and after applying them; the difference is the batch.
      const tableIds = new Set<number>();
      const metaKeys = new Set<string>();
      const ruleKeys = new Set<string>();
      let orderTouched = false;
      const cellKeys = new Map<string, { tableId: number; rowId: number; columnId: number }>();
      for (const { id } of steps) {
        for (const r of batchStructure(db, id)) {
          if (r.kind === 'table') tableIds.add(r.tableId);
          else if (r.kind === 'order') orderTouched = true;
          else if (r.kind === 'rules') ruleKeys.add(ruleRowKey((r.after ?? r.before)!));
          else for (const k of [...Object.keys(r.before), ...Object.keys(r.after)]) metaKeys.add(k);
        }
        for (const e of batchEdits(db, id)) {
          if (e.tableId !== null)
            cellKeys.set(`${e.rowId}:${e.columnId}`, {
              tableId: e.tableId,
              rowId: e.rowId,
              columnId: e.columnId,
            });
        }
      }
      const cells = cellAccess(db);
      const capture = () => ({
        tables: new Map([...tableIds].map((id) => [id, readTable(db, id)])),
        order: orderTouched || tableIds.size > 0 ? readTableOrder(db) : [],
        meta: readMetaKeys(db, metaKeys),
        rules: new Map([...ruleKeys].map((k) => [k, readRuleRow(db, k)])),
        cells: new Map(
          [...cellKeys]
            .filter(([, c]) => !tableIds.has(c.tableId))
            .map(([k, c]) => [k, cells.read(c.rowId, c.columnId)]),
        ),
      });
      const before = capture();
      for (const step of steps) this.applyBatch(step.id, step.direction);
      const after = capture();

      const tables: TableChange[] = [];
      for (const id of tableIds) {
        const change = tableChange({
          from: before.tables.get(id) ?? null,
          to: after.tables.get(id) ?? null,
        });
        if (change) tables.push(change);
      }
      const changes: CellChange[] = [];
      for (const [key, old] of before.cells) {
        const now = after.cells.get(key) ?? null;
        if (!sameCellValue(old, now))
          changes.push({ ...cellKeys.get(key)!, oldValue: old, newValue: now });
      }
      const plan: RecordedPlan = { label, tables };
      if (JSON.stringify(before.order) !== JSON.stringify(after.order)) {
        plan.order = { before: before.order, after: after.order };
      }
      if (JSON.stringify(before.meta) !== JSON.stringify(after.meta)) {
        plan.meta = { before: before.meta, after: after.meta };
      }
      const rules = [...ruleKeys]
        .map((k) => ({ before: before.rules.get(k) ?? null, after: after.rules.get(k) ?? null }))
        .filter((r) => JSON.stringify(r.before) !== JSON.stringify(r.after));
      if (rules.length > 0) plan.rules = rules;
      // Already there (the steps cancel out, e.g. an earlier going back): no action.
      if (
        tables.length === 0 &&
        changes.length === 0 &&
        !plan.order &&
        !plan.meta &&
        rules.length === 0
      )
        return null;
      // The state is already the target: only record it. Batches that were reapplied here
      // live on inside this one, so the redo chain is over.
      discardRedoChain(db);
      const id = recordBatch(
        db,
        { time: new Date().toISOString(), user: this.user, label },
        changes,
        planRecords(plan),
      );
      return {
        batchId: id,
        changes: changes.map((c) => ({
          tableId: c.tableId!,
          rowId: c.rowId,
          columnId: c.columnId,
          value: c.newValue,
        })),
        structureChanged: withRuleTables(
          db,
          tables.filter((t) => t.to).map((t) => t.tableId),
          rules,
        ),
      };
    });
  }

  // ---------------------------------------------------------------- rules of the document

  /** Links between columns of the document's tables: accepted (rules) and dismissed proposals. */
  links(): LinkRow[] {
    return readLinks(this.conn);
  }

  /** Rules typed by the user, in the order they were added. */
  userRules(): UserRuleRow[] {
    return readUserRules(this.conn);
  }

  /** Ids of the rules turned off ("12/code-row:1", "link:3", "user:5"). */
  disabledRules(): Set<string> {
    return readDisabledRules(this.conn);
  }

  /**
   * Accept (state 'accepted') or dismiss a link between two columns, as one undoable action. A
   * link already stored for the same two columns (either way round) changes state instead.
   */
  setLink(
    from: { tableId: number; columnId: number },
    to: { tableId: number; columnId: number },
    state: 'accepted' | 'dismissed',
    label: string,
  ): ChangeSet {
    this.assertWritable();
    for (const side of [from, to]) {
      const t = this.requireTable(side.tableId);
      if (!t.columns.some((c) => c.id === side.columnId)) {
        throw new UserError(
          `Cột số ${side.columnId} không có trong biểu «${t.name}»; không có gì thay đổi.`,
          'not-found',
        );
      }
    }
    const db = this.conn;
    return this.commit(() => {
      const same = (a: typeof from, b: typeof from) =>
        a.tableId === b.tableId && a.columnId === b.columnId;
      const existing = readLinks(db).find(
        (l) =>
          (same({ tableId: l.fromTableId, columnId: l.fromColumnId }, from) &&
            same({ tableId: l.toTableId, columnId: l.toColumnId }, to)) ||
          (same({ tableId: l.fromTableId, columnId: l.fromColumnId }, to) &&
            same({ tableId: l.toTableId, columnId: l.toColumnId }, from)),
      );
      const after: LinkRow = existing
        ? { ...existing, state }
        : {
            entity: 'link',
            id: nextRuleId(db, 'link'),
            fromTableId: from.tableId,
            fromColumnId: from.columnId,
            toTableId: to.tableId,
            toColumnId: to.columnId,
            state,
          };
      return { label, tables: [], rules: [{ before: existing ?? null, after }] };
    });
  }

  /** Remove a link (accepted or dismissed), as one undoable action. */
  removeLink(id: number, label: string): ChangeSet {
    this.assertWritable();
    const db = this.conn;
    const existing = readRuleRow(db, `link:${id}`);
    if (!existing) throw new UserError(`Không có liên kết số ${id} trong tài liệu.`, 'not-found');
    return this.commit(() => ({ label, tables: [], rules: [{ before: existing, after: null }] }));
  }

  /**
   * Store a rule typed by the user (already checked by the caller), in a table or in the
   * document (tableId null), as one undoable action. Returns its id with the change.
   */
  addUserRule(
    tableId: number | null,
    text: string,
    label: string,
  ): { id: number; changes: ChangeSet } {
    this.assertWritable();
    if (tableId !== null) this.requireTable(tableId);
    const db = this.conn;
    const id = nextRuleId(db, 'user-rule');
    const position =
      (db.prepare(`SELECT max(position) AS p FROM user_rules`).get() as { p: number | null }).p ??
      0;
    const row: UserRuleRow = { entity: 'user-rule', id, tableId, text, position: position + 1 };
    const changes = this.commit(() => ({
      label,
      tables: [],
      rules: [{ before: null, after: row }],
    }));
    return { id, changes };
  }

  /** Remove a rule typed by the user (and its being turned off), as one undoable action. */
  removeUserRule(id: number, label: string): ChangeSet {
    this.assertWritable();
    const db = this.conn;
    const existing = readRuleRow(db, `user-rule:${id}`);
    if (!existing) {
      throw new UserError(`Không có quy tắc tự nhập số ${id} trong tài liệu.`, 'not-found');
    }
    const off = readRuleRow(db, `disabled:user:${id}`);
    return this.commit(() => ({
      label,
      tables: [],
      rules: [{ before: existing, after: null }, ...(off ? [{ before: off, after: null }] : [])],
    }));
  }

  /** Turn a rule on or off (its id as the rules view lists it), as one undoable action. */
  setRuleEnabled(ruleId: string, enabled: boolean, label: string): ChangeSet {
    this.assertWritable();
    const db = this.conn;
    const before = readRuleRow(db, `disabled:${ruleId}`);
    const after: RuleRow | null = enabled ? null : { entity: 'disabled', ruleId };
    return this.commit(() => ({ label, tables: [], rules: [{ before, after }] }));
  }

  // ---------------------------------------------------------------- metadata

  getMeta(): Record<string, string> {
    const rows = this.conn.prepare(`SELECT key, value FROM meta ORDER BY key`).all() as {
      key: string;
      value: string;
    }[];
    return Object.fromEntries(rows.map((r) => [r.key, r.value]));
  }

  /** Set metadata keys (see META_KEYS); null removes a key. One transaction, one undoable batch. */
  setMeta(entries: Record<string, string | null>, label?: string): ChangeSet {
    this.assertWritable();
    const db = this.conn;
    for (const [key, value] of Object.entries(entries)) {
      if (key.trim() === '')
        throw new UserError('Tên mục thông tin không được để trống.', 'bad-input');
      if (value !== null && typeof value !== 'string') {
        throw new UserError(`Giá trị của mục «${key}» phải là chữ.`, 'bad-input');
      }
    }
    return this.commit(() => {
      const before = readMetaKeys(db, new Set(Object.keys(entries)));
      const after = { ...before, ...entries };
      const changed = Object.keys(entries).filter((k) => before[k] !== after[k]);
      if (changed.length === 0) return null;
      const pick = (m: Record<string, string | null>) =>
        Object.fromEntries(changed.map((k) => [k, m[k]]));
      return {
        label: label ?? `Sửa thông tin tài liệu (${changed.map(metaName).join(', ')})`,
        tables: [],
        meta: { before: pick(before), after: pick(after) },
      };
    });
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
    const copy = DocumentStore.open(target, { ...this.options, user: this.user });
    this.close();
    this.db = copy.db;
    this.filePath = copy.filePath;
    this.readOnlyReason = copy.readOnlyReason;
    this.lock = copy.lock;
    this.batchesSinceBackup = 0;
    copy.db = null;
    copy.lock = null;
  }

  // ---------------------------------------------------------------- internals

  private get conn(): Db {
    if (!this.db) {
      throw new UserError(`Tài liệu «${path.basename(this.filePath)}» đã được đóng.`, 'failed');
    }
    return this.db;
  }

  /** Fresh ids for new columns and rows (structure-edits.ts). */
  private readonly ids = (kind: 'tables' | 'columns' | 'rows', count: number): number =>
    allocateIds(this.conn, kind, count);

  private requireTable(tableId: number): TableSnapshot {
    const t = readTable(this.conn, tableId);
    if (!t) {
      throw new UserError(
        `Không tìm thấy bảng số ${tableId} trong tài liệu «${path.basename(this.filePath)}»; không có gì thay đổi.`,
        'not-found',
      );
    }
    return t;
  }

  private assertFreeName(name: string): void {
    const clash = this.conn.prepare(`SELECT id FROM tables WHERE name = ?`).get(name);
    if (clash) {
      throw new UserError(`Tài liệu đã có một biểu tên «${name}»; hãy chọn tên khác.`, 'bad-input');
    }
  }

  private assertWritable(): void {
    if (this.readOnlyReason !== null) {
      throw new UserError(
        `Không thể sửa tài liệu «${path.basename(this.filePath)}»: ${this.readOnlyReason}`,
        'read-only',
      );
    }
  }

  /** One structural action on one table: read it, plan the change, write and log it. */
  private structural(tableId: number, plan: (t: TableSnapshot) => StructurePlan | null): ChangeSet {
    this.assertWritable();
    return this.commit(() => plan(this.requireTable(tableId)));
  }

  /** Write a structural plan and log it as one batch, in one transaction. */
  private commit(plan: () => StructurePlan | null): ChangeSet {
    const db = this.conn;
    return this.commitChange(() => {
      const p = plan();
      if (!p) return null;
      const tables = p.tables.map(tableChange).filter((c): c is TableChange => c !== null);
      const rules = (p.rules ?? []).filter(
        (r) => JSON.stringify(r.before) !== JSON.stringify(r.after),
      );
      if (tables.length === 0 && !p.order && !p.meta && rules.length === 0) return null;
      discardRedoChain(db);
      writeTableChanges(db, tables);
      if (p.order) writeTableOrder(db, p.order.after);
      if (p.meta) writeMeta(db, p.meta.after);
      for (const r of rules) writeRuleRow(db, ruleRowKey((r.after ?? r.before)!), r.after);
      const batchId = recordBatch(
        db,
        { time: new Date().toISOString(), user: this.user, label: p.label },
        [],
        planRecords({ ...p, tables, rules }),
      );
      return {
        batchId,
        changes: [],
        structureChanged: withRuleTables(
          db,
          tables.filter((t) => t.to).map((t) => t.tableId),
          rules,
        ),
      };
    });
  }

  /**
   * Run a change in one transaction and describe it as a ChangeSet; `tableListChanged` is
   * whether the table list (names, order, sizes) now reads differently.
   */
  private commitChange(
    change: () => { batchId: number; changes: CellEdit[]; structureChanged: number[] } | null,
  ): ChangeSet {
    const db = this.conn;
    let listChanged = false;
    const result = inWriteTransaction(db, this.filePath, () => {
      const before = JSON.stringify(this.listTables());
      const r = change();
      listChanged = r !== null && JSON.stringify(this.listTables()) !== before;
      return r;
    });
    if (result) this.afterBatch();
    return {
      batchId: result?.batchId ?? null,
      changes: result?.changes ?? [],
      structureChanged: result?.structureChanged ?? [],
      tableListChanged: listChanged,
      ...this.undoState(),
    };
  }

  private afterBatch(): void {
    this.batchesSinceBackup++;
    const every = this.options.backups?.everyBatches ?? DEFAULT_EVERY_BATCHES;
    if (this.options.backups && this.batchesSinceBackup >= every) this.backupQuietly();
  }

  private backupQuietly(): void {
    try {
      this.backupNow();
    } catch (err) {
      // A failed backup must not cost the user the edit that triggered it.
      console.error(`[bieu] không sao lưu được «${path.basename(this.filePath)}»:`, err);
    }
  }

  /**
   * Check every edit before anything is written, naming the first bad one, and collapse repeated
   * cells to their last value (in the place of its last occurrence).
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

    // Where each cell already is in `out`, by row then column: small integer keys, where one
    // string key per cell would cost more than the rest of the check for a 300,000-cell paste.
    const at = new Map<number, Map<number, number>>();
    const out: (CellEdit | null)[] = [];
    let dropped = 0;
    let lastTableId = NaN;
    let t: ReturnType<typeof tableInfo> | null = null;
    for (const e of edits) {
      if (e.tableId !== lastTableId || !t) {
        t = tableInfo(e.tableId);
        lastTableId = e.tableId;
      }
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
      const value = cellValueOf(e.value);
      if (value === undefined) {
        throw new UserError(
          `Giá trị ghi vào bảng «${t.name}» (dòng số ${e.rowId}, cột số ${e.columnId}) không hợp lệ: ` +
            `một ô chỉ chứa số hữu hạn, chữ hoặc để trống; không ô nào được ghi.`,
          'bad-input',
        );
      }
      // A repeated cell: the last value wins, in the place of its last occurrence.
      let inRow = at.get(e.rowId);
      if (!inRow) at.set(e.rowId, (inRow = new Map()));
      const earlier = inRow.get(e.columnId);
      if (earlier !== undefined) {
        out[earlier] = null;
        dropped++;
      }
      inRow.set(e.columnId, out.length);
      out.push({ tableId: e.tableId, rowId: e.rowId, columnId: e.columnId, value });
    }
    return dropped === 0 ? (out as CellEdit[]) : out.filter((e): e is CellEdit => e !== null);
  }

  private replay(direction: 'undo' | 'redo'): ChangeSet {
    this.assertWritable();
    const db = this.conn;
    return this.commitChange(() => {
      const batchId = direction === 'undo' ? nextUndoBatch(db) : nextRedoBatch(db);
      if (batchId === null) return null;
      const applied = this.applyBatch(batchId, direction);
      setBatchState(db, batchId, direction === 'undo' ? 'undone' : 'done');
      return { batchId, ...applied };
    });
  }

  /**
   * Apply one batch forwards (redo) or backwards (undo), without touching its state. Structure
   * first, then cells: a batch holds cells only of tables its structure records do not cover.
   * Columns and rows are synced from what the file holds now, not from what the log assumes.
   */
  private applyBatch(
    batchId: number,
    direction: 'undo' | 'redo',
  ): { changes: CellEdit[]; structureChanged: number[] } {
    const db = this.conn;
    const records = batchStructure(db, batchId);
    const target = <T>(r: { before: T; after: T }) => (direction === 'undo' ? r.before : r.after);
    const tables: TableChange[] = [];
    for (const r of records) {
      if (r.kind !== 'table') continue;
      tables.push(
        direction === 'undo'
          ? { tableId: r.tableId, from: r.after, to: r.before }
          : { tableId: r.tableId, from: r.before, to: r.after },
      );
    }
    writeTableChanges(db, tables);
    const rules: { before: RuleRow | null; after: RuleRow | null }[] = [];
    for (const r of records) {
      if (r.kind === 'order') writeTableOrder(db, target(r));
      if (r.kind === 'meta') writeMeta(db, target(r));
      if (r.kind === 'rules') {
        writeRuleRow(db, ruleRowKey((r.after ?? r.before)!), target(r));
        rules.push(r);
      }
    }

    const cellEdits = batchEdits(db, batchId);
    // Undo walks the batch backwards so the first old value of a cell is the one that stays.
    if (direction === 'undo') cellEdits.reverse();
    const cells = cellAccess(db);
    const changes: CellEdit[] = [];
    for (const e of cellEdits) {
      // A row or column removed since the edit has nothing left to restore.
      if (e.tableId === null) continue;
      const value = direction === 'undo' ? e.oldValue : e.newValue;
      cells.write(e.rowId, e.columnId, value);
      changes.push({ tableId: e.tableId, rowId: e.rowId, columnId: e.columnId, value });
    }
    return {
      changes,
      structureChanged: withRuleTables(
        db,
        tables.filter((t) => t.to).map((t) => t.tableId),
        rules,
      ),
    };
  }
}

/** A plan that changes one table into the edited one. */
function single(from: TableSnapshot, edit: ops.StructureEdit): StructurePlan {
  return { label: edit.label, tables: [{ from, to: edit.table }] };
}

function planRecords(plan: RecordedPlan): StructureRecord[] {
  const records: StructureRecord[] = plan.tables.map((t) => ({
    kind: 'table',
    tableId: t.tableId,
    before: t.from,
    after: t.to,
  }));
  if (plan.order) records.push({ kind: 'order', ...plan.order });
  if (plan.meta) records.push({ kind: 'meta', ...plan.meta });
  for (const r of plan.rules ?? []) records.push({ kind: 'rules', ...r });
  return records;
}

/**
 * The tables to check again after rules changed: those of the changed rules (every table for a
 * rule of the whole document), added to the tables whose structure changed.
 */
function withRuleTables(
  db: Db,
  structureChanged: number[],
  rules: readonly { before: RuleRow | null; after: RuleRow | null }[],
): number[] {
  const ids = new Set(structureChanged);
  for (const r of rules) {
    const tables = ruleRowTables((r.after ?? r.before)!);
    const existing = new Set(readTableOrder(db).map(([id]) => id));
    for (const id of tables ?? existing) if (existing.has(id)) ids.add(id);
  }
  return [...ids];
}

const META_NAMES: Record<string, string> = {
  agency: 'cơ quan chủ quản',
  office: 'đơn vị lập biểu',
  reportNumber: 'số báo cáo',
  reportDate: 'ngày báo cáo',
  referenceDate: 'ngày số liệu',
  place: 'địa danh',
  preparer: 'người lập biểu',
  head: 'thủ trưởng đơn vị',
};

function metaName(key: string): string {
  return META_NAMES[key] ?? key;
}

function readMetaKeys(db: Db, keys: ReadonlySet<string>): Record<string, string | null> {
  const get = db.prepare(`SELECT value FROM meta WHERE key = ?`);
  const out: Record<string, string | null> = {};
  for (const k of [...keys].sort()) {
    out[k] = (get.get(k) as { value: string } | undefined)?.value ?? null;
  }
  return out;
}

function writeMeta(db: Db, values: Record<string, string | null>): void {
  const upsert = db.prepare(
    `INSERT INTO meta (key, value) VALUES (?, ?) ON CONFLICT(key) DO UPDATE SET value = excluded.value`,
  );
  const remove = db.prepare(`DELETE FROM meta WHERE key = ?`);
  for (const [key, value] of Object.entries(values)) {
    if (value === null) remove.run(key);
    else upsert.run(key, value);
  }
}

function nextTablePosition(db: Db): number {
  return (
    db.prepare(`SELECT coalesce(max(position) + 1, 0) AS next FROM tables`).get() as {
      next: number;
    }
  ).next;
}

/** A table about to be stored, with fresh ids. */
function snapshotOfNew(db: Db, t: NewTable, position: number): TableSnapshot {
  const id = allocateIds(db, 'tables', 1);
  const firstColumn = allocateIds(db, 'columns', t.columns.length);
  const firstRow = allocateIds(db, 'rows', t.rows.length);
  return {
    id,
    name: t.name,
    title: t.title,
    unit: t.unit,
    position,
    columns: t.columns.map((c, i) => ({ ...c, id: firstColumn + i })),
    rows: t.rows.map((r, i) => ({
      id: firstRow + i,
      role: r.role,
      unitKey: r.unitKey,
      cells: r.cells.map((v) => {
        const n = normaliseCellValue(v);
        return n.ok ? n.value : null;
      }),
    })),
  };
}

/** Insert tables with their columns, rows and non-empty cells; returns the new table ids. */
function insertNewTables(db: Db, tables: readonly NewTable[], firstPosition: number): number[] {
  const snapshots = tables.map((t, i) => snapshotOfNew(db, t, firstPosition + i));
  writeTableChanges(
    db,
    snapshots.map((t) => tableChange({ from: null, to: t })!),
  );
  return snapshots.map((t) => t.id);
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

/**
 * The stored values of the cells about to be set, in the order of `edits` (validated: no cell
 * twice). One query per row touched rather than per cell: a 10,000 × 30 paste reads 10,000 rows.
 */
function readOldValues(db: Db, edits: readonly CellEdit[]): CellValue[] {
  const old = new Array<CellValue>(edits.length).fill(null);
  const byRow = new Map<number, number[]>();
  for (let i = 0; i < edits.length; i++) {
    const list = byRow.get(edits[i].rowId);
    if (list) list.push(i);
    else byRow.set(edits[i].rowId, [i]);
  }
  const rowCells = db.prepare(`SELECT column_id, num, text FROM cells WHERE row_id = ?`).raw(true);
  for (const [rowId, indices] of byRow) {
    const stored = rowCells.all(rowId) as [number, number | null, string | null][];
    if (stored.length === 0) continue;
    if (stored.length * indices.length > 1024) {
      const byColumn = new Map(stored.map((c) => [c[0], c]));
      for (const i of indices) {
        const c = byColumn.get(edits[i].columnId);
        if (c) old[i] = decodeCell(c[1], c[2]);
      }
      continue;
    }
    for (const i of indices) {
      const columnId = edits[i].columnId;
      for (const c of stored) {
        if (c[0] === columnId) {
          old[i] = decodeCell(c[1], c[2]);
          break;
        }
      }
    }
  }
  return old;
}

/**
 * Write validated edits (no cell twice): a number into num as a REAL, text into text, an empty
 * cell as no row. Many cells per statement, as for the edit log.
 */
function writeCells(db: Db, edits: readonly CellEdit[]): void {
  const upsert = chunkedInsert(
    db,
    `INSERT INTO cells (row_id, column_id, num, text) VALUES `,
    4,
    `ON CONFLICT(row_id, column_id) DO UPDATE SET num = excluded.num, text = excluded.text`,
  );
  let remove: ReturnType<typeof db.prepare<[number, number]>> | null = null;
  for (const e of edits) {
    const v = e.value;
    if (v === null) {
      remove ??= db.prepare(`DELETE FROM cells WHERE row_id = ? AND column_id = ?`);
      remove.run(e.rowId, e.columnId);
      continue;
    }
    upsert.params.push(
      e.rowId,
      e.columnId,
      typeof v === 'number' ? v : null,
      typeof v === 'number' ? null : v,
    );
    upsert.rowDone();
  }
  upsert.flush();
}

/** A hidden name beside the target, so the final move stays on one file system. */
export function temporarySibling(target: string): string {
  const suffix = `${process.pid}-${Date.now().toString(36)}-${Math.random().toString(36).slice(2, 8)}`;
  return path.join(path.dirname(target), `.${path.basename(target)}.${suffix}.tmp`);
}

/**
 * Move a finished file to its final name without ever replacing an existing file: link() fails
 * if the target exists. Some file systems (FAT on USB sticks) have no hard links; there, check and
 * rename.
 */
export function placeNewFile(tmp: string, target: string): void {
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

export function osUserName(): string {
  try {
    return os.userInfo().username;
  } catch {
    // userInfo() throws when the uid has no passwd entry (some containers).
    return process.env.USER ?? process.env.USERNAME ?? '';
  }
}
