/**
 * Where the app may write an exported workbook. An export never replaces the open document nor
 * any Biểu document (a `.bieu`, or a file that is one under another name): after an export over
 * the open document, later edits would go to a file that no longer exists. It writes only
 * `.xlsx` files, and it replaces an existing one only when the person confirmed it.
 */
import fs from 'node:fs';
import path from 'node:path';
import { UserError } from '../../shared/api';

/** Every SQLite file starts with these 16 bytes; a Biểu document is a SQLite file. */
const SQLITE_HEADER = 'SQLite format 3\u0000';

function startsAsSqlite(file: string): boolean {
  let fd: number | null = null;
  try {
    fd = fs.openSync(file, 'r');
    const head = Buffer.alloc(SQLITE_HEADER.length);
    const read = fs.readSync(fd, head, 0, head.length, 0);
    return read === head.length && head.toString('latin1') === SQLITE_HEADER;
  } catch {
    return false;
  } finally {
    if (fd !== null) fs.closeSync(fd);
  }
}

/** The same file, whatever the name it is reached by (a symlink, a hard link, `..`). */
function sameFile(a: string, b: string): boolean {
  try {
    const sa = fs.statSync(a);
    const sb = fs.statSync(b);
    return sa.dev === sb.dev && sa.ino === sb.ino;
  } catch {
    return path.resolve(a) === path.resolve(b);
  }
}

/**
 * The absolute path to write, or a refusal in one sentence. `openDocument` is the path of the
 * document open in the app; `replace` says the person confirmed replacing an existing file
 * (refused with code 'exists' otherwise, which the dialog turns into that question).
 */
export function exportTarget(out: string, openDocument: string | null, replace: boolean): string {
  const target = path.resolve(out);
  const name = path.basename(target);
  if (openDocument && sameFile(target, openDocument)) {
    throw new UserError(
      `«${name}» là tài liệu đang mở: xuất Excel không bao giờ ghi đè lên nó — hãy chọn một tệp .xlsx khác.`,
      'bad-input',
    );
  }
  if (path.extname(target).toLowerCase() !== '.xlsx') {
    throw new UserError(`Tệp xuất «${name}» phải có đuôi .xlsx.`, 'bad-input');
  }
  if (!fs.existsSync(target) || fs.statSync(target).isDirectory()) return target;
  if (startsAsSqlite(target)) {
    throw new UserError(
      `«${name}» là một tài liệu Biểu (tệp SQLite), không phải tệp Excel: xuất Excel không ghi đè lên nó.`,
      'bad-input',
    );
  }
  if (!replace) {
    throw new UserError(
      `Đã có tệp «${name}»: chỉ ghi đè khi bạn xác nhận thay nó bằng tệp xuất mới.`,
      'exists',
    );
  }
  return target;
}
