/**
 * Is this file a Biểu document? Answered from the file's first bytes before SQLite touches it,
 * so a foreign file is refused without a single byte written to it or beside it: opening even a
 * read-only SQLite connection on someone's WAL database may create -wal/-shm files next to it.
 *
 * The SQLite header (https://sqlite.org/fileformat.html) starts with "SQLite format 3\0" and holds
 * the application_id as a big-endian 32-bit integer at byte 68. Biểu writes its id before the
 * document switches to WAL, so the id is in the main file even if a crash left a WAL behind.
 */
import fs from 'node:fs';
import path from 'node:path';
import { UserError } from '../../shared/api';
import { BIEU_APPLICATION_ID } from './schema';

const SQLITE_MAGIC = Buffer.from('SQLite format 3\0', 'latin1');
const HEADER_SIZE = 100;
const APPLICATION_ID_OFFSET = 68;
const ZIP_MAGIC = Buffer.from('PK\x03\x04', 'latin1');

function notADocument(message: string): UserError {
  return new UserError(message, 'not-a-document');
}

/** Throws a UserError (code 'not-a-document') naming the file unless it looks like a document. */
export function assertDocumentFile(filePath: string): void {
  const name = path.basename(filePath);
  let stat: fs.Stats;
  try {
    stat = fs.statSync(filePath);
  } catch (err) {
    if ((err as NodeJS.ErrnoException).code === 'ENOENT') {
      throw notADocument(`Không tìm thấy tệp «${name}».`);
    }
    throw notADocument(`Không đọc được tệp «${name}».`);
  }
  if (stat.isDirectory()) {
    throw notADocument(`«${name}» là một thư mục, không phải là tài liệu Biểu.`);
  }
  if (stat.size === 0) {
    throw notADocument(`Tệp «${name}» trống (0 byte) nên không phải là tài liệu Biểu.`);
  }

  const header = Buffer.alloc(HEADER_SIZE);
  let read = 0;
  let fd: number | null = null;
  try {
    fd = fs.openSync(filePath, 'r');
    read = fs.readSync(fd, header, 0, HEADER_SIZE, 0);
  } catch {
    throw notADocument(`Không đọc được tệp «${name}».`);
  } finally {
    if (fd !== null) fs.closeSync(fd);
  }

  if (read < HEADER_SIZE || !header.subarray(0, SQLITE_MAGIC.length).equals(SQLITE_MAGIC)) {
    // People rename or double-click the wrong file; an Excel workbook deserves a pointer.
    if (header.subarray(0, ZIP_MAGIC.length).equals(ZIP_MAGIC)) {
      throw notADocument(
        `Tệp «${name}» không phải là tài liệu Biểu: đây có vẻ là một bảng tính Excel hoặc tệp nén. ` +
          `Hãy dùng chức năng nhập từ Excel để đưa bảng vào tài liệu.`,
      );
    }
    throw notADocument(
      `Tệp «${name}» không phải là tài liệu Biểu: tệp không phải là cơ sở dữ liệu SQLite.`,
    );
  }
  if (header.readUInt32BE(APPLICATION_ID_OFFSET) !== BIEU_APPLICATION_ID) {
    throw notADocument(`Tệp «${name}» là cơ sở dữ liệu SQLite nhưng không phải là tài liệu Biểu.`);
  }
}
