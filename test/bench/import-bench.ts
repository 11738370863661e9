/**
 * The import benchmark: figures printed, not a timed test.
 *
 *   floor          exceljs' own plain `workbook.xlsx.readFile` of a nation-sized workbook
 *   Biểu           importWorkbook (guard, read, table detection) + checkTable on the result
 *
 * The workbook is built here with exceljs into a temp dir: title, unit line, a two-level header
 * drawn with merges, the column-code row with its formulas, then for each province a heading,
 * its communes and a "Cộng" subtotal, and a "Toàn quốc" total — 10,600 communes × 13 columns,
 * the figures consistent (a full check finds nothing). Commune names come from
 * the official commune list (UNIT_LIST below, beside the checkout) when it is there.
 */
import ExcelJS from 'exceljs';
import { existsSync, readFileSync, statSync } from 'node:fs';
import path from 'node:path';
import { checkTable } from '../../shared/checks';
import { draftToTable } from '../../shared/import/detect-tables';
import type { Table } from '../../shared/model';
import { importWorkbook } from '../../electron/excel/read-xlsx';
import { inventedProvinces, nationTable, provincesFromCsv, type Province } from './nation-table';
import { printRow, sideBySide } from './side-by-side';

const UNIT_LIST = 'shared/data/vn_units_2025-07-01_2level.csv';

/** The official unit list, looked for above the working directory and this file. */
export function findUnitList(): string | null {
  for (const start of [process.cwd(), __dirname]) {
    let dir = start;
    for (let up = 0; up < 6; up++) {
      const candidate = path.join(dir, UNIT_LIST);
      if (existsSync(candidate)) return candidate;
      dir = path.dirname(dir);
    }
  }
  return null;
}

export function benchProvinces(): { provinces: Province[]; source: string } {
  const list = findUnitList();
  return list
    ? { provinces: provincesFromCsv(readFileSync(list, 'utf8')), source: path.basename(list) }
    : { provinces: inventedProvinces(), source: 'invented names (unit list not found)' };
}

const ROMAN = ['M', 'CM', 'D', 'CD', 'C', 'XC', 'L', 'XL', 'X', 'IX', 'V', 'IV', 'I'];
const ROMAN_VALUES = [1000, 900, 500, 400, 100, 90, 50, 40, 10, 9, 5, 4, 1];
function roman(n: number): string {
  let out = '';
  ROMAN_VALUES.forEach((v, i) => {
    for (; n >= v; n -= v) out += ROMAN[i];
  });
  return out;
}

/** Writes the nation-sized table as an appendix-style workbook; returns the table it holds. */
export async function writeNationWorkbook(file: string, provinces: Province[]): Promise<Table> {
  const table = nationTable(provinces);
  const wb = new ExcelJS.Workbook();
  const ws = wb.addWorksheet('Toàn quốc');
  const width = table.columns.length;
  ws.addRow([table.title]);
  ws.mergeCells(1, 1, 1, width);
  ws.addRow([`Đơn vị tính: ${table.unit}`]);
  ws.addRow([]);
  // Two header levels: a column without a group spans both rows; "Chia ra" spans its parts.
  const top = table.columns.map((c) => c.headerPath[0] ?? c.label);
  const bottom = table.columns.map((c) => (c.headerPath.length > 0 ? c.label : null));
  ws.addRow(top);
  ws.addRow(bottom);
  table.columns.forEach((c, i) => {
    if (c.headerPath.length === 0) ws.mergeCells(4, i + 1, 5, i + 1);
  });
  const groups = new Map<string, number[]>();
  table.columns.forEach((c, i) => {
    if (c.headerPath[0]) groups.set(c.headerPath[0], [...(groups.get(c.headerPath[0]) ?? []), i]);
  });
  for (const cols of groups.values()) ws.mergeCells(4, cols[0] + 1, 4, cols[cols.length - 1] + 1);
  ws.addRow(table.columns.map((c) => (c.formula ? `${c.code}=${c.formula}` : c.code)));
  let group = 0;
  for (const row of table.rows) {
    const cells = [...row.cells];
    if (row.role === 'group') cells[0] = roman(++group);
    ws.addRow(cells);
  }
  table.columns.forEach((c, i) => {
    if (c.type === 'text') return;
    ws.getColumn(i + 1).numFmt = c.decimals === 0 ? '#,##0' : `#,##0.${'0'.repeat(c.decimals)}`;
  });
  for (let r = 1; r <= 6; r++) ws.getRow(r).font = { bold: true, name: 'Times New Roman' };
  await wb.xlsx.writeFile(file);
  return table;
}

/** Import + full check of the nation workbook, beside exceljs' own plain read of it. */
export async function runImportBench(
  dir: string,
  provinces: Province[],
  source: string,
): Promise<void> {
  const file = path.join(dir, 'toan-quoc.xlsx');
  const written = await writeNationWorkbook(file, provinces);
  const details = written.rows.filter((r) => r.role === 'detail').length;
  console.log(
    `\nBiểu — import: ${written.rows.length} rows × ${written.columns.length} columns ` +
      `(${details} communes), ${Math.round(statSync(file).size / 1024)} KB xlsx; names: ${source}`,
  );
  let rows = 0;
  let findings = 0;
  const r = await sideBySide(
    () => file,
    async (f) => {
      const wb = new ExcelJS.Workbook();
      await wb.xlsx.readFile(f);
    },
    async (f) => {
      const { tables } = await importWorkbook(f);
      const table = draftToTable(tables[0].table);
      rows = table.rows.length;
      findings = checkTable(table).length;
    },
  );
  printRow(
    `import + full check of the nation workbook (${rows} rows, ${findings} findings)`,
    r,
    "exceljs' own plain workbook.xlsx.readFile of the same file",
    '≤ 0.5×',
  );
}
