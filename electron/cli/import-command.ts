/**
 * `bieu import FILE.xlsx --into DOC.bieu`: recognise the tables of an Excel workbook and add them
 * to a document, creating the document when it does not exist. Names already in the document get
 * a number ("Dân số (2)"). What the reading had to decide is printed under each table, so nothing
 * is taken in silently.
 */
import fs from 'node:fs';
import path from 'node:path';
import { UserError } from '../../shared/api';
import { importFile } from '../excel/import-file';
import { DocumentStore } from '../store/document-store';
import type { NewTableInput } from '../store/new-table';
import { parseArgs } from './args';

const USAGE = 'Cách dùng: bieu import TỆP.xlsx|.xls|.ods|.docx --into TÀI-LIỆU.bieu';

function uniqueName(name: string, taken: Set<string>): string {
  let candidate = name;
  for (let k = 2; taken.has(candidate); k++) candidate = `${name} (${k})`;
  taken.add(candidate);
  return candidate;
}

export async function runImport(
  argv: string[],
  out: (s: string) => void,
  err: (s: string) => void,
): Promise<number> {
  const args = parseArgs(argv, { flags: [], options: ['--into'] }, 'import');
  const into = args.options.get('--into');
  if (args.positional.length !== 1 || !into) throw new UserError(USAGE, 'bad-input');
  const file = args.positional[0];
  const target = path.resolve(into);

  const { tables, report } = await importFile(path.resolve(file));
  for (const sheet of report.sheets) sheet.skipped.forEach((s) => err(s));
  if (tables.length === 0) {
    throw new UserError(`Không tìm thấy biểu nào trong tệp «${path.basename(file)}».`, 'bad-input');
  }

  const exists = fs.existsSync(target);
  const existing = exists ? DocumentStore.open(target) : null;
  let names: string[];
  try {
    const taken = new Set(existing?.listTables().map((t) => t.name) ?? []);
    names = tables.map((t) => uniqueName(t.table.name, taken));
    const drafts: NewTableInput[] = tables.map((t, i) => ({ ...t.table, name: names[i] }));
    if (existing) existing.addTables(drafts);
    else DocumentStore.create(target, drafts).close();
  } finally {
    existing?.close();
  }

  out(
    `Đã nhập ${tables.length} biểu từ «${path.basename(file)}» vào ${exists ? '' : 'tài liệu mới '}«${path.basename(target)}»:`,
  );
  tables.forEach((t, i) => {
    const range = `dòng ${t.sourceRows[0]}–${t.sourceRows[t.sourceRows.length - 1]}`;
    out(
      `  • ${names[i]} — trang «${t.sheet.trim()}», ${range}: ${t.table.rows.length} dòng × ${t.table.columns.length} cột`,
    );
    for (const doubt of t.doubts) out(`      ${doubt}`);
  });
  return 0;
}
