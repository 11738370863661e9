/**
 * One entry workbook per unit of a table, into a folder, each named after its unit ("Xã Lộc
 * Hòa.xlsx") so the district sees at a glance whose file came back. The units are the ones
 * `bieu collect` matches (shared/collect/unit-rows.ts). A folder that already holds a file of
 * the same name is refused before anything is written: a form filled in by a commune is never
 * overwritten by a blank one.
 */
import fs from 'node:fs';
import path from 'node:path';
import { UserError } from '../../shared/api';
import { unitNameColumn } from '../../shared/checks/units-of-table';
import { unitRows } from '../../shared/collect/unit-rows';
import type { Table } from '../../shared/model';
import type { AppendixMeta } from '../excel/export-meta';
import { unitFormWorkbook } from './unit-form';

export interface WrittenForm {
  unit: string;
  file: string;
}

/** A file name from a unit's name: what Windows and macOS refuse in a name becomes "-". */
export function formFileName(unit: string): string {
  const name = unit
    .normalize('NFC')
    .replace(/[\\/:*?"<>|]/g, '-')
    .replace(/\p{Cc}/gu, '')
    .replace(/\s+/g, ' ')
    .replace(/^[.\s]+|[.\s]+$/g, '');
  return `${name || 'Đơn vị'}.xlsx`;
}

export async function writeForms(
  table: Table,
  meta: AppendixMeta,
  outDir: string,
  options: { breakdown?: number } = {},
): Promise<WrittenForm[]> {
  const units = unitRows(table);
  if (units.length === 0)
    throw new UserError(
      `Biểu «${table.name}» không có dòng đơn vị nào (xã, phường, thị trấn) để gửi biểu mẫu.`,
      'bad-input',
    );
  const taken = new Set<string>();
  const planned = units.map((unit) => {
    let file = formFileName(unit.name);
    for (let k = 2; taken.has(file.toLowerCase()); k++) file = formFileName(`${unit.name} (${k})`);
    taken.add(file.toLowerCase());
    return { unit, file: path.join(outDir, file) };
  });
  if (fs.existsSync(outDir) && !fs.statSync(outDir).isDirectory())
    throw new UserError(`«${path.basename(outDir)}» là một tệp, không phải thư mục.`, 'bad-input');
  const existing = planned.find((p) => fs.existsSync(p.file));
  if (existing)
    throw new UserError(
      `Thư mục «${path.basename(outDir)}» đã có tệp «${path.basename(existing.file)}»; hãy chọn thư mục khác (chưa ghi tệp nào).`,
      'exists',
    );
  fs.mkdirSync(outDir, { recursive: true });
  const nameColumn = unitNameColumn(table);
  const written: WrittenForm[] = [];
  for (const { unit, file } of planned) {
    const workbook = await unitFormWorkbook(
      { table, rowIndex: unit.rowIndex, meta, breakdown: options.breakdown ?? 0 },
      unit.name,
      nameColumn,
    );
    await workbook.xlsx.writeFile(file);
    written.push({ unit: unit.name, file });
  }
  return written;
}
