/**
 * The model's small helpers: the code-row entry as statisticians write it, which columns hold
 * figures, and the column letters of a sheet.
 */
import { describe, expect, it } from 'vitest';
import { codeRowText, columnLetter, isFigureColumn } from '../../../shared/model';

describe('the model', () => {
  it('writes the code row, tells figures from text, and names columns as Excel does', () => {
    expect(codeRowText({ code: '1', formula: '2+3+4+5' })).toBe('1=2+3+4+5');
    expect(codeRowText({ code: 'B', formula: null })).toBe('B');
    expect(isFigureColumn({ type: 'percent' })).toBe(true);
    expect(isFigureColumn({ type: 'text' })).toBe(false);
    expect([0, 25, 26, 701, 702, 16383].map(columnLetter)).toEqual([
      'A',
      'Z',
      'AA',
      'ZZ',
      'AAA',
      'XFD',
    ]);
  });
});
