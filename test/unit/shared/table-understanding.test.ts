/**
 * Table understanding stage by stage, on real-looking Vietnamese tables built in the test: type
 * the columns from the whole column, decide the number notation from the whole sheet, read the
 * table words as whole terms, find the structure from the figures up, establish relations from
 * the numbers, and check — each finding saying how strong its evidence is. Every class of false
 * alarm and miss seen on real office workbooks has a row here.
 */
import { describe, expect, it } from 'vitest';
import { checkTable } from '../../../shared/checks/engine';
import { isCounted } from '../../../shared/checks/finding';
import { typeColumn, type ColumnKind } from '../../../shared/import/column-types';
import { detectSheet, draftToTable, sourceAddress } from '../../../shared/import/detect-tables';
import { gridFromValues, type GridCell } from '../../../shared/import/sheet-grid';
import {
  isGrandTotalLabel,
  isLayoutWord,
  isRoundingLabel,
  isSubtotalLabel,
} from '../../../shared/table-words';

type Value = number | string | null;

/** The one table Biểu finds on a sheet of these rows, and its findings. */
function read(rows: Value[][], sheet = 'Biểu 1') {
  const grid = gridFromValues(sheet, rows);
  const { tables } = detectSheet(grid);
  expect(tables).toHaveLength(1);
  const detected = tables[0];
  const table = draftToTable(detected.table);
  const findings = checkTable(table, {
    addressOf: (row, col) => sourceAddress(detected, row, col),
  });
  return { detected, table, findings };
}

const counted = (findings: ReturnType<typeof checkTable>) =>
  findings.filter((f) => isCounted(f.severity));

describe('stage 1 — column types from the whole column', () => {
  const cell = (v: Value): GridCell => ({ value: v });
  const cases: { what: string; header: string[]; cells: Value[]; kind: ColumnKind }[] = [
    {
      what: 'dates typed as text',
      header: ['Ngày cấp'],
      cells: ['01/01/2013', '15/03/2014', '20/11/2015', '02/02/2016'],
      kind: 'date',
    },
    {
      what: 'years of construction',
      header: ['Năm xây dựng'],
      cells: [1995, 2003, 2010, 1987],
      kind: 'year',
    },
    {
      what: 'unit codes with leading zeros and letters',
      header: ['Mã đơn vị'],
      cells: ['01', '02', 'V01', '10004'],
      kind: 'code',
    },
    {
      what: 'lists of room numbers',
      header: ['Phòng'],
      cells: ['12,15,17', '101, 102, 103', '5;6;7'],
      kind: 'list',
    },
    {
      what: 'item numbers in levels and Roman section codes',
      header: [],
      cells: ['I', '1.1.', '1.2.', 'II', '2.1.', '2.2.'],
      kind: 'ordinal',
    },
    {
      what: 'units of measure',
      header: ['ĐVT'],
      cells: ['Chiếc', 'm2', 'Cái', 'Bộ'],
      kind: 'measure',
    },
    {
      what: 'figures with one word among them',
      header: ['Số hộ'],
      cells: [120, 95, 'khoảng 80', 143, 77, 210, 98, 66],
      kind: 'figure',
    },
    {
      what: 'mostly words with a few figures',
      header: ['Ghi chú'],
      cells: ['Đạt', 'Chưa đạt', 3, 'Đạt'],
      kind: 'ordinal',
    },
  ];
  it.each(cases)('$what → $kind', ({ header, cells, kind }) => {
    const typed = typeColumn({
      cells: cells.map(cell),
      header,
      letterCode: false,
      numericCode: false,
      first: false,
    });
    expect(typed.kind).toBe(kind);
  });

  it('a date, year or code column never yields "not a number"', () => {
    const { findings } = read([
      ['STT', 'Tài sản', 'Năm xây dựng', 'Ngày sử dụng', 'Mã tài sản', 'Nguyên giá'],
      [1, 'Nhà làm việc', 1995, '01/01/2013', 'TS01', 1200],
      [2, 'Nhà kho', 2003, '15/06/2014', 'TS02', 800],
      [3, 'Hội trường', 2010, '20/11/2015', 'TS03', 2500],
      ['Cộng', null, null, null, null, 4500],
    ]);
    expect(findings.filter((f) => f.kind === 'not-a-number')).toEqual([]);
    expect(counted(findings)).toEqual([]);
  });

  it('"not a number" names the cell and says what the rest of the column is', () => {
    const { findings } = read([
      ['STT', 'Xã', 'Số hộ'],
      [1, 'Xã An Phú', 120],
      [2, 'Xã Bình Minh', 95],
      [3, 'Xã Hòa Lạc', 'khoảng 80'],
      [4, 'Xã Đông Sơn', 143],
      [5, 'Xã Tân Lập', 77],
    ]);
    const f = findings.find((x) => x.kind === 'not-a-number')!;
    expect(f.cell).toBe('C4');
    expect(f.severity).toBe('error');
    expect(f.evidence).toMatch(/cột .* là cột số, đúng ở 4\/5 ô/);
  });
});

