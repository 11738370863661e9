/**
 * Rows in levels (shared/checks/outline.ts, kinds/outline.ts), facts about rows (codes used
 * twice, figures in another unit), tables of averages, code columns read as figures, and cells
 * whose value is not known (formulas without a saved result).
 */
import { describe, expect, it } from 'vitest';
import { checkDocument } from '../../shared/checks/document';
import { checkTable, CheckSession } from '../../shared/checks/engine';
import { buildOutline, markerOfLabel, ofWhichOf } from '../../shared/checks/outline';
import { col, makeTable, row } from './checks-tables';

const key = (f: { cell: string; kind: string }) => `${f.cell}:${f.kind}`;

/** A scoring table: items 1 → 1.1 → 1.1.1, answer options without numbers, a total. */
function scoring(numbers: (string | number)[], points: (number | null)[]) {
  return makeTable(
    'Bảng điểm',
    [
      col('A', 'STT'),
      col('B', 'Tiêu chí'),
      col('1', 'Điểm tối đa', { decimals: 1, type: 'decimal' }),
    ],
    [
      ...numbers.map((n, i) =>
        row('detail', n === '' ? null : n, `Tiêu chí ${String(n) || 'lựa chọn'}`, points[i]),
      ),
      row('total', 'Tổng cộng', null, points[points.length - 1]),
    ].slice(0, numbers.length + 1),
  );
}

describe('item numbers in levels', () => {
  it('checks each item against the sum of its numbered sub-items, never the answer options', () => {
    const t = scoring(
      [1, '1.1', '1.1.1', '', '', '1.1.2', '1.2', 2, '2.1'],
      [5, 3, 2, 2, 0, 1, 2, 4, 4, 9],
    );
    expect(checkTable(t)).toEqual([]);
    t.rows[1].cells[2] = 4; // 1.1 = 4, but 1.1.1 + 1.1.2 = 3
    const findings = checkTable(t);
    expect(findings.map((f) => f.message)).toEqual([
      'Mục «1 Tiêu chí 1» cột 1 phải bằng tổng các mục con 1.1, 1.2 = 6,0; đang ghi 5,0 (lệch −1,0; có thể gõ nhầm một chữ số)',
      'Mục «1.1 Tiêu chí 1.1» cột 1 phải bằng tổng các mục con 1.1.1, 1.1.2 = 3,0; đang ghi 4,0 (lệch +1,0; có thể gõ nhầm một chữ số)',
    ]);
  });

  it('reads a mistyped number as the sequence calls for, and says so', () => {
    // "1.3.1" written under 1.2 (copied from the item below), and "2.11" for 2.1.1.
    const t = scoring(
      [1, '1.1', '1.2', '1.3.1', '1.3.2', '1.3', '1.3.1', 2, '2.1', '2.11'],
      [6, 1, 2, 1, 1, 3, 3, 2, 2, 2, 8],
    );
    const findings = checkTable(t);
    // Three slips among ten item numbers: too many to be sure the scheme is read right, so
    // "Cần xem"; the real scoring tables (one or two slips among a hundred) give warnings.
    expect(findings.map((f) => `${f.cell} ${f.severity}`)).toEqual([
      'A13 review',
      'A14 review',
      'A19 review',
    ]);
    expect(findings[0].message).toBe(
      'Số thứ tự «1.3.1» không theo thứ tự (dòng này đứng sau mục 1.2): có lẽ là «1.2.1». Khi kiểm tra tổng, Biểu tính dòng này là mục 1.2.1.',
    );
    expect(findings[2].message).toContain('«2.11» có lẽ là «2.1.1»');
    // Fixing the number in its cell ends the warning.
    const session = new CheckSession(t);
    session.recheckCells([{ row: 9, col: 0, value: '2.1.1' }]);
    expect(session.findings().map((f) => f.cell)).toEqual(['A13', 'A14']);
  });

  it('says where a number was used before', () => {
    const t = scoring([1, '1.1', '1.1', '1.3'], [3, 1, 1, 1, 3]);
    const [f] = checkTable(t);
    expect(f.message).toBe(
      'Số thứ tự «1.1» đã dùng ở ô A11; theo thứ tự, dòng này là mục «1.2». Khi kiểm tra tổng, Biểu tính dòng này là mục 1.2.',
    );
  });

  it('adds only the top items into the total', () => {
    const t = scoring([1, '1.1', '1.2', 2, '2.1'], [3, 1, 2, 4, 4, 7]);
    expect(checkTable(t)).toEqual([]);
    t.rows[5].cells[2] = 14;
    expect(checkTable(t)[0].message).toBe(
      'Dòng tổng «Tổng cộng» cột 1 phải bằng tổng các mục cấp trên cùng = 7,0; đang ghi 14,0 (lệch +7,0)',
    );
  });
});

