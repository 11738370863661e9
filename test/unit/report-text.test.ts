/**
 * The figures in a report's sentences (shared/report-text): every planted slip is found, with its
 * paragraph, sentence and difference; a consistent report and ordinary sentences full of numbers
 * that are not arithmetic (decision numbers, dates, periods, ages, ranks) give nothing.
 */
import { describe, expect, it } from 'vitest';
import { checkReportText } from '../../shared/report-text/check-report-text';
import { CHANGES_RIGHT, CHANGES_SLIPS, CONSISTENT, SLIPS } from './report-sentences';

/** Sentences full of numbers with no arithmetic in them. */
const ORDINARY = [
  'Thực hiện Công văn số 1522/BGDĐT-TCCB ngày 10/4/2023 của Bộ Giáo dục và Đào tạo về việc triển khai kế hoạch giai đoạn 2021-2025.',
  'Trẻ em từ 6-10 tuổi được khám sức khỏe lần thứ 4 trong năm 2023 tại 12 điểm trường (3 điểm chính, 9 điểm lẻ).',
  'Hội nghị lần thứ 2 Ban Chấp hành khóa XIII diễn ra ngày 15 tháng 3 năm 2024, lúc 8 giờ 30 phút.',
  'Quyết định số 45/2023/QĐ-UBND ngày 20/12/2023 phân bổ 1.500 triệu đồng (bằng chữ: một tỷ năm trăm triệu đồng).',
  'Toàn huyện có 15 xã, thị trấn; trong đó 3 xã đạt chuẩn nông thôn mới nâng cao.',
  '1. Kết quả thực hiện các chỉ tiêu năm 2023 so với năm 2022 tăng 5,2%.',
  'Kết quả năm 2023 tăng 5,2% so với năm 2022.',
  'Thu ngân sách đạt 12.500 triệu đồng, tăng 15% so với kế hoạch năm 2023.',
  'Số lớp học tăng 4 lớp so với năm học trước; toàn huyện có 312 lớp.',
];

describe('the arithmetic of a report’s sentences', () => {
  it('finds every planted slip, with its paragraph, sentence and difference', () => {
    const found = checkReportText(SLIPS);
    expect(found.map((f) => [f.paragraph, f.expected, f.actual])).toEqual([
      [1, 20, 21],
      [3, 62.52, 65.52],
      [4, 2.2, 2.4],
      [2, 791_252_965, 791_232_965],
    ]);
    for (const f of found) {
      expect(f.kind).toBe('text');
      expect(f.sentence.length).toBeGreaterThan(10);
      expect(f.message).toMatch(/^Đoạn \d+: .* câu văn ghi .* \(lệch [+−]/);
    }
    expect(found[0].difference).toBe(1);
  });

  it('gives nothing for a consistent report', () => {
    expect(checkReportText(CONSISTENT)).toEqual([]);
  });

  it('raises no false alarm on decision numbers, dates, periods, ages, ranks, money in words', () => {
    expect(checkReportText(ORDINARY)).toEqual([]);
  });

  it('reads a "Trong đó:" list over the list items that follow', () => {
    const found = checkReportText([
      'Tổng số hộ được hỗ trợ là 120 hộ. Trong đó:',
      '- Hộ nghèo: 70 hộ;',
      '- Hộ cận nghèo: 45 hộ.',
    ]);
    expect(found).toHaveLength(1);
    expect(found[0]).toMatchObject({ paragraph: 1, expected: 115, actual: 120 });
  });

  it('checks a change stated with both of its figures: "A, tăng/giảm N so với … (B)"', () => {
    expect(checkReportText(CHANGES_RIGHT)).toEqual([]);
    const found = checkReportText(CHANGES_SLIPS);
    expect(found.map((f) => [f.paragraph, f.expected, f.actual])).toEqual([
      [1, 130, 103],
      [2, 300, 350],
      [3, 6.1, 6.5],
      [4, 0.8, 0.6],
    ]);
    expect(found[0].message).toBe('Đoạn 1: 1.380 − 1.250 = 130, câu văn ghi 103 (lệch −27).');
    // The figures read are the ones highlighted: the figure now, the change, the one before.
    const [first] = found;
    expect(first.figures.map((f) => first.sentence.slice(f.start, f.end))).toEqual([
      '1.250',
      '103',
      '1.380',
    ]);
  });
});
