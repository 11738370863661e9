/**
 * `bieu check FILE... [--json]`: run the check engine over documents and Excel workbooks and print
 * the findings. Exit 0 when there is no error, 1 when there are errors, 2 when a file cannot be
 * read. For a workbook, findings name the source file's own sheet and cells.
 *
 * A document is checked with its own rules: the links accepted between its tables, the rules
 * typed by the user, without the rules turned off (as the app's `document.check`).
 *
 * The tables of all the workbooks given are checked together, as one document: with no one to
 * accept a link between two tables, the links the figures suggest (discoverLinks) are checked
 * as warnings of kind `cross-table`, with the other table's figure suggested when the two are
 * one typing slip apart.
 */
import path from 'node:path';
import { UserError } from '../../shared/api';
import { decimalsNeeded, formatNumber } from '../../shared/numbers';
import { checkTable, type CheckOptions } from '../../shared/checks/engine';
import { checkDocument } from '../../shared/checks/document';
import type { Table } from '../../shared/model';
import { SEVERITY_NAMES, type Finding } from '../../shared/checks/finding';
import type { TextFinding } from '../../shared/report-text/check-report-text';
import { reportTextFindings } from '../../shared/report-text/report-findings';
import { draftToTable, sourceAddress } from '../../shared/import/detect-tables';
import { unevaluatedCells } from '../../shared/unevaluated-cells';
import { importFile } from '../excel/import-file';
import { DocumentStore } from '../store/document-store';
import { documentFindings, readDocumentRules } from '../checks/document-rules';
import { parseArgs } from './args';

interface CheckedInput {
  file: string;
  table: string;
  sheet: string;
  rows: number;
  columns: number;
}

export interface CheckReport {
  version: 1;
  inputs: CheckedInput[];
  /** The tables' findings, and for a Word report the findings of its sentences (kind `text`). */
  findings: ((Finding | TextFinding) & { file: string })[];
  /** `review`: findings on weak evidence ("Cần xem"), listed but never counted as problems. */
  summary: {
    files: number;
    tables: number;
    errors: number;
    warnings: number;
    review: number;
    unreadable: number;
  };
}

export async function runCheck(
  argv: string[],
  out: (s: string) => void,
  err: (s: string) => void,
): Promise<number> {
  const args = parseArgs(argv, { flags: ['--json'], options: [] }, 'check');
  if (args.positional.length === 0) {
    throw new UserError('Cần ít nhất một tệp: bieu check TỆP.bieu|TỆP.xlsx [--json]', 'bad-input');
  }
  const report: CheckReport = {
    version: 1,
    inputs: [],
    findings: [],
    summary: { files: 0, tables: 0, errors: 0, warnings: 0, review: 0, unreadable: 0 },
  };
  const workbooks: WorkbookTable[] = [];
  for (const file of args.positional) {
    try {
      await checkFile(file, report, workbooks);
      report.summary.files++;
    } catch (e) {
      report.summary.unreadable++;
      err(e instanceof UserError ? e.message : `Không đọc được tệp «${path.basename(file)}».`);
    }
  }
  checkWorkbookTables(workbooks, report);
  const counted = report.findings.filter((f) => f.severity !== 'info');
  report.summary.errors = counted.filter((f) => f.severity === 'error').length;
  report.summary.warnings = counted.filter((f) => f.severity === 'warning').length;
  report.summary.review = counted.filter((f) => f.severity === 'review').length;

  if (args.flags.has('--json')) out(JSON.stringify(report, null, 2));
  else out(humanReport(report));
  if (report.summary.unreadable > 0) return 2;
  return report.summary.errors > 0 ? 1 : 0;
}

async function checkFile(
  file: string,
  report: CheckReport,
  workbooks: WorkbookTable[],
): Promise<void> {
  const ext = path.extname(file).toLowerCase();
  // Anything but a document is read for its tables, whatever it is by its content.
  if (ext !== '.bieu') {
    return readWorkbook(file, report, workbooks);
  }
  // Checking changes nothing: not a byte of the file, no -wal/-shm beside it.
  const store = DocumentStore.openReadOnlyCopy(path.resolve(file));
  try {
    // The document's own rules: its accepted links, the rules typed, the rules turned off —
    // exactly what the app's `document.check` reports.
    const rules = readDocumentRules(store);
    for (const table of rules.tables) {
      report.inputs.push({
        file,
        table: table.name,
        sheet: table.name,
        rows: table.rows.length,
        columns: table.columns.length,
      });
      report.summary.tables++;
    }
    for (const f of documentFindings(rules)) report.findings.push({ ...f, file });
  } finally {
    store.close();
  }
}

