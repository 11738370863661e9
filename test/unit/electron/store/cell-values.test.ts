/**
 * A cell's value and its two stored columns: a number as a number, anything typed as typed, the
 * empty string as an empty cell, and nothing a cell cannot hold.
 */
import { describe, expect, it } from 'vitest';
import {
  cellValueOf,
  decodeCell,
  encodeCell,
  normaliseCellValue,
  sameCellValue,
} from '../../../../electron/store/cell-values';

describe('cell values', () => {
  it('keep what was typed and refuse what no cell holds', () => {
    for (const v of [1239, 'khoảng 150', '1.234 người', null]) {
      expect(normaliseCellValue(v)).toEqual({ ok: true, value: v });
      expect(cellValueOf(v)).toBe(v);
      const { num, text } = encodeCell(v);
      expect(decodeCell(num, text)).toBe(v);
    }
    expect(normaliseCellValue('')).toEqual({ ok: true, value: null });
    expect(Object.is(cellValueOf(-0), 0)).toBe(true);
    for (const bad of [NaN, Infinity, undefined, {}, true]) {
      expect(normaliseCellValue(bad)).toEqual({ ok: false });
      expect(cellValueOf(bad)).toBeUndefined();
    }
    expect(sameCellValue(5, '5')).toBe(false);
  });
});