describe('stage 2 — number notation from the whole sheet', () => {
  it('"1,342" beside "6,747,059,000" reads as one thousand three hundred forty-two', () => {
    const { table } = read([
      ['STT', 'Tài sản', 'Số lượng', 'Nguyên giá'],
      [1, 'Máy tính', '1,342', '6,747,059,000'],
      [2, 'Máy in', '215', '1,205,000,000'],
      [3, 'Bàn ghế', '2,410', '980,500,000'],
    ]);
    expect(table.rows.map((r) => r.cells[2])).toEqual([1342, 215, 2410]);
    expect(table.rows[0].cells[3]).toBe(6747059000);
  });

  it('"1,342" beside "16,70" and "1.234,5" reads as one point three four two', () => {
    const { table } = read([
      ['STT', 'Xã', 'Tỷ lệ (%)', 'Diện tích (ha)'],
      [1, 'Xã A', '1,342', '1.234,5'],
      [2, 'Xã B', '16,70', '2.015,0'],
      [3, 'Xã C', '12,05', '980,25'],
    ]);
    expect(table.rows.map((r) => r.cells[2])).toEqual([1.342, 16.7, 12.05]);
  });
});

describe('stage 3 — table words as whole terms', () => {
  it.each([
    ['Cộng', 'subtotal'],
    ['Cộng huyện A', 'subtotal'],
    ['Tổng cộng', 'total'],
    ['TỔNG SỐ', 'total'],
    ['Cộng đồng học tập khóm, ấp được công nhận', 'none'],
    ['Tổng công ty Lương thực', 'none'],
    ['Tổng đài viên', 'none'],
    ['Làm tròn', 'rounding'],
    ['Chênh lệch do làm tròn', 'rounding'],
  ])('«%s» is %s', (label, what) => {
    const found = isGrandTotalLabel(label)
      ? 'total'
      : isSubtotalLabel(label)
        ? 'subtotal'
        : isRoundingLabel(label)
          ? 'rounding'
          : 'none';
    expect(found).toBe(what);
  });

  it.each([
    ['(9)=(8-7)', true],
    ['3=1+2', true],
    ['Làm tròn', true],
    ['Cộng', true],
    ['khoảng 150', false],
    ['1.234 người', false],
    ['Không', false],
  ])('«%s» in a figure cell is a word of the layout: %s', (text, layout) => {
    expect(isLayoutWord(text)).toBe(layout);
  });

  it('a "Cộng đồng…" row is a detail, not a subtotal, and is checked as one', () => {
    const { table, findings } = read([
      ['STT', 'Chỉ tiêu', 'Năm 2023', 'Năm 2024'],
      [1, 'Gia đình văn hóa', 1200, 1250],
      [2, 'Cộng đồng học tập khóm, ấp được công nhận', 35, 38],
      [3, 'Khu dân cư văn hóa', 40, 42],
    ]);
    expect(table.rows.map((r) => r.role)).toEqual(['detail', 'detail', 'detail']);
    expect(counted(findings)).toEqual([]);
  });
});

describe('stage 4 — structure from the figures up', () => {
  it('a title row with a few stray cells is not the header', () => {
    const { detected } = read([
      ['QUÂN KHU 3', null, null, null, 'BIỂU 02/KK'],
      ['BÁO CÁO SỐ LƯỢNG VẬT TƯ', null, null, null, null],
      ['STT', 'Danh mục', 'ĐVT', 'Số lượng', 'Giá trị'],
      [1, 'Máy bơm', 'Cái', 5, 1500],
      [2, 'Bể nước', 'Cái', 2, 800],
      [3, 'Đèn bão', 'Cái', 10, 200],
    ]);
    expect(detected.headerRows).toEqual([3]);
    expect(detected.table.columns.map((c) => c.label)).toEqual([
      'STT',
      'Danh mục',
      'ĐVT',
      'Số lượng',
      'Giá trị',
    ]);
  });

  it('a code row Excel mangled ("(7)" stored as −7, lower-case letters) is still the code row', () => {
    const { detected, table } = read([
      ['STT', 'Mặt hàng', 'Giá kỳ trước', 'Giá kỳ này', 'Mức tăng'],
      ['a', 'b', '(1)', -2, '(3)=(2)-(1)'],
      [1, 'Gạo tẻ', 13000, 16000, 3000],
      [2, 'Gạo ngon', 15000, 16000, 1000],
      [3, 'Thịt lợn', 90000, 95000, 5000],
    ]);
    expect(detected.codeRow).toBe(2);
    expect(table.rows).toHaveLength(3);
    expect(table.columns[4].formula?.replace(/[()]/g, '')).toBe('2-1');
  });

  it('a blank cell in a "Cộng" row is not 0 and is not reported', () => {
    const { findings } = read([
      ['STT', 'Đơn vị', 'Số người', 'Đơn giá'],
      [1, 'Tổ 1', 12, 150000],
      [2, 'Tổ 2', 8, 150000],
      [3, 'Tổ 3', 10, 180000],
      ['Cộng', null, 30, null],
    ]);
    expect(counted(findings)).toEqual([]);
  });

  it('a "Làm tròn" row below the total is not one of its members', () => {
    const { table, findings } = read([
      ['STT', 'Khoản chi', 'Số tiền'],
      [1, 'Lương', 1000.4],
      [2, 'Phụ cấp', 200.3],
      ['', 'Tổng cộng', 1200.7],
      ['', 'Làm tròn', 1201],
    ]);
    expect(table.rows[2].role).toBe('total');
    expect(counted(findings)).toEqual([]);
  });
});

