/**
 * The `bieu` command line (README.md, "The command line"). Errors are one clear Vietnamese sentence on
 * stderr and exit code 2 — never a stack trace.
 */
import { UserError } from '../../shared/api';
import { runCheck } from './check-command';
import { runCollect } from './collect-command';
import { runExport } from './export-command';
import { runForms } from './forms-command';
import { runImport } from './import-command';
import { runServe } from './serve-command';

const USAGE = `Cách dùng:
  bieu check TỆP... [--json]                  kiểm tra các biểu (.bieu, .xlsx, .xls, .ods, .docx)
  bieu serve [TÀI-LIỆU.bieu] [--port N]       mở Biểu trong trình duyệt (máy chủ cục bộ)
  bieu import TỆP --into TÀI-LIỆU.bieu        nhập các biểu của tệp (.xlsx, .xls, .ods, .docx) vào tài liệu
  bieu export TÀI-LIỆU.bieu --out TỆP.xlsx [--table TÊN-BIỂU] [--values-only]
                                              xuất các biểu thành phụ lục Excel
  bieu forms TÀI-LIỆU.bieu --table TÊN-BIỂU --out THƯ-MỤC [--breakdown SỐ-DÒNG]
                                              một biểu mẫu Excel cho mỗi đơn vị của biểu
  bieu collect TÀI-LIỆU.bieu --table TÊN-BIỂU TỆP-HOẶC-THƯ-MỤC... [--json] [--apply]
                                              tổng hợp các tệp các đơn vị gửi về vào biểu`;

async function main(argv: string[]): Promise<number> {
  const out = (s: string) => process.stdout.write(s + '\n');
  const err = (s: string) => process.stderr.write(s + '\n');
  const [command, ...rest] = argv;
  try {
    switch (command) {
      case 'check':
        return await runCheck(rest, out, err);
      case 'import':
        return await runImport(rest, out, err);
      case 'serve':
        await runServe(rest, out, err);
        return -1; // keeps running
      case 'export':
        return await runExport(rest, out, err);
      case 'forms':
        return await runForms(rest, out);
      case 'collect':
        return await runCollect(rest, out, err);
      case undefined:
      case '--help':
      case '-h':
      case 'help':
        (command ? out : err)(USAGE);
        return command ? 0 : 2;
      default:
        err(`Không có lệnh «${command}».\n${USAGE}`);
        return 2;
    }
  } catch (e) {
    if (e instanceof UserError) err(e.message);
    else err(`Lỗi nội bộ: ${e instanceof Error ? e.message : String(e)}`);
    return 2;
  }
}

main(process.argv.slice(2)).then((code) => {
  if (code >= 0) process.exitCode = code;
});
