/**
 * The figures of a report's sentence, read the Vietnamese way with their unit — and the numbers
 * that are labels (document numbers, dates, years, periods, ages, item numbers), which no check
 * may read. The checks built on them are tested in test/unit/report-text.test.ts.
 */
import { describe, expect, it } from 'vitest';
import { figuresIn } from '../../../../shared/report-text/figures';

const read = (s: string) => figuresIn(s).map((f) => [f.value, f.decimals, f.unit]);

describe('figuresIn', () => {
  it('reads thousands with dots, decimals with a comma, and the unit after the figure', () => {
    expect(read('Thu 16.342,932 triệu đồng từ 1.380 hộ, đạt 62,52% kế hoạch')).toEqual([
      [16342.932, 3, 'triệu đồng'],
      [1380, 0, 'hộ'],
      [62.52, 2, '%'],
    ]);
    const [f] = figuresIn('có 791.232.965 đồng');
    expect(f).toMatchObject({ text: '791.232.965', start: 3, end: 14, percent: false });
    expect(figuresIn('tăng 5 %')[0]).toMatchObject({ value: 5, percent: true });
  });

  it('leaves out document numbers, dates, years, periods, ages, ranks, times and item numbers', () => {
    expect(
      read(
        '1. Theo Công văn số 1522/BGDĐT ngày 10/4/2023, năm 2023 giai đoạn 2021-2025 trẻ 6-10 tuổi lần thứ 4 lúc 14 giờ',
      ),
    ).toEqual([]);
  });

  it('does not take a word that merely starts like a unit ("hội" is not "hộ")', () => {
    expect(read('có 12 hội viên')).toEqual([[12, 0, '']]);
  });
});
