/**
 * The one place that constructs a better-sqlite3 connection.
 *
 * better-sqlite3 is a native addon, built for one ABI at a time: Node's for the tests and the
 * CLI, Electron's inside the app. The packaged app keeps both builds side by side and points
 * BIEU_SQLITE_BINDING at the Electron one (DESIGN.md, Hints); without the variable the addon's
 * own lookup finds the Node build.
 */
import Database from 'better-sqlite3';

export type Db = Database.Database;

export interface OpenOptions {
  /** Open with SQLITE_OPEN_READONLY: nothing at all is written to the file. */
  readonly?: boolean;
  /** Refuse instead of creating an empty database when the file is missing. */
  mustExist?: boolean;
}

export function openDatabase(filePath: string, options: OpenOptions = {}): Db {
  const readonly = options.readonly ?? false;
  const nativeBinding = process.env.BIEU_SQLITE_BINDING || undefined;
  return new Database(filePath, {
    readonly,
    // A read-only open of a missing file could only fail later and less clearly.
    fileMustExist: options.mustExist ?? readonly,
    ...(nativeBinding ? { nativeBinding } : {}),
  });
}
