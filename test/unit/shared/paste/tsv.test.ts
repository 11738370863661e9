/**
 * Tab-separated text as spreadsheets put it on the clipboard: a quoted field only when its quote
 * closes the field, a BOM dropped, ragged rows padded. Line ends and trailing newlines are tested
 * in test/unit/paste.test.ts, round trips in test/unit/paste-properties.test.ts.
 */
import { describe, expect, it } from 'vitest';
import { parseTsv } from '../../../../shared/paste/tsv';

describe('parseTsv', () => {
  it('reads a quoted field with a line break and doubled quotes as one cell', () => {
    expect(parseTsv('"Xã\nLộc ""Hòa"""\t12\nThôn 2\t3\n')).toEqual([
      ['Xã\nLộc "Hòa"', '12'],
      ['Thôn 2', '3'],
    ]);
  });

  it('takes a quote that does not close its field literally', () => {
    expect(parseTsv('"Lộc Ninh" cũ\t5\n"\t6')).toEqual([
      ['"Lộc Ninh" cũ', '5'],
      ['"', '6'],
    ]);
  });

  it('drops a BOM and pads ragged rows with empty cells', () => {
    expect(parseTsv('\uFEFFa\tb\tc\nd')).toEqual([
      ['a', 'b', 'c'],
      ['d', '', ''],
    ]);
  });
});
