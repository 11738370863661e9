/**
 * Before a document is opened for writing (or a backup is restored, or a file is checked), it is
 * read once, read-only, and confirmed to be a healthy Biểu document of the structure it claims:
 *
 * - its application id, through SQLite (a -wal beside it can change what the header says);
 * - PRAGMA integrity_check: the whole file, indexes against tables included (quick_check, which
 *   skips that, let a flipped bit in a cells page through);
 * - its structure against that of its schema version (schema-shape.ts);
 * - the checksum of its cells (cell-checksum.ts), which catches a changed figure that leaves
 *   every page well-formed.
 *
 * A refusal names the file and what is wrong in one sentence; nothing is written to the file,
 * and a -wal/-shm this read made is removed again. On a 50,000-row document (650,000 cells,
 * 13 MB) the integrity check takes about 70 ms and the checksum about 110 ms (`npm run bench`).
 */
import fs from 'node:fs';
import path from 'node:path';
import { UserError } from '../../shared/api';
import { cellChecksumHolds } from './cell-checksum';
import { hasContent, withPrivateCopy } from './private-copy';
import { BIEU_APPLICATION_ID, readApplicationId, readSchemaVersion } from './schema';
import { structureProblem } from './schema-shape';
import { openDatabase, type Db } from './sqlite';

/** What ends every refusal: the file was left alone. */
const LEFT_ALONE = 'nên Biểu không mở và không ghi gì vào tệp này';

/**
 * A Biểu document that cannot be used as it is: damaged bytes, or a structure other than the
 * one its header claims. The session adds the newest backup that is still good, so the user is
 * offered to restore it.
 */
export class DamagedDocumentError extends UserError {
  constructor(
    message: string,
    readonly documentPath: string,
  ) {
    super(message, 'not-a-document');
  }
}

/**
 * The document itself is sound but the -wal beside it is not its own (a file copied next to it
 * under its name): applied, it would overwrite the document with another database's pages. What
 * to do is to move that -wal away, not to restore a backup.
 */
export class ForeignWalError extends UserError {
  constructor(docPath: string) {
    const name = path.basename(docPath);
    super(
      `Tệp «${name}-wal» nằm cạnh «${name}» là của một cơ sở dữ liệu khác, không phải của tài liệu này, ` +
        `nên Biểu không mở và không ghi gì vào tài liệu; hãy chuyển tệp «${name}-wal» sang thư mục khác ` +
        `(đừng xóa vội) rồi mở lại tài liệu.`,
      'not-a-document',
    );
  }
}

type Verdict = { ok: true; version: number } | { ok: false; error: UserError };

/** Read a connection's document and say whether it is healthy, or why not. */
function inspect(db: Db, docPath: string): Verdict {
  const name = path.basename(docPath);
  const damaged = (what: string): Verdict => ({
    ok: false,
    error: new DamagedDocumentError(`Tệp «${name}» ${what}, ${LEFT_ALONE}.`, docPath),
  });
  let applicationId: number;
  let version: number;
  try {
    applicationId = readApplicationId(db);
    version = readSchemaVersion(db);
    db.prepare('SELECT count(*) FROM sqlite_master').get();
  } catch {
    return damaged('bị hỏng hoặc không đọc được như một tài liệu Biểu');
  }
  if (applicationId !== BIEU_APPLICATION_ID) {
    return {
      ok: false,
      error: new UserError(
        `Tệp «${name}» là cơ sở dữ liệu SQLite nhưng không phải là tài liệu Biểu.`,
        'not-a-document',
      ),
    };
  }
  try {
    if (!passesIntegrityCheck(db)) {
      return damaged('bị hỏng: dữ liệu bên trong không còn nguyên vẹn');
    }
    const wrong = structureProblem(db, version);
    if (wrong) return damaged(wrong);
    if (cellChecksumHolds(db) === false) {
      return damaged('bị hỏng: số liệu trong các ô không còn khớp với tổng kiểm ghi trong tệp');
    }
  } catch {
    return damaged('bị hỏng hoặc không đọc được như một tài liệu Biểu');
  }
  return { ok: true, version };
}

function passesIntegrityCheck(db: Db): boolean {
  try {
    const rows = db.pragma('integrity_check') as { integrity_check: string }[];
    return rows.length === 1 && rows[0].integrity_check === 'ok';
  } catch {
    return false;
  }
}

/**
 * Open a file that looks like a document (document-file.ts) read-only and confirm it is a
 * healthy Biểu document. Returns the open read-only connection and the schema version; throws
 * the UserError that names what is wrong otherwise.
 */
export function probeDocument(resolved: string): { probe: Db; version: number } {
  const name = path.basename(resolved);
  // Reading a WAL document creates -wal/-shm beside it even read-only; a refused file must be
  // left exactly as it was found, so remove the ones this probe made.
  const made = ['-wal', '-shm'].map((s) => resolved + s).filter((f) => !fs.existsSync(f));
  const walBefore = hasContent(`${resolved}-wal`);
  let probe: Db;
  try {
    probe = openDatabase(resolved, { readonly: true });
  } catch {
    throw new UserError(`Không mở được tệp «${name}» như một tài liệu Biểu.`, 'not-a-document');
  }
  const verdict = inspect(probe, resolved);
  if (verdict.ok) return { probe, version: verdict.version };
  probe.close();
  for (const f of made) {
    try {
      if (f.endsWith('-shm') || fs.statSync(f).size === 0) fs.rmSync(f, { force: true });
    } catch {
      // Not there: nothing to tidy.
    }
  }
  // The file alone was Biểu's (document-file.ts read its header) and is sound without the -wal:
  // the -wal is what is wrong.
  if (walBefore && soundWithoutWal(resolved)) throw new ForeignWalError(resolved);
  throw verdict.error;
}

/** Whether the main file, read without the -wal beside it, is a healthy document. */
function soundWithoutWal(resolved: string): boolean {
  try {
    return withPrivateCopy(resolved, false, (copy) => {
      const db = openDatabase(copy, { readonly: true });
      try {
        return inspect(db, resolved).ok;
      } finally {
        db.close();
      }
    });
  } catch {
    return false;
  }
}
