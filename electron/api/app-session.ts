/**
 * The open document of one running app (one window, or one browser host). Opening another
 * document closes the previous one, so at most one SQLite handle is live per session.
 *
 * The session also owns what lives outside the document: the recent list (settings), the
 * backups and the user's templates in the app-data folder, and the file itself (rename,
 * restore from a backup).
 */
import fs from 'node:fs';
import path from 'node:path';
import {
  UserError,
  type BackupInfo,
  type ChangeSet,
  type DocumentInfo,
  type RecentDocument,
  type TemplateInfo,
} from '../../shared/api';
import type { AppPaths } from '../app-paths';
import type { SettingsStore } from '../settings';
import {
  backupsRoot,
  findBackup,
  listBackups,
  setAsideDamagedBackup,
  sweepUnfinishedBackups,
  vietnameseTime,
  type BackupPolicy,
} from '../store/backups';
import { DamagedDocumentError, ForeignWalError } from '../store/document-probe';
import { DocumentStore, type StoreOptions } from '../store/document-store';
import { blankTable, type NewTableInput } from '../store/new-table';
import {
  listTemplates,
  loadTemplate,
  saveUserTemplate,
  tableFromTemplate,
} from '../store/templates';

export class AppSession {
  private store: DocumentStore | null = null;

  /**
   * @param paths the app's folders; without them (some tests) there are no backups and no user
   *   templates.
   */
  constructor(
    private readonly settings: SettingsStore,
    private readonly paths?: AppPaths,
  ) {
    // At start: what a Biểu killed while writing a backup left behind goes.
    const policy = this.backupPolicy;
    if (policy) sweepUnfinishedBackups(policy.root);
  }

  get current(): DocumentStore | null {
    return this.store;
  }

  /** The open document, or a user error when there is none. */
  require(): DocumentStore {
    if (!this.store) throw new UserError('Chưa mở tài liệu nào.', 'not-found');
    return this.store;
  }

  /** Where the user's own templates live: `<dataDir>/templates`. */
  get userTemplatesDir(): string | undefined {
    return this.paths ? path.join(this.paths.dataDir, 'templates') : undefined;
  }

  private get backupPolicy(): BackupPolicy | undefined {
    return this.paths ? { root: backupsRoot(this.paths.dataDir) } : undefined;
  }

  private get storeOptions(): StoreOptions {
    return { backups: this.backupPolicy };
  }

  open(docPath: string): DocumentInfo {
    const resolved = path.resolve(docPath);
    // Reopening the document already open here: let go of it first, or the new handle would
    // find this session's own lock and open read-only.
    if (this.store?.path === resolved) this.close();
    let next: DocumentStore;
    try {
      // Open the new one before closing the old: a refused file leaves the session as it was.
      next = DocumentStore.open(resolved, this.storeOptions);
    } catch (err) {
      throw this.withBackupOffer(err, resolved);
    }
    this.replace(next);
    this.settings.rememberOpened(resolved);
    return this.info();
  }

  create(docPath: string, templateIds: string[]): DocumentInfo {
    return this.createFromTables(
      docPath,
      templateIds.map((id) => tableFromTemplate(loadTemplate(id, this.userTemplatesDir))),
    );
  }

  /** A new document with one empty table "Biểu 1". */
  createBlank(docPath: string): DocumentInfo {
    return this.createFromTables(docPath, [blankTable('Biểu 1')]);
  }

  createFromTables(docPath: string, tables: NewTableInput[]): DocumentInfo {
    const resolved = path.resolve(ensureExtension(docPath));
    if (fs.existsSync(resolved)) {
      throw new UserError(
        `Tệp «${path.basename(resolved)}» đã có; hãy chọn tên khác để không ghi đè.`,
        'bad-input',
      );
    }
    fs.mkdirSync(path.dirname(resolved), { recursive: true });
    this.replace(DocumentStore.create(resolved, tables, this.storeOptions));
    this.settings.rememberOpened(resolved);
    return this.info();
  }

