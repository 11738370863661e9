/**
 * Writing an exported workbook to disk without ever leaving a partial file: it is written to a
 * temporary file beside the target, flushed, then renamed over it. An existing file is replaced
 * (that is what people expect of "export"), but only by a complete one.
 */
import crypto from 'node:crypto';
import fs from 'node:fs';
import path from 'node:path';
import type ExcelJS from 'exceljs';
import { UserError } from '../../shared/api';

export async function writeWorkbookFile(
  workbook: ExcelJS.Workbook,
  outPath: string,
): Promise<string> {
  const target = path.resolve(outPath);
  const name = path.basename(target);
  const dir = path.dirname(target);
  if (!fs.existsSync(dir) || !fs.statSync(dir).isDirectory()) {
    throw new UserError(`Không có thư mục «${dir}» để ghi tệp «${name}».`, 'bad-input');
  }
  if (fs.existsSync(target) && fs.statSync(target).isDirectory()) {
    throw new UserError(`«${name}» là một thư mục, không ghi tệp Excel vào đó được.`, 'bad-input');
  }
  const tmp = path.join(
    dir,
    `.${name}.${process.pid}.${crypto.randomBytes(4).toString('hex')}.tmp`,
  );
  try {
    const buffer = Buffer.from(await workbook.xlsx.writeBuffer());
    const fd = fs.openSync(tmp, 'wx');
    try {
      fs.writeSync(fd, buffer);
      fs.fsyncSync(fd);
    } finally {
      fs.closeSync(fd);
    }
    fs.renameSync(tmp, target);
  } catch (err) {
    fs.rmSync(tmp, { force: true });
    if (err instanceof UserError) throw err;
    const code = (err as NodeJS.ErrnoException).code;
    const why =
      code === 'EBUSY' || code === 'EPERM' || code === 'EACCES'
        ? 'tệp đang mở trong chương trình khác hoặc không có quyền ghi'
        : (err as Error).message;
    throw new UserError(`Không ghi được tệp «${name}»: ${why}.`, 'failed');
  }
  return target;
}
