/**
 * The files the communes sent back, as the person gave them: files, or folders of them (the
 * e-mail attachments saved in one place). A folder gives its workbooks (.xlsx, .xlsm, .xls, .ods),
 * in name order, without the lock files Excel (~$…) and LibreOffice (.~lock.…#) leave beside a
 * workbook that is open — those say the workbook is still being edited (open-elsewhere.ts).
 */
import fs from 'node:fs';
import path from 'node:path';
import { UserError } from '../../shared/api';

const WORKBOOK = /\.(xlsx|xlsm|xls|ods)$/i;
const LOCK_FILE = /^(~\$|\.~lock\.)/;

/** Every file to read, resolved, each once (a file given twice, or also through its folder). */
export function returnedFiles(given: readonly string[]): string[] {
  const out: string[] = [];
  const seen = new Set<string>();
  const add = (file: string) => {
    const resolved = path.resolve(file);
    if (!seen.has(resolved)) {
      seen.add(resolved);
      out.push(resolved);
    }
  };
  for (const item of given) {
    let stat: fs.Stats;
    try {
      stat = fs.statSync(item);
    } catch {
      throw new UserError(`Không tìm thấy tệp hay thư mục «${item}».`, 'not-found');
    }
    if (!stat.isDirectory()) {
      add(item);
      continue;
    }
    const names = fs
      .readdirSync(item, { withFileTypes: true })
      .filter((e) => e.isFile() && WORKBOOK.test(e.name) && !LOCK_FILE.test(e.name))
      .map((e) => e.name)
      .sort((a, b) => a.localeCompare(b, 'vi'));
    if (names.length === 0)
      throw new UserError(
        `Thư mục «${path.basename(path.resolve(item))}» không có sổ làm việc nào (.xlsx, .xls, .ods) để tổng hợp.`,
        'bad-input',
      );
    for (const name of names) add(path.join(item, name));
  }
  return out;
}
