import { describe, expect, it } from 'vitest';
import {
  classifyCause,
  digitString,
  hasOffByOnePattern,
  isAdjacentSwap,
  type Mismatch,
} from '../../shared/checks/causes';
import { damerauLevenshtein } from '../../shared/checks/edit-distance';
import type { Comparison } from '../../shared/checks/rule';

const integerSum: Comparison = { shape: 'sum', decimals: 0, integers: true, roundingSlack: 0 };
const rate2: Comparison = { shape: 'ratio', decimals: 2, integers: false, roundingSlack: 0.01 };

function sum(actual: number, expected: number, comparison = integerSum): Mismatch {
  return { kind: 'row-formula', actual, expected, exact: expected, comparison };
}
function rate(actual: number, exact: number): Mismatch {
  const expected = Math.round(exact * 100) / 100;
  return { kind: 'ratio', actual, expected, exact, comparison: rate2 };
}

describe('classifyCause', () => {
  it('transposition: two adjacent digits swapped', () => {
    expect(classifyCause(sum(7384, 7348))).toBe('transposition');
    expect(classifyCause(sum(1239, 1329))).toBe('transposition');
    expect(classifyCause(sum(21, 12))).toBe('transposition');
    expect(classifyCause(rate(6.76, 6.6667))).toBe('transposition');
    // Not adjacent, or more than one swap: no.
    expect(classifyCause(sum(4387, 7384))).toBeNull();
  });

  it('truncation: a rate cut instead of rounded', () => {
    expect(classifyCause(rate(88.88, 800 / 9))).toBe('truncation');
    expect(classifyCause(rate(6.66, (102 / 1530) * 100))).toBe('truncation');
    // Exact values with binary noise are not "truncated" to the digit below.
    expect(
      classifyCause({
        ...rate(28, (29 / 100) * 100),
        expected: 29,
        comparison: { ...rate2, decimals: 0 },
      }),
    ).not.toBe('truncation');
    // A sum is never truncated.
    expect(classifyCause(sum(88, 89))).not.toBe('truncation');
  });

  it('rounding: within the printed rounding of the addends', () => {
    const decimals3: Comparison = {
      shape: 'sum',
      decimals: 3,
      integers: false,
      roundingSlack: 0.0015,
    };
    expect(classifyCause(sum(16342.933, 16342.932, decimals3))).toBe('rounding');
    expect(classifyCause(sum(16342.942, 16342.932, decimals3))).toBe('typo');
    // A rate one unit off in its last digit.
    expect(classifyCause(rate(6.68, 6.6667))).toBe('rounding');
  });

  it('rounding: ±1 on integer sums only when several rows show it', () => {
    expect(classifyCause(sum(5482, 5483))).toBe('typo');
    expect(classifyCause(sum(5482, 5483), { offByOnePattern: true })).toBe('rounding');
    expect(classifyCause(sum(5481, 5483), { offByOnePattern: true })).toBe('rounding');
    expect(classifyCause(sum(5480, 5483), { offByOnePattern: true })).toBe('typo'); // 3 off: one digit, not rounding
    expect(classifyCause(sum(5490, 5483), { offByOnePattern: true })).toBeNull();
    expect(hasOffByOnePattern([sum(10, 11), sum(12, 11)])).toBe(true);
    expect(hasOffByOnePattern([sum(10, 11)])).toBe(false);
    expect(hasOffByOnePattern([sum(10, 11), { ...sum(12, 11), kind: 'column-total' }])).toBe(false);
  });

  it('sign: the sign is flipped', () => {
    expect(classifyCause(sum(-120, 120))).toBe('sign');
    expect(classifyCause(rate(-6.67, 6.6667))).toBe('sign');
  });

  it('typo: one digit wrong, missing or extra', () => {
    expect(classifyCause(sum(13788, 13787))).toBe('typo');
    expect(classifyCause(sum(1378, 13787))).toBe('typo');
    expect(classifyCause(sum(137870, 13787))).toBe('typo');
    expect(classifyCause(rate(97.35, 97.0459))).toBe('typo');
    expect(classifyCause(rate(96.35, 97.0459))).toBeNull();
  });

  it('bounds (a part at most its total): only sign, swapped digits or rounding', () => {
    const bound: Comparison = { shape: 'bound', decimals: 0, integers: true, roundingSlack: 0 };
    const over = (actual: number, limit: number, c = bound): Mismatch => ({
      kind: 'header-sum',
      actual,
      expected: limit,
      exact: limit,
      comparison: c,
    });
    expect(classifyCause(over(1329, 1239))).toBe('transposition');
    expect(classifyCause(over(-15, 15))).toBe('sign');
    expect(classifyCause(over(21, 23))).toBeNull(); // one digit apart, but any figure ≥ 23 would do
    const decimals: Comparison = {
      shape: 'bound',
      decimals: 2,
      integers: false,
      roundingSlack: 0.01,
    };
    expect(classifyCause(over(10.01, 10, decimals))).toBe('rounding');
    expect(classifyCause(over(10.5, 10, decimals))).toBeNull();
  });

  it('a threshold names no cause: the stated result contradicts the numbers', () => {
    const m: Mismatch = {
      kind: 'threshold',
      actual: 67,
      expected: 76,
      exact: 76,
      comparison: { shape: 'bound', decimals: 0, integers: false, roundingSlack: 0 },
    };
    expect(classifyCause(m)).toBeNull();
  });

  it('nothing when the figures are simply different', () => {
    expect(classifyCause(sum(32005, 32041))).toBeNull();
    expect(classifyCause(rate(96.72, 97.0459))).toBeNull();
    expect(classifyCause(sum(0, 5))).toBeNull();
  });
});

describe('digits', () => {
  it('writes the printed digits without marks', () => {
    expect(digitString(7384, 0)).toBe('7384');
    expect(digitString(-6.6, 2)).toBe('660');
    expect(digitString(88.888, 2)).toBe('8889');
  });
  it('finds adjacent swaps', () => {
    expect(isAdjacentSwap('7348', '7384')).toBe(true);
    expect(isAdjacentSwap('7348', '7348')).toBe(false);
    expect(isAdjacentSwap('7348', '3748')).toBe(true);
    expect(isAdjacentSwap('7348', '8347')).toBe(false);
    expect(isAdjacentSwap('7348', '73480')).toBe(false);
  });
  it('measures Damerau–Levenshtein distance', () => {
    expect(damerauLevenshtein('7384', '7348')).toBe(1);
    expect(damerauLevenshtein('13787', '13788')).toBe(1);
    expect(damerauLevenshtein('1378', '13787')).toBe(1);
    expect(damerauLevenshtein('', '123')).toBe(3);
    expect(damerauLevenshtein('123', '')).toBe(3);
    expect(damerauLevenshtein('32005', '32041')).toBe(2);
    expect(damerauLevenshtein('ca', 'abc')).toBe(3); // the optimal-string-alignment variant
    expect(damerauLevenshtein('Lộc Hòa', 'Lộc Hoà')).toBe(2);
    expect(damerauLevenshtein('same', 'same')).toBe(0);
  });
});
