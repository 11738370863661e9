/**
 * A document's file on disk: new files are built under a temporary name beside their target
 * and moved into place only when complete, never over an existing file; a copy for "Save as";
 * giving the file another name; and replacing it with one of its backups while holding its lock,
 * what is replaced being backed up first (or, damaged, kept byte for byte).
 */
import fs from 'node:fs';
import path from 'node:path';
import { UserError } from '../../shared/api';
import { DEFAULT_KEEP, keepDamagedCopy, writeBackup, type BackupPolicy } from './backups';
import { acquireLock, lockedReason } from './document-lock';
import { assertDocumentFile } from './document-file';
import { probeDocument } from './document-probe';
import type { Db } from './sqlite';

const exists = (name: string) =>
  new UserError(`Tệp «${name}» đã có; Biểu không ghi đè lên tệp có sẵn.`, 'bad-input');

/** A hidden name beside the target, so the final move stays on one file system. */
function temporarySibling(target: string): string {
  const suffix = `${process.pid}-${Date.now().toString(36)}-${Math.random().toString(36).slice(2, 8)}`;
  return path.join(path.dirname(target), `.${path.basename(target)}.${suffix}.tmp`);
}

/**
 * Move a finished file to its final name without ever replacing an existing file: link() fails
 * if the target exists. Some file systems (FAT on USB sticks) have no hard links; there, check and
 * rename.
 */
export function placeNewFile(tmp: string, target: string): void {
  const name = path.basename(target);
  try {
    fs.linkSync(tmp, target);
    fs.unlinkSync(tmp);
    return;
  } catch (err) {
    if ((err as NodeJS.ErrnoException).code === 'EEXIST') throw exists(name);
  }
  if (fs.existsSync(target)) throw exists(name);
  fs.renameSync(tmp, target);
}

function removeQuietly(...files: string[]): void {
  for (const f of files) fs.rmSync(f, { force: true });
}

/** Build a new file at `target` with `build(tmp)`; nothing is left behind when it fails. */
export function buildNewFile(target: string, failure: string, build: (tmp: string) => void): void {
  if (fs.existsSync(target)) throw exists(path.basename(target));
  const tmp = temporarySibling(target);
  try {
    build(tmp);
    placeNewFile(tmp, target);
  } catch (err) {
    removeQuietly(tmp, `${tmp}-journal`);
    if (err instanceof UserError) throw err;
    throw new UserError(`${failure}: ${(err as Error).message}`, 'failed');
  }
}

/**
 * Write a copy of an open document (tables, metadata and edit log) to a new path: VACUUM INTO
 * writes a consistent snapshot, what is still in the WAL included.
 */
export function copyDocument(db: Db, current: string, target: string): void {
  const name = path.basename(target);
  if (target === current) {
    throw new UserError(`«${name}» là tệp đang mở; hãy chọn một tên khác.`, 'bad-input');
  }
  buildNewFile(target, `Không lưu được bản sao «${name}»`, (tmp) => {
    db.prepare('VACUUM INTO ?').run(tmp);
  });
}

/**
 * Give a closed document's file another name in its folder (its -wal along, if a reader
 * elsewhere kept one). A name that differs only in case is the same file on Windows and macOS.
 */
export function renameDocumentFile(from: string, to: string): void {
  const name = path.basename(to);
  const sameFile = to.toLowerCase() === from.toLowerCase() && fs.existsSync(to);
  try {
    if (sameFile) fs.renameSync(from, to);
    else placeNewFile(from, to);
    // Closed by the last connection, the WAL is gone; a reader elsewhere may keep one.
    if (fs.existsSync(`${from}-wal`)) fs.renameSync(`${from}-wal`, `${to}-wal`);
    fs.rmSync(`${from}-shm`, { force: true });
  } catch (err) {
    if (err instanceof UserError) throw err;
    throw new UserError(
      `Không đổi tên được «${path.basename(from)}» thành «${name}»: ${(err as Error).message}`,
      'failed',
    );
  }
}

/** Whether the folder already has something under `to` (a file, its -wal or its lock). */
export function nameTaken(from: string, to: string): boolean {
  const sameFile = to.toLowerCase() === from.toLowerCase() && fs.existsSync(to);
  return (
    !sameFile && (fs.existsSync(to) || fs.existsSync(`${to}-wal`) || fs.existsSync(`${to}.lock`))
  );
}

/**
 * Throw the UserError an open would if the file is not a healthy Biểu document (a backup
 * before it is restored). Reads only; writes nothing anywhere.
 */
export function verifyDocument(filePath: string): void {
  const resolved = path.resolve(filePath);
  assertDocumentFile(resolved);
  probeDocument(resolved).probe.close();
}

/**
 * Replace a closed document with a backup (a verified document file), holding the document's
 * lock throughout so no other window writes to it meanwhile. What is replaced is backed up
 * first (unless `backedUp`: it was, while still open); when it cannot be (damaged, or not a
 * document at all) its bytes are kept instead.
 */
export function replaceWithBackup(
  documentPath: string,
  backupFile: string,
  policy: BackupPolicy,
  options: { user: string; backedUp: boolean },
): void {
  const name = path.basename(documentPath);
  fs.mkdirSync(path.dirname(documentPath), { recursive: true });
  const attempt = acquireLock(documentPath, options.user);
  if (!attempt.ok) {
    throw new UserError(
      `Không khôi phục được «${name}»: ${lockedReason(attempt.owner).replace(/; chỉ mở để xem\.$/, '.')}`,
      'read-only',
    );
  }
  try {
    if (!options.backedUp && fs.existsSync(documentPath)) {
      try {
        assertDocumentFile(documentPath);
        const { probe } = probeDocument(documentPath);
        try {
          writeBackup(probe, documentPath, policy.root, policy.keep ?? DEFAULT_KEEP);
        } finally {
          probe.close();
        }
      } catch (err) {
        if (!(err instanceof UserError)) throw err;
        // Damaged or not a document at all: keep its bytes, never lose them silently.
        keepDamagedCopy(policy.root, documentPath);
      }
    }
    const tmp = temporarySibling(documentPath);
    fs.copyFileSync(backupFile, tmp);
    // A -wal beside the old file belongs to it; applied to the restored one it would damage it.
    fs.rmSync(`${documentPath}-wal`, { force: true });
    fs.rmSync(`${documentPath}-shm`, { force: true });
    fs.renameSync(tmp, documentPath);
  } finally {
    attempt.lock.release();
  }
}
