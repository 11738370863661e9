import { describe, expect, it } from 'vitest';
import {
  ambiguousVi,
  decimalsNeeded,
  formatNumber,
  parseNumber,
  roundDecimal,
  truncateDecimal,
} from '../../../shared/numbers';

const num = (value: number, decimals = 0) => ({ kind: 'number', value, decimals });
const text = (t: string) => ({ kind: 'text', text: t });
const empty = { kind: 'empty' };

describe('formatNumber', () => {
  it.each([
    [2133, 0, '2.133'],
    [16.7, 2, '16,70'],
    [16342.932, 3, '16.342,932'],
    [-1, 0, '\u22121'],
    [0, 0, '0'],
    [0, 2, '0,00'],
    [999, 0, '999'],
    [1000, 0, '1.000'],
    [791232965, 0, '791.232.965'],
    [1234567.891, 2, '1.234.567,89'],
    [-16342.932, 3, '\u221216.342,932'],
    [0.5, 0, '1'],
    [-0.5, 0, '\u22121'],
    [1.005, 2, '1,01'],
    [1.045, 2, '1,05'],
    [2.675, 2, '2,68'],
    [-1.005, 2, '\u22121,01'],
    [8.345, 2, '8,35'],
    [999.995, 2, '1.000,00'],
    [9999.5, 0, '10.000'],
    [88.88888888888889, 2, '88,89'],
    [6.666666666666667, 4, '6,6667'],
    [12.3, 0, '12'],
    [12, 3, '12,000'],
    [1e21, 0, '1.000.000.000.000.000.000.000'],
    [1.5e-7, 7, '0,0000002'],
    [1234567890123, 0, '1.234.567.890.123'],
  ])('%s with %s decimals → %s', (value, decimals, expected) => {
    expect(formatNumber(value, decimals)).toBe(expected);
  });

  it('never writes a negative zero', () => {
    expect(formatNumber(-0.001, 2)).toBe('0,00');
    expect(formatNumber(-0, 0)).toBe('0');
  });

  it('treats odd decimals sensibly', () => {
    expect(formatNumber(12.345, -1)).toBe('12');
    expect(formatNumber(1.25, 1.9)).toBe('1,3');
  });

  it('round-trips through parseNumber', () => {
    for (const [v, d] of [
      [2133, 0],
      [16.7, 2],
      [-16342.932, 3],
      [0.05, 2],
      [1234567, 0],
    ] as const) {
      const parsed = parseNumber(formatNumber(v, d));
      expect(parsed).toEqual(num(v, d));
    }
  });
});

describe('roundDecimal / truncateDecimal / decimalsNeeded', () => {
  it('rounds half away from zero on the decimal digits', () => {
    expect(roundDecimal(1.005, 2)).toBe(1.01);
    expect(roundDecimal(-1.005, 2)).toBe(-1.01);
    expect(roundDecimal(2.5, 0)).toBe(3);
    expect(roundDecimal(-2.5, 0)).toBe(-3);
    expect(roundDecimal(800 / 9, 2)).toBe(88.89);
    expect(roundDecimal(0.1 + 0.2, 10)).toBe(0.3);
  });
  it('truncates without binary surprises', () => {
    expect(truncateDecimal(800 / 9, 2)).toBe(88.88);
    expect(truncateDecimal(1.999, 2)).toBe(1.99);
    expect(truncateDecimal(1.1, 2)).toBe(1.1);
    expect(truncateDecimal(5, 2)).toBe(5);
    expect(truncateDecimal(-6.6667, 2)).toBe(-6.66);
  });
  it('counts the decimals a value needs', () => {
    expect(decimalsNeeded(16.7)).toBe(1);
    expect(decimalsNeeded(2133)).toBe(0);
    expect(decimalsNeeded(1 / 3, 4)).toBe(4);
  });
});

describe('parseNumber (vi)', () => {
  it.each([
    ['2.133', num(2133)],
    ['16,70', num(16.7, 2)],
    ['1.234.567', num(1234567)],
    ['16.342,932', num(16342.932, 3)],
    ['791.232.965', num(791232965)],
    ['1 234 567', num(1234567)],
    ['1\u00A0234\u00A0567', num(1234567)],
    ['1\u202F234,5', num(1234.5, 1)],
    ['1\u2009234', num(1234)],
    ['16,70%', num(16.7, 2)],
    ['16,70 %', num(16.7, 2)],
    ['\u22121', num(-1)],
    ['-1.234', num(-1234)],
    ['\u2013 5', num(-5)],
    ['(123)', num(-123)],
    ['(1.234,5)', num(-1234.5, 1)],
    ['(5%)', num(-5)],
    ['+7', num(7)],
    ['0', num(0)],
    ['-0', num(0)],
    ['0,5', num(0.5, 1)],
    ['1234567', num(1234567)],
    ['16342,932', num(16342.932, 3)],
    ['  2.133  ', num(2133)],
    ['\uFF12\uFF11\uFF13\uFF13', num(2133)],
    ['\uFF11\uFF0E\uFF12\uFF13\uFF14\uFF0C\uFF15', num(1234.5, 1)],
    ['007', num(7)],
  ])('%j → %j', (input, expected) => {
    expect(parseNumber(input)).toEqual(expected);
    expect(parseNumber(input, 'vi')).toEqual(expected);
  });

  it.each(['', '   ', '\u00A0', '-', '\u2013', '\u2014', '\u2212', ' - '])(
    '%j is empty',
    (input) => {
      expect(parseNumber(input)).toEqual(empty);
    },
  );

  it.each([
    'khoảng 150',
    '1.234 người',
    '12a',
    '1.23.4',
    '1.2345',
    '12.34',
    '0.123',
    '1,2,3',
    '1.234.56',
    '1 23',
    '1  234',
    '1.234 567',
    '12,',
    ',5',
    '1e5',
    '--5',
    '(-5)',
    '(5',
    'abc',
    '5-',
    '1,5,5',
    'Cộng',
  ])('%j stays text, exactly', (input) => {
    expect(parseNumber(input)).toEqual(text(input));
  });
});

describe('parseNumber (en)', () => {
  it.each([
    ['2,133', num(2133)],
    ['16.70', num(16.7, 2)],
    ['2,133.5', num(2133.5, 1)],
    ['1,234,567', num(1234567)],
    ['1 234.5', num(1234.5, 1)],
    ['-16.70%', num(-16.7, 2)],
    ['(2,133)', num(-2133)],
    ['1.234', num(1.234, 3)],
  ])('%j → %j', (input, expected) => {
    expect(parseNumber(input, 'en')).toEqual(expected);
  });
  it.each(['1.234,5', '1,23', '2,133,5', '1.2.3', 'about 150'])('%j stays text', (input) => {
    expect(parseNumber(input, 'en')).toEqual(text(input));
  });
  it('reads empties the same way', () => {
    expect(parseNumber('-', 'en')).toEqual(empty);
    expect(parseNumber('', 'en')).toEqual(empty);
  });
});

describe('ambiguousVi', () => {
  it.each(['1.234', '1,234', '12.345', '999,999', '(1.234)'])(
    '%j reads differently in each convention',
    (t) => {
      expect(ambiguousVi(t)).toBe(true);
    },
  );
  it.each(['1.234,5', '1,5', '16,70', '1.234.567', '2133', '12.34', '', 'khoảng 150', '1 234'])(
    '%j is not ambiguous',
    (t) => {
      expect(ambiguousVi(t)).toBe(false);
    },
  );
});
