/**
 * Table detection on grids built in the test (shared/import is pure: the paste path feeds it
 * grids from the clipboard): several tables on a sheet, a total above its members with regional
 * subtotals, code-row notations, number conventions decided per column, a headerless pasted block.
 */
import { describe, expect, it } from 'vitest';
import fs from 'node:fs';
import path from 'node:path';
import { checkTable } from '../../shared/checks/engine';
import {
  detectSheet,
  detectTables,
  draftToTable,
  sourceAddress,
} from '../../shared/import/detect-tables';
import { gridFromValues } from '../../shared/import/sheet-grid';
import { DAN_SO_ROLES } from './fixture-facts';

describe('tables on a sheet', () => {
  it('finds two tables one under the other, each with its title, unit and notes', () => {
    const grid = gridFromValues('Trang 1', [
      ['BIỂU 01: DÂN SỐ THEO XÃ'],
      ['Đơn vị tính: người'],
      ['STT', 'Xã', 'Nam', 'Nữ'],
      [1, 'Xã A', 10, 12],
      [2, 'Xã B', 11, 13],
      ['Tổng cộng', null, 21, 25],
      [],
      ['BIỂU 02: HỘ NGHÈO'],
      ['Đơn vị tính: hộ'],
      ['STT', 'Xã', 'Số hộ', 'Hộ nghèo'],
      ['A', 'B', '1', '2'],
      [1, 'Xã A', 100, 5],
      [2, 'Xã B', 120, 7],
      [],
      ['Ghi chú: số liệu sơ bộ'],
      [null, 'Người lập biểu', null, 'Thủ trưởng đơn vị'],
    ]);
    const tables = detectTables(grid);
    expect(tables.map((t) => [t.table.name, t.table.title, t.table.unit])).toEqual([
      ['Trang 1', 'BIỂU 01: DÂN SỐ THEO XÃ', 'người'],
      ['Trang 1 (2)', 'BIỂU 02: HỘ NGHÈO', 'hộ'],
    ]);
    expect(tables[0].sourceRows).toEqual([4, 5, 6]);
    expect(tables[0].table.rows.map((r) => r.role)).toEqual(['detail', 'detail', 'total']);
    expect(tables[1].headerRows).toEqual([10]);
    expect(tables[1].codeRow).toBe(11);
    expect(tables[1].sourceRows).toEqual([12, 13]);
    expect(tables[1].notes).toEqual(['Ghi chú: số liệu sơ bộ', 'Người lập biểu Thủ trưởng đơn vị']);
  });

  it('reads a total placed above its members and regional subtotals placed before theirs', () => {
    const grid = gridFromValues('Worksheet', [
      ['B02. Thống kê KCB (tháng)'],
      [],
      ['Mã tỉnh', 'Tên tỉnh', 'Số lượt KCB'],
      ['00', 'Toàn quốc', 100],
      ['V01', 'Trung du và MN phía Bắc', 60],
      ['01', 'Hà Nội', 40],
      ['02', 'Hà Giang', 20],
      ['V02', 'Đồng bằng sông Hồng', 40],
      ['04', 'Cao Bằng', 40],
    ]);
    const [t] = detectTables(grid);
    expect(t.table.name).toBe('B02. Thống kê KCB (tháng)');
    expect(t.table.columns.map((c) => [c.code, c.type])).toEqual([
      ['A', 'text'],
      ['B', 'text'],
      ['1', 'integer'],
    ]);
    expect(t.table.rows.map((r) => r.role)).toEqual([
      'total',
      'subtotal',
      'detail',
      'detail',
      'subtotal',
      'detail',
    ]);
    expect(t.doubts.some((d) => d.startsWith('Dòng tổng đứng trên'))).toBe(true);
    expect(t.table.rows.map((r) => r.unitKey)).toEqual([
      null,
      null,
      'hà nội',
      'hà giang',
      null,
      'cao bằng',
    ]);
  });

  it('gives the engine a top total it checks against its members', () => {
    const grid = gridFromValues('Worksheet', [
      ['Mã tỉnh', 'Tên tỉnh', 'Số lượt KCB'],
      ['00', 'Toàn quốc', 100],
      ['01', 'Hà Nội', 40],
      ['02', 'Hà Giang', 60],
    ]);
    const [t] = detectTables(grid);
    const addressOf = (r: number, c: number) => sourceAddress(t, r, c);
    expect(checkTable(draftToTable(t.table), { sheet: t.sheet, addressOf })).toEqual([]);
    t.table.rows[0].cells[2] = 101;
    const findings = checkTable(draftToTable(t.table), { sheet: t.sheet, addressOf });
    expect(findings.map((f) => [f.cell, f.kind])).toEqual([['C2', 'column-total']]);
  });

  it('reads group headings without figures, blank separators and "Tuyến" groups', () => {
    const grid = gridFromValues('PL03', [
      ['Mã', 'Tên CSKCB', 'Số lượt', 'Tổng chi'],
      ['TT', 'Tuyến Tỉnh', null, null],
      ['10061', 'Bệnh viện Đa khoa tỉnh', 120, 3.5],
      ['10013', 'Bệnh viện PHCN', 80, 1.25],
      [],
      ['TH', 'Tuyến Huyện', null, null],
      ['10003', 'BVĐK Bảo Thắng', 60, 0.75],
      ['10004', 'BVĐK Bảo Yên', 50, 0.5],
    ]);
    const [t] = detectTables(grid);
    expect(t.table.rows.map((r) => r.role)).toEqual([
      'group',
      'detail',
      'detail',
      'group',
      'detail',
      'detail',
    ]);
    expect(t.sourceRows).toEqual([2, 3, 4, 6, 7, 8]);
    expect(t.table.columns[3]).toMatchObject({ type: 'decimal', decimals: 2 });
  });

  it('reads code-row notations with parentheses and formulas', () => {
    const grid = gridFromValues('Biểu', [
      ['Đơn vị', 'Kế hoạch', 'Thực hiện', 'Còn lại', 'Tỷ lệ (%)'],
      ['A', '(1)', '(2)', '(3)=(1)-(2)', '(4)=(2)/(1)*100'],
      ['Xã A', 100, 80, 20, 80],
      ['Xã B', 50, 45, 5, 90],
    ]);
    const [t] = detectTables(grid);
    expect(t.table.columns.map((c) => [c.code, c.formula, c.type])).toEqual([
      ['A', null, 'text'],
      ['1', null, 'integer'],
      ['2', null, 'integer'],
      ['3', '(1)-(2)', 'integer'],
      ['4', '(2)/(1)*100', 'percent'],
    ]);
    expect(checkTable(draftToTable(t.table))).toEqual([]);
  });

  it('leaves out a one-row parameter block above the real table and says so', () => {
    const grid = gridFromValues('Worksheet', [
      ['B04. Thống kê chi bình quân'],
      ['ma_tinh', 'tu_thang', 'den_thang', 'nam'],
      ['00', 1, 6, 2024],
      [],
      ['Mã tỉnh', 'Tên tỉnh', 'Chi lần KCB'],
      ['01', 'Hà Nội', 1000],
      ['02', 'Hà Giang', 900],
    ]);
    const detection = detectSheet(grid);
    expect(detection.tables).toHaveLength(1);
    expect(detection.tables[0].headerRows).toEqual([5]);
    expect(detection.tables[0].table.title).toBe('B04. Thống kê chi bình quân');
    expect(detection.skipped).toEqual([
      'Trang «Worksheet», vùng A2:D3: chỉ có 1 dòng số liệu, không coi là một biểu.',
    ]);
  });
});

