/**
 * The open document of one running app (one window, or one browser host). Opening another
 * document closes the previous one, so at most one SQLite handle is live per session.
 */
import fs from 'node:fs';
import path from 'node:path';
import { UserError, type DocumentInfo } from '../../shared/api';
import { DocumentStore } from '../store/document-store';
import { loadTemplate, tableFromTemplate } from '../store/templates';
import type { SettingsStore } from '../settings';
import type { NewTableInput } from '../store/new-table';

export class DocumentSession {
  private store: DocumentStore | null = null;

  constructor(private readonly settings: SettingsStore) {}

  get current(): DocumentStore | null {
    return this.store;
  }

  /** The open document, or a user error when there is none. */
  require(): DocumentStore {
    if (!this.store) throw new UserError('Chưa mở tài liệu nào.', 'not-found');
    return this.store;
  }

  open(docPath: string): DocumentInfo {
    const resolved = path.resolve(docPath);
    // Open the new one before closing the old: a refused file leaves the session as it was.
    const next = DocumentStore.open(resolved);
    this.replace(next);
    this.settings.rememberOpened(resolved);
    return this.info();
  }

  create(docPath: string, templateIds: string[]): DocumentInfo {
    return this.createFromTables(
      docPath,
      templateIds.map((id) => tableFromTemplate(loadTemplate(id))),
    );
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
    this.replace(DocumentStore.create(resolved, tables));
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

  close(): void {
    this.store?.close();
    this.store = null;
  }

  private replace(next: DocumentStore): void {
    this.store?.close();
    this.store = next;
  }
}

function ensureExtension(p: string): string {
  return p.toLowerCase().endsWith('.bieu') ? p : `${p}.bieu`;
}
