/**
 * Automatic backups of documents, kept in the app's data folder (not beside the document: a
 * folder on a USB stick or a shared drive is not where a safety copy should live):
 *
 *   <dataDir>/backups/<document name>-<hash of its path>/<ISO time>.bieu
 *
 * Each copy is a consistent snapshot written by SQLite (VACUUM INTO: what is still in the WAL
 * included), so it opens as a document of its own. The newest `keep` copies are kept. A copy
 * identical to one already kept is not written again, so opening and closing a document without
 * changing it does not push its older versions out.
 */
import crypto from 'node:crypto';
import fs from 'node:fs';
import path from 'node:path';
import { UserError, type BackupInfo } from '../../shared/api';
import { processAlive } from './document-lock';
import type { Db } from './sqlite';

export interface BackupPolicy {
  /** The folder holding every document's backups: <dataDir>/backups. */
  root: string;
  /** How many copies of each document to keep (10). */
  keep?: number;
  /** A copy after this many edit batches of one editing session (50). */
  everyBatches?: number;
}

export const DEFAULT_KEEP = 10;
export const DEFAULT_EVERY_BATCHES = 50;

const SOURCE_FILE = 'source.json';
/** A backup being written: `.dang-ghi-<pid>-<ms>.tmp` (and whatever SQLite puts beside it). */
const IN_PROGRESS = /^\.dang-ghi-(\d+)-\d+\.tmp(?:-journal|-wal|-shm)?$/;
/** No backup takes this long: a file in progress older than this was left by a crash. */
const ABANDONED_AFTER_MS = 60 * 60 * 1000;
const NAME = /^(\d{4}-\d\d-\d\d)T(\d\d)-(\d\d)-(\d\d)-(\d{3})Z(?:-(\d+))?\.bieu$/;
const DAMAGED_SUFFIX = '.damaged';

export function backupsRoot(dataDir: string): string {
  return path.join(dataDir, 'backups');
}

