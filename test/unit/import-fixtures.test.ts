/**
 * The two fixture workbooks imported from disk: structure (header levels, codes, formulas, row
 * roles) and every value, with the source file's own addresses.
 */
import { beforeAll, describe, expect, it } from 'vitest';
import path from 'node:path';
import { importWorkbook } from '../../electron/excel/read-xlsx';
import { sourceAddress, type DetectedTable } from '../../shared/import/detect-tables';
import { DAN_SO_ROLES } from './fixture-facts';

const fixtures = path.resolve(__dirname, '..', 'fixtures');

function cellOf(t: DetectedTable, address: string) {
  for (let r = 0; r < t.sourceRows.length; r++) {
    for (let c = 0; c < t.sourceColumns.length; c++) {
      if (sourceAddress(t, r, c) === address) return t.table.rows[r].cells[c];
    }
  }
  throw new Error(`${address} is not in the table`);
}

describe('dan-so-ho-ngheo.xlsx', () => {
  let t: DetectedTable;
  beforeAll(async () => {
    const { tables } = await importWorkbook(path.join(fixtures, 'dan-so-ho-ngheo.xlsx'));
    expect(tables).toHaveLength(1);
    t = tables[0];
  });

  it('finds the table under its title, unit and two header rows, with the code row', () => {
    expect(t.sheet).toBe('Dân số');
    expect(t.table.name).toBe('Dân số');
    expect(t.table.title).toBe('BIỂU 02: DÂN SỐ VÀ HỘ NGHÈO THEO ĐƠN VỊ HÀNH CHÍNH NĂM 2024');
    expect(t.table.unit).toBe('người; hộ; %');
    expect(t.preamble).toContain('(Kèm theo Báo cáo số /BC-UBND ngày / /2024 của UBND huyện)');
    expect(t.headerRows).toEqual([5, 6]);
    expect(t.codeRow).toBe(7);
    expect(t.sourceRows).toEqual([8, 9, 10, 11, 12, 13, 14, 15, 16, 17, 18, 19]);
    expect(t.sourceColumns).toEqual([0, 1, 2, 3, 4, 5, 6, 7]);
  });

  it('reads header levels, codes and formulas', () => {
    expect(t.table.columns).toEqual([
      { code: 'A', label: 'STT', headerPath: [], type: 'text', decimals: 0, formula: null },
      { code: 'B', label: 'Đơn vị', headerPath: [], type: 'text', decimals: 0, formula: null },
      {
        code: '1',
        label: 'Tổng số dân',
        headerPath: [],
        type: 'integer',
        decimals: 0,
        formula: '2+3',
      },
      {
        code: '2',
        label: 'Nam',
        headerPath: ['Chia ra'],
        type: 'integer',
        decimals: 0,
        formula: null,
      },
      {
        code: '3',
        label: 'Nữ',
        headerPath: ['Chia ra'],
        type: 'integer',
        decimals: 0,
        formula: null,
      },
      { code: '4', label: 'Số hộ', headerPath: [], type: 'integer', decimals: 0, formula: null },
      { code: '5', label: 'Hộ nghèo', headerPath: [], type: 'integer', decimals: 0, formula: null },
      {
        code: '6',
        label: 'Tỷ lệ hộ nghèo (%)',
        headerPath: [],
        type: 'percent',
        decimals: 2,
        formula: '5/4*100',
      },
    ]);
  });

  it('gives each row its role: groups, details, subtotals, the total', () => {
    expect(t.table.rows.map((r) => r.role)).toEqual(DAN_SO_ROLES);
    expect(t.table.rows.map((r) => r.unitKey)).toEqual([
      'khu vực thành thị',
      'tân lập',
      'phú mỹ',
      null,
      'khu vực nông thôn',
      'an phú',
      'bình minh',
      'hòa lạc',
      'vĩnh thành',
      'đông sơn',
      null,
      null,
    ]);
  });

  it('reads every value; the text "4.962" as 4962, keeps "khoảng 150" as text, a blank as empty', () => {
    expect(t.table.rows.map((r) => r.cells)).toEqual([
      ['I. Khu vực thành thị', null, null, null, null, null, null, null],
      [1, 'Thị trấn Tân Lập', 12480, 6112, 6368, 3310, 41, 1.24],
      [2, 'Thị trấn Phú Mỹ', 9215, 4590, 4625, 2406, 30, 1.25],
      ['Cộng', null, 21695, 10702, 10993, 5716, 71, 1.24],
      ['II. Khu vực nông thôn', null, null, null, null, null, null, null],
      [3, 'Xã An Phú', 7384, 3652, 3696, 1902, 88, 4.63],
      [4, 'Xã Bình Minh', 6120, 3020, 3100, 1530, 102, 6.66],
      [5, 'Xã Hòa Lạc', 8045, 3988, 4057, 2011, 'khoảng 150', 7.46],
      [6, 'Xã Vĩnh Thành', 5530, 2741, 2789, 1388, null, 0],
      [7, 'Xã Đông Sơn', 4962, 2470, 2492, 1240, 57, 4.6],
      ['Cộng', null, 32005, 15871, 16134, 8071, 397, 4.92],
      ['Toàn huyện', null, 53700, 26573, 27127, 13788, 468, 3.39],
    ]);
    expect(cellOf(t, 'C17')).toBe(4962);
    expect(cellOf(t, 'G15')).toBe('khoảng 150');
    expect(cellOf(t, 'G16')).toBeNull();
    expect(cellOf(t, 'H19')).toBe(3.39);
  });

  it('reports how it read the number stored as text, and the text in a figure column', () => {
    expect(t.readings).toEqual([
      expect.objectContaining({ letter: 'C', column: 2, convention: 'vi', strings: 1 }),
    ]);
    expect(t.readings[0].reason).toMatch(/«4\.962»/);
    expect(t.doubts.some((d) => d.includes('G15') && d.includes('khoảng 150'))).toBe(true);
    expect(t.unevaluated).toEqual([]);
  });
});

