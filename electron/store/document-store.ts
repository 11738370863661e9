/**
 * One open Biểu document: a single SQLite file (*.bieu) holding its tables, their cells, its
 * metadata, its rules and the edit log. This class is the one door to it; each concern lives in
 * its own module and the methods here only pass the open connection on:
 *
 *   opening, creating       document-opening.ts (health checks: document-probe.ts)
 *   the open file           open-document.ts (close, save as, rename; backup-schedule.ts)
 *   the file on disk        document-files.ts (copy, move, restore a backup)
 *   reading tables          table-reads.ts, table-snapshot.ts
 *   cells and paste         cell-writes.ts
 *   tables and their shape  table-plans.ts, structure-edits.ts, column-edits.ts, row-edits.ts
 *   rules, metadata         rule-plans.ts, document-meta.ts
 *   undo, redo, history     history.ts, revert.ts, edit-log.ts
 *   writing any change      commit.ts (one transaction, one batch of the edit log)
 *
 * Every user action is one transaction, so what the UI has shown as saved is on disk (WAL,
 * synchronous=FULL), and a failed action leaves nothing half-done.
 */
import path from 'node:path';
import {
  type BackupInfo,
  type CellEdit,
  type ChangeSet,
  type ColumnRefInfo,
  type ColumnSpec,
  type DocumentInfo,
  type HistoryEntry,
  type PasteInput,
} from '../../shared/api';
import type { RowRole, Table, TableSummary } from '../../shared/model';
import type { BackupPolicy } from './backups';
import { paste, setCells } from './cell-writes';
import { readCellSources, setCellsFrom, type CellSource, type SourcedEdit } from './cell-sources';
import { commitPlan, single, undoState, type StructurePlan, type Writer } from './commit';
import { nameTaken, replaceWithBackup, verifyDocument } from './document-files';
import { checkMetaEntries, metaPlan, readMeta, readMetaKeys } from './document-meta';
import { createDocumentFile, openDocumentFile, openReadOnlyCopyFile } from './document-opening';
import { readHistory, type EditBatch } from './edit-log';
import { historyEntries, replay } from './history';
import type { NewTableInput } from './new-table';
import { osUserName } from './os-user';
import { revertTo } from './revert';
import * as rulePlans from './rule-plans';
import {
  readDisabledRules,
  readLinks,
  readUserRules,
  type LinkRow,
  type UserRuleRow,
} from './rule-rows';
import type { Db } from './sqlite';
import * as columnEdits from './column-edits';
import * as rowEdits from './row-edits';
import * as ops from './structure-edits';
import * as tablePlans from './table-plans';
import {
  listTables,
  requireTable,
  requireTableShape,
  tableIdByName,
  tableNames,
} from './table-reads';
import { OpenDocument, type StoreOptions } from './open-document';
import { readTableOrder, type TableSnapshot } from './table-snapshot';

export type { StoreOptions } from './open-document';

export class DocumentStore {
  private constructor(private readonly file: OpenDocument) {}

  // ---------------------------------------------------------------- the file

  /** A new document with these tables; never over an existing file (document-opening.ts). */
  static create(
    filePath: string,
    tables: readonly NewTableInput[],
    options: StoreOptions = {},
  ): DocumentStore {
    createDocumentFile(path.resolve(filePath), tables);
    return DocumentStore.open(filePath, options);
  }

  /** Open a document: for editing, or read-only with the reason (document-opening.ts). */
  static open(filePath: string, options: StoreOptions = {}): DocumentStore {
    const resolved = path.resolve(filePath);
    const user = options.user ?? osUserName();
    const opened = openDocumentFile(resolved, user, options.backups);
    return new DocumentStore(new OpenDocument(opened, resolved, user, options.backups));
  }

  /** Open a document only to read it, changing nothing (`bieu check`; document-opening.ts). */
  static openReadOnlyCopy(filePath: string, options: { user?: string } = {}): DocumentStore {
    const resolved = path.resolve(filePath);
    const user = options.user ?? osUserName();
    const opened = openReadOnlyCopyFile(resolved, user);
    return new DocumentStore(new OpenDocument(opened, resolved, user, undefined));
  }

  /** Throw the UserError open() would if the file is not a healthy document; reads only. */
  static verify(filePath: string): void {
    verifyDocument(filePath);
  }

  /** Whether renaming `from` to `to` would meet another file (or its -wal, its lock). */
  static nameTaken(from: string, to: string): boolean {
    return nameTaken(from, to);
  }

  /** Replace a closed document with one of its backups; `backedUp`: it was, while open. */
  static restore(
    documentPath: string,
    backupFile: string,
    policy: BackupPolicy,
    backedUp: boolean,
  ): void {
    replaceWithBackup(documentPath, backupFile, policy, { user: osUserName(), backedUp });
  }

  close(): void {
    this.file.close();
  }