  saveAs(docPath: string): DocumentInfo {
    const resolved = path.resolve(ensureExtension(docPath));
    if (fs.existsSync(resolved)) {
      throw new UserError(
        `Tệp «${path.basename(resolved)}» đã có; hãy chọn tên khác để không ghi đè.`,
        'bad-input',
      );
    }
    this.require().saveAs(resolved);
    this.settings.rememberOpened(resolved);
    return this.info();
  }

  info(): DocumentInfo {
    const store = this.require();
    return store.info();
  }

  /** Close the document (the app is stopping, or another replaces it). */
  close(): void {
    this.store?.close();
    this.store = null;
  }

  /** The user closed the document: close it, and start on the start screen next time. */
  closeDocument(): void {
    if (!this.store) return;
    this.close();
    this.settings.forgetLast();
  }

  /** The recent documents, newest first, with whether each is still there and when it changed. */
  recent(): RecentDocument[] {
    return this.settings.get().recent.map((r) => {
      let modifiedAt: string | null = null;
      try {
        const stat = fs.statSync(r.path);
        if (stat.isFile()) modifiedAt = stat.mtime.toISOString();
      } catch {
        // Moved, deleted or on a drive that is not plugged in.
      }
      return {
        path: r.path,
        name: path.basename(r.path),
        openedAt: r.openedAt,
        modifiedAt,
        exists: modifiedAt !== null,
      };
    });
  }

  /**
   * Give the open document's file another name in the same folder. The document is closed
   * (its WAL written into the file) so the file moves alone, then reopened under the new name;
   * its backups and its place in the recent list follow it.
   */
  rename(newName: string): DocumentInfo {
    const store = this.require();
    if (store.readOnly) {
      throw new UserError(
        `Không thể đổi tên tài liệu «${path.basename(store.path)}»: ${store.info().readOnlyReason}`,
        'read-only',
      );
    }
    const name = ensureExtension(checkFileName(newName));
    const from = store.path;
    const to = path.join(path.dirname(from), name);
    if (to === from) return this.info();
    if (DocumentStore.nameTaken(from, to)) {
      throw new UserError(
        `Thư mục đã có tệp «${name}»; hãy chọn tên khác để không ghi đè.`,
        'bad-input',
      );
    }
    store.renameTo(to);
    this.settings.renamed(from, to);
    this.settings.rememberOpened(to);
    return this.info();
  }

  /** The folder of the open document (the host shows it in the file manager). */
  folder(): { folder: string; file: string } {
    const file = this.require().path;
    return { folder: path.dirname(file), file };
  }

  setMeta(meta: Record<string, string | null>): ChangeSet {
    return this.require().setMeta(meta);
  }

  /** Add a table from a template (built-in or the user's), else a blank one. */
  addTable(templateId?: string, name?: string): ChangeSet {
    const store = this.require();
    if (templateId) {
      const template = loadTemplate(templateId, this.userTemplatesDir);
      const table = tableFromTemplate(template);
      table.name = name ?? store.freeTableName(table.name);
      return store.addTable(table, `Thêm biểu «${table.name}» từ mẫu «${template.name}»`);
    }
    let wish = name;
    if (!wish) {
      const count = store.listTables().length;
      for (let n = count + 1; ; n++) {
        if (store.freeTableName(`Biểu ${n}`) === `Biểu ${n}`) {
          wish = `Biểu ${n}`;
          break;
        }
      }
    }
    return store.addTable(blankTable(wish));
  }

  /** Save a table's structure as one of the user's templates (app-data, not the built-ins). */
  saveUserTemplate(tableId: number, name: string): TemplateInfo {
    const store = this.require();
    const dir = this.userTemplatesDir;
    if (!dir) {
      throw new UserError('Phiên bản này không có thư mục dữ liệu để lưu mẫu biểu.', 'failed');
    }
    const table = store.templateTable(tableId);
    const today = vietnameseTime(new Date().toISOString()).replace(/^.* ngày /, '');
    return saveUserTemplate(
      dir,
      name,
      `Mẫu riêng, lưu từ biểu «${table.name}» của tài liệu «${path.basename(store.path)}» ngày ${today}.`,
      table,
    );
  }

