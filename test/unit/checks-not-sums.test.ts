/**
 * Columns that are not sums, and noise that is not an error (no false alarms): averages, rates, shares, comparisons and ranks are never summed into a total
 * row; floating-point noise in large money figures and in sums of decimals passes.
 */
import { describe, expect, it } from 'vitest';
import { checkTable } from '../../shared/checks/engine';
import { isRateColumn } from '../../shared/checks/table-context';
import { col, makeTable, row } from './checks-tables';

describe('columns that are not sums', () => {
  it('knows averages, ranks, comparisons, shares and densities by their headers', () => {
    const base = { type: 'integer' as const, headerPath: [], formula: null };
    for (const label of [
      'Ngày ĐTBQ',
      'BQ chung',
      'Chi phí BQ/lượt',
      'Chi bình quân',
      'Trung bình',
      'Thứ hạng ↑ chi BQ',
      'Xếp hạng',
      'Hạng',
      'So sánh %',
      'Tỉ trọng (%)',
      'TL nội trú (%)',
      'Mật độ dân số',
    ]) {
      expect(isRateColumn({ ...base, label }), label).toBe(true);
    }
    for (const label of ['Số hộ nghèo BQL', 'Số hạng mục', 'Tổng chi', 'Số lượt KCB', 'Dân số']) {
      expect(isRateColumn({ ...base, label }), label).toBe(false);
    }
  });

  it('a national row of averages, ranks and shares is not the sum of its regions (B04/B26 layout)', () => {
    // "00 Toàn quốc" on top, regional rows V01/V02 before their provinces.
    const t = makeTable(
      'B26',
      [
        col('A', 'Mã'),
        col('B', 'Tỉnh'),
        col('1', 'Số lượt KCB'),
        col('2', 'Chi BQ (đồng)', { type: 'decimal', decimals: 0 }),
        col('3', 'Ngày ĐTBQ', { type: 'decimal', decimals: 2 }),
        col('4', 'Thứ hạng ↑ chi BQ'),
        col('5', 'Tỉ trọng (%)', { type: 'decimal', decimals: 2 }),
        col('6', 'So sánh cùng kỳ', { type: 'decimal', decimals: 2 }),
        col('7', 'Xếp hạng'),
      ],
      [
        row('total', '00', 'Toàn quốc', 600, 512000, 5.9, null, 100, 1.04, null),
        row('subtotal', 'V01', 'Vùng 1', 400, 530000, 6.1, 1, 66.67, 1.05, 1),
        row('detail', '01', 'Hà Nội', 300, 540000, 6.2, 1, 50, 1.06, 1),
        row('detail', '10', 'Lào Cai', 100, 500000, 5.8, 3, 16.67, 1.01, 3),
        row('subtotal', 'V02', 'Vùng 2', 200, 476000, 5.5, 2, 33.33, 1.02, 2),
        row('detail', '31', 'Hải Phòng', 200, 476000, 5.5, 2, 33.33, 1.02, 2),
      ],
    );
    expect(checkTable(t).map((f) => f.message)).toEqual([]);
    t.rows[2].cells[2] = 310; // a count still adds up: Hà Nội's visits now break V01 and nothing else
    expect(checkTable(t).map((f) => `${f.cell}:${f.kind}`)).toEqual(['C11:column-total']);
  });
});

describe('noise that is not an error', () => {
  const money = (decimals: number, total: number, ...parts: number[]) =>
    makeTable(
      'Tiền',
      [col('A', 'Đơn vị'), col('1', 'Tổng chi', { type: 'decimal', decimals })],
      [...parts.map((p, i) => row('detail', `Tỉnh ${i}`, p)), row('total', 'Toàn quốc', total)],
    );

  it('0,03 on 7,5·10^13 đồng passes (1e-9 relative); a million đồng does not', () => {
    const parts = [25_123_456_789_012.37, 24_876_543_210_987.61, 25_000_000_000_000.05];
    const exact = 75_000_000_000_000.03;
    expect(checkTable(money(2, exact + 0.03, ...parts))).toEqual([]);
    expect(checkTable(money(2, exact - 0.02, ...parts))).toEqual([]);
    expect(checkTable(money(2, exact + 1_000_000, ...parts)).map((f) => f.kind)).toEqual([
      'column-total',
    ]);
  });

  it('sums of figures with decimals carry binary noise below 0,005 of a unit; 0,001 is a difference', () => {
    const parts = Array.from({ length: 300 }, (_, i) => 0.1 + i * 0.001);
    const exact = Math.round(parts.reduce((s, p) => s + p * 1000, 0)) / 1000; // 74,85
    expect(checkTable(money(3, exact, ...parts))).toEqual([]);
    const [f] = checkTable(money(3, exact + 0.001, ...parts));
    expect(f).toMatchObject({ kind: 'column-total', difference: 0.001, expected: exact });
  });

  it('integer counts are exact', () => {
    expect(checkTable(money(0, 10, 4, 5)).map((f) => f.difference)).toEqual([1]);
  });
});