  get path(): string {
    return this.file.path;
  }

  get readOnly(): boolean {
    return this.file.readOnlyReason !== null;
  }

  info(): DocumentInfo {
    return {
      path: this.path,
      name: path.basename(this.path),
      readOnly: this.readOnly,
      readOnlyReason: this.file.readOnlyReason,
      tables: this.listTables(),
      canUndo: this.canUndo(),
      canRedo: this.canRedo(),
    };
  }

  backupNow(): BackupInfo | null {
    return this.file.backupNow();
  }

  /** "Save as": a copy under a new name, where the work goes on (open-document.ts). */
  saveAs(filePath: string): void {
    this.file.saveAs(path.resolve(filePath));
  }

  /** Another name in the same folder, where the work goes on (open-document.ts). */
  renameTo(filePath: string): void {
    this.file.renameTo(path.resolve(filePath));
  }

  // ---------------------------------------------------------------- tables

  listTables(): TableSummary[] {
    return listTables(this.conn);
  }

  getTable(tableId: number): Table {
    const { position: _position, ...table } = requireTable(this.conn, tableId, this.path);
    return table;
  }

  tableByName(name: string): Table | null {
    const id = tableIdByName(this.conn, name);
    return id === null ? null : this.getTable(id);
  }

  /** A name no table of the document has yet: the wish, else "wish (2)", "wish (3)" … */
  freeTableName(wish: string): string {
    return tablePlans.freeName(tableNames(this.conn), wish);
  }

  /** Add tables after the existing ones (an import), as one undoable batch. */
  addTables(tables: readonly NewTableInput[], label?: string): TableSummary[] {
    const added = tablePlans.addNewTables(this.writer, this.ids, tables, label, 'import');
    return this.listTables().filter((t) => added?.ids.includes(t.id));
  }

  /** Add a table (from a template, else blank) after the last one. */
  addTable(table: NewTableInput, label?: string): ChangeSet {
    return tablePlans.addNewTables(this.writer, this.ids, [table], label, 'add')!.changes;
  }

  renameTable(tableId: number, name: string): ChangeSet {
    return this.structural(tableId, (t) => tablePlans.renamePlan(t, name, tableNames(this.conn)));
  }

  setTableInfo(tableId: number, info: { title?: string; unit?: string }): ChangeSet {
    return this.structural(tableId, (t) => single(t, ops.setTableInfo(t, info)));
  }

  /** A copy of a table, with its cells, placed right after it. */
  duplicateTable(tableId: number): ChangeSet {
    return this.structural(tableId, (t) =>
      tablePlans.duplicatePlan(t, tableNames(this.conn), readTableOrder(this.conn), this.ids),
    );
  }

  /** Put a table at a place in the list of tables (0 = first; past the end = last). */
  moveTable(tableId: number, toIndex: number): ChangeSet {
    return this.structural(tableId, (t) =>
      tablePlans.movePlan(t, readTableOrder(this.conn), toIndex),
    );
  }

  deleteTable(tableId: number): ChangeSet {
    return this.structural(tableId, tablePlans.deletePlan);
  }

  addColumn(tableId: number, atIndex: number, column: ColumnSpec): ChangeSet {
    return this.structural(tableId, (t) =>
      single(t, columnEdits.addColumn(t, atIndex, column, this.ids)),
    );
  }

  updateColumn(tableId: number, columnId: number, patch: Partial<ColumnSpec>): ChangeSet {
    return this.structural(tableId, (t) => single(t, columnEdits.updateColumn(t, columnId, patch)));
  }

  removeColumns(tableId: number, columnIds: readonly number[]): ChangeSet {
    return this.structural(tableId, (t) => single(t, columnEdits.removeColumns(t, columnIds)));
  }

  moveColumn(tableId: number, columnId: number, toIndex: number): ChangeSet {
    return this.structural(
      tableId,
      (t) => single(t, columnEdits.moveColumn(t, columnId, toIndex)),
      'shape',
    );
  }

  groupColumns(tableId: number, columnIds: readonly number[], group: string | null): ChangeSet {
    return this.structural(tableId, (t) =>
      single(t, columnEdits.groupColumns(t, columnIds, group)),
    );
  }

  /** Insert empty rows before row `atIndex` (past the end: at the end); 'detail' by default. */
  insertRows(tableId: number, atIndex: number, count = 1, role: RowRole = 'detail'): ChangeSet {
    return this.structural(
      tableId,
      (t) => single(t, rowEdits.insertRows(t, atIndex, count, role, this.ids)),
      'shape',
    );
  }

  removeRows(tableId: number, rowIds: readonly number[]): ChangeSet {
    return this.structural(tableId, (t) => single(t, rowEdits.removeRows(t, rowIds)));
  }

  moveRow(tableId: number, rowId: number, toIndex: number): ChangeSet {
    return this.structural(tableId, (t) => single(t, rowEdits.moveRow(t, rowId, toIndex)));
  }

