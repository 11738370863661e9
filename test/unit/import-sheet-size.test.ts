/**
 * A sheet is judged by what it holds, not by the range it declares: `<dimension>` is only what
 * the writing program claimed (formatting applied to whole rows or columns, a cell touched once
 * and cleared), so a real workbook declaring A1:XFD1048576 is read; style-only cells and empty
 * rows beyond the data make no table wider or longer; and a sheet that really holds more cells
 * than Biểu reads, or a cell past Excel's last row or column, is refused with one sentence —
 * each within bounded time and memory, measured on the `bieu` process itself.
 */
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import fs from 'node:fs';
import os from 'node:os';
import path from 'node:path';
import { importWorkbook, readSheetGrids } from '../../electron/excel/read-xlsx';
import { workbookParts, writeZip } from './import-zip-writer';
import { buildCli, runCli } from '../hostile/run-cli';
import { numberCell, productionTable, styleOnlyCell, textCell, worksheet } from '../hostile/sheets';

let dir: string;
beforeAll(() => {
  buildCli();
  dir = fs.mkdtempSync(path.join(os.tmpdir(), 'bieu-sheet-size-'));
});
afterAll(() => {
  fs.rmSync(dir, { recursive: true, force: true });
});

function save(name: string, sheet: string): string {
  const file = path.join(dir, name);
  fs.writeFileSync(file, writeZip(workbookParts(sheet)));
  return file;
}

/** One sentence naming the file: no line break, no English internals. */
function expectOneSentence(stderr: string, name: string): void {
  const text = stderr.trim();
  expect(text).toContain(`«${name}»`);
  expect(text).not.toMatch(/\n/);
  expect(text).not.toMatch(/Error|undefined|at .*\.cjs|heap/i);
}

describe('a sheet is judged by what it holds', () => {
  it('a sheet declaring A1:XFD1048576 with data in A1:R225 is read, its table found, in under 2 s and 200 MB', async () => {
    const file = save(
      'tong-hop.xlsx',
      worksheet({
        dimension: 'A1:XFD1048576',
        cols: '<col min="19" max="16384" width="9" style="1"/>',
        rows: productionTable({ styledTo: 'XFD' }),
      }),
    );
    // Reading and recognising, timed here as the CPU time this process spends on it (a wall
    // clock would count the other jobs of a shared machine); the memory of `bieu check`.
    const started = process.cpuUsage();
    const { tables } = await importWorkbook(file);
    const spent = process.cpuUsage(started);
    expect((spent.user + spent.system) / 1000).toBeLessThan(2000);
    expect(tables).toHaveLength(1);
    expect(tables[0].table.columns).toHaveLength(18);
    expect(tables[0].table.rows).toHaveLength(223);
    const run = await runCli(['check', file, '--json']);
    expect(run.stderr).toBe('');
    expect(run.code).toBe(0);
    const report = JSON.parse(run.stdout);
    expect(report.inputs).toHaveLength(1);
    expect(report.inputs[0]).toMatchObject({ rows: 223, columns: 18 });
    expect(run.maxRssMb).toBeLessThan(200);
  });

  it('20,000 style-only cells in a far column and empty rows below read as the data the sheet holds', async () => {
    const rows: string[] = [];
    const data = [
      ['STT', 'Đơn vị', 'Tổng số', 'Nam', 'Nữ'],
      [1, 'Xã An Phú', 30, 10, 20],
      [2, 'Xã Bình Minh', 25, 12, 13],
      [3, 'Xã Hòa Lạc', 40, 18, 22],
    ];
    for (let r = 1; r <= 20_000; r++) {
      const values = data[r - 1] ?? [];
      const cells = values.map((v, c) => {
        const ref = `${'ABCDE'[c]}${r}`;
        return typeof v === 'number' ? numberCell(ref, v) : textCell(ref, v);
      });
      rows.push(`<row r="${r}">${cells.join('')}${styleOnlyCell(`XFA${r}`)}</row>`);
    }
    rows.push('<row r="1048576" s="1" customFormat="1"/>');
    const file = save(
      'o-dinh-dang.xlsx',
      worksheet({ dimension: 'A1:XFA1048576', rows: rows.join('') }),
    );

    const [sheet] = await readSheetGrids(file);
    expect(sheet.grid.columnCount).toBe(5);
    expect(sheet.grid.cells).toHaveLength(4);
    const { tables } = await importWorkbook(file);
    expect(tables).toHaveLength(1);
    expect(tables[0].table.columns).toHaveLength(5);
    expect(tables[0].table.rows).toHaveLength(3);
  });

  it('a sheet that really holds 3 million cells is refused with one sentence within 10 s and 500 MB', async () => {
    // 1,000 columns × 3,000 rows of numbers: ~70 MB of XML, deflated to a few MB.
    const row = (r: number) => {
      let s = `<row r="${r}">`;
      for (let c = 0; c < 1000; c++) s += `<c><v>${(r + c) % 97}</v></c>`;
      return s + '</row>';
    };
    const rows: string[] = [];
    for (let r = 1; r <= 3000; r++) rows.push(row(r));
    const file = save('ba-trieu-o.xlsx', worksheet({ rows: rows.join('') }));
    const run = await runCli(['check', file]);
    expect(run.signal).toBeNull();
    expect(run.code).toBe(2);
    expectOneSentence(run.stderr, 'ba-trieu-o.xlsx');
    expect(run.stderr).toMatch(/ô có dữ liệu/);
    expect(run.cpuMs).toBeLessThan(10_000);
    expect(run.maxRssMb).toBeLessThan(500);
  }, 60_000);
});

describe('a cell past the last row or column of Excel', () => {
  it('a 7 KB workbook with one cell at row 2,000,000,000 is refused at once, in little memory', async () => {
    const file = save(
      'hang-2-ty.xlsx',
      worksheet({
        dimension: 'A1:A2000000000',
        rows: `<row r="1">${textCell('A1', 'Số liệu')}</row><row r="2000000000">${numberCell('A2000000000', 1)}</row>`,
      }),
    );
    const run = await runCli(['check', file]);
    expect(run.signal).toBeNull();
    expect(run.code).toBe(2);
    expectOneSentence(run.stderr, 'hang-2-ty.xlsx');
    expect(run.stderr).toMatch(/1\.048\.576/);
    expect(run.cpuMs).toBeLessThan(3000);
    expect(run.maxRssMb).toBeLessThan(200);
  });

  it('a cell in column 16,385 (XFE) is refused with one sentence', async () => {
    const file = save(
      'cot-xfe.xlsx',
      worksheet({ rows: `<row r="1">${textCell('A1', 'Số liệu')}${numberCell('XFE1', 5)}</row>` }),
    );
    const run = await runCli(['check', file]);
    expect(run.code).toBe(2);
    expectOneSentence(run.stderr, 'cot-xfe.xlsx');
    expect(run.stderr).toMatch(/16\.384/);
  });
});
