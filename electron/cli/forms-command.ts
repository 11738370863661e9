/**
 * `bieu forms DOC.bieu --table NAME --out DIR [--breakdown N]`: one entry workbook per unit of
 * the table (forms/write-forms.ts), for the district to send to its communes; with --breakdown,
 * each form has N blank rows for the unit's villages and a total row. The document is only read.
 */
import path from 'node:path';
import { UserError } from '../../shared/api';
import { appendixMeta } from '../excel/export-meta';
import { writeForms } from '../forms/write-forms';
import { DocumentStore } from '../store/document-store';
import { parseArgs } from './args';

const USAGE =
  'Cách dùng: bieu forms TÀI-LIỆU.bieu --table TÊN-BIỂU --out THƯ-MỤC [--breakdown SỐ-DÒNG]';

export async function runForms(argv: string[], out: (s: string) => void): Promise<number> {
  const args = parseArgs(
    argv,
    { flags: [], options: ['--table', '--out', '--breakdown'] },
    'forms',
  );
  const tableName = args.options.get('--table');
  const outDir = args.options.get('--out');
  if (args.positional.length !== 1 || !tableName || !outDir)
    throw new UserError(USAGE, 'bad-input');
  const breakdownText = args.options.get('--breakdown') ?? '0';
  const breakdown = Number(breakdownText);
  if (!Number.isInteger(breakdown) || breakdown < 0 || breakdown > 200)
    throw new UserError(
      `--breakdown cần số dòng để trống cho các thôn, ấp (từ 1 đến 200), không phải «${breakdownText}».`,
      'bad-input',
    );
  const doc = args.positional[0];
  const store = DocumentStore.openReadOnlyCopy(path.resolve(doc));
  try {
    const table = store.tableByName(tableName);
    if (!table)
      throw new UserError(
        `Tài liệu «${path.basename(doc)}» không có biểu «${tableName}».`,
        'not-found',
      );
    const written = await writeForms(table, appendixMeta(store.getMeta()), path.resolve(outDir), {
      breakdown,
    });
    out(`Đã ghi ${written.length} biểu mẫu của biểu «${table.name}» vào «${outDir}»:`);
    for (const w of written) out(`  • ${w.unit} — ${path.basename(w.file)}`);
    return 0;
  } finally {
    store.close();
  }
}
