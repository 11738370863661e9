/**
 * An open document's file: its SQLite connection, the lock this process holds on it, whether it
 * may be changed (and why not), its backup schedule, and what happens to the file as a whole —
 * closing, a copy under another name ("Save as"), another name in its folder. The store's
 * modules reach the document through `conn` (to read) and `writer` (to change it).
 */
import path from 'node:path';
import { UserError, type BackupInfo } from '../../shared/api';
import { BackupSchedule } from './backup-schedule';
import { moveBackups } from './backups';
import type { Writer } from './commit';
import { copyDocument, renameDocumentFile } from './document-files';
import { openDocumentFile, type OpenedDocument } from './document-opening';
import type { DocumentLock } from './document-lock';
import type { Db } from './sqlite';
import type { BackupPolicy } from './backups';
import { allocateIds, type IdKind } from './table-snapshot';

export interface StoreOptions {
  /** Who is editing, for the edit log; defaults to the operating-system user name. */
  user?: string;
  /** Where and how often to back the document up; no backups without it (tests, the CLI). */
  backups?: BackupPolicy;
}

export class OpenDocument {
  private db: Db | null = null;
  private lock: DocumentLock | null = null;
  private dispose: (() => void) | null = null;
  private reason: string | null = null;
  private readonly backups: BackupSchedule;

  constructor(
    opened: OpenedDocument,
    private filePath: string,
    readonly user: string,
    private readonly backupPolicy: BackupPolicy | undefined,
  ) {
    this.take(opened);
    this.backups = new BackupSchedule(backupPolicy);
  }

  get path(): string {
    return this.filePath;
  }

  /** Why the document may not be changed, in Vietnamese; null when it may. */
  get readOnlyReason(): string | null {
    return this.reason;
  }

  /** The connection, to read; a closed document says so. */
  get conn(): Db {
    if (!this.db) {
      throw new UserError(`Tài liệu «${path.basename(this.filePath)}» đã được đóng.`, 'failed');
    }
    return this.db;
  }

  /** The document as the modules that change it need it; refuses a read-only document. */
  get writer(): Writer {
    if (this.reason !== null) {
      throw new UserError(
        `Không thể sửa tài liệu «${path.basename(this.filePath)}»: ${this.reason}`,
        'read-only',
      );
    }
    const db = this.conn;
    return {
      db,
      docPath: this.filePath,
      user: this.user,
      afterBatch: () => this.backups.afterBatch(db, this.filePath),
    };
  }

  /** Fresh ids for new tables, columns and rows (structure-edits.ts). */
  readonly ids = (kind: IdKind, count: number): number => allocateIds(this.conn, kind, count);

  /**
   * Close the file (SQLite checkpoints the WAL into it) and free it for other windows. A
   * document edited since its last backup is backed up first. Safe to call twice.
   */
  close(): void {
    if (this.db) this.backups.beforeClose(this.db, this.filePath);
    this.db?.close();
    this.db = null;
    this.lock?.release();
    this.lock = null;
    this.dispose?.();
    this.dispose = null;
  }

  /** Back up now; null without a backup folder or when the copy equals the newest backup. */
  backupNow(): BackupInfo | null {
    return this.backups.now(this.conn, this.filePath);
  }

  /**
   * Move everything in the WAL into the main file, so the file alone is the document (before it
   * is renamed). False when a reader elsewhere keeps part of the WAL in use.
   */
  checkpoint(): boolean {
    if (this.reason !== null) return true;
    const [result] = this.conn.pragma('wal_checkpoint(TRUNCATE)') as { busy: number }[];
    return result?.busy === 0;
  }

  /**
   * Write a copy (tables, metadata, edit log) to a new path and continue in the copy, as "Save
   * as" does everywhere. Allowed read-only too: it only reads, and the copy keeps its version.
   */
  saveAs(target: string): void {
    copyDocument(this.conn, this.filePath, target);
    const copy = openDocumentFile(target, this.user, this.backupPolicy);
    this.close();
    this.take(copy);
    this.filePath = target;
    this.backups.reset();
  }

  /**
   * Give the file another name in its folder and continue under it; its backups follow. The
   * document is closed (its WAL written into the file) so the file moves alone; when the move
   * fails it is reopened under its old name.
   */
  renameTo(target: string): void {
    const from = this.filePath;
    if (!this.checkpoint()) {
      throw new UserError(
        `Chưa đổi tên được «${path.basename(from)}»: tài liệu đang được đọc ở nơi khác; hãy thử lại sau.`,
        'failed',
      );
    }
    this.close();
    try {
      renameDocumentFile(from, target);
    } catch (err) {
      this.take(openDocumentFile(from, this.user, this.backupPolicy));
      throw err;
    }
    if (this.backupPolicy) moveBackups(this.backupPolicy.root, from, target);
    this.filePath = target;
    this.take(openDocumentFile(target, this.user, this.backupPolicy));
  }

  private take(opened: OpenedDocument): void {
    this.db = opened.db;
    this.lock = opened.lock;
    this.dispose = opened.dispose;
    this.reason = opened.readOnlyReason;
  }
}
