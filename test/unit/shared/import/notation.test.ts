/**
 * A sheet's number notation decided from the strings that read one way only: "6,747,059,000"
 * makes "1,342" one thousand …, "16,70" makes it one and a bit; strings that read the same either
 * way decide nothing, and a sheet with both kinds is a doubt, never a silent guess. Whole sheets
 * are read in test/unit/import-detect.test.ts and test/unit/import-xlsx.test.ts.
 */
import { describe, expect, it } from 'vitest';
import {
  addTallies,
  decideNotation,
  emptyTally,
  tallyString,
} from '../../../../shared/import/notation';

function tally(...texts: string[]) {
  const t = emptyTally();
  for (const s of texts) tallyString(t, s);
  return t;
}

describe('the notation of a sheet', () => {
  it('counts each string by the ways it reads, keeping the first example of each', () => {
    const t = tally('6,747,059,000', '1.234,5', '16,70', '1,342', '2.133', '860531', 'Xã A');
    expect(t).toEqual({
      viOnly: 2,
      enOnly: 1,
      ambiguous: 2,
      viExample: '1.234,5',
      enExample: '6,747,059,000',
      ambiguousExample: '1,342',
    });
  });

  it('lets one-way strings decide, the larger side winning with a doubt, else the locale', () => {
    expect(decideNotation(tally('6,747,059,000', '1,342'), 'vi')).toEqual({
      convention: 'en',
      by: 'evidence',
      conflict: false,
    });
    expect(decideNotation(tally('16,70', '1,342'), 'en')).toMatchObject({ convention: 'vi' });
    expect(decideNotation(tally('1,342', '860531'), 'vi')).toEqual({
      convention: 'vi',
      by: 'locale',
      conflict: false,
    });
    const both = tally('6,747,059,000', '1.234,5', '16,70');
    expect(decideNotation(both, 'en')).toEqual({
      convention: 'vi',
      by: 'evidence',
      conflict: true,
    });
    expect(decideNotation(tally('6,747,059,000', '16,70'), 'en').convention).toBe('en');
  });

  it('adds the tallies of several sheets, the first examples kept', () => {
    const into = tally('1,342');
    addTallies(into, tally('6,747,059,000', '2.133'));
    expect(into).toMatchObject({ enOnly: 1, ambiguous: 2, ambiguousExample: '1,342' });
  });
});
