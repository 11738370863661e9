/**
 * One durability trial: the browser host (`bieu serve DOC`, the real bundle, in its own process)
 * takes a stream of typed figures and a large paste over HTTP, exactly as the app sends them,
 * one call after another, and is killed with SIGKILL at a random moment. Then every edit the
 * host had acknowledged must be in the document, every other one wholly there or wholly absent,
 * the document must pass Biểu's own open checks (integrity, structure, the cells' checksum), undo
 * must still work, and the next start must leave no half-written backup behind.
 *
 * Used by the unit suite (a few trials, bounded in time) and by `npm run durability` (many).
 */
import { spawn, type ChildProcess } from 'node:child_process';
import fs from 'node:fs';
import os from 'node:os';
import path from 'node:path';
import { build } from 'esbuild';
import type { CellValue } from '../../shared/model';
import { AppSession } from '../../electron/api/app-session';
import { appPaths } from '../../electron/app-paths';
import { SettingsStore } from '../../electron/settings';
import { backupsRoot } from '../../electron/store/backups';
import { DocumentStore } from '../../electron/store/document-store';

/** The repository: above this file, or (bundled by `npm run durability`) where npm runs. */
const REPO = [path.resolve(__dirname, '../..'), process.cwd()].find((dir) =>
  fs.existsSync(path.join(dir, 'electron/cli/main.ts')),
)!;

/** Bundle the `bieu` command into `dir`, as the build does; returns the bundle's path. */
export async function buildHost(dir: string): Promise<string> {
  const out = path.join(dir, 'cli.cjs');
  await build({
    absWorkingDir: REPO,
    entryPoints: [path.join(REPO, 'electron/cli/main.ts')],
    outfile: out,
    bundle: true,
    platform: 'node',
    format: 'cjs',
    target: 'node20',
    external: ['electron', 'better-sqlite3', 'exceljs'],
    define: { __BIEU_VERSION__: JSON.stringify('durability') },
    logLevel: 'error',
  });
  return out;
}

/** The table typed into: a text column and ten figure columns, 300 communes. */
const COLUMNS = 11;
const ROWS = 300;
/** Keystrokes before the paste: past the automatic backup after 50 actions. */
const TYPED_BEFORE_PASTE = 55;

function newDocument(file: string): void {
  DocumentStore.create(file, [
    {
      name: 'Biểu thử',
      columns: [
        { code: 'A', label: 'Xã', type: 'text' },
        ...Array.from({ length: COLUMNS - 1 }, (_, i) => ({
          code: String(i + 1),
          label: `Chỉ tiêu ${i + 1}`,
          type: 'integer' as const,
        })),
      ],
      rows: Array.from({ length: ROWS }, (_, r) => ({
        role: 'detail' as const,
        cells: [`Xã ${r + 1}`, ...new Array<CellValue>(COLUMNS - 1).fill(null)],
      })),
    },
  ]).close();
}

interface Host {
  child: ChildProcess;
  call(name: string, input: unknown): Promise<{ ok: boolean; value?: unknown }>;
}

function startHost(bundle: string, home: string, doc: string): Promise<Host> {
  const child = spawn(process.execPath, [bundle, 'serve', doc], {
    env: { ...process.env, BIEU_HOME: home, NODE_PATH: path.join(REPO, 'node_modules') },
    stdio: ['ignore', 'pipe', 'pipe'],
  });
  let stderr = '';
  child.stderr!.on('data', (d: Buffer) => (stderr += d.toString()));
  return new Promise((resolve, reject) => {
    let out = '';
    child.stdout!.on('data', (d: Buffer) => {
      out += d.toString();
      const m = /http:\/\/127\.0\.0\.1:(\d+)\/\?token=(\S+)/.exec(out);
      if (!m) return;
      const [, port, token] = m;
      resolve({
        child,
        call: async (name, input) => {
          const res = await fetch(`http://127.0.0.1:${port}/api/${name}`, {
            method: 'POST',
            headers: { 'Content-Type': 'application/json', 'X-Bieu-Token': token },
            body: JSON.stringify(input),
          });
          return (await res.json()) as { ok: boolean; value?: unknown };
        },
      });
    });
    child.once('exit', (code) => reject(new Error(`the host exited (${code}): ${stderr}`)));
  });
}

