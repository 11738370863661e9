/**
 * The streaming reader (electron/excel/xlsx/) against exceljs: on
 * every workbook at hand — the fixtures, the real workbooks (`realWorld` below) when present, and one written here
 * with every kind of cell — both give the same SheetGrid, sheet by sheet. Then what only the
 * streaming path does: progress, cancellation, skipping Biểu's own findings sheet.
 */
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import ExcelJS from 'exceljs';
import fs from 'node:fs';
import os from 'node:os';
import path from 'node:path';
import { UserError } from '../../shared/api';
import type { SheetGrid } from '../../shared/import/sheet-grid';
import { slideFormula } from '../../electron/excel/xlsx/cell-address';
import { XmlScanner } from '../../electron/excel/xlsx/xml-scan';
import { importWorkbook, readSheetGrids } from '../../electron/excel/read-xlsx';
import { guardWorkbook } from '../../electron/excel/xlsx/package-guard';
import { sheetGrid } from './exceljs-grid';
import { FINDINGS_SHEET_NAME } from '../../electron/excel/export-findings-sheet';

const fixtures = path.resolve(__dirname, '..', 'fixtures');
const realWorld = path.resolve(__dirname, '..', '..', '..', 'shared', 'real-world');

let dir: string;
beforeAll(() => {
  dir = fs.mkdtempSync(path.join(os.tmpdir(), 'bieu-reader-'));
});
afterAll(() => {
  fs.rmSync(dir, { recursive: true, force: true });
});

/** Holes and undefined entries are the same empty cell. */
function dense(grid: SheetGrid): SheetGrid {
  return {
    ...grid,
    cells: grid.cells.map((row) => Array.from(row, (c) => c ?? null)),
  };
}

async function excelGrids(file: string): Promise<SheetGrid[]> {
  const facts = guardWorkbook(file);
  const wb = new ExcelJS.Workbook();
  await wb.xlsx.readFile(file);
  return wb.worksheets.map((ws) => {
    let formulas = 0;
    let placeholders = 0;
    ws.eachRow((row) =>
      row.eachCell((cell) => {
        if (cell.type !== ExcelJS.ValueType.Formula) return;
        formulas++;
        const r = cell.result as unknown;
        if (r === undefined || r === null || r === 0 || r === '0' || r === '') placeholders++;
      }),
    );
    const distrust = !facts.calculatedByExcel && formulas >= 10 && placeholders * 2 >= formulas;
    return sheetGrid(ws, { distrustZeroResults: distrust });
  });
}

async function expectSameGrids(file: string): Promise<void> {
  const ours = await readSheetGrids(file);
  const theirs = await excelGrids(file);
  expect(ours.map((s) => s.name)).toEqual(theirs.map((g) => g.name));
  ours.forEach((s, i) => expect(dense(s.grid), s.name).toEqual(dense(theirs[i])));
}

async function save(name: string, build: (wb: ExcelJS.Workbook) => void): Promise<string> {
  const wb = new ExcelJS.Workbook();
  build(wb);
  const file = path.join(dir, name);
  await wb.xlsx.writeFile(file);
  return file;
}

describe('the streaming reader reads what exceljs reads', () => {
  for (const name of ['dan-so-ho-ngheo.xlsx', 'cdht-theo-nhom.xlsx']) {
    it(`fixture ${name}`, async () => {
      await expectSameGrids(path.join(fixtures, name));
    });
  }

  const real = fs.existsSync(realWorld)
    ? fs.readdirSync(realWorld).filter((f) => /\.xlsx$/i.test(f))
    : [];
  for (const name of real) {
    it(`real workbook ${name}`, async () => {
      const file = path.join(realWorld, name);
      try {
        guardWorkbook(file);
      } catch {
        return; // refused files are import-guard.test.ts's business
      }
      await expectSameGrids(file);
    }, 60_000);
  }

  it('every kind of cell: shared strings, rich text, inline strings, dates, booleans, errors, formulas, merges, hidden rows and columns', async () => {
    const file = await save('moi-loai-o.xlsx', (wb) => {
      const ws = wb.addWorksheet('Đủ loại & "khó"');
      ws.addRow(['STT', 'Đơn vị <xã>', 'Số hộ', 'Ngày', 'Tỷ lệ', 'Ghi chú']);
      ws.addRow([
        1,
        { richText: [{ text: 'Xã ' }, { font: { bold: true }, text: 'An Phú' }] },
        1234.5,
        new Date(Date.UTC(2024, 8, 30)),
        0.1234,
        true,
      ]);
      ws.addRow([
        2,
        'Xã Bình Minh\nthôn 3',
        { formula: 'C2*2', result: 2469 },
        { formula: 'D2+1', result: new Date(Date.UTC(2024, 9, 1)) },
        { error: '#DIV/0!' },
        { formula: 'B3&"x"', result: 'Xã Bình Minhx' },
      ]);
      ws.addRow([
        3,
        'Xã Hòa Lạc',
        { formula: 'C3+1' },
        null,
        { formula: '1/0', result: { error: '#DIV/0!' } },
        false,
      ]);
      ws.addRow([4, '  khoảng 150  ', -0, null, 1e-7, '']);
      ws.getColumn(4).numFmt = 'dd/mm/yyyy';
      ws.getCell('E2').numFmt = '0.00%';
      ws.getCell('C2').numFmt = '#,##0.0';
      ws.mergeCells('F4:F5');
      ws.getRow(4).hidden = true;
      ws.getColumn(6).hidden = true;
      const second = wb.addWorksheet('Trang 2');
      second.addRow(['a', 'b']);
      second.mergeCells('A3:C4');
      second.getCell('A3').value = 'gộp';
    });
    await expectSameGrids(file);
    const [first] = await readSheetGrids(file);
    expect(first.grid.cells[1][1]).toEqual({ value: 'Xã An Phú' });
    expect(first.grid.cells[1][3]).toMatchObject({ value: '30/09/2024' });
    expect(first.grid.cells[3][2]).toEqual({ value: null, formula: 'C3+1', uncached: true });
    expect(first.grid.hiddenRows).toEqual([3]);
    expect(first.grid.hiddenColumns).toEqual([5]);
  });
});

