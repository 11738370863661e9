/**
 * Importing a Word report (.docx): every table of its body — nested ones included — becomes a
 * grid of its own and goes through the same table detection as a sheet, named by its title (the
 * paragraph above it that names a table) or "Bảng N" by its order in the document; a finding's
 * address is then the A1 address inside that table's own grid. The body's paragraphs come back
 * too, for the checks of the figures stated in the report's sentences.
 */
import { UserError } from '../../shared/api';
import { fitToData } from './grid-extent';
import { readWordDocument, type WordTable } from './docx/word-document';
import { ImportRun, type ImportOptions, type ImportResult } from './import-run';
import { LimitExceeded, limitRefusal, LIMITS } from './xlsx/limits';
import type { WorkbookFacts } from './xlsx/package-guard';
import { entryRefusal, readEntryOf, ZipEntryError } from './xlsx/zip-entry';

/** The name a Word table goes by: its title, shortened, or "Bảng N". */
export function wordTableName(table: WordTable): string {
  const title = table.title?.replace(/\s+/g, ' ').trim();
  if (!title) return `Bảng ${table.index}`;
  return title.length > 60 ? `${title.slice(0, 59).trimEnd()}…` : title;
}

export async function importWordReport(
  filePath: string,
  facts: WorkbookFacts,
  options: ImportOptions = {},
): Promise<ImportResult> {
  const run = ImportRun.begin(filePath, options);
  const { name, progress } = run;
  const entry = facts.entries.find((e) => e.name.toLowerCase() === 'word/document.xml');
  if (!entry) throw new UserError(`Tệp «${name}» không có nội dung văn bản Word.`, 'bad-input');
  let doc;
  try {
    doc = readWordDocument(readEntryOf(filePath, entry, LIMITS.totalBytes).toString('utf8'));
  } catch (e) {
    if (e instanceof ZipEntryError) throw entryRefusal(name, e);
    if (e instanceof LimitExceeded) throw limitRefusal(name, null, e.problem);
    throw e;
  }
  run.checkCancelled();
  doc.tables.forEach((table, i) => {
    const sheet = wordTableName(table);
    progress(0.5 + (0.5 * i) / Math.max(1, doc.tables.length), `Nhận dạng bảng «${sheet}»`);
    const grid = fitToData({
      name: sheet,
      cells: table.cells,
      columnCount: 0,
      merges: table.merges,
      hiddenRows: [],
      hiddenColumns: [],
    });
    const before = run.tables.length;
    run.recognise(sheet, () => grid, { formulas: 0, placeholders: 0 }, false);
    for (const t of run.tables.slice(before))
      if (!t.table.title && table.title) t.table.title = table.title;
  });
  const result = run.result();
  return { ...result, text: { paragraphs: doc.paragraphs } };
}
