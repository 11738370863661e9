/**
 * "Someone is editing this document": a lock file beside it, `<doc>.bieu.lock`, holding who
 * (pid, host, user, time). SQLite would let two writers take turns on one file, but two people
 * editing the same report in turn would each undo the other's work without knowing; so the second
 * window or process opens the document read-only and says who has it.
 *
 * The lock is the FILE's, not the name's: the same document reached through a symbolic link or a
 * hard link is the same document. So the lock beside it goes beside the real file (links
 * resolved), and a second lock names the file by device and inode in a folder every Biểu of this
 * machine looks in (two hard links in different folders have nothing else in common).
 *
 * A lock is created with link(), which fails if the file exists, so two processes can never
 * both believe they created it, and the content is complete the moment the name appears. A lock
 * left by a process that died on this machine is stale and taken over, and so is one whose
 * process id now belongs to another process (the lock records when its process started); one
 * from another machine (a shared folder) is respected, as its process cannot be checked from
 * here.
 */
import { execFileSync } from 'node:child_process';
import crypto from 'node:crypto';
import fs from 'node:fs';
import os from 'node:os';
import path from 'node:path';

interface LockOwner {
  pid: number;
  host: string;
  user: string;
  /** ISO time the lock was taken. */
  time: string;
  /** Distinguishes two stores of the same process (two windows of one Electron main). */
  token: string;
  /**
   * When the process started, as this machine tells it (processStart): a live process with the
   * same id and another start is not the one that took the lock. Absent in older locks.
   */
  started?: string;
}

type LockAttempt = { ok: true; lock: DocumentLock } | { ok: false; owner: LockOwner | null };

/** Tokens of the locks this process holds, by lock file: a lock of ours is never stale. */
const held = new Map<string, string>();
let exitHookInstalled = false;

export function lockPathFor(docPath: string): string {
  return `${docPath}.lock`;
}

export class DocumentLock {
  private released = false;

  constructor(
    /** The lock files held: beside the document, and by its device and inode. */
    readonly files: readonly string[],
    readonly owner: LockOwner,
  ) {}

  /** Remove the lock files that are still ours. Safe to call twice. */
  release(): void {
    if (this.released) return;
    this.released = true;
    for (const file of this.files) releaseFile(file, this.owner.token);
  }
}

function releaseFile(file: string, token: string): void {
  if (held.get(file) === token) held.delete(file);
  if (readOwner(file)?.token === token) fs.rmSync(file, { force: true });
}

/** Try to take the lock of a document for this process. */
export function acquireLock(docPath: string, user: string): LockAttempt {
  const started = ownStart();
  const owner: LockOwner = {
    pid: process.pid,
    host: os.hostname(),
    user,
    time: new Date().toISOString(),
    token: crypto.randomBytes(12).toString('hex'),
    ...(started ? { started } : {}),
  };
  const taken: string[] = [];
  for (const file of lockFilesOf(docPath)) {
    const refused = acquireFile(file, owner);
    if (refused) {
      for (const t of taken) releaseFile(t, owner.token);
      return { ok: false, owner: refused.owner };
    }
    taken.push(file);
  }
  return { ok: true, lock: new DocumentLock(taken, owner) };
}

/** Where a document's lock files are: beside the real file, and by its identity. */
function lockFilesOf(docPath: string): string[] {
  let real = docPath;
  try {
    real = fs.realpathSync(docPath);
  } catch {
    // Not there yet (a backup being restored to a deleted document): its name is all there is.
  }
  const files = [lockPathFor(real)];
  try {
    const { dev, ino } = fs.statSync(real);
    files.push(path.join(identityLockDir(), `${dev}-${ino}.lock`));
  } catch {
    // No file, no identity.
  }
  return files;
}

/** The folder of the locks by device and inode, shared by every user of this machine. */
export function identityLockDir(): string {
  const dir = path.join(os.tmpdir(), 'bieu-locks');
  if (!fs.existsSync(dir)) {
    fs.mkdirSync(dir, { recursive: true });
    try {
      // Like /tmp itself: anyone may add a lock, only its owner may remove it.
      fs.chmodSync(dir, 0o1777);
    } catch {
      // Made by someone else meanwhile, and made right by them.
    }
  }
  return dir;
}

/** Take one lock file for `owner`: null when taken, else who has it. */
function acquireFile(file: string, owner: LockOwner): { owner: LockOwner | null } | null {
  for (let attempt = 0; attempt < 3; attempt++) {
    if (createExclusive(file, JSON.stringify(owner, null, 2))) {
      held.set(file, owner.token);
      installExitHook();
      return null;
    }
    const current = readOwner(file);
    if (!(current ? isStale(current, file) : isOldUnreadable(file))) return { owner: current };
    try {
      fs.rmSync(file, { force: true });
    } catch {
      // Another user's stale lock in the shared folder: only they may remove it.
      return { owner: current };
    }
  }
  return { owner: readOwner(file) };
}

