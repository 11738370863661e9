/**
 * The fixture tables of test/fixtures built as model tables, for the check engine's tests.
 * Values were read from the .xlsx files with exceljs; strings the importer would read as numbers
 * (C17 "4.962") are numbers here, as they will be in the model.
 */
import type { CellValue, Column, ColumnType, Row, RowRole, Table } from '../../shared/model';

export function col(
  code: string,
  label: string,
  options: {
    type?: ColumnType;
    decimals?: number;
    formula?: string | null;
    formulaBasis?: 'inferred';
    headerPath?: string[];
  } = {},
): Omit<Column, 'id'> {
  const type = options.type ?? (/^\d+$/.test(code) ? 'integer' : 'text');
  return {
    code,
    label,
    headerPath: options.headerPath ?? [],
    type,
    decimals: options.decimals ?? 0,
    formula: options.formula ?? null,
    ...(options.formulaBasis && { formulaBasis: options.formulaBasis }),
  };
}

export function row(role: RowRole, ...cells: CellValue[]): Omit<Row, 'id' | 'unitKey'> {
  return { role, cells };
}

export function makeTable(
  name: string,
  columns: Omit<Column, 'id'>[],
  rows: Omit<Row, 'id' | 'unitKey'>[],
): Table {
  return {
    id: 1,
    name,
    title: name,
    unit: '',
    columns: columns.map((c, i) => ({ ...c, id: i + 1 })),
    rows: rows.map((r, i) => ({
      ...r,
      id: i + 1,
      unitKey: null,
      cells: Array.from({ length: columns.length }, (_, c) => r.cells[c] ?? null),
    })),
  };
}

/** dan-so-ho-ngheo.xlsx, sheet "Dân số": row index i is sheet row 8 + i. */
export function danSoHoNgheo(): Table {
  const chiaRa = { headerPath: ['Chia ra'] };
  return makeTable(
    'Dân số',
    [
      col('A', 'STT'),
      col('B', 'Đơn vị'),
      col('1', 'Tổng số dân', { formula: '2+3' }),
      col('2', 'Nam', chiaRa),
      col('3', 'Nữ', chiaRa),
      col('4', 'Số hộ'),
      col('5', 'Hộ nghèo'),
      col('6', 'Tỷ lệ hộ nghèo (%)', { type: 'percent', decimals: 2, formula: '5/4*100' }),
    ],
    [
      row('group', 'I. Khu vực thành thị'),
      row('detail', 1, 'Thị trấn Tân Lập', 12480, 6112, 6368, 3310, 41, 1.24),
      row('detail', 2, 'Thị trấn Phú Mỹ', 9215, 4590, 4625, 2406, 30, 1.25),
      row('subtotal', 'Cộng', null, 21695, 10702, 10993, 5716, 71, 1.24),
      row('group', 'II. Khu vực nông thôn'),
      row('detail', 3, 'Xã An Phú', 7384, 3652, 3696, 1902, 88, 4.63),
      row('detail', 4, 'Xã Bình Minh', 6120, 3020, 3100, 1530, 102, 6.66),
      row('detail', 5, 'Xã Hòa Lạc', 8045, 3988, 4057, 2011, 'khoảng 150', 7.46),
      row('detail', 6, 'Xã Vĩnh Thành', 5530, 2741, 2789, 1388, null, 0),
      row('detail', 7, 'Xã Đông Sơn', 4962, 2470, 2492, 1240, 57, 4.6),
      row('subtotal', 'Cộng', null, 32005, 15871, 16134, 8071, 397, 4.92),
      row('total', 'Toàn huyện', null, 53700, 26573, 27127, 13788, 468, 3.39),
    ],
  );
}

/** The source file's own addresses for dan-so-ho-ngheo.xlsx. */
export function danSoAddress(rowIndex: number, colIndex: number): string {
  return `${String.fromCharCode(65 + colIndex)}${8 + rowIndex}`;
}

/** cdht-theo-nhom.xlsx, sheet "CDHT": a real, consistent table with no code row of its own. */
export function cdhtTheoNhom(): Table {
  const groups = ['Nhóm I (Nông dân)', 'Nhóm II (Công nhân)', 'Nhóm III (CC,VC)', 'Nhóm 4 (HS)'];
  const figures = groups.flatMap((g, i) => [
    col(String(2 * i + 1), 'Đạt', { headerPath: [g] }),
    col(String(2 * i + 2), 'Chưa đạt', { headerPath: [g] }),
  ]);
  const data: [number, string, ...(number | null)[]][] = [
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
  ];
  return makeTable(
    'CDHT',
    [
      col('A', 'STT'),
      col('B', 'Xã/ thị trấn'),
      ...figures,
      col('9', 'Tổng', { formula: '1+2+...+8' }),
    ],
    [
      ...data.map((cells) => row('detail', ...cells)),
      row('total', 'Toàn huyện', null, 2133, 1216, 256, 190, 854, 95, 280, 25, 5049),
    ],
  );
}