describe('number strings, one convention per column', () => {
  const grid = (values: string[]) =>
    gridFromValues('Số', [['Xã', 'Giá trị'], ...values.map((v, i) => [`Xã ${i + 1}`, v])]);

  it('reads Vietnamese notation when only it reads the strings', () => {
    const [t] = detectTables(grid(['16,70', '1.234,5', '2.133']));
    expect(t.table.rows.map((r) => r.cells[1])).toEqual([16.7, 1234.5, 2133]);
    expect(t.readings[0]).toMatchObject({ convention: 'vi', strings: 3 });
  });

  it('reads English notation when only it reads the strings ("20.35")', () => {
    const [t] = detectTables(grid(['20.35', '7.5', '1,234.5']));
    expect(t.table.rows.map((r) => r.cells[1])).toEqual([20.35, 7.5, 1234.5]);
    expect(t.readings[0]).toMatchObject({ convention: 'en' });
    expect(t.table.columns[1]).toMatchObject({ type: 'decimal', decimals: 2 });
  });

  it('follows the document locale for strings that read both ways, and says so', () => {
    const values = ['1.234', '2.500', '3.125'];
    expect(detectTables(grid(values))[0].table.rows.map((r) => r.cells[1])).toEqual([
      1234, 2500, 3125,
    ]);
    const [en] = detectTables(grid(values), { locale: 'en' });
    expect(en.table.rows.map((r) => r.cells[1])).toEqual([1.234, 2.5, 3.125]);
    expect(en.readings[0].reason).toMatch(/đọc được cả hai kiểu/);
  });

  it('keeps a string that is no number as text and reads "-" as empty', () => {
    // A column of figures (four of its five filled cells) with one text among them.
    const [t] = detectTables(grid(['1.234', 'khoảng 150', '-', '2.345', '17', '4.560']));
    expect(t.table.rows.map((r) => r.cells[1])).toEqual([1234, 'khoảng 150', null, 2345, 17, 4560]);
  });
});

describe('a block pasted without its header (the clipboard fixture)', () => {
  const tsv = fs.readFileSync(
    path.resolve(__dirname, '..', 'fixtures', 'dan-so-ho-ngheo.clipboard.tsv'),
    'utf8',
  );
  const rows = tsv
    .replace(/\r\n?/g, '\n')
    .replace(/\n$/, '')
    .split('\n')
    .map((line) => line.split('\t'));

  it('reads the same rows, roles and values as the workbook', () => {
    const [t] = detectTables(gridFromValues('Dán', rows));
    expect(t.headerRows).toEqual([]);
    expect(t.doubts[0]).toMatch(/Không thấy dòng tiêu đề cột/);
    expect(t.table.rows.map((r) => r.role)).toEqual(DAN_SO_ROLES);
    expect(t.table.rows[9].cells).toEqual(['7', 'Xã Đông Sơn', 4962, 2470, 2492, 1240, 57, 4.6]);
    expect(t.table.rows[7].cells[6]).toBe('khoảng 150');
    expect(t.table.rows[8].cells[6]).toBeNull();
    expect(t.table.columns.map((c) => c.type)).toEqual([
      'text',
      'text',
      'integer',
      'integer',
      'integer',
      'integer',
      'integer',
      'decimal',
    ]);
    expect(t.table.columns[7].decimals).toBe(2);
  });
});
