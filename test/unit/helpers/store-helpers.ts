/** Shared set-up for the store tests: real files in a fresh temp folder, closed after each test. */
import crypto from 'node:crypto';
import fs from 'node:fs';
import os from 'node:os';
import path from 'node:path';
import { afterEach, beforeEach } from 'vitest';
import { DocumentStore } from '../../../electron/store/document-store';
import { loadTemplate, tableFromTemplate } from '../../../electron/store/templates';

export interface Workspace {
  dir: string;
  file(name: string): string;
  /** Track a store so it is closed after the test even when an assertion fails. */
  track(store: DocumentStore): DocumentStore;
  /** A new document from both built-in templates. */
  createSample(name?: string): DocumentStore;
}

export function useWorkspace(): Workspace {
  const opened: DocumentStore[] = [];
  const ws: Workspace = {
    dir: '',
    file: (name) => path.join(ws.dir, name),
    track: (store) => {
      opened.push(store);
      return store;
    },
    createSample: (name = 'mau.bieu') =>
      ws.track(
        DocumentStore.create(
          ws.file(name),
          ['cdht-theo-nhom', 'dan-so-tham-gia'].map((id) => tableFromTemplate(loadTemplate(id))),
          { user: 'thongke' },
        ),
      ),
  };
  beforeEach(() => {
    ws.dir = fs.mkdtempSync(path.join(os.tmpdir(), 'bieu-store-'));
  });
  afterEach(() => {
    for (const s of opened.splice(0)) s.close();
    fs.rmSync(ws.dir, { recursive: true, force: true });
  });
  return ws;
}

export function sha256(file: string): string {
  return crypto.createHash('sha256').update(fs.readFileSync(file)).digest('hex');
}

export function listDir(dir: string): string[] {
  return fs.readdirSync(dir).sort();
}
