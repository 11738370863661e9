/**
 * A returned workbook someone still has open. Excel leaves an owner file "~$Name.xlsx" beside
 * it, LibreOffice ".~lock.Name.xlsx#"; on Windows Excel also locks the file itself, so reading
 * it fails (EBUSY, EACCES, EPERM). What is on disk may not be what the commune sees on screen,
 * so such a file is not collected: one sentence asks to save and close it first.
 */
import fs from 'node:fs';
import path from 'node:path';
import { UserError } from '../../shared/api';

function sentence(name: string): UserError {
  return new UserError(
    `Tệp «${name}» đang được mở trong Excel hoặc LibreOffice; hãy lưu, đóng tệp rồi tổng hợp lại.`,
    'bad-input',
  );
}

/** The owner files an open workbook has beside it. Excel cuts long names to their last 20+ chars. */
function ownerFiles(file: string): string[] {
  const dir = path.dirname(file);
  const name = path.basename(file);
  return [`~$${name}`, `~$${name.slice(2)}`, `.~lock.${name}#`].map((n) => path.join(dir, n));
}

/** Throws the sentence when the workbook is open in Excel or LibreOffice. */
export function refuseIfOpenElsewhere(file: string): void {
  if (ownerFiles(file).some((f) => fs.existsSync(f))) throw sentence(path.basename(file));
}

/** The sentence for a file the system would not let us read because another program holds it. */
export function lockedRefusal(file: string, e: unknown): UserError | null {
  const code = (e as NodeJS.ErrnoException | null)?.code;
  if (code !== 'EBUSY' && code !== 'EACCES' && code !== 'EPERM') return null;
  return new UserError(
    `Không mở được tệp «${path.basename(file)}»: tệp đang bị chương trình khác (như Excel) giữ hoặc không có quyền đọc; hãy đóng tệp rồi tổng hợp lại.`,
    'bad-input',
  );
}
