/**
 * `bieu export DOC.bieu --out FILE.xlsx [--table NAME] [--values-only]`: the document's tables
 * as appendix sheets. An existing output file is replaced, never left half-written. Exit 0 when
 * the file is written (open findings are reported on stderr: they are marked in the file, not a
 * reason to withhold it), 2 on a usage error, an unknown table or an unwritable file.
 */
import path from 'node:path';
import { UserError } from '../../shared/api';
import { exportDocument } from '../excel/export-document';
import { DocumentStore } from '../store/document-store';
import { parseArgs } from './args';

const USAGE = 'bieu export TÀI-LIỆU.bieu --out TỆP.xlsx [--table TÊN-BIỂU] [--values-only]';

export async function runExport(
  argv: string[],
  out: (s: string) => void,
  err: (s: string) => void,
): Promise<number> {
  const args = parseArgs(
    argv,
    { flags: ['--values-only'], options: ['--out', '--table'] },
    'export',
  );
  if (args.positional.length !== 1) {
    throw new UserError(`Cần đúng một tài liệu để xuất: ${USAGE}`, 'bad-input');
  }
  const outFile = args.options.get('--out');
  if (!outFile) throw new UserError(`Thiếu tệp ra (--out): ${USAGE}`, 'bad-input');
  if (path.extname(outFile).toLowerCase() !== '.xlsx') {
    throw new UserError(`Tệp ra «${path.basename(outFile)}» phải có đuôi .xlsx.`, 'bad-input');
  }
  const docFile = path.resolve(args.positional[0]);
  if (path.resolve(outFile) === docFile) {
    throw new UserError('Tệp ra không được trùng với tài liệu đang xuất.', 'bad-input');
  }

  const store = DocumentStore.open(docFile);
  try {
    const summary = await exportDocument(store, outFile, {
      table: args.options.get('--table'),
      valuesOnly: args.flags.has('--values-only'),
    });
    const sheets = summary.sheets.map((s) =>
      args.flags.has('--values-only') ? `«${s.sheet}»` : `«${s.sheet}» (${s.formulas} công thức)`,
    );
    out(
      `Đã xuất ${summary.sheets.length} biểu vào «${path.basename(summary.file)}»: ${sheets.join(', ')}` +
        (summary.findingsSheet ? `, và trang «${summary.findingsSheet}».` : '.'),
    );
    if (summary.errors + summary.warnings > 0) {
      err(
        `Lưu ý: các biểu còn ${summary.errors} lỗi, ${summary.warnings} cảnh báo; các ô đó giữ nguyên số ghi, ` +
          `có ghi chú trong tệp` +
          (summary.findingsSheet ? ` và được liệt kê ở trang «${summary.findingsSheet}».` : '.'),
      );
    }
    return 0;
  } finally {
    store.close();
  }
}
