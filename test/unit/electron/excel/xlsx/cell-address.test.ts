/**
 * A1 addresses as the streaming reader meets them, and a shared formula read in each cell of its
 * range. The reader as a whole is tested against exceljs in test/unit/import-reader.test.ts.
 */
import { describe, expect, it } from 'vitest';
import {
  columnNumber,
  decodeAddress,
  letters,
  slideFormula,
} from '../../../../../electron/excel/xlsx/cell-address';

describe('A1 addresses', () => {
  it('reads column letters both ways, past Z and ZZ', () => {
    for (const [l, n] of [
      ['A', 1],
      ['Z', 26],
      ['AA', 27],
      ['AZ', 52],
      ['ZZ', 702],
      ['AAA', 703],
      ['XFD', 16384],
    ] as const) {
      expect(columnNumber(l)).toBe(n);
      expect(letters(n)).toBe(l);
    }
  });

  it('decodes "C12" and "$C$12", and refuses what is no address', () => {
    expect(decodeAddress('C12')).toEqual({ row: 12, col: 3 });
    expect(decodeAddress('$C$12')).toEqual({ row: 12, col: 3 });
    expect(decodeAddress('xfd1')).toEqual({ row: 1, col: 16384 });
    for (const bad of ['', '12', 'C', 'C1x', 'C-1', 'ABCDEFGH1'])
      expect(decodeAddress(bad)).toBeNull();
    // Seven letters are still read, so a column past XFD is seen as one and can be refused.
    expect(decodeAddress('ABCDEFG1')!.col).toBeGreaterThan(16384);
  });
});

describe('slideFormula', () => {
  it('moves relative references by the offset, keeps $ parts and quoted text', () => {
    expect(slideFormula('SUM(D8:G8)', 'C8', 'C10')).toBe('SUM(D10:G10)');
    expect(slideFormula('D8/$C$5*100', 'H8', 'I9')).toBe('E9/$C$5*100');
    expect(slideFormula('$D8+D$8', 'C8', 'D9')).toBe('$D9+E$8');
    expect(slideFormula('IF(D8>0,"D8",0)', 'C8', 'C9')).toBe('IF(D9>0,"D8",0)');
  });

  it('leaves a function name, a sheet-qualified name and a reference that would fall off alone', () => {
    expect(slideFormula('LOG10(A1)', 'B1', 'B2')).toBe('LOG10(A2)');
    expect(slideFormula('A2-A1', 'B2', 'B1')).toBe('A1-A1');
    expect(slideFormula('A1', 'B5', 'A5')).toBe('A1');
    expect(slideFormula('A1', 'nowhere', 'A5')).toBe('A1');
  });
});
