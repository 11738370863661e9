/**
 * The import benchmark: figures printed, not a timed test.
 *
 *   floor          exceljs' own plain `workbook.xlsx.readFile` of a nation-sized workbook
 *   Biểu           importWorkbook (guard, read, table detection) + checkTable on the result
 *   ratio          Biểu / floor, target ≤ 1.5×, both measured in the same run
 *   paste          a 10,000 × 30 TSV block: parsePaste + alignBlock into a table of that size
 *
 * The workbook is built here with exceljs into a temp dir: title, unit line, a two-level header
 * drawn with merges, the column-code row with its formulas, then for each province a heading,
 * its communes and a "Cộng" subtotal, and a "Toàn quốc" total — 10,600 communes × 13 columns,
 * the figures consistent (a full check finds nothing). Commune names come from
 * ../shared/data/vn_units_2025-07-01_2level.csv when it is there.
 *
 * `runImportBench()` is what the bench entry (test/bench/bench.ts) calls.
 */
import ExcelJS from 'exceljs';
import { existsSync, mkdtempSync, readFileSync, rmSync, statSync } from 'node:fs';
import os from 'node:os';
import path from 'node:path';
import { checkTable } from '../../shared/checks';
import { draftToTable } from '../../shared/import/detect-tables';
import type { Table } from '../../shared/model';
import { importWorkbook } from '../../electron/excel/read-xlsx';
import { parsePaste } from '../../shared/paste/paste-block';
import { alignBlock } from '../../shared/paste/align-block';
import { DocumentStore } from '../../electron/store/document-store';
import { inventedProvinces, nationTable, provincesFromCsv, type Province } from './nation-table';

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

function ms(x: number): string {
  return x < 10 ? x.toFixed(2) : x.toFixed(0);
}

async function time<T>(f: () => Promise<T> | T): Promise<[T, number]> {
  const start = performance.now();
  const result = await f();
  return [result, performance.now() - start];
}

function median(xs: number[]): number {
  const s = [...xs].sort((a, b) => a - b);
  return s[Math.floor(s.length / 2)];
}

/** A 10,000 × 30 block as Excel puts it on the clipboard (vi numbers, CRLF, trailing CRLF). */
export function bigTsv(rows = 10_000, columns = 30): string {
  const lines: string[] = [];
  for (let r = 0; r < rows; r++) {
    const cells = [String(r + 1), `Xã Số ${r + 1}`];
    for (let c = 2; c < columns; c++) {
      const v = ((r + 1) * 7919 + c * 104729) % 99991;
      cells.push(
        c % 7 === 0
          ? `${Math.floor(v / 100)},${String(v % 100).padStart(2, '0')}`
          : v.toLocaleString('vi-VN'),
      );
    }
    lines.push(cells.join('\t'));
  }
  return lines.join('\r\n') + '\r\n';
}

/** An empty table of 30 columns and `rows` rows, for the paste benchmark. */
export function emptyWideTable(rows = 10_000, columns = 30): Table {
  return {
    id: 1,
    name: 'Dán',
    title: '',
    unit: '',
    columns: Array.from({ length: columns }, (_, i) => ({
      id: i + 1,
      code: i === 0 ? 'A' : i === 1 ? 'B' : String(i - 1),
      label: i === 0 ? 'STT' : i === 1 ? 'Đơn vị' : `Chỉ tiêu ${i - 1}`,
      headerPath: [],
      type: i < 2 ? 'text' : i % 7 === 0 ? 'decimal' : 'integer',
      decimals: i % 7 === 0 ? 2 : 0,
      formula: null,
    })),
    rows: Array.from({ length: rows }, (_, r) => ({
      id: r + 1,
      role: 'detail' as const,
      unitKey: null,
      cells: new Array(columns).fill(null),
    })),
  };
}