describe('markers in labels', () => {
  it('reads the markers of Vietnamese lists', () => {
    const types = [
      'PHẦN I- SẢN LƯỢNG',
      'A. DỊCH VỤ',
      'I. SẢN LƯỢNG',
      'I.1. Bưu chính',
      '1 Dịch vụ bưu phẩm',
      '2. Bưu kiện',
      '1.2.Củ năng',
      'a- Bán thẻ',
      'b) Thiết bị',
      '- Tem thư',
      '  + EMS nội tỉnh',
      '* Khu vực dịch vụ',
      'Xã An Phú',
      'X. An Phú',
      'TT. Tân Lập',
      'Phường 3',
    ].map((l) => markerOfLabel(l)?.type ?? null);
    expect(types).toEqual([
      'part',
      'upper',
      'roman',
      'roman.1',
      'num.1',
      'num.1',
      'num.2',
      'lower',
      'lower',
      'dash',
      'plus',
      'star',
      null,
      null,
      null,
      null,
    ]);
    expect(ofWhichOf('Trong đó: Bưu phẩm KT1')).toBe('inline');
    expect(ofWhichOf('- Trong đó: Lúa Đông xuân')).toBe('inline');
    expect(ofWhichOf('     Trong đó:')).toBe('bare');
    expect(ofWhichOf('Trồng trọt')).toBeNull();
  });

  /** A report of services in levels, its "Trong đó" rows, a "Cộng" row and its own block. */
  function services(values: number[]) {
    const labels = [
      'I.1. Bưu chính',
      '1. Dịch vụ bưu phẩm',
      '- Tem thư',
      '  Trong đó: Bưu phẩm quốc tế',
      '- Bưu phẩm bảo đảm',
      '2. Bưu kiện',
      '3. Ủy thác',
      '- Ủy thác nội tỉnh',
      'CỘNG I.1',
      '     Trong đó:',
      '    - Chịu thuế',
      '    - Không chịu thuế',
      'I.2. Tài chính',
      '1. Chuyển tiền',
      '2. Thu hộ',
      'CỘNG I.2',
    ];
    return makeTable(
      'Biểu 02',
      [col('A', 'Chỉ tiêu'), col('1', 'Doanh thu')],
      labels.map((l, i) => row(l.startsWith('CỘNG') ? 'subtotal' : 'detail', l, values[i])),
    );
  }

  it('adds only the top items of a group, never sub-items or "Trong đó" rows', () => {
    const t = services([0, 30, 10, 4, 20, 50, 0, 7, 87, 80, 60, 20, 0, 5, 6, 11]);
    expect(checkTable(t)).toEqual([]);
    const outline = buildOutline(t);
    expect([...outline.part].map((p, r) => (p ? r : -1)).filter((r) => r >= 0)).toEqual([
      3, 9, 10, 11,
    ]);
    expect(outline.whole[3]).toBe(2);
    expect(outline.whole[10]).toBe(8); // the block's rows are parts of "CỘNG I.1"
  });

  it('reports a "Trong đó" row larger than its row, and parts larger than their row together', () => {
    const t = services([0, 30, 0, 4, 20, 50, 0, 7, 87, 80, 60, 30, 0, 5, 6, 11]);
    const findings = checkTable(t);
    expect(findings.map((f) => `${key(f)} ${f.severity}`)).toEqual([
      'B13:column-total error', // "Trong đó: Bưu phẩm quốc tế" 4 > "- Tem thư" 0
      'B18:column-total error', // "- Chịu thuế" + "- Không chịu thuế" 90 > CỘNG I.1 87
    ]);
    expect(findings[0].message).toBe(
      'Dòng «Trong đó: Bưu phẩm quốc tế» cột 1 không được lớn hơn dòng «- Tem thư» = 0; đang ghi 4 (vượt 4)',
    );
    expect(findings[1].message).toBe(
      'Dòng «CỘNG I.1» cột 1 phải ít nhất bằng tổng 2 dòng «Trong đó» của nó = 90; đang ghi 87 (thiếu 3)',
    );
  });

  it('leaves a list in one marker flat', () => {
    const t = makeTable(
      'Xã',
      [col('A', 'Đơn vị'), col('1', 'Dân số')],
      [
        row('detail', 'X. An Phú', 10),
        row('detail', 'P. 3', 20),
        row('detail', 'Thị trấn Tân Lập', 30),
        row('total', 'Toàn huyện', 60),
      ],
    );
    expect(checkTable(t)).toEqual([]);
  });
});

