/**
 * Why a stated figure differs from the computed one — the likely cause, named so a secretary
 * knows where to look:
 * - sign: the sign is flipped;
 * - truncation: a rate cut instead of rounded (8/9 printed 88,88 instead of 88,89);
 * - transposition: two adjacent digits swapped (7.384 for 7.348);
 * - rounding: within what the printed rounding of the figures explains, or a miss of 1–2 on
 *   integer sums when several row formulas miss by 1 (breakdowns estimated from proportions);
 * - typo: one digit wrong, missing or extra.
 */
import { decimalsNeeded, truncateDecimal } from '../numbers';
import { roundTo } from './rounding';
import { damerauLevenshtein } from './edit-distance';
import type { Cause, FindingKind } from './finding';
import type { Comparison } from './rule';

export interface Mismatch {
  kind: FindingKind;
  /** What the table states. */
  actual: number;
  /** What the rule computes, rounded to the printed decimals for a rate. */
  expected: number;
  /** The unrounded computed value. */
  exact: number;
  comparison: Comparison;
}

/** The digits of |value| printed with `decimals` decimals, without marks: 7384 → "7384", 6.6 → "660" at 2. */
export function digitString(value: number, decimals: number): string {
  return roundTo(Math.abs(value), decimals).toFixed(decimals).replace('.', '');
}

/** True when b is a with exactly two adjacent characters swapped (and they differ). */
export function isAdjacentSwap(a: string, b: string): boolean {
  if (a.length !== b.length || a === b) return false;
  let i = 0;
  while (a[i] === b[i]) i++;
  return (
    i + 1 < a.length && a[i] === b[i + 1] && a[i + 1] === b[i] && a.slice(i + 2) === b.slice(i + 2)
  );
}

/** How many row formulas must miss by exactly 1 before the misses are read as a rounding pattern. */
export const OFF_BY_ONE_PATTERN = 2;

/** A row formula summing whole numbers that misses by exactly 1. */
export function isOffByOne(m: Mismatch): boolean {
  const c = m.comparison;
  return (
    m.kind === 'row-formula' &&
    c.shape === 'sum' &&
    c.integers &&
    Math.abs(m.actual - m.expected) === 1
  );
}

/**
 * Breakdowns estimated by proportion from a total and rounded: the total differs from the sum of
 * its parts by ±1 in several rows (and the column sums then miss the printed total by 1–2).
 */
export function hasOffByOnePattern(mismatches: readonly Mismatch[]): boolean {
  let count = 0;
  for (const m of mismatches) if (isOffByOne(m)) count++;
  return count >= OFF_BY_ONE_PATTERN;
}

/** The factors a figure is off by when typed in another unit: a fraction in a percent column, thousands in a column of units. */
const UNIT_FACTORS = [100, 1000, 0.01, 0.001];

/**
 * The factor by which the stated figure, read in another unit, is exactly the computed one
 * (−0,0227 where 9/7 × 100 is −2,27: a fraction typed in a percent column), or null. Exact
 * within the stated figure's own printed rounding: no coincidence makes two figures agree to
 * every printed digit at ×100.
 */
export function unitFactor(m: Mismatch): number | null {
  const { actual, exact, comparison } = m;
  // A bound ("Trong đó" ≤ its whole) names no figure the stated one should be.
  if (comparison.shape === 'bound') return null;
  if (actual === 0 || exact === 0 || Math.sign(actual) !== Math.sign(exact)) return null;
  // The stated figure as precise as it is written (a fraction typed in full in a column printed
  // with two decimals).
  const decimals = Math.max(comparison.decimals, decimalsNeeded(actual));
  for (const f of UNIT_FACTORS) {
    const tolerance = f * 0.5 * 10 ** -decimals + 1e-9 * Math.abs(exact);
    // Two significant digits at least, or "1" against "0,01" would say nothing.
    if (Math.abs(exact) < 10 * f * 10 ** -decimals) continue;
    if (Math.abs(actual * f - exact) <= tolerance) return f;
  }
  return null;
}

export function classifyCause(m: Mismatch, context: { offByOnePattern?: boolean } = {}): Cause {
  // A stated result against a target: the contradiction is the finding; digits explain nothing.
  if (m.kind === 'threshold') return null;
  const { actual, expected, exact, comparison } = m;
  const k = comparison.decimals;
  const difference = actual - expected;
  const noise = 1e-9 * Math.max(1, Math.abs(exact));

  if (expected !== 0 && Math.abs(actual + expected) <= noise) return 'sign';

  if (comparison.shape !== 'sum' && comparison.shape !== 'bound') {
    // Computed rates carry binary noise (29/100*100 = 28.999999999999996): cut the value as
    // written to 12 significant digits, or 29 would look truncated to 28.
    const truncated = truncateDecimal(Number(exact.toPrecision(12)), k);
    if (truncated !== expected && Math.abs(actual - truncated) <= noise) return 'truncation';
  }

  const stated = digitString(actual, k);
  const computed = digitString(expected, k);
  if (Math.sign(actual) === Math.sign(expected) && isAdjacentSwap(computed, stated))
    return 'transposition';

  if (comparison.shape === 'bound') {
    const slack = comparison.roundingSlack;
    return slack > 0 && Math.abs(difference) <= slack + noise ? 'rounding' : null;
  }
  if (comparison.shape === 'sum') {
    if (comparison.roundingSlack > 0 && Math.abs(difference) <= comparison.roundingSlack + noise)
      return 'rounding';
    if (context.offByOnePattern && comparison.integers && Math.abs(difference) <= 2)
      return 'rounding';
  } else if (Math.abs(difference) <= comparison.roundingSlack + noise) {
    // One unit off in the last printed digit: computed from rounded figures.
    return 'rounding';
  }

  if (Math.sign(actual) === Math.sign(expected) && damerauLevenshtein(computed, stated) === 1)
    return 'typo';
  return null;
}
