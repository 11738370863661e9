import { describe, expect, it } from 'vitest';
import { roundDecimal } from '../../shared/numbers';
import { roundTo } from '../../shared/checks/rounding';
import { random } from '../bench/nation-table';

describe('roundTo (the checks’ fast rounding)', () => {
  it('agrees with roundDecimal, halves included', () => {
    for (const [v, k] of [
      [1.005, 2],
      [1.015, 2],
      [2.675, 2],
      [-2.675, 2],
      [0.125, 2],
      [12.5, 0],
      [-12.5, 0],
      [-0.004, 2],
      [88.88888888, 2],
      [6.666666, 2],
      [1e12 + 0.5, 0],
      [123456789.0125, 3],
    ] as const) {
      expect(roundTo(v, k), `${v}, ${k}`).toBe(roundDecimal(v, k));
    }
  });

  it('agrees with roundDecimal on random rates, sums and money', () => {
    const next = random(42);
    for (let i = 0; i < 20000; i++) {
      const k = Math.floor(next() * 5);
      const v = (next() - 0.3) * 10 ** Math.floor(next() * 10);
      const q = (Math.floor(next() * 100000) / Math.max(1, Math.floor(next() * 100000))) * 100;
      expect(roundTo(v, k)).toBe(roundDecimal(v, k));
      expect(roundTo(q, k)).toBe(roundDecimal(q, k));
    }
  });
});