describe('stage 5 — relations established by the numbers', () => {
  it('a total column found in the figures reports its one failing row with the evidence', () => {
    const rows: Value[][] = [['STT', 'Xã', 'Tổng', 'Nam', 'Nữ']];
    for (let i = 1; i <= 12; i++)
      rows.push([i, `Xã ${i}`, 100 + i * 7 + 50 + i, 100 + i * 7, 50 + i]);
    rows[6][2] = (rows[6][2] as number) + 30; // not a slip of the digits
    const { findings } = read(rows);
    const f = findings.find((x) => x.kind === 'inferred')!;
    expect(f.cell).toBe('C7');
    expect(f.severity).toBe('error');
    expect(f.evidence).toBe('Biểu nhận ra từ số liệu: cột «1=2+3», đúng ở 11/12 dòng');
  });

  it('an opening balance is not "increase + closing" because the increase is mostly 0', () => {
    const rows: Value[][] = [['Tài sản', 'Đầu năm', 'Tăng', 'Giảm', 'Cuối năm']];
    for (let i = 1; i <= 12; i++) rows.push([`Tài sản ${i}`, 1000 * i, 0, 0, 1000 * i]);
    rows[3][2] = 500;
    rows[3][4] = 3500; // closing = opening + increase: the rows agree, no relation D = C + E
    const { table, findings } = read(rows);
    expect(table.columns.map((c) => c.formulaBasis ?? '')).not.toContain('inferred');
    expect(counted(findings)).toEqual([]);
  });

  it('a part above its whole ("Trong đó" larger than "Tổng số") is reported', () => {
    const { findings } = read([
      ['STT', 'Xã', 'Tổng số hộ', 'Trong đó: hộ nghèo'],
      [1, 'Xã A', 500, 40],
      [2, 'Xã B', 420, 35],
      [3, 'Xã C', 38, 380],
      [4, 'Xã D', 610, 52],
      [5, 'Xã E', 300, 21],
    ]);
    const f = counted(findings).find((x) => x.cell === 'D4')!;
    expect(f).toBeDefined();
    expect(f.message).toContain('không được lớn hơn');
  });

  it('a figure a thousand times its column is reported as a magnitude slip', () => {
    const rows: Value[][] = [['STT', 'Xã', 'Diện tích lúa (ha)']];
    const areas = [120.5, 98.2, 143.7, 110.4, 87.9, 132.6, 101.3, 125.8];
    areas.forEach((a, i) => rows.push([i + 1, `Xã ${i + 1}`, a]));
    rows[4][2] = 110400; // 110,4 typed as 110.400
    const { findings } = read(rows);
    const f = findings.find((x) => x.kind === 'magnitude')!;
    expect(f.cell).toBe('C5');
    expect(f.evidence).not.toBe('');
  });

  it('an STT sequence with a gap is reported, once', () => {
    const { findings } = read([
      ['STT', 'Xã', 'Số hộ'],
      [1, 'Xã A', 120],
      [2, 'Xã B', 95],
      [4, 'Xã C', 143],
      [5, 'Xã D', 77],
      [6, 'Xã E', 66],
    ]);
    const numbering = findings.filter((x) => x.kind === 'numbering');
    expect(numbering.map((f) => f.cell)).toEqual(['A4']);
  });
});

describe('stage 6 — weak evidence is "Cần xem", never counted', () => {
  it('the code row of a column numbering read as data is to review, not an error', () => {
    const { findings } = read([
      ['STT', 'Mặt hàng', 'Giá kỳ trước', 'Giá kỳ này', 'Tỷ lệ'],
      [1, 'Gạo tẻ', 13000, 16000, 23.08],
      [2, 'Gạo ngon', 15000, 16000, 6.67],
      [3, 'Thịt lợn', 90000, 95000, 'Làm tròn'],
      [4, 'Cá', 60000, 66000, 10],
    ]);
    const f = findings.find((x) => x.cell === 'E4')!;
    expect(f.severity).toBe('review');
    expect(isCounted(f.severity)).toBe(false);
  });

  it('a sentence where a figure should be is to review', () => {
    const { findings } = read([
      ['STT', 'Mặt hàng', 'Giá kỳ trước', 'Giá kỳ này'],
      [1, 'Gạo tẻ', 13000, 16000],
      [2, 'Gạo ngon', 15000, 16000],
      [3, 'Thịt lợn', 90000, 'Hiện thị trường không có bán'],
      [4, 'Cá', 60000, 66000],
    ]);
    expect(findings.find((x) => x.cell === 'D4')!.severity).toBe('review');
  });
});
