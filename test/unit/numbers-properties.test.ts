/**
 * Properties of the one number parser and formatter (shared/numbers.ts), over thousands of
 * generated values and strings (fast-check): what Biểu writes it reads back as the same figure,
 * in either notation; every string is read without an exception and kept as written when it is
 * not a figure; figures are grouped by threes; rounding stays within half a unit of the last
 * printed digit; and the paste engine's fast path reads exactly what the parser reads.
 */
import { fc, test } from '@fast-check/vitest';
import { describe, expect } from 'vitest';
import {
  formatNumber,
  parseNumber,
  roundDecimal,
  type NumberConvention,
} from '../../shared/numbers';
import { parseFigure } from '../../shared/paste/paste-block';

fc.configureGlobal({ numRuns: 2000 });

const MINUS = '\u2212';
/** Any finite double, negative zero and the extremes included. */
const finite = fc.double({ noNaN: true, noDefaultInfinity: true });
const decimals = fc.integer({ min: 0, max: 8 });

/** A figure written in English notation from its Vietnamese writing: swap the two marks. */
function toEnglish(vi: string): string {
  return vi.replace(/[.,]/g, (m) => (m === '.' ? ',' : '.')).replace(MINUS, '-');
}

describe('formatNumber → parseNumber', () => {
  test.prop([finite, decimals])(
    'reads back what it writes: the value rounded to the printed decimals',
    (value, d) => {
      const written = formatNumber(value, d);
      expect(parseNumber(written, 'vi')).toEqual({
        kind: 'number',
        value: roundDecimal(value, d),
        decimals: d,
      });
    },
  );

  test.prop([finite, decimals])('reads back the English writing of it with "en"', (value, d) => {
    const written = toEnglish(formatNumber(value, d));
    const parsed = parseNumber(written, 'en');
    expect(parsed).toEqual({ kind: 'number', value: roundDecimal(value, d), decimals: d });
  });

  test.prop([finite, decimals])(
    'groups the integer part by threes with ".", the decimals after ",", "−" for negatives',
    (value, d) => {
      const written = formatNumber(value, d);
      const shape =
        d === 0 ? /^−?\d{1,3}(\.\d{3})*$/ : new RegExp(`^−?\\d{1,3}(\\.\\d{3})*,\\d{${d}}$`);
      expect(written).toMatch(shape);
      // Never a negative zero.
      if (/^−?[0.,]+$/.test(written)) expect(written.startsWith(MINUS)).toBe(false);
    },
  );
});

describe('parseNumber', () => {
  test.prop([
    fc.string({ unit: 'grapheme-composite' }),
    fc.constantFrom<NumberConvention>('vi', 'en'),
  ])(
    'reads any string without throwing; a text keeps exactly what was written',
    (text, convention) => {
      const parsed = parseNumber(text, convention);
      if (parsed.kind === 'text') expect(parsed.text).toBe(text);
      if (parsed.kind === 'number') expect(Number.isFinite(parsed.value)).toBe(true);
      if (parsed.kind === 'empty')
        expect(text.trim() === '' || /^\s*[-‐‒–—―−－]\s*$/.test(text)).toBe(true);
    },
  );

  test.prop([fc.integer({ min: 0, max: 10 ** 12 })])(
    'reads the ways people write a whole figure: grouped by dots or spaces, bracketed, signed, with %',
    (n) => {
      const dotted = formatNumber(n, 0);
      const spaced = dotted.replace(/\./g, ' ');
      const negative = n === 0 ? 0 : -n;
      for (const [written, value] of [
        [dotted, n],
        [spaced, n],
        [`(${dotted})`, negative],
        [`-${dotted}`, negative],
        [`${MINUS}${dotted}`, negative],
        [`${dotted}%`, n],
        [` ${dotted} `, n],
      ] as const) {
        expect(parseNumber(written, 'vi'), written).toEqual({ kind: 'number', value, decimals: 0 });
      }
    },
  );

  test.prop([fc.integer({ min: 1000, max: 10 ** 9 })])(
    'a string that reads both ways ("1.234") means different figures in the two notations',
    (n) => {
      const vi = formatNumber(n, 0);
      const en = parseNumber(vi, 'en');
      expect(parseNumber(vi, 'vi')).toMatchObject({ kind: 'number', value: n });
      // "1.234" in English notation is a decimal below 1,000 — or not a figure at all.
      if (en.kind === 'number') expect(en.value).toBeLessThan(1000);
    },
  );
});

describe('roundDecimal', () => {
  test.prop([fc.double({ min: -1e9, max: 1e9, noNaN: true }), fc.integer({ min: 0, max: 6 })])(
    'stays within half a unit of the last printed digit',
    (value, d) => {
      const rounded = roundDecimal(value, d);
      const unit = 10 ** -d;
      expect(Math.abs(rounded - value)).toBeLessThanOrEqual(unit / 2 + Math.abs(value) * 1e-15);
      expect(roundDecimal(rounded, d)).toBe(rounded);
    },
  );
});

describe("the paste engine's fast path", () => {
  const figureLike = fc.string({
    unit: fc.constantFrom('0', '1', '2', '5', '9', '.', ',', '-', ' '),
    maxLength: 14,
  });
  test.prop([figureLike, fc.constantFrom<NumberConvention>('vi', 'en')])(
    'parseFigure reads every string of digits, marks and signs exactly as parseNumber',
    (text, convention) => {
      expect(parseFigure(text, convention)).toEqual(parseNumber(text, convention));
    },
  );
});
