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
import { gridFromValues, type CellRange, type GridCell } from '../../../shared/import/sheet-grid';
import {
  isGrandTotalLabel,
  isLayoutWord,
  isRoundingLabel,
  isSubtotalLabel,
} from '../../../shared/table-words';

type Value = number | string | null;

/** The one table Biểu finds on a sheet of these rows, and its findings. */
function read(rows: Value[][], sheet = 'Biểu 1', merges: CellRange[] = []) {
  const grid = gridFromValues(sheet, rows, { merges });
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

  it('a row of #VALUE! under the header is a row of failed figures, not the header', () => {
    const { detected } = read([
      ['Số TT', 'Tên tài sản', 'Số lượng', 'Nguyên giá', 'Hao mòn'],
      ['A', 'TÀI SẢN CHUYÊN DÙNG', '#VALUE!', '#VALUE!', '#REF!'],
      ['I', 'Máy móc', 3, 1500, 300],
      [1, 'Máy siêu âm', 1, 600, 120],
      [2, 'Máy X quang', 2, 900, 180],
    ]);
    expect(detected.headerRows).toEqual([1]);
    expect(detected.table.columns.map((c) => c.label)).toEqual([
      'Số TT',
      'Tên tài sản',
      'Số lượng',
      'Nguyên giá',
      'Hao mòn',
    ]);
  });

  it('a code row with one code typed twice is still the code row, and says so', () => {
    const codes = ['(1)', '(2)', -3, '(4)', '(5)', '(6)', '(6)', '(8)'];
    const { detected } = read([
      [
        'STT',
        'Tên thiết bị',
        'Số lượng',
        'Hãng',
        'Năm sử dụng',
        'Nguyên giá',
        'Còn lại',
        'Ghi chú',
      ],
      codes,
      [1, 'Máy siêu âm', 1, 'Aloka', 2011, 605000000, 453750000, null],
      [2, 'Kính hiển vi', 1, 'Olympus', '28/9/2010', 353000000, 264750000, null],
      [3, 'Máy đo khúc xạ', 1, 'Nidek', 2009, 219000000, 109500000, null],
    ]);
    expect(detected.codeRow).toBe(2);
    expect(detected.table.rows).toHaveLength(3);
    expect(detected.doubts.join(' ')).toContain('bị trùng');
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

describe('suggestions a person could mean', () => {
  it('never a negative count, even where one would fix two findings at once', () => {
    // Xã A: Nam 15, Nữ 3, Tổng 12. Nữ = −3 would make both the row and the "Cộng" add up, but
    // nobody has −3 girls: the column holds no negative figure.
    const { findings } = read([
      ['STT', 'Xã', 'Tổng', 'Nam', 'Nữ'],
      [1, 'Xã A', 12, 15, 3],
      [2, 'Xã B', 10, 6, 4],
      [3, 'Xã C', 12, 7, 5],
      [4, 'Xã D', 20, 11, 9],
      [5, 'Xã E', 14, 8, 6],
      [6, 'Xã F', 9, 5, 4],
      [null, 'Cộng', 77, 52, 25],
    ]);
    const suggested = findings.flatMap((f) => (f.suggestion ? [f.suggestion] : []));
    expect(findings.length).toBeGreaterThan(0);
    expect(suggested.filter((s) => s.value < 0)).toEqual([]);
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

describe('a second round of real workbooks: classes the first round did not show', () => {
  /** A price list with a code row "10=(9/7)": growth rate of price, its heading in percent. */
  function priceRows(rates: (number | null)[]): Value[][] {
    const rows: Value[][] = [
      ['STT', 'Mặt hàng', 'Giá kỳ trước', 'Giá kỳ này', 'Mức tăng (giảm)', 'Tỷ lệ tăng (giảm) (%)'],
      [1, 2, 7, 8, '9=(8-7)', '10=(9/7)'],
    ];
    const before = [22000, 21000, 50000, 230000, 70000, 19000, 18000, 55000];
    const now = [25000, 26500, 52000, 220000, 65000, 19500, 17500, 58000];
    before.forEach((b, i) => {
      const change = now[i] - b;
      rows.push([i + 1, `Mặt hàng ${i + 1}`, b, now[i], change, rates[i]]);
    });
    return rows;
  }
  const percent = (i: number, scale: number) => {
    const before = [22000, 21000, 50000, 230000, 70000, 19000, 18000, 55000];
    const now = [25000, 26500, 52000, 220000, 65000, 19500, 17500, 58000];
    return ((now[i] - before[i]) / before[i]) * scale;
  };

  it('a fraction typed in a column headed "%" is reported, even where fractions are most rows', () => {
    // Three rows in percent, five as fractions: the heading "(%)" decides which are the slips.
    const rates = [0, 1, 2, 3, 4, 5, 6, 7].map((i) => percent(i, i < 3 ? 100 : 1));
    const { findings } = read(priceRows(rates));
    const slips = counted(findings).filter((f) => f.kind === 'ratio');
    expect(slips.map((f) => f.cell)).toEqual(['F6', 'F7', 'F8', 'F9', 'F10']);
    expect(slips[0].evidence).toContain('phân số thay cho phần trăm');
  });

  it('a cell formatted as Excel percent in a column headed "%" is read as the sheet shows it', () => {
    const rates = [0, 1, 2, 3, 4, 5, 6, 7].map((i) => percent(i, i === 4 ? 1 : 100));
    const grid = gridFromValues('Biểu 1', priceRows(rates));
    grid.cells[6][5] = { value: rates[4] as number, numFmt: '0.00%' }; // shows 7,14 %
    const { tables } = detectSheet(grid);
    const table = draftToTable(tables[0].table);
    expect(table.rows[4].cells[5]).toBeCloseTo(percent(4, 100), 10);
    expect(counted(checkTable(table))).toEqual([]);
  });

  it('an STT of section marks and counts that start again is an ordinal column, not figures', () => {
    const typed = typeColumn({
      cells: ['A', 1, 2, 3, 'B', 'I', 1, 'a', 'b', 2, 'II', 'C'].map((v) => ({ value: v })),
      header: [],
      letterCode: false,
      numericCode: true,
      first: true,
    });
    expect(typed.kind).toBe('ordinal');
  });

  it('a figure column with "x" (not applicable) in a few cells stays a figure column', () => {
    const typed = typeColumn({
      cells: [12, 'x', 15, 'x', 40, 7, 9].map((v) => ({ value: v })),
      header: ['Số lớp'],
      letterCode: false,
      numericCode: true,
      first: false,
    });
    expect(typed.kind).toBe('figure');
  });

  it('a "#" mark in a figure cell is to review; a "?" stays a missing figure', () => {
    const { findings } = read([
      ['STT', 'Chỉ tiêu', 'Tổng số', 'Nữ'],
      [1, 'Học sinh', 120, 60],
      [2, 'Học sinh dân tộc', 45, '#'],
      [3, 'Học sinh khuyết tật', '?', 3],
      [4, 'Học sinh mồ côi', 12, 5],
    ]);
    expect(findings.find((f) => f.cell === 'D3')!.severity).toBe('review');
    expect(findings.find((f) => f.cell === 'C4')!.severity).toBe('error');
  });

  it('a "Trong đó:" block after a "- …" list is part of the list\'s head, not of its last item', () => {
    const { findings } = read([
      ['STT', 'Chỉ tiêu', 'Số lượng', 'Công lập'],
      ['II', 'Lớp', 5, 5],
      [null, 'Chia ra:', null, null],
      [null, '- Lớp 1', 3, 3],
      [null, '- Lớp 2', 0, 0],
      [null, '- Lớp 5', 2, 2],
      [null, 'Trong đó', null, null],
      [null, '- Lớp học 2 buổi/ngày', 0, 0],
      [null, '- Lớp ghép', 3, 3],
      ['III', 'Học sinh', 120, 110],
    ]);
    expect(counted(findings)).toEqual([]);
  });

  it('a whole at least its breakdown beside it: the figures establish it, the excess is reported', () => {
    const rows: Value[][] = [
      ['STT', 'Tài sản', 'Tổng DT sàn', 'Hiện trạng sử dụng', null, null],
      [null, null, null, 'Trụ sở', 'Cơ sở HCSN', 'Khác'],
    ];
    const uses: [number, number | null, number | null, number | null][] = [
      [292, 292, null, null],
      [1050, 1000, null, null],
      [80, 80, null, null],
      [474, 300, 174, null],
      [223, 2233, null, null], // 223 m² of floor, 2.233 m² in use: one digit doubled
      [400, 400, null, null],
      [315, null, null, null],
      [597, 597, null, null],
      [831, 500, 300, 31],
      [131, 131, null, null],
      [256, 191, null, 65],
      [60, 60, null, null],
      [100, 40, 40, null],
    ];
    uses.forEach((u, i) => rows.push([i + 1, `Nhà ${i + 1}`, ...u]));
    const found = counted(
      read(rows, 'Biểu 1', [{ top: 0, left: 3, bottom: 0, right: 5 }]).findings,
    );
    expect(found.map((f) => [f.kind, f.cell])).toEqual([['inferred', 'C7']]);
    expect(found[0].evidence).toContain('≥');
  });

  it('a larger column beside a group that never fills it establishes nothing', () => {
    const rows: Value[][] = [
      ['STT', 'Đơn vị', 'Dân số', 'Hộ nghèo', null],
      [null, null, null, 'Số hộ', 'Số khẩu'],
    ];
    for (let i = 1; i <= 14; i++) rows.push([i, `Xã ${i}`, 5000 + i * 97, 40 + i, 150 + i * 3]);
    rows[5][3] = 9000; // larger than the population: nothing in the table says it cannot be
    const grid = gridFromValues('Biểu 1', rows, {
      merges: [{ top: 0, left: 3, bottom: 0, right: 4 }],
    });
    const table = draftToTable(detectSheet(grid).tables[0].table);
    expect(counted(checkTable(table)).filter((f) => f.kind === 'inferred')).toEqual([]);
  });

  it('a sum found in the figures says nothing on rows whose parts are blank', () => {
    const rows: Value[][] = [['STT', 'Xã', 'Tổng', 'Nam', 'Nữ']];
    for (let i = 1; i <= 12; i++)
      rows.push(
        i % 3 === 0 ? [i, `Xã ${i}`, 90 + i, null, null] : [i, `Xã ${i}`, 150 + i, 100, 50 + i],
      );
    const { table, findings } = read(rows);
    expect(table.columns[2].formulaBasis).toBe('inferred');
    expect(counted(findings)).toEqual([]);
  });

  it('a code-row sum says nothing on a row whose parts are all blank (blank is not 0)', () => {
    const { findings } = read([
      ['STT', 'Công trình', 'Tổng', 'Vốn NS', 'Vốn khác'],
      ['A', 'B', '1=2+3', 2, 3],
      [1, 'Quốc lộ 32', 13517, 10000, 3517],
      ['a', 'Công trình chuyển tiếp', 2687, null, null],
      ['b', 'Công trình làm mới', 10830, null, null],
      [2, 'Quốc lộ 32B', 400, 300, 100],
      [3, 'Quốc lộ 32C', 500, 200, 310],
    ]);
    expect(counted(findings).map((f) => f.cell)).toEqual(['C7']);
  });

  it('a difference within the rounding of a relation found in the figures is not reported', () => {
    const rows: Value[][] = [['STT', 'Ngành', 'Dư nợ đầu kỳ', 'Tăng', 'Dư nợ cuối kỳ']];
    for (let i = 1; i <= 10; i++)
      rows.push([i, `Ngành ${i}`, 1000.25 * i, 12.5, 1000.25 * i + 12.5]);
    rows[4][4] = (rows[4][4] as number) + 0.01;
    const { findings } = read(rows);
    expect(counted(findings)).toEqual([]);
  });

  it.each([
    {
      what: 'one number alone off between two that follow each other',
      stt: [108, 109, 110, 1, 112, 113],
      cells: [['A5', 'có lẽ phải là 111']],
    },
    {
      what: 'a count going back to numbers already used',
      stt: [46, 47, 48, 49, 50, 29, 30, 31],
      cells: [['A7', 'quay lại 29 sau 50']],
    },
    {
      what: 'items and their sub-items counted in one column',
      stt: [1, 1, 2, 3, 2, 1, 2, 3, 4, 3],
      cells: [],
    },
  ])('STT: $what', ({ stt, cells }) => {
    const rows: Value[][] = [['STT', 'Mặt hàng', 'Giá']];
    stt.forEach((n, i) => rows.push([n, `Mặt hàng ${i + 1}`, 1000 + i * 50]));
    const { findings } = read(rows);
    const numbering = findings.filter((f) => f.kind === 'numbering');
    expect(
      numbering.map((f) => [
        f.cell,
        f.message.match(/có lẽ phải là \d+|quay lại \d+ sau \d+/)?.[0],
      ]),
    ).toEqual(cells);
  });

  it('STT: sub-items lettered a, b, d skip c; a heading row numbered in the count keeps it', () => {
    const { findings } = read([
      ['STT', 'Chỉ tiêu', 'Kỳ này'],
      [1, 'Thu nhập lãi', 7651],
      ['a', 'Lãi tiền gửi', 249],
      ['b', 'Lãi cho vay', 7261],
      ['c', 'Thu khác', 141],
      [2, 'Chi phí lãi', 1783],
      ['a', 'Trả lãi tiền gửi', 1599],
      ['b', 'Trả lãi tiền vay', 183],
      ['d', 'Trả lãi thuê tài chính', 0],
      ['I', 'Thu nhập lãi thuần', 5868],
      [3, 'Thu nhập dịch vụ', 1],
      [4, 'Chi phí dự phòng', null],
      [5, 'Hoàn nhập dự phòng', null],
      [6, 'Lợi nhuận', 944],
    ]);
    const numbering = findings.filter((f) => f.kind === 'numbering');
    expect(numbering.map((f) => f.cell)).toEqual(['A9']);
    expect(numbering[0].message).toContain('«d» đứng ngay sau mục «b»');
  });

  it('STT: a count that runs on across section marks still shows its gaps', () => {
    const { findings } = read([
      ['STT', 'Mặt hàng', 'Giá'],
      ['I', 'Lương thực', null],
      [1, 'Gạo', 22000],
      [2, 'Thịt', 90000],
      ['II', 'Vật tư', null],
      [3, 'Phân đạm', 12000],
      [4, 'Thuốc trừ sâu', 55000],
      ['III', 'Xây dựng', null],
      [5, 'Xi măng', 1400],
      ['IV', 'Dịch vụ', null],
      [9, 'Khách sạn', 400000],
      [10, 'Nhà nghỉ', 250000],
    ]);
    expect(findings.filter((f) => f.kind === 'numbering').map((f) => f.cell)).toEqual(['A11']);
  });

  it("a heading that carries its block's sum: the headings that add up establish it, the one that stops short is reported", () => {
    // An asset list: "1 - Đất", "2 - Nhà" … carry the totals of the numbered items below them.
    const rows: Value[][] = [['STT', 'Tài sản', 'Số lượng', 'Nguyên giá']];
    let n = 0;
    const head = (label: string, items: number[], stated?: [number, number]) => {
      rows.push([
        null,
        label,
        stated?.[0] ?? items.length,
        stated?.[1] ?? items.reduce((a, b) => a + b, 0),
      ]);
      for (const v of items) rows.push([++n, `Tài sản ${n}`, 1, v]);
    };
    head('1 - Đất khuôn viên', [28458720]);
    head('2 - Nhà', [1590245, 249204, 2970082, 2173993]);
    head('3 - Xe ô tô', [794600, 834900, 794600, 1465210, 548488]);
    // Counts only its first two items: 2 and 188.897 where 4 items of 256.327 are listed.
    head('4 - Tài sản cố định khác', [135678, 53219, 39897, 27533], [2, 188897]);
    rows.push([
      null,
      'Tổng cộng',
      n,
      rows.slice(1).reduce((a, r) => a + (r[0] === null ? 0 : Number(r[3])), 0),
    ]);
    const { findings } = read(rows);
    const found = counted(findings).filter((f) => f.kind === 'column-total');
    expect(found.map((f) => f.cell)).toEqual(['C15', 'D15']);
    expect(found[0].message).toContain('4 dòng bên dưới');
    expect(found[0].evidence).toContain('đúng ở 6/8 ô');
  });

  it('headings whose figures are not the sum of their block (a yield beside the areas) establish nothing', () => {
    const rows: Value[][] = [['STT', 'Cây trồng', 'Diện tích', 'Năng suất']];
    const crops: [string, [number, number][]][] = [
      [
        '1. Lúa',
        [
          [120, 55.2],
          [95, 58.1],
          [130, 54.7],
        ],
      ],
      [
        '2. Ngô',
        [
          [40, 41.5],
          [35, 43.0],
        ],
      ],
      [
        '3. Đậu',
        [
          [12, 15.2],
          [9, 14.8],
          [15, 16.1],
        ],
      ],
    ];
    let n = 0;
    for (const [label, items] of crops) {
      const area = items.reduce((a, [x]) => a + x, 0);
      const yieldAvg = Math.round((items.reduce((a, [x, y]) => a + x * y, 0) / area) * 10) / 10;
      rows.push([null, label, area, yieldAvg]);
      for (const [x, y] of items) rows.push([++n, `Xã ${n}`, x, y]);
    }
    const { findings } = read(rows);
    expect(counted(findings)).toEqual([]);
  });

  it('a use larger than its land: a few exact fills establish "land ≥ uses", a heading repeating its plot is not reported twice', () => {
    const rows: Value[][] = [
      ['Tài sản', 'Số lượng', 'Diện tích', 'Hiện trạng sử dụng', null, null],
      [null, null, null, 'Trụ sở', 'Sự nghiệp', 'Khác'],
    ];
    // Most plots report a flag (1) or a part of their use; one in eight is fully accounted for.
    const plots: [number, number | null, number | null, number | null][] = [
      [300, 1, null, null],
      [1720, 1720, null, null],
      [20000, 500, 300, null],
      [4000, 50, 200, null],
      [2602, 300, null, null],
      [7424, 925, null, null],
      [1532, 20, null, null],
      [657, 657, null, null],
      [4717, 1, null, null],
      [100, 70, null, null],
      [390, 100, null, null],
      [1600, 160, null, null],
      [14585, 100, null, null],
      [1500, 200000, null, 60000],
      [2480, null, 300, null],
      [80, 80, null, null],
      [10549, 680, null, null],
      [2840, 1340, null, null],
      [58, 5, null, null],
      [1000, 450, null, null],
      [6189, 210, 100, null],
    ];
    const add = (a: number | null, b: number | null) =>
      a === null && b === null ? null : (a ?? 0) + (b ?? 0);
    plots.forEach((p, i) => {
      rows.push([`${i + 1}. Trường số ${i + 1}`, null, null, null, null, null]);
      // Every third school has a second plot (a branch site), which its category row adds.
      const second: typeof p | null = i % 3 === 1 ? [500, 100, null, null] : null;
      rows.push([
        'Quyền sử dụng đất',
        second ? 2 : 1,
        ...(second ? (p.map((v, k) => add(v, second[k])) as typeof p) : p),
      ]);
      rows.push(['     Đất trường học', 1, ...p]);
      if (second) rows.push(['     Đất điểm trường', 1, ...second]);
    });
    const found = counted(
      read(rows, 'Biểu 1', [{ top: 0, left: 3, bottom: 0, right: 5 }]).findings,
    );
    // School 14: 260.000 m² of use on 1.500 m² of land, reported on the plot (row 48) only.
    expect(found.map((f) => [f.kind, f.cell])).toEqual([['inferred', 'C48']]);
  });

  it('STT: sections I … IV with II and III deleted are reported; a new letter section starts at I again', () => {
    const { findings } = read([
      ['Số TT', 'Tài sản', 'Nguyên giá'],
      ['A', 'Tài sản chuyên dùng', null],
      ['I', 'Máy móc', null],
      [1, 'Máy siêu âm', 605],
      [2, 'Máy X quang', 595],
      ['IV', 'Tài sản tăng 2013', null],
      [1, 'Hệ thống CT', 5890],
      ['B', 'Tài sản văn phòng', null],
      ['I', 'Nhà làm việc', null],
      [1, 'Nhà khoa khám', 1200],
      ['II', 'Vật kiến trúc', null],
      [1, 'Tường rào', 300],
      ['III', 'Phương tiện', null],
      [1, 'Xe cứu thương', 900],
    ]);
    const numbering = findings.filter((f) => f.kind === 'numbering');
    expect(numbering.map((f) => f.cell)).toEqual(['A6']);
    expect(numbering[0].message).toContain('«IV» đứng ngay sau mục «I»');
  });

  it('an amount that is quantity × price on six rows is checked on the seventh', () => {
    const { table, findings } = read([
      ['STT', 'Tên hàng hóa', 'ĐVT', 'Số lượng', 'Đơn giá (nghìn đồng)', 'Thành tiền (đồng)'],
      [1, 'Bàn làm việc', 'Cái', 12, 2500, 30000000],
      [2, 'Ghế xoay', 'Cái', 24, 850, 20400000],
      [3, 'Tủ tài liệu', 'Cái', 6, 3200, 19200000],
      [4, 'Máy vi tính', 'Bộ', 8, 14500, 116000000],
      [5, 'Máy in', 'Cái', 3, 5200, 15600000],
      [6, 'Điều hòa', 'Cái', 5, 9800, 94000000], // 5 × 9.800.000 = 49.000.000
      [7, 'Bình chữa cháy', 'Bình', 10, 450, 4500000],
    ]);
    expect(table.columns[5].formula).toBe('1*2*1000');
    const found = counted(findings);
    expect(found.map((f) => [f.kind, f.cell])).toEqual([['inferred', 'F7']]);
    expect(found[0].evidence).toContain('6/7');
  });

  it('an amount equal to its price where every quantity is 1 establishes no product', () => {
    const rows: Value[][] = [
      ['STT', 'Tài sản', 'Số lượng', 'Nguyên giá (nghìn đồng)', 'Nguyên giá (đồng)'],
    ];
    for (let i = 1; i <= 8; i++)
      rows.push([i, `Máy ${i}`, 1, 1000 + i * 37, (1000 + i * 37) * 1000]);
    const { table } = read(rows);
    expect(table.columns[4].formula).toBeNull();
  });
});
