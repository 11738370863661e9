/**
 * A figure stated inside a phrase of arithmetic ("45/50 hộ, đạt 92%", "đạt 95% (giao 90%, vượt
 * 6%)") is marked where it stands — the last of equal figures in the phrase, not the first — with
 * the whole phrase highlighted. The planted slips of whole reports are tested in
 * test/unit/report-text.test.ts.
 */
import { describe, expect, it } from 'vitest';
import { checkReportText } from '../../../../shared/report-text/check-report-text';

const marked = (sentence: string, span: { start: number; end: number }) =>
  sentence.slice(span.start, span.end);

describe('phrase findings', () => {
  it('marks a rate that is not X / Y × 100, and highlights the whole phrase', () => {
    const text = 'Có 92/100 hộ được kiểm tra, đạt 92,5%.';
    const [f] = checkReportText([text]);
    expect(f).toMatchObject({
      paragraph: 1,
      expected: 92,
      actual: 92.5,
      id: `text:1:${text.indexOf('92,5')}`,
    });
    expect(f.message).toBe('Đoạn 1: 92 / 100 × 100 = 92,0, câu văn ghi 92,5 (lệch +0,5).');
    expect(f.figures.map((s) => marked(text, s))).toEqual(['92/100 hộ được kiểm tra, đạt 92,5%']);
  });

  it('marks the excess over the plan where it stands, after an equal figure in the phrase', () => {
    const text = 'Tỷ lệ thu đạt 96% (giao 90%, vượt 90%).';
    const [f] = checkReportText([text]);
    expect(f).toMatchObject({ expected: 6, actual: 90, id: `text:1:${text.lastIndexOf('90')}` });
    expect(f.message).toContain('96% − 90% = 6');
    expect(f.figures.map((s) => marked(text, s))).toEqual(['đạt 96% (giao 90%, vượt 90%']);
  });

  it('reads a shortfall the other way round: the plan less what was reached', () => {
    const [f] = checkReportText(['Tỷ lệ đạt 85% (giao 90%, thấp hơn 4%).']);
    expect(f).toMatchObject({ expected: 5, actual: 4 });
    expect(f.message).toContain('90% − 85% = 5');
    expect(checkReportText(['Tỷ lệ đạt 85% (giao 90%, thấp hơn 5%).'])).toEqual([]);
  });
});
