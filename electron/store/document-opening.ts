/**
 * Making and opening a document's file. A new document is built under a temporary name and
 * moved into place only when complete. Opening reads the file once, read-only, and confirms it
 * is healthy (document-probe.ts) before anything is written; then it decides how the document
 * opens: read-only (a newer Biểu's document, a file that cannot be written, one being edited
 * elsewhere — its lock), or for editing, after a backup, in WAL mode and migrated to the
 * current schema in one transaction.
 */
import path from 'node:path';
import { UserError } from '../../shared/api';
import { DEFAULT_KEEP, writeBackup, type BackupPolicy } from './backups';
import { buildNewFile } from './document-files';
import { assertDocumentFile } from './document-file';
import { acquireLock, lockedReason, type DocumentLock } from './document-lock';
import { probeDocument } from './document-probe';
import fs from 'node:fs';
import { parseNewTables, type NewTableInput } from './new-table';
import { privateCopy } from './private-copy';
import { SCHEMA_VERSION, migrate } from './schema';
import { openDatabase, type Db } from './sqlite';
import { tableChange, writeTableChanges } from './table-changes';
import { allocateIds } from './table-snapshot';
import { newTableSnapshot } from './table-plans';
import { busySentence, isBusy } from './write-lock';

/** An open document's connection and how it may be used. */
export interface OpenedDocument {
  db: Db;
  /** Why it may not be changed, in Vietnamese; null when it may. */
  readOnlyReason: string | null;
  /** The lock this process holds on it (null when read-only). */
  lock: DocumentLock | null;
  /** What closing it also does (remove a private copy). */
  dispose: (() => void) | null;
}

/**
 * Create a new document file with the given tables. Refuses an existing path: a document is
 * never written over, and a failure leaves no half-made document behind.
 */
export function createDocumentFile(target: string, tables: readonly NewTableInput[]): void {
  const name = path.basename(target);
  buildNewFile(target, `Không tạo được tài liệu «${name}»`, (tmp) => {
    const parsed = parseNewTables(tables, []);
    const db = openDatabase(tmp);
    try {
      db.pragma('foreign_keys = ON');
      // Still in rollback-journal mode here, so application_id lands in the main file's header
      // (document-file.ts relies on that); opening the finished file switches it to WAL.
      migrate(db);
      db.transaction(() => {
        const ids = (kind: 'tables' | 'columns' | 'rows', count: number) =>
          allocateIds(db, kind, count);
        const snapshots = parsed.map((t, i) => newTableSnapshot(t, i, ids));
        writeTableChanges(
          db,
          snapshots.map((t) => tableChange({ from: null, to: t })!),
        );
      })();
    } finally {
      db.close();
    }
  });
}

const readOnly = (db: Db, readOnlyReason: string): OpenedDocument => ({
  db,
  readOnlyReason,
  lock: null,
  dispose: null,
});

/**
 * Open an existing document. A file that is not a Biểu document, or a damaged one, is refused
 * (UserError 'not-a-document') without being written to; a document from a newer Biểu, or one
 * being edited in another window or process (its lock), opens read-only; an older one is
 * migrated in one transaction, after a backup.
 */
export function openDocumentFile(
  resolved: string,
  user: string,
  backups: BackupPolicy | undefined,
): OpenedDocument {
  const name = path.basename(resolved);
  assertDocumentFile(resolved);

  const { probe, version } = probeDocument(resolved);
  if (version > SCHEMA_VERSION) {
    // Writing with an older schema in mind could corrupt what the newer Biểu stored; reading
    // is still useful, so keep the read-only connection.
    return readOnly(
      probe,
      `Tài liệu được tạo bởi phiên bản Biểu mới hơn (lược đồ ${version}); chỉ mở để xem.`,
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
    return readOnly(
      openDatabase(resolved, { readonly: true }),
      `Không có quyền ghi vào tệp «${name}» hoặc thư mục chứa nó; chỉ mở để xem.`,
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
    return readOnly(probe, lockedReason(attempt.owner));
  }
  const lock = attempt.lock;

  // A copy before the document is opened for writing (and before any migration touches it).
  if (backups) {
    try {
      writeBackup(probe, resolved, backups.root, backups.keep ?? DEFAULT_KEEP);
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
  return { db, readOnlyReason: null, lock, dispose: null };
}

/**
 * Open a document only to read it (`bieu check`), from a private copy: not one byte of the
 * file changes and nothing appears beside it, whoever else has it open. A rollback-journal
 * document stays one, an older one is upgraded in the copy only, and a -wal beside it is read
 * as SQLite would read it. The copy goes when the document is closed (`dispose`).
 */
export function openReadOnlyCopyFile(resolved: string, user: string): OpenedDocument {
  assertDocumentFile(resolved);
  const copy = privateCopy(resolved, true);
  let opened: OpenedDocument;
  try {
    opened = openDocumentFile(copy.file, user, undefined);
  } catch (err) {
    copy.dispose();
    throw err;
  }
  opened.lock?.release();
  return {
    db: opened.db,
    readOnlyReason: opened.readOnlyReason ?? 'Tài liệu chỉ được mở để đọc; tệp không thay đổi.',
    lock: null,
    dispose: copy.dispose,
  };
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