describe('facts about rows', () => {
  it('reports a unit code used twice, with the free code the sequence calls for', () => {
    const t = makeTable(
      'PL 01',
      [col('A', 'Mã CS'), col('B', 'Tên CSKCB'), col('1', 'Dự kiến chi')],
      [
        row('detail', 10003, 'BVĐK Bảo Thắng', 1),
        row('detail', 10004, 'BVĐK Bảo Yên', 2),
        row('detail', 10004, 'BVĐK Bắc Hà', 3),
        row('detail', 10006, 'BVĐK Mường Khương', 4),
        row('detail', 10007, 'BVĐK Bát Xát', 5),
        row('detail', 10008, 'BVĐK Văn Bàn', 6),
        row('detail', 10009, 'BVĐK Sa Pa', 7),
        row('detail', 10010, 'Bệnh viện YHCT', 8),
        row('detail', 10013, 'Bệnh viện PHCN', 9),
        row('detail', 10021, 'BVĐK Si Ma Cai', 10),
        // The total adds the rows below it too (a total placed above its members).
        row('total', null, 'Toàn tỉnh', 57),
        row('detail', 10004, 'BVĐK Bảo Yên', 2),
      ],
    );
    const findings = checkTable(t);
    // The unit listed again below the total is a comparison row, not a second unit.
    expect(findings.map((f) => `${key(f)} ${f.severity}`)).toEqual(['A12:duplicate-code warning']);
    expect(findings[0].message).toBe(
      'Mã «10004» đã dùng ở ô A11 («BVĐK Bảo Yên»): mỗi đơn vị phải có một mã riêng; theo thứ tự các mã, có lẽ là «10005»',
    );
  });

  it('does not take a column of shared codes (region of each facility) for identities', () => {
    const t = makeTable(
      'B21',
      [col('A', 'Mã vùng'), col('B', 'Cơ sở'), col('1', 'Lượt')],
      ['01', '01', '02', '01', '02', '02'].map((v, i) => row('detail', v, `Trạm ${i}`, i)),
    );
    expect(checkTable(t)).toEqual([]);
  });

  it('reports a yearly figure a thousand times its neighbour, not the years that follow', () => {
    const year = (y: number) => col(String(y - 2013), `TH ${y}`, { headerPath: ['Tỷ đồng'] });
    const t = makeTable(
      'KTXH',
      [col('A', 'Chỉ tiêu'), year(2015), year(2016), year(2017), year(2018), year(2019)],
      [
        row('detail', 'Nông nghiệp', 12.7, 1123413.8, 410622, 970645, 14.1),
        row('detail', 'Sầu riêng', 3588, 2806, 2.3, 2494, 2600),
        row('detail', 'Thủy sản', 0.01, 0.2, 20.7, 0, 0.3),
      ],
    );
    const findings = checkTable(t);
    expect(findings.map((f) => `${key(f)} ${f.severity}`)).toEqual([
      'C11:magnitude warning',
      'D12:magnitude warning',
    ]);
    expect(findings[0].message).toBe(
      'Ô C11 («TH 2016») = 1.123.413,8 gấp khoảng 88.000 lần ô B11 («TH 2015») = 12,7: có thể ghi nhầm đơn vị tính',
    );
  });
});

