/**
 * "Someone is editing this document": a lock file beside it, `<doc>.bieu.lock`, holding who
 * (pid, host, user, time). SQLite would let two writers take turns on one file, but two people
 * editing the same report in turn would each undo the other's work without knowing; so the second
 * window or process opens the document read-only and says who has it.
 *
 * The lock is created with link(), which fails if the file exists, so two processes can never
 * both believe they created it, and the content is complete the moment the name appears. A lock
 * left by a process that died on this machine is stale and taken over; one from another
 * machine (a shared folder) is respected, as its process cannot be checked from here.
 */
import crypto from 'node:crypto';
import fs from 'node:fs';
import os from 'node:os';
import path from 'node:path';

export interface LockOwner {
  pid: number;
  host: string;
  user: string;
  /** ISO time the lock was taken. */
  time: string;
  /** Distinguishes two stores of the same process (two windows of one Electron main). */
  token: string;
}

export type LockAttempt = { ok: true; lock: DocumentLock } | { ok: false; owner: LockOwner | null };

/** Tokens of the locks this process holds, by lock file: a lock of ours is never stale. */
const held = new Map<string, string>();
let exitHookInstalled = false;

export function lockPathFor(docPath: string): string {
  return `${docPath}.lock`;
}

export class DocumentLock {
  private released = false;

  constructor(
    readonly file: string,
    readonly owner: LockOwner,
  ) {}

  /** Remove the lock file if it is still ours. Safe to call twice. */
  release(): void {
    if (this.released) return;
    this.released = true;
    if (held.get(this.file) === this.owner.token) held.delete(this.file);
    const current = readOwner(this.file);
    if (current?.token === this.owner.token) fs.rmSync(this.file, { force: true });
  }
}

/** Try to take the lock of a document for this process. */
export function acquireLock(docPath: string, user: string): LockAttempt {
  const file = lockPathFor(docPath);
  const owner: LockOwner = {
    pid: process.pid,
    host: os.hostname(),
    user,
    time: new Date().toISOString(),
    token: crypto.randomBytes(12).toString('hex'),
  };
  for (let attempt = 0; attempt < 3; attempt++) {
    if (createExclusive(file, JSON.stringify(owner, null, 2))) {
      held.set(file, owner.token);
      installExitHook();
      return { ok: true, lock: new DocumentLock(file, owner) };
    }
    const current = readOwner(file);
    if (current ? isStale(current, file) : isOldUnreadable(file)) {
      fs.rmSync(file, { force: true });
      continue;
    }
    return { ok: false, owner: current };
  }
  return { ok: false, owner: readOwner(file) };
}

/** The owner written in a lock file, or null when there is none or it cannot be read. */
export function readOwner(file: string): LockOwner | null {
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
  return !processAlive(owner.pid);
}

function processAlive(pid: number): boolean {
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
