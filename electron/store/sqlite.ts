/**
 * The one place that constructs a better-sqlite3 connection.
 *
 * better-sqlite3 is a native addon, built for one ABI at a time: Node's for the tests and the
 * CLI, Electron's inside the app. The packaged app keeps both builds side by side and points
 * BIEU_SQLITE_BINDING at the Electron one; without the variable the addon's own lookup finds the
 * Node build.
 */
import Database from 'better-sqlite3';
import { registerCellHash } from './cell-checksum';

export type Db = Database.Database;

/**
 * How long a write waits for another process's write lock on the file before giving up with a
 * sentence (write-lock.ts): long enough for a reader's or another tool's short transaction,
 * short enough that typing does not seem to hang.
 */
export const BUSY_TIMEOUT_MS = 2000;

interface OpenOptions {
  /** Open with SQLITE_OPEN_READONLY: nothing at all is written to the file. */
  readonly?: boolean;
  /** Refuse instead of creating an empty database when the file is missing. */
  mustExist?: boolean;
}

export function openDatabase(filePath: string, options: OpenOptions = {}): Db {
  const readonly = options.readonly ?? false;
  const nativeBinding = process.env.BIEU_SQLITE_BINDING || undefined;
  const db = new Database(filePath, {
    readonly,
    // A read-only open of a missing file could only fail later and less clearly.
    fileMustExist: options.mustExist ?? readonly,
    timeout: BUSY_TIMEOUT_MS,
    ...(nativeBinding ? { nativeBinding } : {}),
  });
  registerCellHash(db);
  return db;
}
