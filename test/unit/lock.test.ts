/**
 * A document being edited elsewhere — another window of this process, or another process — is
 * opened read-only with a sentence saying where; the lock beside it goes when the editor closes
 * or exits, and a lock left by a process that died is taken over.
 */
import { spawn, spawnSync, type ChildProcess } from 'node:child_process';
import fs from 'node:fs';
import os from 'node:os';
import path from 'node:path';
import { build } from 'esbuild';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { UserError } from '../../shared/api';
import { DocumentStore } from '../../electron/store/document-store';
import { lockPathFor } from '../../electron/store/document-lock';
import { AppSession } from '../../electron/api/app-session';
import { SettingsStore } from '../../electron/settings';
import { sha256, useWorkspace } from './helpers/store-helpers';

const ws = useWorkspace();
const REPO = path.resolve(__dirname, '../..');

function expectReadOnlyBecauseLocked(store: DocumentStore, pid: number, user: string): void {
  const info = store.info();
  expect(info.readOnly).toBe(true);
  expect(info.readOnlyReason).toBe(
    `Tài liệu đang được mở để sửa ở nơi khác (máy ${os.hostname()}, người dùng ${user}, ` +
      `tiến trình ${pid}); chỉ mở để xem.`,
  );
  expect(info.canUndo).toBe(false);
}

describe('in one process (two windows)', () => {
  it('opens the second store read-only, refuses its writes, and frees the file on close', () => {
    const first = ws.createSample();
    const file = first.path;
    const lock = JSON.parse(fs.readFileSync(lockPathFor(file), 'utf8'));
    expect(lockPathFor(file)).toBe(`${file}.lock`);
    expect(lock).toMatchObject({ pid: process.pid, host: os.hostname(), user: 'thongke' });
    expect(Date.parse(lock.time)).toBeGreaterThan(Date.now() - 60_000);

    const second = ws.track(DocumentStore.open(file));
    expect(second.info().readOnlyReason).toContain(`tiến trình ${process.pid}`);
    expect(second.info().readOnlyReason).toContain('người dùng thongke');
    const t = second.listTables()[0];
    const table = second.getTable(t.id);
    expect(() =>
      second.setCells([
        { tableId: t.id, rowId: table.rows[0].id, columnId: table.columns[2].id, value: 1 },
      ]),
    ).toThrow(UserError);
    expect(() => second.insertRows(t.id, 0, 1)).toThrow(/chỉ mở để xem/);
    // The reader sees what the editor writes.
    first.setCells([
      { tableId: t.id, rowId: table.rows[0].id, columnId: table.columns[2].id, value: 4321 },
    ]);
    expect(second.getTable(t.id).rows[0].cells[2]).toBe(4321);

    // Closing the reader does not free the editor's lock.
    second.close();
    expect(fs.existsSync(lockPathFor(file))).toBe(true);
    first.close();
    expect(fs.existsSync(lockPathFor(file))).toBe(false);
    const third = ws.track(DocumentStore.open(file));
    expect(third.readOnly).toBe(false);
  });

  it('two sessions (two windows) through the API: the second one is told who has the document', () => {
    const file = ws.createSample().path;
    const other = new AppSession(new SettingsStore(ws.file('app-data')));
    try {
      const info = other.open(file);
      expect(info.readOnly).toBe(true);
      expect(info.readOnlyReason).toBe(
        `Tài liệu đang được mở để sửa ở nơi khác (máy ${os.hostname()}, người dùng thongke, ` +
          `tiến trình ${process.pid}); chỉ mở để xem.`,
      );
    } finally {
      other.close();
    }
  });

  it('reopening the document a session already has keeps it writable', () => {
    const store = ws.createSample('khac.bieu');
    const file = store.path;
    store.close();
    const session = new AppSession(new SettingsStore(ws.file('app-data')));
    try {
      expect(session.open(file).readOnly).toBe(false);
      expect(session.open(file).readOnly).toBe(false);
    } finally {
      session.close();
    }
  });

  it('takes over a lock whose process is gone, and respects one from another machine', () => {
    const store = ws.createSample();
    const file = store.path;
    store.close();
    // A pid that existed and has exited.
    const dead = spawnSync(process.execPath, ['-e', '0']).pid!;
    const stale = {
      pid: dead,
      host: os.hostname(),
      user: 'ai-do',
      time: new Date(0).toISOString(),
      token: 'cu',
    };
    fs.writeFileSync(lockPathFor(file), JSON.stringify(stale));
    const taken = ws.track(DocumentStore.open(file));
    expect(taken.readOnly).toBe(false);
    expect(JSON.parse(fs.readFileSync(lockPathFor(file), 'utf8')).pid).toBe(process.pid);
    taken.close();

    const remote = { ...stale, host: 'may-ke-toan', user: 'ketoan', pid: 4242 };
    fs.writeFileSync(lockPathFor(file), JSON.stringify(remote));
    const hash = sha256(file);
    const viewer = ws.track(DocumentStore.open(file));
    expect(viewer.info().readOnlyReason).toBe(
      'Tài liệu đang được mở để sửa ở nơi khác (máy may-ke-toan, người dùng ketoan, tiến trình 4242); chỉ mở để xem.',
    );
    viewer.close();
    expect(sha256(file)).toBe(hash);
    expect(JSON.parse(fs.readFileSync(lockPathFor(file), 'utf8')).host).toBe('may-ke-toan');
  });
});

