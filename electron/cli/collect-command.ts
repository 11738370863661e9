/**
 * `bieu collect DOC.bieu --table NAME FILE_OR_FOLDER... [--json] [--apply]`: the communes'
 * returned files into the district table (shared/collect/plan-collect.ts). It prints, per unit,
 * received (from which file, what changes) / missing / conflict, the rows that match no unit, and
 * the findings of each file (its own cells) and of the district table with what was received.
 * Without --apply nothing is written — not a byte of the document; with --apply the figures
 * received and not in conflict are written, one undoable step per file.
 *
 * Exit 0 when every unit was received and nothing failed; 1 when a unit is missing or in
 * conflict, a file could not be used, or a finding is an error; 2 when nothing could be read.
 */
import path from 'node:path';
import { UserError } from '../../shared/api';
import {
  planCollect,
  receivedOffers,
  type CollectedUnit,
  type CollectPlan,
} from '../../shared/collect/plan-collect';
import type { CellValue } from '../../shared/model';
import { formatNumber, decimalsNeeded } from '../../shared/numbers';
import { applyOffers, type Applied } from '../collect/apply-collect';
import { earlierCollects } from '../collect/earlier-collects';
import { readReturned } from '../collect/read-returned';
import { returnedFiles } from '../collect/returned-files';
import { DocumentStore } from '../store/document-store';
import { parseArgs } from './args';

const USAGE =
  'Cách dùng: bieu collect TÀI-LIỆU.bieu --table TÊN-BIỂU TỆP-HOẶC-THƯ-MỤC... [--json] [--apply]';

export interface CollectReport {
  version: 1;
  table: string;
  units: Omit<CollectedUnit, 'rowIndex'>[];
  unmatched: CollectPlan['unmatched'];
  /** Files that could not be read or hold no matching table, each with its sentence. */
  unreadable: { file: string; message: string }[];
  findings: CollectPlan['findings'];
  /** With --apply: the files written and the cells changed. */
  applied: Applied | null;
}

export async function runCollect(
  argv: string[],
  out: (s: string) => void,
  err: (s: string) => void,
): Promise<number> {
  const args = parseArgs(argv, { flags: ['--json', '--apply'], options: ['--table'] }, 'collect');
  const [doc, ...inputs] = args.positional;
  const tableName = args.options.get('--table');
  if (!doc || !tableName || inputs.length === 0) throw new UserError(USAGE, 'bad-input');
  if (path.extname(doc).toLowerCase() !== '.bieu')
    throw new UserError(
      `«${path.basename(doc)}» không phải tài liệu Biểu (.bieu). ${USAGE}`,
      'bad-input',
    );
  const apply = args.flags.has('--apply');

  const files = returnedFiles(inputs);
  // Only reading until the person asks to write: the document keeps every byte.
  const store = apply
    ? DocumentStore.open(path.resolve(doc))
    : DocumentStore.openReadOnlyCopy(path.resolve(doc));
  try {
    if (apply && store.readOnly)
      throw new UserError(
        `Tài liệu «${path.basename(doc)}» chỉ mở được để xem (${store.info().readOnlyReason ?? 'đang mở ở nơi khác'}); chưa ghi gì.`,
        'read-only',
      );
    const table = store.tableByName(tableName);
    if (!table)
      throw new UserError(
        `Tài liệu «${path.basename(doc)}» không có biểu «${tableName}».`,
        'not-found',
      );
    const reading = await readReturned(files);
    const plan = planCollect(table, reading.files, {
      documentName: path.basename(doc),
      ...earlierCollects(store, table),
    });
    const unreadable = [...reading.unreadable, ...plan.refused];
    if (plan.files.length === 0) {
      for (const u of unreadable) err(u.message);
      return 2;
    }
    const applied = apply ? applyOffers(store, table, receivedOffers(plan)) : null;
    const report: CollectReport = {
      version: 1,
      table: table.name,
      units: plan.units.map(({ rowIndex: _, ...u }) => u),
      unmatched: plan.unmatched,
      unreadable,
      findings: plan.findings,
      applied,
    };
    if (args.flags.has('--json')) out(JSON.stringify(report, null, 2));
    else {
      for (const u of unreadable) err(u.message);
      out(humanReport(report));
    }
    const failed =
      unreadable.length > 0 ||
      report.units.some((u) => u.status !== 'received') ||
      report.findings.some((f) => f.severity === 'error');
    return failed ? 1 : 0;
  } finally {
    store.close();
  }
}

function show(v: CellValue): string {
  if (v === null) return '(trống)';
  return typeof v === 'number' ? formatNumber(v, decimalsNeeded(v)) : `«${v}»`;
}

const STATUS = { received: 'Đã nhận', missing: 'CHƯA GỬI', conflict: 'VƯỚNG' } as const;

function humanReport(r: CollectReport): string {
  const lines: string[] = [`Biểu «${r.table}»:`];
  for (const u of r.units) {
    const from = u.file ? ` — ${u.files.map((f) => path.basename(f)).join(', ')}` : '';
    lines.push(`  ${STATUS[u.status]}: ${u.unit}${from}`);
    if (u.conflict?.between === 'files')
      for (const c of u.conflict.columns)
        lines.push(
          `      cột ${c.column}: ${c.values.map((v) => `${path.basename(v.file)} ${v.cell} = ${show(v.value)}`).join('; ')}`,
        );
    else {
      // A first answer fills blanks; what replaces a figure is worth showing, old → new.
      const replaced = u.changes.filter((c) => c.from !== null);
      if (replaced.length > 0)
        lines.push(
          `      ${replaced.map((c) => `cột ${c.column}: ${show(c.from)} → ${show(c.to)}`).join('; ')}`,
        );
    }
  }
  for (const x of r.unmatched)
    lines.push(
      `  Không khớp đơn vị nào: «${x.name}» — ${path.basename(x.file)} › ${x.sheet.trim()} › dòng ${x.row}`,
    );
  for (const f of r.findings) {
    if (f.severity !== 'error' && f.severity !== 'warning') continue;
    const tag = f.severity === 'error' ? 'LỖI' : 'CẢNH BÁO';
    lines.push(`  ${path.basename(f.file)} › ${f.sheet.trim()} › ${f.cell}  [${tag}] ${f.message}`);
  }
  const count = (s: keyof typeof STATUS) => r.units.filter((u) => u.status === s).length;
  lines.push(
    `${count('received')}/${r.units.length} đơn vị đã nhận, ${count('missing')} chưa gửi, ${count('conflict')} vướng, ${r.unmatched.length} dòng không khớp đơn vị nào` +
      (r.applied
        ? `; đã ghi ${r.applied.cells} ô từ ${r.applied.files.length} tệp.`
        : '; chưa ghi gì (thêm --apply để ghi các đơn vị đã nhận).'),
  );
  return lines.join('\n');
}
