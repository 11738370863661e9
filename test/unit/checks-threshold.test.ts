/** Thresholds of indicator tables: the stated result against value and target. */
import { describe, expect, it } from 'vitest';
import { checkTable, CheckSession } from '../../shared/checks/engine';
import { parseThreshold, resultOf } from '../../shared/checks/kinds/threshold';
import { col, makeTable, row } from './checks-tables';

const at = (f: { cell: string; kind: string }) => `${f.cell}:${f.kind}`;

describe('reading thresholds and results', () => {
  it('reads a threshold in words or signs', () => {
    expect(parseThreshold('Tỷ lệ hộ dùng nước sạch (tối thiểu 70%)')).toEqual({
      value: 70,
      direction: 'at-least',
    });
    expect(parseThreshold('≥ 95%')).toEqual({ value: 95, direction: 'at-least' });
    expect(parseThreshold('>=12,5')).toEqual({ value: 12.5, direction: 'at-least' });
    expect(parseThreshold('Từ 80% trở lên')).toEqual({ value: 80, direction: 'at-least' });
    expect(parseThreshold('TỐI ĐA 5%')).toEqual({ value: 5, direction: 'at-most' });
    expect(parseThreshold('Không quá 3')).toEqual({ value: 3, direction: 'at-most' });
    expect(parseThreshold('≤ 2,5%')).toEqual({ value: 2.5, direction: 'at-most' });
    // Age bands are not thresholds.
    expect(parseThreshold('Từ 7 đến 17 tuổi')).toBeNull();
    expect(parseThreshold('Dưới 7 tuổi')).toBeNull();
    expect(parseThreshold('Tổng số')).toBeNull();
  });

  it('reads results', () => {
    for (const v of ['Đạt', 'đạt', 'ĐẠT', 'Vượt', 'Hoàn thành', 'Đạt.', 'Đạt (vượt 2%)'])
      expect(resultOf(v), v).toBe('met');
    for (const v of ['Chưa đạt', 'Không đạt', 'CHƯA ĐẠT', 'Chưa hoàn thành'])
      expect(resultOf(v), v).toBe('not-met');
    for (const v of ['Lộc Ninh', '', 'Đang thực hiện', 12])
      expect(resultOf(v), String(v)).toBeNull();
  });
});

describe('a result that contradicts the numbers', () => {
  it('a threshold in the value column’s header', () => {
    const t = makeTable(
      'Chỉ tiêu',
      [
        col('A', 'Xã'),
        col('1', 'Tỷ lệ hộ dùng nước sạch (tối thiểu 70%)', { type: 'percent', decimals: 1 }),
        col('B', 'Đánh giá'),
      ],
      [
        row('detail', 'Xã An Phú', 72.5, 'Đạt'),
        row('detail', 'Xã Bình Minh', 65.2, 'Đạt'),
        row('detail', 'Xã Hòa Lạc', 70, 'Đạt'),
        row('detail', 'Xã Vĩnh Thành', 81, 'Chưa đạt'),
        row('detail', 'Xã Đông Sơn', 40, 'Chưa đạt'),
        row('detail', 'Xã Tân Lập', 55, null),
      ],
    );
    const findings = checkTable(t);
    expect(findings.map(at)).toEqual(['C11:threshold', 'C13:threshold']);
    expect(findings[0]).toMatchObject({
      severity: 'error',
      cause: null,
      cells: ['C11', 'B11'],
      expected: 70,
      actual: 65.2,
      difference: -4.8,
      suggestion: null,
      message: 'Kết quả ghi «Đạt» nhưng cột 1 = 65,2 chưa đạt chỉ tiêu ≥ 70,0 (thiếu 4,8)',
    });
    expect(findings[1].message).toBe(
      'Kết quả ghi «Chưa đạt» nhưng cột 1 = 81,0 đã đạt chỉ tiêu ≥ 70,0',
    );
  });

  it('a target column with figures, or with thresholds written per row', () => {
    const t = makeTable(
      'Kết quả thực hiện',
      [
        col('A', 'STT'),
        col('B', 'Chỉ tiêu'),
        col('C', 'Kế hoạch'),
        col('1', 'Thực hiện', { type: 'decimal', decimals: 1 }),
        col('D', 'Đánh giá'),
      ],
      [
        row('detail', 1, 'Tỷ lệ trẻ em đến trường', '≥ 95%', 97.2, 'Đạt'),
        row('detail', 2, 'Tỷ lệ hộ nghèo', 'Tối đa 5%', 6.1, 'Đạt'),
        row('detail', 3, 'Số xã đạt chuẩn nông thôn mới', '12', 12, 'Chưa đạt'),
        row('detail', 4, 'Tỷ lệ che phủ rừng', '≥ 45%', 44.9, 'Chưa đạt'),
      ],
    );
    expect(checkTable(t).map((f) => [f.cell, f.message])).toEqual([
      ['E11', 'Kết quả ghi «Đạt» nhưng cột 1 = 6,1 chưa đạt chỉ tiêu ≤ 5,0 (vượt 1,1)'],
      ['E12', 'Kết quả ghi «Chưa đạt» nhưng cột 1 = 12,0 đã đạt chỉ tiêu ≥ 12,0'],
    ]);
  });

  it('is re-checked when the result or the value changes', () => {
    const t = makeTable(
      'T',
      [
        col('A', 'Xã'),
        col('1', 'Tỷ lệ (≥ 70%)', { type: 'percent', decimals: 1 }),
        col('B', 'Kết quả'),
      ],
      [row('detail', 'Xã 1', 65, 'Chưa đạt')],
    );
    const session = new CheckSession(t);
    expect(session.findings()).toEqual([]);
    expect(session.recheckCells([{ row: 0, col: 2, value: 'Đạt' }]).map((f) => f.message)).toEqual([
      'Kết quả ghi «Đạt» nhưng cột 1 = 65,0 chưa đạt chỉ tiêu ≥ 70,0 (thiếu 5,0)',
    ]);
    expect(session.recheckCells([{ row: 0, col: 1, value: 71 }])).toEqual([]);
  });

  it('assumes nothing without a result column, and reads no names as results', () => {
    const counts = makeTable(
      'Đạt/Chưa đạt theo nhóm',
      [col('A', 'Xã'), col('1', 'Đạt', { headerPath: ['Nhóm I (≥ 70%)'] }), col('2', 'Chưa đạt')],
      [row('detail', 'Xã 1', 5, 10)],
    );
    expect(checkTable(counts)).toEqual([]);
  });
});
