/**
 * Every kind of finding in one document, as a caller sees them: each kind present, ids unique,
 * each finding naming its cells, the figures filled exactly when something was compared, and the
 * order stable (table problems, then cells by row and column, then the rules across tables).
 */
import { describe, expect, it } from 'vitest';
import { checkDocument } from '../../shared/checks/document';
import { FINDING_KINDS, type Finding } from '../../shared/checks/finding';
import { col, makeTable, row } from './checks-tables';

function report(): Finding[] {
  const people = makeTable(
    'Biểu 1',
    [
      col('A', 'Đơn vị'),
      col('1', 'Tổng số', { formula: '2+3' }),
      col('2', 'Nam', { headerPath: ['Chia ra'] }),
      col('3', 'Nữ', { headerPath: ['Chia ra'] }),
      col('4', 'Lao động'),
      col('5', 'Trong đó: nữ'),
      col('6', 'Tỷ lệ nữ (%)', { type: 'percent', decimals: 2, formula: '5/4*100' }),
      col('7', 'Số hộ', { formula: '4+' }), // a formula that does not parse
      col('8', 'Tỷ lệ hộ dùng nước sạch (tối thiểu 70%)', { type: 'percent', decimals: 1 }),
      col('B', 'Đánh giá'),
    ],
    [
      row('detail', 'Xã An Phú', 7384, 3652, 3696, 50, 20, 40, 10, 72.5, 'Đạt'), // row formula: 7348
      row('detail', 'Xã Bình Minh', 100, 40, 60, 9, 8, 88.88, 10, 65, 'Đạt'), // truncated rate; threshold
      row('detail', 'Xã Hòa Lạc', 100, 40, 60, 30, 'khoảng 10', null, 10, 75, 'Đạt'), // not a number
      row('detail', 'Xã Đông Sơn', 100, 40, 60, 30, 31, 103.33, 10, 80, 'Đạt'), // part above its total
      row('total', 'Toàn huyện', 7684, 3772, 3876, 119, 60, 50.42, 41, null, null),
    ],
  );
  const other = makeTable(
    'Biểu 2',
    [col('A', 'Xã'), col('1', 'Số hộ'), col('2', 'Lao động')],
    [
      row('detail', 'X. An Phú', 10, 50),
      row('detail', 'Bình Minh', 10, 9),
      row('detail', 'Hoà Lạc', 10, 30),
      row('detail', 'Đông Sơn', 10, 30),
      row('total', 'Tổng cộng', 40, 119),
    ],
  );
  // Facts about rows, an error value, and a formula Biểu found in the figures.
  const facts = makeTable(
    'Biểu 3',
    [
      col('A', 'STT'),
      col('B', 'Mã đơn vị'),
      col('C', 'Chỉ tiêu'),
      col('1', 'TH 2015', { decimals: 1, type: 'decimal' }),
      col('2', 'TH 2016', { decimals: 1, type: 'decimal' }),
      col('3', 'Cộng hai năm', {
        decimals: 1,
        type: 'decimal',
        formula: '1+2',
        formulaBasis: 'inferred',
      }),
    ],
    [
      row('detail', '1', '101', 'Nông nghiệp', 12.7, 1123413.8, 1123426.5), // ×1.000 slip
      row('detail', '1.1', '102', 'Trồng trọt', 8.5, 9.1, 17.6),
      row('detail', '1.2', '103', 'Chăn nuôi', 4.2, 4.4, 8.6),
      row('detail', '2', '104', 'Công nghiệp', 20.1, 21.3, 41.4),
      row('detail', '2.1', '104', 'Khai khoáng', 5.2, 5.5, 10.7), // code used twice
      row('detail', '2.1', '106', 'Chế biến', 14.9, 15.8, 30.7), // item number used twice
      row('detail', '3', '107', 'Dịch vụ', 30.2, 31.0, 61.2),
      row('detail', '3.1', '108', 'Thương mại', 10.1, 10.9, 19.0), // 21,0: the formula fails
      row('detail', '3.2', '109', 'Vận tải', 20.1, '#REF!', 20.1), // an error value
    ],
  );
  return checkDocument(
    [people, other, facts],
    [{ from: { table: 'B2', column: '1' }, to: { table: 'B1', column: '7' } }],
    { userRules: [{ text: 'B1.4 = B2.2' }, { text: 'B1.7 = B9.1' }] },
  );
}

describe('every kind of finding', () => {
  const findings = report();

  it('each kind is reported', () => {
    const kinds = new Set(findings.map((f) => f.kind));
    // 'text' is about the sentences of a Word report, not a table (report-text's own tests).
    for (const kind of FINDING_KINDS.filter((k) => k !== 'text'))
      expect(kinds.has(kind), kind).toBe(true);
  });

  it('ids are unique and say table, kind and cell', () => {
    const ids = findings.map((f) => f.id);
    expect(new Set(ids).size).toBe(ids.length);
    for (const f of findings) if (f.cell) expect(f.id).toBe(`${f.table}:${f.kind}:${f.cell}`);
  });

  it('figures are given exactly when something was compared', () => {
    for (const f of findings) {
      const compared = f.expected !== null;
      expect(f.actual !== null, f.id).toBe(compared);
      expect(f.difference !== null, f.id).toBe(compared);
      if (compared) expect(f.cells[0], f.id).toBe(f.cell);
      expect(f.message.length, f.id).toBeGreaterThan(10);
    }
  });

  it('lists them in a stable order', () => {
    expect(findings.map((f) => `${f.table}!${f.cell}:${f.kind}`)).toEqual([
      'Biểu 1!H10:row-formula', // "7=4+" on the code row: a problem of the table
      'Biểu 1!B11:row-formula', // 7.384 for 7.348
      'Biểu 1!G12:ratio', // 88,88 for 8/9
      'Biểu 1!J12:threshold', // 65 is not "Đạt" against at least 70
      'Biểu 1!F13:not-a-number',
      'Biểu 1!F14:header-sum', // "Trong đó: nữ" 31 of 30
      'Biểu 1!B15:row-formula', // the total row carries the slip of B11
      'Biểu 1!H15:column-total',
      'Biểu 3!E10:magnitude', // 1.123.413,8 after 12,7: another unit
      'Biểu 3!B14:duplicate-code', // 104 twice
      'Biểu 3!A15:numbering', // "2.1" twice
      'Biểu 3!F16:column-total', // item 3 against its sub-items, which carry the slips below
      'Biểu 3!F17:inferred', // 19,0 where 10,1 + 10,9 = 21,0
      'Biểu 3!E18:error-value', // #REF!
      '!:user-rule', // a rule naming a table the document lacks: a problem of the document
      'Biểu 1!H15:cross-table', // the link to Biểu 2 blames the side whose own total is off
    ]);
  });
});
