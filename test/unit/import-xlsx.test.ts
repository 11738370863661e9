/**
 * Reading cells out of real .xlsx files written by exceljs: cached formula results (a cached 0
 * included), formulas without a saved result (kept empty, listed, never zero), rich text, dates as
 * displayed, percent formats, hidden rows and columns.
 */
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import ExcelJS from 'exceljs';
import fs from 'node:fs';
import os from 'node:os';
import path from 'node:path';
import { importWorkbook } from '../../electron/excel/read-xlsx';

let dir: string;
beforeAll(() => {
  dir = fs.mkdtempSync(path.join(os.tmpdir(), 'bieu-xlsx-'));
});
afterAll(() => {
  fs.rmSync(dir, { recursive: true, force: true });
});

async function save(name: string, build: (wb: ExcelJS.Workbook) => void): Promise<string> {
  const wb = new ExcelJS.Workbook();
  build(wb);
  const file = path.join(dir, name);
  await wb.xlsx.writeFile(file);
  return file;
}

describe('reading cells', () => {
  it('computes a formula without a saved result from the sheet; a cached 0 stays 0', async () => {
    const file = await save('cong-thuc.xlsx', (wb) => {
      const ws = wb.addWorksheet('Biểu 1');
      ws.addRow(['STT', 'Xã', 'Tổng số', 'Nam', 'Nữ']);
      ws.addRow(['A', 'B', '1=2+3', '2', '3']);
      ws.addRow([1, 'Xã An Phú', { formula: 'D3+E3' }, 10, 20]);
      ws.addRow([2, 'Xã Bình Minh', { formula: 'D4+E4', result: 0 }, 0, 0]);
      ws.addRow([3, 'Xã Hòa Lạc', { formula: 'D5+E5', result: 7 }, 3, 4]);
    });
    const { tables, report } = await importWorkbook(file);
    expect(tables).toHaveLength(1);
    const t = tables[0];
    expect(t.table.rows.map((r) => r.cells[2])).toEqual([30, 0, 7]);
    expect(t.unevaluated).toEqual([]);
    expect(report.sheets[0].notes).toEqual([
      'Trang «Biểu 1»: Biểu đã tự tính 1 công thức không có kết quả lưu trong tệp.',
    ]);
  });

  it('keeps a formula it cannot compute empty and lists it, never as 0', async () => {
    const file = await save('cong-thuc-la.xlsx', (wb) => {
      const ws = wb.addWorksheet('Biểu 1');
      ws.addRow(['STT', 'Xã', 'Tổng số', 'Nam', 'Nữ']);
      ws.addRow(['A', 'B', '1=2+3', '2', '3']);
      ws.addRow([1, 'Xã An Phú', { formula: "'Trang khác'!D3+E3" }, 10, 20]);
      ws.addRow([2, 'Xã Bình Minh', { formula: 'D4+E4', result: 0 }, 0, 0]);
      ws.addRow([3, 'Xã Hòa Lạc', { formula: 'D5+E5', result: 7 }, 3, 4]);
    });
    const { tables, report } = await importWorkbook(file);
    const t = tables[0];
    expect(t.table.rows.map((r) => r.cells[2])).toEqual([null, 0, 7]);
    expect(t.unevaluated).toEqual(['C3']);
    expect(report.unevaluated).toEqual([{ sheet: 'Biểu 1', table: 'Biểu 1', cells: ['C3'] }]);
    expect(t.doubts.some((d) => d.includes('C3') && d.includes('không coi là 0'))).toBe(true);
  });

  it('flattens rich text, shows dates as displayed, reads percent formats as shown', async () => {
    const file = await save('dinh-dang.xlsx', (wb) => {
      const ws = wb.addWorksheet('Tỷ lệ');
      ws.addRow(['STT', 'Đơn vị', 'Ngày báo cáo', 'Tỷ lệ đạt']);
      ws.addRow([
        1,
        { richText: [{ text: 'Xã ' }, { font: { bold: true }, text: 'An Phú' }] },
        new Date(Date.UTC(2024, 8, 30)),
        0.1234,
      ]);
      ws.addRow([2, 'Xã Bình Minh', new Date(Date.UTC(2024, 9, 1)), 0.5]);
      ws.getColumn(3).numFmt = 'dd/mm/yyyy';
      ws.getCell('D2').numFmt = '0.00%';
      ws.getCell('D3').numFmt = '0.00%';
    });
    const { tables } = await importWorkbook(file);
    const t = tables[0];
    expect(t.table.rows.map((r) => r.cells)).toEqual([
      [1, 'Xã An Phú', '30/09/2024', 12.34],
      [2, 'Xã Bình Minh', '01/10/2024', 50],
    ]);
    expect(t.table.columns[3]).toMatchObject({ type: 'percent', decimals: 2 });
    expect(t.doubts.some((d) => d.includes('phần trăm'))).toBe(true);
  });

  it('imports hidden rows and columns and says so', async () => {
    const file = await save('an.xlsx', (wb) => {
      const ws = wb.addWorksheet('Ẩn');
      ws.addRow(['STT', 'Xã', 'Số hộ', 'Số người']);
      ws.addRow([1, 'Xã A', 10, 40]);
      ws.addRow([2, 'Xã B', 12, 50]);
      ws.addRow([3, 'Xã C', 14, 60]);
      ws.getRow(3).hidden = true;
      ws.getColumn(3).hidden = true;
    });
    const t = (await importWorkbook(file)).tables[0];
    expect(t.table.rows).toHaveLength(3);
    expect(t.doubts).toContain('Có 1 dòng bị ẩn trong Excel (dòng 3); đã nhập cả các dòng này.');
    expect(t.doubts).toContain('Có 1 cột bị ẩn trong Excel (C); đã nhập cả các cột này.');
  });

  it('names tables after their sheets, uniquely across the workbook', async () => {
    const file = await save('hai-trang.xlsx', (wb) => {
      for (const name of ['Dân số', 'Dân số ']) {
        const ws = wb.addWorksheet(name);
        ws.addRow(['STT', 'Xã', 'Số hộ']);
        ws.addRow([1, 'Xã A', 10]);
        ws.addRow([2, 'Xã B', 12]);
      }
    });
    const { tables, report } = await importWorkbook(file);
    expect(tables.map((t) => [t.sheet, t.table.name])).toEqual([
      ['Dân số', 'Dân số'],
      ['Dân số ', 'Dân số (2)'],
    ]);
    expect(report.sheets.map((s) => s.tables)).toEqual([['Dân số'], ['Dân số (2)']]);
  });
});