/** A small deterministic generator, so a failing trial can be run again by its seed. */
function random(seed: number): () => number {
  // Spread neighbouring seeds apart: trial 1 and trial 2 should not kill at the same moment.
  let s = Math.imul(seed ^ 0x5bd1e995, 0x9e3779b1) >>> 0 || 1;
  return () => {
    s = (Math.imul(s, 1664525) + 1013904223) >>> 0;
    return s / 4294967296;
  };
}

export interface TrialOptions {
  bundle: string;
  seed: number;
  /** Rows the large paste adds, each with every column filled. */
  pasteRows?: number;
  /** Where the kill lands: while typing, while the paste is stored, or typing after it. */
  killDuring: KillMoment;
}

export type KillMoment = 'typing' | 'paste' | 'after-paste';
export const KILL_MOMENTS: readonly KillMoment[] = ['typing', 'paste', 'after-paste'];

export interface TrialResult {
  seed: number;
  killDuring: KillMoment;
  acknowledged: number;
  pasteAcknowledged: boolean;
  pasteStored: boolean;
  /** Empty when every promise held; otherwise what did not. */
  problems: string[];
}

interface TypedEdit {
  rowId: number;
  columnId: number;
  value: number;
}

/** Run one trial in a fresh folder of its own (removed afterwards). */
export async function runKillTrial(options: TrialOptions): Promise<TrialResult> {
  const rnd = random(options.seed);
  const pasteRows = options.pasteRows ?? 2000;
  const home = fs.mkdtempSync(path.join(os.tmpdir(), 'bieu-kill-'));
  const doc = path.join(home, 'documents', 'ben-bi.bieu');
  fs.mkdirSync(path.dirname(doc), { recursive: true });
  newDocument(doc);
  const problems: string[] = [];
  try {
    const host = await startHost(options.bundle, home, doc);
    const info = (await host.call('document.current', {})).value as { tables: { id: number }[] };
    const tableId = info.tables[0].id;
    const table = (await host.call('table.get', { tableId })).value as {
      rows: { id: number }[];
      columns: { id: number }[];
    };
    // Typed figures: each to a cell of its own, so what a cell holds says which edit got there.
    const typed: TypedEdit[] = [];
    for (let r = 0; r < ROWS; r++) {
      for (let c = 1; c < COLUMNS; c++) {
        typed.push({ rowId: table.rows[r].id, columnId: table.columns[c].id, value: 0 });
      }
    }
    const acknowledged: TypedEdit[] = [];
    const sent: TypedEdit[] = [];
    let pasteAcknowledged = false;
    let pasteSent = false;
    let killed = false;
    const exited = new Promise<void>((resolve) => host.child.once('exit', () => resolve()));
    const kill = (afterMs: number) =>
      setTimeout(() => {
        killed = true;
        host.child.kill('SIGKILL');
      }, afterMs);
    // While typing: during the call of a random keystroke, a random few milliseconds after it
    // is sent (the host is reading it, writing it, or answering).
    const killAtKeystroke =
      options.killDuring === 'typing'
        ? Math.floor(rnd() * TYPED_BEFORE_PASTE)
        : options.killDuring === 'after-paste'
          ? TYPED_BEFORE_PASTE + Math.floor(rnd() * 40)
          : -1;

    const typeOne = async (i: number): Promise<void> => {
      const edit = { ...typed[i], value: 100000 + i };
      sent.push(edit);
      if (i === killAtKeystroke) kill(Math.floor(rnd() * 4));
      const reply = await host.call('cells.set', {
        edits: [{ tableId, ...edit }],
        label: `Sửa ô ${i}`,
      });
      if (reply.ok) acknowledged.push(edit);
      else problems.push(`cells.set ${i} refused: ${JSON.stringify(reply)}`);
    };

    let next = 0;
    try {
      for (let n = 0; n < TYPED_BEFORE_PASTE && !killed; n++) await typeOne(next++);
      if (!killed) {
        const paste = {
          tableId,
          appendRows: pasteRows,
          edits: Array.from({ length: pasteRows }, (_, r) =>
            Array.from({ length: COLUMNS }, (_, c) => ({
              newRow: r,
              columnId: table.columns[c].id,
              value: c === 0 ? `Dòng dán ${r + 1}` : r * COLUMNS + c,
            })),
          ).flat(),
          label: 'Dán khối lớn',
        };
        // While the paste is read, stored or answered (or, stored sooner, during what follows).
        if (options.killDuring === 'paste') kill(Math.floor(rnd() * 700));
        pasteSent = true;
        pasteAcknowledged = (await host.call('table.paste', paste)).ok;
      }
      while (!killed && next < typed.length) await typeOne(next++);
    } catch {
      // The host died under a call: that call was not acknowledged.
    }
    if (!killed) host.child.kill('SIGKILL');
    await exited;

    // Read back in this process, as the next start would: Biểu's own checks first.
    let pasteStored = false;
    const store = DocumentStore.open(doc, { user: 'kiem-tra' });
    try {
      const after = store.getTable(tableId);
      const byRow = new Map(after.rows.map((r) => [r.id, r]));
      const colIndex = new Map(after.columns.map((c, i) => [c.id, i]));
      const valueOf = (e: TypedEdit) => byRow.get(e.rowId)!.cells[colIndex.get(e.columnId)!];
      for (const e of acknowledged) {
        if (valueOf(e) !== e.value) {
          problems.push(`acknowledged ${e.value} lost: the cell holds ${valueOf(e)}`);
        }
      }
      for (const e of sent.slice(acknowledged.length)) {
        if (valueOf(e) !== null && valueOf(e) !== e.value) {
          problems.push(`unacknowledged ${e.value} half there: ${valueOf(e)}`);
        }
      }
      const added = after.rows.length - ROWS;
      pasteStored = added === pasteRows;
      if (added !== 0 && added !== pasteRows) problems.push(`a paste half stored: ${added} rows`);
      if (pasteAcknowledged && !pasteStored) problems.push('the acknowledged paste is gone');
      if (!pasteSent && added !== 0) problems.push('rows appeared that were never pasted');
      if (pasteStored) {
        const last = after.rows[after.rows.length - 1];
        const r = pasteRows - 1;
        const expected = [
          `Dòng dán ${r + 1}`,
          ...Array.from({ length: COLUMNS - 1 }, (_, c) => r * COLUMNS + c + 1),
        ];
        if (JSON.stringify(last.cells) !== JSON.stringify(expected)) {
          problems.push(`the pasted rows differ: ${JSON.stringify(last.cells)}`);
        }
      }
      const batches = acknowledged.length + (pasteAcknowledged ? 1 : 0);
      if (store.history(10000).length < batches)
        problems.push('acknowledged edits missing from the log');
      if (batches > 0) {
        store.undo();
        if (store.history(1)[0]?.state !== 'undone') problems.push('undo did not work');
      }
    } finally {
      store.close();
    }

    // The next start removes what a kill during an automatic backup left.
    const paths = appPaths({ BIEU_HOME: home });
    new AppSession(new SettingsStore(paths.dataDir), paths).close();
    for (const folder of fs.readdirSync(backupsRoot(paths.dataDir))) {
      const left = fs
        .readdirSync(path.join(backupsRoot(paths.dataDir), folder))
        .filter((f) => f.endsWith('.tmp'));
      if (left.length) problems.push(`half-written backups left: ${left.join(', ')}`);
    }
    return {
      seed: options.seed,
      killDuring: options.killDuring,
      acknowledged: acknowledged.length,
      pasteAcknowledged,
      pasteStored,
      problems,
    };
  } catch (err) {
    problems.push(`the trial itself failed: ${(err as Error).stack ?? String(err)}`);
    return {
      seed: options.seed,
      killDuring: options.killDuring,
      acknowledged: 0,
      pasteAcknowledged: false,
      pasteStored: false,
      problems,
    };
  } finally {
    fs.rmSync(home, { recursive: true, force: true });
  }
}
