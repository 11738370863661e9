/**
 * A copy of a document in a private temporary folder, for reading it without touching it: SQLite
 * may write beside a file it reads (-wal/-shm, recovering a journal, switching the header), and a
 * file that is only being checked must keep every byte and gain no neighbour.
 */
import fs from 'node:fs';
import os from 'node:os';
import path from 'node:path';

interface PrivateCopy {
  file: string;
  /** Remove the copy and its folder (after every connection to it is closed). */
  dispose(): void;
}

/**
 * Copy `file`, with its -wal and -journal when `withJournals` (what was committed in a -wal is
 * read too; a journal left by a crash is rolled back, in the copy).
 */
export function privateCopy(file: string, withJournals: boolean): PrivateCopy {
  const dir = fs.mkdtempSync(path.join(os.tmpdir(), 'bieu-doc-'));
  const dispose = () => fs.rmSync(dir, { recursive: true, force: true });
  try {
    // Under the same name, so what SQLite or a check says of the copy names the file.
    const copy = path.join(dir, path.basename(file));
    fs.copyFileSync(file, copy);
    for (const suffix of withJournals ? ['-wal', '-journal'] : []) {
      if (hasContent(file + suffix)) fs.copyFileSync(file + suffix, copy + suffix);
    }
    return { file: copy, dispose };
  } catch (err) {
    dispose();
    throw err;
  }
}

/** Run `use` on a private copy of `file`; the copy is gone afterwards, whatever happens. */
export function withPrivateCopy<T>(
  file: string,
  withJournals: boolean,
  use: (copy: string) => T,
): T {
  const copy = privateCopy(file, withJournals);
  try {
    return use(copy.file);
  } finally {
    copy.dispose();
  }
}

/** A file that exists and is not empty (an empty -wal holds nothing). */
export function hasContent(file: string): boolean {
  try {
    return fs.statSync(file).size > 0;
  } catch {
    return false;
  }
}
