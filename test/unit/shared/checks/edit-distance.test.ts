/**
 * How far a stated figure is from the right one in keystrokes: a swap of two adjacent digits
 * (7384 → 7348) is one slip, as are one digit wrong, one dropped and one doubled. The suggestions
 * built on it are tested in test/unit/checks-causes.test.ts.
 */
import { describe, expect, it } from 'vitest';
import { damerauLevenshtein } from '../../../../shared/checks/edit-distance';

describe('damerauLevenshtein', () => {
  it('counts one slip for a swap, a wrong digit, a dropped or a doubled one', () => {
    expect(damerauLevenshtein('7384', '7348')).toBe(1);
    expect(damerauLevenshtein('1239', '1329')).toBe(1);
    expect(damerauLevenshtein('1239', '1249')).toBe(1);
    expect(damerauLevenshtein('1239', '129')).toBe(1);
    expect(damerauLevenshtein('1239', '12339')).toBe(1);
    expect(damerauLevenshtein('1239', '1239')).toBe(0);
  });

  it('counts each slip of a figure typed further off, and the whole of an empty one', () => {
    expect(damerauLevenshtein('1239', '3219')).toBe(2);
    expect(damerauLevenshtein('5049', '5139')).toBe(2);
    expect(damerauLevenshtein('', '450')).toBe(3);
    expect(damerauLevenshtein('450', '')).toBe(3);
    // Optimal string alignment: a swapped pair is not edited again ("ca" → "abc" is 3, not 2).
    expect(damerauLevenshtein('ca', 'abc')).toBe(3);
  });
});