  templates(): TemplateInfo[] {
    return listTemplates(this.userTemplatesDir);
  }

  /**
   * The backups of a document: the one named, else the open one, else of every document.
   */
  backups(docPath?: string): BackupInfo[] {
    const policy = this.backupPolicy;
    if (!policy) return [];
    const target = docPath ? path.resolve(docPath) : this.store?.path;
    return listBackups(policy.root, target);
  }

  /**
   * Replace a document with one of its backups and open it. What is replaced is backed up
   * first (a damaged file is kept byte for byte beside the backups instead), and the lock is
   * held throughout, so no other window writes to the file while it is being replaced.
   */
  restoreBackup(backupId: string): DocumentInfo {
    const policy = this.backupPolicy;
    if (!policy) throw new UserError('Phiên bản này không có bản sao lưu nào.', 'not-found');
    const { file, documentPath } = findBackup(policy.root, backupId);
    DocumentStore.verify(file);
    const name = path.basename(documentPath);

    const open = this.store?.path === documentPath ? this.store : null;
    if (open) {
      if (open.readOnly) {
        throw new UserError(
          `Không khôi phục được «${name}»: ${open.info().readOnlyReason}`,
          'read-only',
        );
      }
      open.backupNow();
      this.close();
    }
    let replaced = false;
    try {
      DocumentStore.restore(documentPath, file, policy, open !== null);
      replaced = true;
    } finally {
      // Whatever failed, the user gets back the document that was open.
      if (open && !replaced) {
        try {
          this.open(documentPath);
        } catch {
          // Reported by the error being thrown.
        }
      }
    }
    return this.open(documentPath);
  }

  /**
   * A refused document for which a good backup exists: the same sentence, ending with when the
   * newest good one was made, so the user can restore it. A backup that no longer passes the
   * checks itself is set aside (backups.list stops offering it).
   */
  private withBackupOffer(err: unknown, docPath: string): unknown {
    if (!(err instanceof UserError) || err.code !== 'not-a-document') return err;
    // A foreign -wal is moved away, not answered with an older copy of the document.
    if (err instanceof ForeignWalError) return err;
    const good = this.latestGoodBackup(docPath);
    if (!good) return err;
    const offer =
      `${err.message.replace(/\.$/, '')}; bản sao lưu còn tốt gần nhất là lúc ` +
      `${vietnameseTime(good.createdAt)}, có thể khôi phục tài liệu từ bản sao lưu đó.`;
    return err instanceof DamagedDocumentError
      ? new DamagedDocumentError(offer, err.documentPath)
      : new UserError(offer, 'not-a-document');
  }

  private latestGoodBackup(docPath: string): BackupInfo | null {
    const policy = this.backupPolicy;
    if (!policy) return null;
    for (const backup of listBackups(policy.root, docPath)) {
      const { file } = findBackup(policy.root, backup.id);
      try {
        DocumentStore.verify(file);
        return backup;
      } catch (err) {
        if (!(err instanceof UserError)) throw err;
        setAsideDamagedBackup(file);
      }
    }
    return null;
  }

  private replace(next: DocumentStore): void {
    this.store?.close();
    this.store = next;
  }
}

function ensureExtension(p: string): string {
  return p.toLowerCase().endsWith('.bieu') ? p : `${p}.bieu`;
}

/** A file name that is a name, not a path, and that Windows accepts too (files travel). */
function checkFileName(raw: string): string {
  const name = raw.trim();
  if (/[\\/]/.test(name)) {
    throw new UserError(
      `Tên tệp «${name}» không được chứa dấu / hoặc \\; tài liệu được đổi tên trong thư mục của nó.`,
      'bad-input',
    );
  }
  // eslint-disable-next-line no-control-regex
  if (name === '' || name === '.' || name === '..' || /[:*?"<>|\u0000-\u001f]/.test(name)) {
    throw new UserError(
      `Tên tệp «${name}» không hợp lệ: không dùng các ký tự : * ? " < > |.`,
      'bad-input',
    );
  }
  return name;
}
