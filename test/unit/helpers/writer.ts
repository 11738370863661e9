/**
 * A document opened the way the store's modules see it (commit.ts Writer): a real file made
 * from both built-in templates, its connection, and a count of the batches recorded.
 */
import type { Writer } from '../../../electron/store/commit';
import { openDatabase } from '../../../electron/store/sqlite';
import { afterEach } from 'vitest';
import { useWorkspace, type Workspace } from './store-helpers';

export interface OpenWriter extends Writer {
  /** How many batches were recorded (afterBatch calls). */
  batches: number;
  close(): void;
}

export function sampleWriter(ws: Workspace, name = 'mau.bieu'): OpenWriter {
  const store = ws.createSample(name);
  const file = store.path;
  store.close(); // let go of the file (and its lock): the test writes through its own connection
  const db = openDatabase(file, { mustExist: true });
  db.pragma('foreign_keys = ON');
  const w: OpenWriter = {
    db,
    docPath: file,
    user: 'thongke',
    batches: 0,
    afterBatch: () => void w.batches++,
    close: () => db.close(),
  };
  return w;
}

/**
 * A fresh workspace per test and, when a test asks for it, the sample opened as a writer —
 * closed after the test (before its folder goes).
 */
export function useSampleWriter(): { ws: Workspace; writer(): OpenWriter } {
  const ws = useWorkspace();
  let current: OpenWriter | null = null;
  afterEach(() => {
    current?.close();
    current = null;
  });
  return { ws, writer: () => (current ??= sampleWriter(ws)) };
}
