/**
 * A sheet's grid ends where its data ends: trailing empty rows and columns (whole-row formatting,
 * cells once touched) go, and merges and hidden rows and columns are cut to what remains.
 */
import { describe, expect, it } from 'vitest';
import { fitToData } from '../../../../electron/excel/grid-extent';
import { gridFromValues } from '../../../../shared/import/sheet-grid';

describe('fitToData', () => {
  it('cuts trailing empty rows and columns, keeping empty ones inside the data', () => {
    const grid = gridFromValues('Biểu', [
      ['Đơn vị', null, 'Tổng', null, null],
      [null, null, null, null, null],
      ['Xã A', null, 12, null],
      [null, null, null, null, null, null, null],
      [],
    ]);
    grid.columnCount = 7;
    const fit = fitToData(grid);
    expect(fit.cells).toHaveLength(3);
    expect(fit.columnCount).toBe(3);
    expect(fit.cells[2][2]).toEqual({ value: 12 });
  });

  it('cuts merges and hidden rows and columns to the data', () => {
    const grid = gridFromValues(
      'Biểu',
      [
        ['Tiêu đề', null],
        ['a', 1],
      ],
      {
        merges: [
          { top: 0, left: 0, bottom: 0, right: 9 },
          { top: 5, left: 0, bottom: 6, right: 1 },
          { top: 0, left: 4, bottom: 1, right: 5 },
        ],
        hiddenRows: [1, 3],
        hiddenColumns: [0, 8],
      },
    );
    grid.columnCount = 10;
    const fit = fitToData(grid);
    expect(fit.columnCount).toBe(2);
    expect(fit.merges).toEqual([{ top: 0, left: 0, bottom: 0, right: 1 }]);
    expect(fit.hiddenRows).toEqual([1]);
    expect(fit.hiddenColumns).toEqual([0]);
  });

  it('gives an empty grid for a sheet with nothing in it', () => {
    const fit = fitToData(gridFromValues('Trống', [[null], []]));
    expect(fit).toMatchObject({ cells: [], columnCount: 0, merges: [] });
  });
});