/** A table of a workbook given to `bieu check`, ready for the engine. */
interface WorkbookTable {
  file: string;
  table: Table;
  options: CheckOptions;
  input: CheckedInput;
}

async function readWorkbook(
  file: string,
  report: CheckReport,
  workbooks: WorkbookTable[],
): Promise<void> {
  const { tables, text } = await importFile(path.resolve(file));
  const textFindings = text ? reportTextFindings(text.paragraphs, tables) : [];
  for (const f of textFindings) report.findings.push({ ...f, file });
  if (tables.length === 0 && !text) {
    throw new UserError(`Không tìm thấy biểu nào trong tệp «${path.basename(file)}».`, 'bad-input');
  }
  tables.forEach((detected) => {
    const table = draftToTable(detected.table, workbooks.length + 1);
    const input: CheckedInput = {
      file,
      table: table.name,
      sheet: detected.sheet,
      rows: table.rows.length,
      columns: table.columns.length,
    };
    report.inputs.push(input);
    report.summary.tables++;
    workbooks.push({
      file,
      table,
      input,
      options: {
        sheet: detected.sheet,
        addressOf: (row, col) => sourceAddress(detected, row, col),
        unevaluated: unevaluatedCells(detected),
        // Biểu's reading of the sheet, which no person has confirmed (as the import preview does).
        layoutUnconfirmed: true,
      },
    });
  });
}

/**
 * Every table of the workbooks, with the links the figures suggest between them. Tables of two
 * files may share a name ("Worksheet"): the engine names tables in links, so a repeated name
 * gets its file's name in brackets, in the findings too.
 */
function checkWorkbookTables(workbooks: WorkbookTable[], report: CheckReport): void {
  if (workbooks.length === 0) return;
  const taken = new Set<string>();
  const fileOf = new Map<string, string>();
  for (const w of workbooks) {
    let name = w.table.name;
    if (taken.has(name)) name = `${name} (${path.basename(w.file)})`;
    for (let k = 2; taken.has(name); k++) name = `${w.table.name} (${path.basename(w.file)}, ${k})`;
    taken.add(name);
    w.table.name = name;
    w.input.table = name;
    fileOf.set(name, w.file);
  }
  if (workbooks.length === 1) {
    // One table: its own checks (and no link to discover).
    const [{ file, table, options }] = workbooks;
    for (const f of checkTable(table, options)) report.findings.push({ ...f, file });
    return;
  }
  const findings = checkDocument(
    workbooks.map((w) => w.table),
    [],
    { discover: true, tableOptions: (_, i) => workbooks[i].options },
  );
  for (const f of findings) report.findings.push({ ...f, file: fileOf.get(f.table) ?? '' });
}

function humanReport(report: CheckReport): string {
  const lines: string[] = [];
  for (const f of report.findings) {
    if (f.severity === 'info') continue;
    const tag = SEVERITY_NAMES[f.severity].vi.toLocaleUpperCase('vi');
    if ('paragraph' in f) {
      lines.push(`${path.basename(f.file)} › đoạn ${f.paragraph}  [${tag}] ${f.message}`);
      lines.push(`    «${f.sentence}»`);
      continue;
    }
    lines.push(`${path.basename(f.file)} › ${f.table} › ${f.cell}  [${tag}] ${f.message}`);
    if (f.suggestion)
      lines.push(
        `    gợi ý: ${f.suggestion.cell} → ${showValue(f.suggestion.value)} (${f.suggestion.reason})`,
      );
  }
  const s = report.summary;
  lines.push(
    `${s.files} tệp, ${s.tables} biểu: ${s.errors} lỗi, ${s.warnings} cảnh báo` +
      (s.review ? `, ${s.review} cần xem` : '') +
      (s.unreadable ? `, ${s.unreadable} tệp không đọc được` : ''),
  );
  return lines.join('\n');
}

/** A suggested value as a person reads it: 6,67 and 7.348, not 6.67 and 7348. */
function showValue(value: number | string): string {
  return typeof value === 'number' ? formatNumber(value, decimalsNeeded(value)) : value;
}