/** The owner written in a lock file, or null when there is none or it cannot be read. */
function readOwner(file: string): LockOwner | null {
  try {
    const v = JSON.parse(fs.readFileSync(file, 'utf8')) as Partial<LockOwner>;
    if (
      typeof v.pid === 'number' &&
      typeof v.host === 'string' &&
      typeof v.user === 'string' &&
      typeof v.time === 'string' &&
      typeof v.token === 'string'
    ) {
      return v as LockOwner;
    }
  } catch {
    // Missing or damaged: the caller decides.
  }
  return null;
}

/** The sentence a read-only document shows when someone else is editing it. */
export function lockedReason(owner: LockOwner | null): string {
  if (!owner) {
    return 'Tài liệu đang được mở để sửa ở nơi khác; chỉ mở để xem.';
  }
  return (
    `Tài liệu đang được mở để sửa ở nơi khác (máy ${owner.host}, người dùng ${owner.user || 'không rõ'}, ` +
    `tiến trình ${owner.pid}); chỉ mở để xem.`
  );
}

function isStale(owner: LockOwner, file: string): boolean {
  if (held.get(file) === owner.token) return false; // another store of this process has it
  if (owner.host !== os.hostname()) return false;
  // Our own pid with a token we do not hold: left by an earlier process that had our pid.
  if (owner.pid === process.pid) return true;
  if (!processAlive(owner.pid)) return true;
  // Alive, but is it the process that took the lock, or a later one given the same id?
  if (owner.started === undefined) return false;
  const started = processStart(owner.pid);
  return started !== null && started !== owner.started;
}

let ownStartCache: string | null | undefined;

function ownStart(): string | null {
  if (ownStartCache === undefined) ownStartCache = processStart(process.pid);
  return ownStartCache;
}

/**
 * When a process started, in a form that differs for two processes given the same id: on Linux
 * the boot and the start in clock ticks since boot (/proc), elsewhere what `ps` says; null where
 * neither is available (the lock then relies on the process being alive).
 */
export function processStart(pid: number): string | null {
  try {
    if (process.platform === 'linux') {
      const stat = fs.readFileSync(`/proc/${pid}/stat`, 'utf8');
      // Field 22 of "pid (comm) state …"; comm may hold spaces and parentheses.
      const fields = stat.slice(stat.lastIndexOf(')') + 2).split(' ');
      const boot = fs.readFileSync('/proc/sys/kernel/random/boot_id', 'utf8').trim();
      return `${boot}:${fields[19]}`;
    }
    if (process.platform === 'win32') return null;
    const out = execFileSync('ps', ['-o', 'lstart=', '-p', String(pid)], {
      encoding: 'utf8',
      stdio: ['ignore', 'pipe', 'ignore'],
    }).trim();
    return out === '' ? null : out;
  } catch {
    return null;
  }
}

/** Whether a process of this machine with this id exists (whoever it belongs to). */
export function processAlive(pid: number): boolean {
  try {
    process.kill(pid, 0);
    return true;
  } catch (err) {
    // EPERM: it exists but belongs to someone else.
    return (err as NodeJS.ErrnoException).code === 'EPERM';
  }
}

/** A lock file nobody can read, older than a few seconds, was left half-made by a crash. */
function isOldUnreadable(file: string): boolean {
  try {
    return Date.now() - fs.statSync(file).mtimeMs > 5000;
  } catch {
    return true; // gone meanwhile: try again
  }
}

function createExclusive(file: string, content: string): boolean {
  const tmp = path.join(
    path.dirname(file),
    `.${path.basename(file)}.${process.pid}-${crypto.randomBytes(4).toString('hex')}.tmp`,
  );
  fs.writeFileSync(tmp, content);
  try {
    fs.linkSync(tmp, file);
    return true;
  } catch (err) {
    if ((err as NodeJS.ErrnoException).code === 'EEXIST') return false;
    // No hard links here (FAT on a USB stick): an exclusive create, then write.
    try {
      fs.writeFileSync(file, content, { flag: 'wx' });
      return true;
    } catch (e) {
      if ((e as NodeJS.ErrnoException).code === 'EEXIST') return false;
      throw e;
    }
  } finally {
    fs.rmSync(tmp, { force: true });
  }
}

function installExitHook(): void {
  if (exitHookInstalled) return;
  exitHookInstalled = true;
  // A window closed without closing its document still frees it for the next one.
  process.on('exit', () => {
    for (const [file, token] of held) {
      try {
        if (readOwner(file)?.token === token) fs.rmSync(file, { force: true });
      } catch {
        // Exiting: nothing more to do.
      }
    }
    held.clear();
  });
}
