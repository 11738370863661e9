/**
 * A paragraph is cut where a sentence ends and the next begins with a capital or a figure, never
 * inside a figure written the Vietnamese way. The checks on the sentences are tested in
 * test/unit/report-text.test.ts.
 */
import { describe, expect, it } from 'vitest';
import { sentencesOf } from '../../../../shared/report-text/sentences';

describe('sentencesOf', () => {
  it('cuts at . ! ? … before a capital, a figure or an opening quote, numbering by paragraph', () => {
    const text =
      'Toàn xã có 1.380 hộ. Trong đó 130 hộ nghèo! Tỷ lệ 9,42%? 2024 là năm đầu… "Thôn 1" dẫn đầu.';
    expect(sentencesOf(text, 4)).toEqual([
      { paragraph: 4, text: 'Toàn xã có 1.380 hộ.' },
      { paragraph: 4, text: 'Trong đó 130 hộ nghèo!' },
      { paragraph: 4, text: 'Tỷ lệ 9,42%?' },
      { paragraph: 4, text: '2024 là năm đầu…' },
      { paragraph: 4, text: '"Thôn 1" dẫn đầu.' },
    ]);
  });

  it('does not cut inside a figure, before a small letter, or at an abbreviation mid-sentence', () => {
    expect(sentencesOf('Tổng thu 791.232.965 đồng. tiếp theo TP. hồ', 1)).toEqual([
      { paragraph: 1, text: 'Tổng thu 791.232.965 đồng. tiếp theo TP. hồ' },
    ]);
    expect(sentencesOf('   ', 2)).toEqual([]);
  });
});