export async function runImportBench(): Promise<void> {
  const dir = mkdtempSync(path.join(os.tmpdir(), 'bieu-import-bench-'));
  try {
    const { provinces, source } = benchProvinces();
    const file = path.join(dir, 'toan-quoc.xlsx');
    const written = await writeNationWorkbook(file, provinces);
    const details = written.rows.filter((r) => r.role === 'detail').length;
    console.log(
      `\nBiểu — import bench: ${written.rows.length} rows × ${written.columns.length} columns ` +
        `(${details} communes), ${Math.round(statSync(file).size / 1024)} KB xlsx; names: ${source}`,
    );

    // Alternate the two so that both see the same machine state; the first round warms up.
    const floors: number[] = [];
    const ours: number[] = [];
    const imports: number[] = [];
    const checks: number[] = [];
    let findings = 0;
    let rows = 0;
    for (let round = 0; round < 6; round++) {
      const [, floor] = await time(async () => {
        const wb = new ExcelJS.Workbook();
        await wb.xlsx.readFile(file);
        return wb;
      });
      const [table, imported] = await time(async () => {
        const { tables } = await importWorkbook(file);
        return draftToTable(tables[0].table);
      });
      const [found, checked] = await time(() => checkTable(table));
      if (round === 0) continue;
      floors.push(floor);
      ours.push(imported + checked);
      imports.push(imported);
      checks.push(checked);
      findings = found.length;
      rows = table.rows.length;
    }
    const floor = median(floors);
    const biểu = median(ours);
    console.log(
      `exceljs readFile (floor): median ${ms(floor)} ms; Biểu import + full check: median ${ms(biểu)} ms ` +
        `(import ${ms(median(imports))} + check ${ms(median(checks))}; ${rows} rows, ${findings} findings)`,
    );
    console.log(
      `import ratio: ${(biểu / floor).toFixed(2)}× exceljs' plain read (target ≤ 1.5×; ${floors.length} runs each, alternated)`,
    );

    const tsv = bigTsv();
    const target = emptyWideTable();
    const pastes: number[] = [];
    let edits = 0;
    for (let round = 0; round < 4; round++) {
      const [aligned, elapsed] = await time(() => {
        const block = parsePaste({ text: tsv });
        return alignBlock(block, target, { rowIndex: 0, columnIndex: 0 });
      });
      if (round > 0) pastes.push(elapsed);
      edits = aligned.edits.length;
    }
    console.log(
      `paste 10,000 × 30 TSV (${Math.round(tsv.length / 1024)} KB): parse + align median ${ms(median(pastes))} ms ` +
        `(${edits} cell edits; ${pastes.length} runs)`,
    );

    // The rest of "checked and saved": the paste as ONE batch in a real SQLite document, then a
    // full check of the table, as the app does after a paste.
    const saves: number[] = [];
    const rechecks: number[] = [];
    for (let round = 0; round < 3; round++) {
      const docPath = path.join(dir, `dan-${round}.bieu`);
      const { id: _id, ...blank } = target;
      const store = DocumentStore.create(docPath, [
        {
          ...blank,
          columns: blank.columns.map(({ id: _c, ...c }) => c),
          rows: blank.rows.map(({ id: _r, ...r }) => r),
        },
      ]);
      const stored = store.getTable(store.listTables()[0].id);
      const aligned = alignBlock(parsePaste({ text: tsv }), stored, {
        rowIndex: 0,
        columnIndex: 0,
      });
      const cellEdits = aligned.edits.map((e) => ({
        tableId: stored.id,
        rowId: stored.rows[e.rowIndex].id,
        columnId: stored.columns[e.columnIndex].id,
        value: e.value,
      }));
      const [, saved] = await time(() => store.setCells(cellEdits, 'Dán'));
      const [, checked] = await time(() => checkTable(store.getTable(stored.id)));
      store.close();
      saves.push(saved);
      rechecks.push(checked);
    }
    const total = median(pastes) + median(saves) + median(rechecks);
    console.log(
      `paste saved as one batch: median ${ms(median(saves))} ms; read back + full check ${ms(median(rechecks))} ms; ` +
        `parse + align + save + check ≈ ${ms(total)} ms (target < 1 s)`,
    );
  } finally {
    rmSync(dir, { recursive: true, force: true });
  }
}
