/**
 * A pasted block read as figures: each column's way of writing numbers decided from its cells
 * ("1.234,5" is Vietnamese, "1,234.5" English). The cases that need a guess, whole clipboards and
 * the properties of any paste are tested in test/unit/paste.test.ts and
 * test/unit/paste-properties.test.ts.
 */
import { describe, expect, it } from 'vitest';
import { parseFigure, parsePaste } from '../../../../shared/paste/paste-block';

describe('parsePaste', () => {
  it('decides each column by the figures it holds', () => {
    const block = parsePaste({ text: 'Xã A\t1.234,5\t1,234.5\nXã B\t12.000\t7,000.25' });
    expect(block.flavour).toBe('tsv');
    expect(block.values).toEqual([
      ['Xã A', 1234.5, 1234.5],
      ['Xã B', 12000, 7000.25],
    ]);
  });

  it('reads one figure the way a column writes it', () => {
    expect(parseFigure('6.312', 'vi')).toMatchObject({ kind: 'number', value: 6312 });
    expect(parseFigure('6,312', 'en')).toMatchObject({ kind: 'number', value: 6312 });
    expect(parseFigure('6,312', 'vi')).toMatchObject({ kind: 'number', value: 6.312 });
    expect(parseFigure('Xã A', 'vi')).toEqual({ kind: 'text', text: 'Xã A' });
  });
});
