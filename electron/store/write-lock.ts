/**
 * Writing while another process holds SQLite's write lock on the document (a backup tool, a
 * database browser, a script): every write transaction asks for the lock at its start (BEGIN
 * IMMEDIATE), so SQLite waits for it up to BUSY_TIMEOUT_MS instead of failing at once halfway
 * through, and when the other process still has it then, the user reads what is happening.
 */
import path from 'node:path';
import { UserError } from '../../shared/api';
import { BUSY_TIMEOUT_MS, type Db } from './sqlite';

/** SQLite's answer when another connection holds the lock it needs. */
export function isBusy(err: unknown): boolean {
  const code = (err as { code?: unknown } | null)?.code;
  return typeof code === 'string' && /^SQLITE_(BUSY|LOCKED)/.test(code);
}

/** The sentence for a lock another process kept too long; `doing` is what could not be done. */
export function busySentence(doing: string, docPath: string): string {
  return (
    `${doing} «${path.basename(docPath)}»: một chương trình khác đang giữ quyền ghi tệp này ` +
    `(đã chờ ${BUSY_TIMEOUT_MS / 1000} giây), hãy thử lại sau giây lát.`
  );
}

/** Run `write` as one transaction that holds the write lock from its start. */
export function inWriteTransaction<T>(db: Db, docPath: string, write: () => T): T {
  try {
    return db.transaction(write).immediate();
  } catch (err) {
    if (isBusy(err)) {
      throw new UserError(busySentence('Chưa lưu được thay đổi vào tài liệu', docPath), 'failed');
    }
    throw err;
  }
}
