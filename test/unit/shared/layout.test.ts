/**
 * The exported sheet's layout is the one agreement between the check engine (addresses in
 * findings) and the export (where it writes): a table with a one-row header starts its data on
 * row 10, one with a two-level header on row 11. That the export writes there is tested in
 * test/unit/electron/excel/export-workbook.test.ts.
 */
import { describe, expect, it } from 'vitest';
import { cellAddress, headerDepth, PREAMBLE_ROWS, sheetLayout } from '../../../shared/layout';
import type { Column } from '../../../shared/model';

const column = (
  code: string,
  headerPath: string[] = [],
): Pick<Column, 'headerPath'> & {
  code: string;
} => ({ code, headerPath });

describe('sheetLayout', () => {
  it('puts the header below the seven preamble rows, then the code row, then the data', () => {
    expect(PREAMBLE_ROWS).toBe(7);
    const flat = { columns: [column('A'), column('B'), column('1')] as Column[] };
    expect(sheetLayout(flat)).toEqual({
      headerTop: 8,
      headerDepth: 1,
      codeRow: 9,
      firstDataRow: 10,
    });
    expect(cellAddress(sheetLayout(flat), 0, 0)).toBe('A10');
    expect(cellAddress(sheetLayout(flat), 3, 2)).toBe('C13');
  });

  it('gives each level of a grouped header ("Chia ra" › "Nam") a row of its own', () => {
    const grouped = {
      columns: [column('B'), column('1'), column('2', ['Chia ra']), column('3', ['Chia ra', 'Nữ'])],
    } as { columns: Column[] };
    expect(headerDepth(grouped)).toBe(3);
    expect(sheetLayout(grouped)).toMatchObject({ codeRow: 11, firstDataRow: 12 });
    expect(cellAddress(sheetLayout(grouped), 1, 27)).toBe('AB13');
  });
});