describe('columns a total does not add', () => {
  it('never adds a table of averages', () => {
    const t = makeTable(
      'B04',
      [col('A', 'Tỉnh'), col('1', 'Chi lần KCB'), col('2', 'KV')],
      [
        row('total', 'Toàn quốc', 856072, null),
        row('detail', 'Hà Giang', 940208, 1),
        row('detail', 'Cao Bằng', 542620, 1),
      ],
    );
    t.title = 'B04. Thống kê chi bình quân (tháng)';
    expect(checkTable(t)).toEqual([]);
    // Not averages: the stated national figure is checked; the blank one states nothing.
    t.title = 'B02. Thống kê KCB (tháng)';
    expect(checkTable(t).map(key)).toEqual(['B10:column-total']);
  });

  it('does not add or bound a column of codes read as figures', () => {
    const t = makeTable(
      'Tổng hợp',
      [col('A', 'STT'), col('1', ''), col('B', 'Chỉ tiêu'), col('2', 'TH 2019')],
      [
        row('detail', 'I', 'I', 'Chỉ tiêu kinh tế', null),
        row('detail', 5, 3029, 'Diện tích gieo trồng', 100),
        row('detail', null, 3077, '- Trong đó: Lúa Đông xuân', 60),
        row('detail', 6, 3030, 'Giá trị trên 1 ha', 80),
        row('detail', 7, 3031, 'Thu nhập', 70),
        row('detail', 8, 3032, 'Bán lẻ', 50),
      ],
    );
    expect(checkTable(t)).toEqual([]);
    t.rows[2].cells[3] = 160;
    expect(checkTable(t).map(key)).toEqual(['D12:column-total']);
  });
});

describe('cells whose value is not known', () => {
  const table = () =>
    makeTable(
      'Biểu',
      [col('A', 'Đơn vị'), col('1', 'Tổng', { formula: '2+3' }), col('2', 'Nam'), col('3', 'Nữ')],
      [
        row('detail', 'Xã A', 10, 4, 6),
        row('detail', 'Xã B', 20, null, 12),
        row('total', 'Toàn huyện', 30, 12, 18),
      ],
    );

  it('evaluates no rule that reads one, until a value is written into it', () => {
    const t = table();
    // Read as 0, the blank makes Xã B's total and the district's Nam column look wrong.
    expect(checkTable(t).map(key)).toEqual(['B11:row-formula', 'C12:column-total']);
    const session = new CheckSession(t, { unevaluated: [{ row: 1, col: 2 }] });
    expect(session.findings()).toEqual([]);
    expect(session.isUnevaluated(1, 2)).toBe(true);
    session.recheckCells([{ row: 1, col: 2, value: 9 }]);
    expect(session.isUnevaluated(1, 2)).toBe(false);
    expect(session.findings().map(key)).toEqual(['B11:row-formula', 'C12:column-total']);
    session.recheckCells([{ row: 1, col: 2, value: 8 }]);
    expect(session.findings()).toEqual([]);
  });

  it('is not compared across tables either', () => {
    const a = table();
    const b = table();
    b.name = 'Biểu 2';
    b.rows[1].cells[2] = 8;
    const links = [{ from: { table: 'Biểu', column: '2' }, to: { table: 'Biểu 2', column: '2' } }];
    const unevaluated = (t: { name: string }) =>
      t.name === 'Biểu' ? { unevaluated: [{ row: 1, col: 2 }] } : {};
    const findings = checkDocument([a, b], links, { tableOptions: (t) => unevaluated(t) });
    expect(findings.filter((f) => f.kind === 'cross-table')).toEqual([]);
  });
});