describe('across processes', () => {
  let bundle: string;
  let dir: string;

  beforeAll(async () => {
    dir = fs.mkdtempSync(path.join(os.tmpdir(), 'bieu-lock-child-'));
    const entry = path.join(dir, 'editor.ts');
    // A second Biểu process: opens the document for editing, says so, and waits to be told to
    // exit (normally, without closing the document) or to be killed.
    fs.writeFileSync(
      entry,
      `import { DocumentStore } from ${JSON.stringify(path.join(REPO, 'electron/store/document-store'))};
       const store = DocumentStore.open(process.argv[2], { user: 'nguoi-khac' });
       process.stdout.write(store.readOnly ? 'read-only\\n' : 'editing\\n');
       process.stdin.on('data', () => process.exit(0));`,
    );
    bundle = path.join(dir, 'editor.cjs');
    await build({
      entryPoints: [entry],
      bundle: true,
      platform: 'node',
      format: 'cjs',
      outfile: bundle,
      external: ['better-sqlite3'],
      logLevel: 'error',
    });
  }, 60_000);

  afterAll(() => fs.rmSync(dir, { recursive: true, force: true }));

  function startEditor(file: string): Promise<{ child: ChildProcess; state: string }> {
    const child = spawn(process.execPath, [bundle, file], {
      env: { ...process.env, NODE_PATH: path.join(REPO, 'node_modules') },
      stdio: ['pipe', 'pipe', 'inherit'],
    });
    return new Promise((resolve, reject) => {
      let out = '';
      child.stdout!.on('data', (d) => {
        out += d;
        if (out.includes('\n')) resolve({ child, state: out.trim() });
      });
      child.on('error', reject);
      child.on('exit', (code) => reject(new Error(`editor exited with ${code}`)));
    });
  }

  const exited = (child: ChildProcess) =>
    new Promise<void>((resolve) => {
      if (child.exitCode !== null || child.signalCode !== null) resolve();
      else child.once('exit', () => resolve());
    });

  it('opens read-only while another process edits; writable once it exits or dies', async () => {
    const store = ws.createSample();
    const file = store.path;
    store.close();

    const { child, state } = await startEditor(file);
    expect(state).toBe('editing');
    const viewer = ws.track(DocumentStore.open(file));
    expectReadOnlyBecauseLocked(viewer, child.pid!, 'nguoi-khac');
    viewer.close();

    // A normal exit without closing the document still removes its lock.
    child.stdin!.write('x');
    await exited(child);
    expect(fs.existsSync(lockPathFor(file))).toBe(false);

    // A killed editor leaves its lock behind; it is stale, since its process is gone.
    const second = await startEditor(file);
    expect(second.state).toBe('editing');
    second.child.kill('SIGKILL');
    await exited(second.child);
    expect(fs.existsSync(lockPathFor(file))).toBe(true);
    const editor = ws.track(DocumentStore.open(file));
    expect(editor.readOnly).toBe(false);

    // And now the other process is the one that gets the read-only view.
    const third = await startEditor(file);
    expect(third.state).toBe('read-only');
    third.child.stdin!.write('x');
    await exited(third.child);
    expect(fs.existsSync(lockPathFor(file))).toBe(true); // still ours
  }, 60_000);
});
