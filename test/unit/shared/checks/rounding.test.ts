/**
 * The checks' fast rounding gives what rounding the typed decimal digits gives (1,005 → 1,01,
 * half away from zero), on the easy values and the hard ones near a half. More cases against
 * roundDecimal are in test/unit/checks-rounding.test.ts.
 */
import { fc, test } from '@fast-check/vitest';
import { describe, expect, it } from 'vitest';
import { roundTo } from '../../../../shared/checks/rounding';
import { roundDecimal } from '../../../../shared/numbers';

describe('roundTo', () => {
  it('rounds the digits as typed, half away from zero', () => {
    expect(roundTo(1.005, 2)).toBe(1.01);
    expect(roundTo(-1.005, 2)).toBe(-1.01);
    expect(roundTo(2.5, 0)).toBe(3);
    expect(roundTo(-2.5, 0)).toBe(-3);
    expect(roundTo(12.7249, 2)).toBe(12.72);
    expect(Object.is(roundTo(-0.004, 2), -0)).toBe(false); // never a negative zero
  });

  test.prop([fc.double({ min: -1e12, max: 1e12, noNaN: true }), fc.integer({ min: 0, max: 6 })])(
    'agrees with roundDecimal on any value',
    (value, decimals) => {
      expect(roundTo(value, decimals)).toBe(roundDecimal(value, decimals));
    },
  );
});