  updateRows(tableId: number, rowIds: readonly number[], patch: rowEdits.RowPatch): ChangeSet {
    return this.structural(tableId, (t) => single(t, rowEdits.updateRows(t, rowIds, patch)));
  }

  /** The table as a user template would hold it: structure and labels, no figures. */
  templateTable(tableId: number): ReturnType<typeof ops.templateTableFrom> {
    return ops.templateTableFrom(requireTable(this.conn, tableId, this.path));
  }

  // ---------------------------------------------------------------- cells

  /** Set cells as one undoable action; every edit is checked first (cell-writes.ts). */
  setCells(edits: readonly CellEdit[], label?: string): ChangeSet {
    return setCells(this.writer, edits, label);
  }

  /** Set cells from a returned file as one undoable action, remembering each figure's source. */
  setCellsFrom(edits: readonly SourcedEdit[], label: string): ChangeSet {
    return setCellsFrom(this.writer, edits, label);
  }

  /** Where the figures of a table came from, for those a file brought (cell-sources.ts). */
  cellSources(tableId: number): CellSource[] {
    return readCellSources(this.conn, tableId);
  }

  /** A paste as ONE undoable action, with the rows it adds (cell-writes.ts). */
  paste(p: PasteInput): ChangeSet {
    return paste(this.writer, p, this.ids);
  }

  // ---------------------------------------------------------------- undo, redo, history

  /** Revert the newest applied batch. */
  undo(): ChangeSet {
    return replay(this.writer, 'undo');
  }

  /** Reapply the batch undone most recently. */
  redo(): ChangeSet {
    return replay(this.writer, 'redo');
  }

  canUndo(): boolean {
    return !this.readOnly && undoState(this.conn).canUndo;
  }

  canRedo(): boolean {
    return !this.readOnly && undoState(this.conn).canRedo;
  }

  /** The newest `limit` edit batches, newest first, with their edits (the audit trail). */
  history(limit = 100): EditBatch[] {
    return readHistory(this.conn, limit);
  }

  /** The history panel's view of the log: who, when, what, newest first. */
  historyEntries(limit = 200): HistoryEntry[] {
    return historyEntries(this.history(limit));
  }

  /** Go back to the moment right after batch `batchId` (0: the start) as ONE new action. */
  revertTo(batchId: number): ChangeSet {
    return revertTo(this.writer, batchId);
  }

  // ---------------------------------------------------------------- rules (rule-plans.ts)

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

  /** Accept or dismiss a link between two columns, as one undoable action. */
  setLink(
    from: ColumnRefInfo,
    to: ColumnRefInfo,
    state: LinkRow['state'],
    label: string,
  ): ChangeSet {
    return rulePlans.setLink(this.writer, from, to, state, label);
  }

  removeLink(id: number, label: string): ChangeSet {
    return rulePlans.removeLink(this.writer, id, label);
  }

  /** Store a rule typed by the user (checked by the caller); its id with the change. */
  addUserRule(
    tableId: number | null,
    text: string,
    label: string,
  ): { id: number; changes: ChangeSet } {
    return rulePlans.addUserRule(this.writer, tableId, text, label);
  }

  removeUserRule(id: number, label: string): ChangeSet {
    return rulePlans.removeUserRule(this.writer, id, label);
  }

  setRuleEnabled(ruleId: string, enabled: boolean, label: string): ChangeSet {
    return rulePlans.setRuleEnabled(this.writer, ruleId, enabled, label);
  }

  // ---------------------------------------------------------------- metadata (document-meta.ts)

  getMeta(): Record<string, string> {
    return readMeta(this.conn);
  }

  /** Set metadata keys; null removes a key. One undoable batch. */
  setMeta(entries: Record<string, string | null>, label?: string): ChangeSet {
    const w = this.writer;
    checkMetaEntries(entries);
    const keys = new Set(Object.keys(entries));
    return commitPlan(w, () => metaPlan(readMetaKeys(w.db, keys), entries, label));
  }

  // ---------------------------------------------------------------- internals

  private get conn(): Db {
    return this.file.conn;
  }

  private get writer(): Writer {
    return this.file.writer;
  }

  private get ids() {
    return this.file.ids;
  }

  /**
   * One structural action on one table: read it, plan the change, write and log it. An action
   * that changes no cell and whose words name none (a row inserted, a column moved) reads only
   * the table's 'shape': its cells stay as they are, unread, unwritten and unlogged.
   */
  private structural(
    tableId: number,
    plan: (t: TableSnapshot) => StructurePlan | null,
    read: 'cells' | 'shape' = 'cells',
  ): ChangeSet {
    const w = this.writer;
    const require = read === 'shape' ? requireTableShape : requireTable;
    return commitPlan(w, () => plan(require(w.db, tableId, this.path)));
  }
}