/** The folder of one document's backups; stable for a path, readable for a person. */
export function backupFolder(root: string, docPath: string): string {
  const resolved = path.resolve(docPath);
  const key = process.platform === 'win32' ? resolved.toLowerCase() : resolved;
  const hash = crypto.createHash('sha256').update(key).digest('hex').slice(0, 12);
  const base = path
    .basename(resolved)
    .replace(/\.bieu$/i, '')
    // eslint-disable-next-line no-control-regex
    .replace(/[\\/:*?"<>|\u0000-\u001f]/g, '_')
    .slice(0, 60);
  return path.join(root, `${base}-${hash}`);
}

/**
 * Write a backup of an open document. Returns the new copy, or null when it is identical to
 * one already kept (nothing written). Older copies beyond `keep` are removed.
 */
export function writeBackup(
  db: Db,
  docPath: string,
  root: string,
  keep = DEFAULT_KEEP,
): BackupInfo | null {
  const folder = backupFolder(root, docPath);
  fs.mkdirSync(folder, { recursive: true });
  fs.writeFileSync(
    path.join(folder, SOURCE_FILE),
    JSON.stringify({ path: path.resolve(docPath) }, null, 2),
  );
  const now = new Date();
  const tmp = path.join(folder, `.dang-ghi-${process.pid}-${now.getTime()}.tmp`);
  fs.rmSync(tmp, { force: true });
  try {
    db.prepare('VACUUM INTO ?').run(tmp);
    // Already kept (unchanged since the last copy, or just restored from one): not again.
    const size = fs.statSync(tmp).size;
    const kept = listBackups(root, docPath).filter((b) => b.bytes === size);
    if (kept.some((b) => sameContent(tmp, path.join(folder, fileOf(b.id))))) {
      fs.rmSync(tmp, { force: true });
      return null;
    }
    const target = uniqueName(folder, now);
    fs.renameSync(tmp, path.join(folder, target));
  } finally {
    fs.rmSync(tmp, { force: true });
  }
  const all = listBackups(root, docPath);
  for (const old of all.slice(Math.max(1, keep))) {
    fs.rmSync(path.join(folder, fileOf(old.id)), { force: true });
  }
  return all[0];
}

/**
 * Remove the half-written backups a killed Biểu left behind (at start): those of a process that
 * is gone, or older than any backup takes. A copy another running Biểu is writing now stays.
 * Returns how many were removed.
 */
export function sweepUnfinishedBackups(root: string): number {
  let removed = 0;
  for (const folder of safeReaddir(root)) {
    const dir = path.join(root, folder);
    for (const file of safeReaddir(dir)) {
      const m = IN_PROGRESS.exec(file);
      if (!m) continue;
      const full = path.join(dir, file);
      try {
        const pid = Number(m[1]);
        const old = Date.now() - fs.statSync(full).mtimeMs > ABANDONED_AFTER_MS;
        if (pid === process.pid || !processAlive(pid) || old) {
          fs.rmSync(full, { force: true });
          removed++;
        }
      } catch {
        // Gone meanwhile (its writer finished): nothing to do.
      }
    }
  }
  return removed;
}

/** The backups of one document (by its path), or of every document, newest first. */
export function listBackups(root: string, docPath?: string): BackupInfo[] {
  const folders = docPath
    ? [backupFolder(root, docPath)]
    : safeReaddir(root).map((f) => path.join(root, f));
  const found: (BackupInfo & { seq: number })[] = [];
  for (const folder of folders) {
    const source = docPath ? path.resolve(docPath) : readSource(folder);
    if (!source) continue;
    for (const file of safeReaddir(folder)) {
      const m = NAME.exec(file);
      if (!m) continue;
      let bytes = 0;
      try {
        bytes = fs.statSync(path.join(folder, file)).size;
      } catch {
        continue;
      }
      found.push({
        id: `${path.basename(folder)}/${file}`,
        documentPath: source,
        createdAt: `${m[1]}T${m[2]}:${m[3]}:${m[4]}.${m[5]}Z`,
        bytes,
        seq: Number(m[6] ?? 0),
      });
    }
  }
  return found
    .sort((a, b) => b.createdAt.localeCompare(a.createdAt) || b.seq - a.seq)
    .map(({ seq: _seq, ...b }) => b);
}

/** The file and document of a backup id from backups.list; a UserError naming it otherwise. */
export function findBackup(root: string, id: string): { file: string; documentPath: string } {
  const parts = id.split('/');
  const notFound = () =>
    new UserError(`Không tìm thấy bản sao lưu «${id}»; có thể nó đã bị xóa.`, 'not-found');
  if (parts.length !== 2 || parts.some((p) => p === '' || p === '.' || p === '..')) {
    throw notFound();
  }
  if (!NAME.test(parts[1]) || /[\\/]/.test(parts[0])) throw notFound();
  const folder = path.join(root, parts[0]);
  const file = path.join(folder, parts[1]);
  const documentPath = readSource(folder);
  if (!documentPath || !fs.existsSync(file)) throw notFound();
  return { file, documentPath };
}

/**
 * Keep the bytes of a document that is about to be replaced but cannot be backed up properly
 * (it is damaged): the file and its -wal, as they are, under a name backups.list ignores.
 */
export function keepDamagedCopy(root: string, docPath: string): string {
  const folder = backupFolder(root, docPath);
  fs.mkdirSync(folder, { recursive: true });
  fs.writeFileSync(
    path.join(folder, SOURCE_FILE),
    JSON.stringify({ path: path.resolve(docPath) }, null, 2),
  );
  const base = path.join(folder, `${uniqueName(folder, new Date())}${DAMAGED_SUFFIX}`);
  fs.copyFileSync(docPath, base);
  if (fs.existsSync(`${docPath}-wal`)) fs.copyFileSync(`${docPath}-wal`, `${base}-wal`);
  return base;
}

/**
 * A backup that no longer passes the checks (its bytes went bad on disk) is renamed so that it
 * is neither offered nor restored again, and kept for whoever wants to look at it.
 */
export function setAsideDamagedBackup(file: string): void {
  fs.renameSync(file, `${file}${DAMAGED_SUFFIX}`);
}

/** Move a document's backups along when the document is renamed. */
export function moveBackups(root: string, fromDoc: string, toDoc: string): void {
  const from = backupFolder(root, fromDoc);
  const to = backupFolder(root, toDoc);
  if (!fs.existsSync(from) || fs.existsSync(to)) return;
  fs.renameSync(from, to);
  fs.writeFileSync(
    path.join(to, SOURCE_FILE),
    JSON.stringify({ path: path.resolve(toDoc) }, null, 2),
  );
}

/** "10:20 ngày 01/05/2024", local time. */
export function vietnameseTime(iso: string): string {
  const d = new Date(iso);
  const two = (n: number) => String(n).padStart(2, '0');
  return `${two(d.getHours())}:${two(d.getMinutes())} ngày ${two(d.getDate())}/${two(d.getMonth() + 1)}/${d.getFullYear()}`;
}

function fileOf(id: string): string {
  return id.slice(id.indexOf('/') + 1);
}

function uniqueName(folder: string, time: Date): string {
  const stamp = time.toISOString().replace(/:/g, '-').replace('.', '-');
  for (let i = 0; ; i++) {
    const name = i === 0 ? `${stamp}.bieu` : `${stamp.replace(/Z$/, `Z-${i}`)}.bieu`;
    if (
      !fs.existsSync(path.join(folder, name)) &&
      !fs.existsSync(path.join(folder, `${name}${DAMAGED_SUFFIX}`))
    ) {
      return name;
    }
  }
}

function readSource(folder: string): string | null {
  try {
    const v = JSON.parse(fs.readFileSync(path.join(folder, SOURCE_FILE), 'utf8')) as {
      path?: unknown;
    };
    return typeof v.path === 'string' ? v.path : null;
  } catch {
    return null;
  }
}

function safeReaddir(dir: string): string[] {
  try {
    return fs.readdirSync(dir);
  } catch {
    return [];
  }
}

/**
 * Same database content: VACUUM INTO writes identical pages for identical content; the header's
 * counters (file change counter 24–27, schema cookie 40–43, version-valid-for and SQLite version
 * 92–99) may differ and are ignored.
 */
function sameContent(a: string, b: string): boolean {
  const x = fs.readFileSync(a);
  const y = fs.readFileSync(b);
  if (x.length !== y.length) return false;
  const mask = (buf: Buffer) => {
    const copy = Buffer.from(buf);
    copy.fill(0, 24, 28);
    copy.fill(0, 40, 44);
    copy.fill(0, 92, 100);
    return copy;
  };
  return mask(x).equals(mask(y));
}