describe('xml and formulas', () => {
  it('slides a shared formula: relative parts move, $ parts and quoted text stay', () => {
    expect(slideFormula('C5+D5*$E$1+"A1"&SUM(F5:G5)', 'B5', 'B7')).toBe(
      'C7+D7*$E$1+"A1"&SUM(F7:G7)',
    );
    expect(slideFormula('Sheet1!A1+$A2+A$3+LOG10(A1)', 'C1', 'D2')).toBe(
      'Sheet1!B2+$A3+B$3+LOG10(B2)',
    );
  });

  it('scans text cut anywhere: inside a tag, an attribute, an entity', () => {
    const xml = '<?xml version="1.0"?><a x="1&gt;2"><b>tom &amp; jerry</b><!-- c --><b/></a>';
    for (let cut = 1; cut < xml.length; cut++) {
      const seen: string[] = [];
      let raw = '';
      const h = {
        capturing: false,
        open(name: string, tag: string, selfClosing: boolean) {
          seen.push(`<${name}${selfClosing ? '/' : ''}${tag.includes('1&gt;2') ? ' ok' : ''}>`);
          h.capturing = name === 'b' && !selfClosing;
          raw = '';
        },
        close(name: string) {
          if (h.capturing) seen.push(raw);
          h.capturing = false;
          seen.push(`</${name}>`);
        },
        text(t: string) {
          raw += t;
        },
      };
      const scanner = new XmlScanner(h);
      scanner.feed(xml.slice(0, cut));
      scanner.feed(xml.slice(cut));
      scanner.end();
      expect(seen.join(''), `cut at ${cut}`).toBe('<a ok><b>tom &amp; jerry</b><b/></b></a>');
    }
  });
});

describe('importing with progress and cancellation', () => {
  let big: string;
  beforeAll(async () => {
    big = await save('lon.xlsx', (wb) => {
      const ws = wb.addWorksheet('Dân số');
      ws.addRow(['STT', 'Đơn vị', 'Tổng số', 'Nam', 'Nữ']);
      ws.addRow(['A', 'B', '1=2+3', '2', '3']);
      for (let i = 1; i <= 20_000; i++) ws.addRow([i, `Xã Số ${i}`, 3 * i, i, 2 * i]);
    });
  });

  it('reports progress from 0 to 1, never going back, with Vietnamese messages', async () => {
    const seen: [number, string][] = [];
    const { tables } = await importWorkbook(big, { onProgress: (f, m) => seen.push([f, m]) });
    expect(tables).toHaveLength(1);
    expect(seen[0][0]).toBe(0);
    expect(seen[seen.length - 1][0]).toBe(1);
    expect(seen.length).toBeGreaterThan(5);
    expect(seen.length).toBeLessThan(250);
    for (let i = 1; i < seen.length; i++) expect(seen[i][0]).toBeGreaterThanOrEqual(seen[i - 1][0]);
    expect(seen.map((s) => s[1])).toContain('Đọc trang «Dân số»');
  });

  it('stops when cancelled mid-read, with a UserError naming the file', async () => {
    const controller = new AbortController();
    const seen: number[] = [];
    const result = importWorkbook(big, {
      signal: controller.signal,
      onProgress: (f) => {
        seen.push(f);
        if (f > 0.1) controller.abort();
      },
    });
    await expect(result).rejects.toBeInstanceOf(UserError);
    await expect(result).rejects.toThrow('Đã hủy nhập tệp «lon.xlsx»');
    expect(Math.max(...seen)).toBeLessThan(0.85);
  });

  it('refuses at once when already cancelled', async () => {
    const controller = new AbortController();
    controller.abort();
    await expect(importWorkbook(big, { signal: controller.signal })).rejects.toThrow(
      'Đã hủy nhập tệp «lon.xlsx»',
    );
  });

  it(`skips Biểu's own findings sheet «${FINDINGS_SHEET_NAME}» and says so`, async () => {
    const file = await save('co-ket-qua.xlsx', (wb) => {
      const ws = wb.addWorksheet('Dân số');
      ws.addRow(['STT', 'Đơn vị', 'Số hộ', 'Số người']);
      ws.addRow([1, 'Xã A', 10, 40]);
      ws.addRow([2, 'Xã B', 12, 50]);
      const findings = wb.addWorksheet(FINDINGS_SHEET_NAME);
      findings.addRow(['STT', 'Biểu', 'Ô', 'Mức', 'Nội dung', 'Chênh lệch']);
      findings.addRow([1, 'Dân số', 'C5', 'Lỗi', 'Tổng không khớp', 12]);
      findings.addRow([2, 'Dân số', 'D7', 'Lỗi', 'Tỷ lệ sai', 3]);
    });
    const { tables, report } = await importWorkbook(file);
    expect(tables.map((t) => t.sheet)).toEqual(['Dân số']);
    expect(report.sheets[1]).toEqual({
      sheet: FINDINGS_SHEET_NAME,
      tables: [],
      skipped: [
        `Bỏ qua trang «${FINDINGS_SHEET_NAME}»: đó là bảng kết quả kiểm tra do Biểu xuất kèm, không phải số liệu.`,
      ],
      notes: [],
    });
  });
});
