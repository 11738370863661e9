/**
 * What an Excel number format says about a cell, as the importer reads it: the decimals shown,
 * a percentage, a date — and a date written the way its format shows it. Whole workbooks are read
 * in test/unit/import-xlsx.test.ts and test/unit/import-reader.test.ts.
 */
import { describe, expect, it } from 'vitest';
import {
  formatDate,
  formatDecimals,
  isDateFormat,
  isPercentFormat,
} from '../../../../shared/import/number-format';

describe('number formats', () => {
  it('reads the decimals a format shows, none for General, text or a date', () => {
    expect(formatDecimals('#,##0')).toBe(0);
    expect(formatDecimals('0.00')).toBe(2);
    expect(formatDecimals('0.0%')).toBe(1);
    expect(formatDecimals('#,##0.0#')).toBe(2);
    expect(formatDecimals('[Red]#,##0.000;-#,##0.000')).toBe(3);
    expect(formatDecimals('"Tổng: "0.0')).toBe(1);
    for (const f of [undefined, 'General', '@', 'dd/mm/yyyy']) expect(formatDecimals(f)).toBeNull();
  });

  it('tells a percentage and a date from a figure, ignoring quoted text and colours', () => {
    expect(isPercentFormat('0.0%')).toBe(true);
    expect(isPercentFormat('0.0"%"')).toBe(false);
    expect(isDateFormat('dd/mm/yyyy')).toBe(true);
    expect(isDateFormat('[$-42A]d mmmm yyyy')).toBe(true);
    expect(isDateFormat('h:mm')).toBe(true);
    expect(isDateFormat('#,##0 "ngày"')).toBe(false);
    expect(isDateFormat('[Red]0.00')).toBe(false);
  });

  it('writes a date as its format shows it, m as minutes beside hours, d/m/yyyy by default', () => {
    const d = new Date(Date.UTC(2024, 8, 5, 14, 7, 3));
    expect(formatDate(d, 'dd/mm/yyyy')).toBe('05/09/2024');
    expect(formatDate(d, 'd/m/yy h:mm')).toBe('5/9/24 14:07');
    expect(formatDate(d, 'mmmm yyyy')).toBe('tháng 9 2024');
    expect(formatDate(d, 'hh:mm:ss AM/PM')).toBe('14:07:03 CH');
    expect(formatDate(d, 'General')).toBe('5/9/2024');
    expect(formatDate(new Date(Number.NaN), 'dd/mm/yyyy')).toBe('');
  });
});