describe('cdht-theo-nhom.xlsx', () => {
  let t: DetectedTable;
  beforeAll(async () => {
    const { tables } = await importWorkbook(path.join(fixtures, 'cdht-theo-nhom.xlsx'));
    expect(tables).toHaveLength(1);
    t = tables[0];
  });

  it('finds the table with its two-level merged header and no code row', () => {
    expect(t.sheet).toBe('CDHT');
    expect(t.table.title).toBe('BIỂU THỐNG KÊ ĐÁNH GIÁ (CHẤM ĐIỂM) TRÊN PHẦN MỀM CÔNG DÂN HỌC TẬP');
    expect(t.preamble).toContain('Tính đến ngày 30/9/2024');
    expect(t.headerRows).toEqual([4, 5]);
    expect(t.codeRow).toBeNull();
    expect(t.sourceRows[0]).toBe(6);
    expect(t.sourceRows[t.sourceRows.length - 1]).toBe(22);
    expect(t.sourceColumns).toEqual([0, 1, 2, 3, 4, 5, 6, 7, 8, 9, 10]);
  });

  it('names the columns by header level and gives codes in the statisticians style', () => {
    const groups = ['Nhóm I (Nông dân)', 'Nhóm II (Công nhân)', 'Nhóm III (CC,VC)', 'Nhóm 4 (HS)'];
    expect(
      t.table.columns.map((c) => [
        c.code,
        [...c.headerPath, c.label].join(' › '),
        c.type,
        c.decimals,
      ]),
    ).toEqual([
      ['A', 'STT', 'text', 0],
      ['B', 'Xã/ thị trấn', 'text', 0],
      ...groups.flatMap((g, i) => [
        [String(2 * i + 1), `${g} › Đạt`, 'integer', 0],
        [String(2 * i + 2), `${g} › Chưa đạt`, 'integer', 0],
      ]),
      ['9', 'Tổng', 'integer', 0],
    ]);
  });

  it('reads the "Tổng" column as the sum of the groups, because every row says so', () => {
    expect(t.table.columns.map((c) => c.formula)).toEqual([
      ...Array(10).fill(null),
      '1+2+3+4+5+6+7+8',
    ]);
    expect(t.doubts.some((d) => d.includes('9=1+2+3+4+5+6+7+8') && d.includes('17 dòng'))).toBe(
      true,
    );
  });

  it('reads every value and the "Toàn huyện" total row', () => {
    expect(t.table.rows.map((r) => r.role)).toEqual([...Array(16).fill('detail'), 'total']);
    expect(t.table.rows.map((r) => r.cells)).toEqual([
      [1, 'Thị Trấn Lộc Ninh', 290, 315, 103, 140, 244, 33, 114, null, 1239],
      [2, 'Lộc Hòa', 1, null, 0, null, 4, null, null, null, 5],
      [3, 'Lộc An', 14, 15, 0, null, 2, null, null, null, 31],
      [4, 'Lộc Tấn', 60, 543, null, 46, 71, 15, 18, 10, 763],
      [5, 'Lộc Thạnh', 2, null, 0, null, 27, 3, null, null, 32],
      [6, 'Lộc Hiệp', 0, null, 0, null, 44, null, null, null, 44],
      [7, 'Lộc Thiện', 6, 2, 0, null, 3, 1, null, null, 12],
      [8, 'Lộc Thuận', 2, null, 0, null, 40, 1, null, null, 43],
      [9, 'Lộc Quang', 0, null, 0, null, 31, 30, null, null, 61],
      [10, 'Lộc Phú', 309, 45, 143, 4, 114, 2, 106, null, 723],
      [11, 'Lộc Thành', 450, 255, 2, null, 33, 5, 41, 15, 801],
      [12, 'Lộc Thái', 1, 1, 3, null, 68, 4, null, null, 77],
      [13, 'Lộc Điền', 39, 7, 1, null, 58, null, 1, null, 106],
      [14, 'Lộc Hưng', 0, null, 0, null, 46, 1, null, null, 47],
      [15, 'Lộc Thịnh', 959, 33, 3, null, 60, null, null, null, 1055],
      [16, 'Lộc Khánh', 0, null, 1, null, 9, null, null, null, 10],
      ['Toàn huyện', null, 2133, 1216, 256, 190, 854, 95, 280, 25, 5049],
    ]);
    expect(sourceAddress(t, 16, 10)).toBe('K22');
    expect(t.table.rows[0].unitKey).toBe('lộc ninh');
  });
});
