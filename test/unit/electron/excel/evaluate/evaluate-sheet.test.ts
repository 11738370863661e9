/**
 * Formulas a workbook saved without results, computed on the sheet's own grid as Excel would
 * (electron/excel/evaluate/): references and ranges, + − × ÷ ^ &, SUM, AVERAGE, ROUND and its
 * kin, IF, MIN/MAX, SUMIF; a chain computed in order; a cycle, another sheet's reference or an
 * unknown function, or an error value, left unevaluated, never 0.
 */
import { describe, expect, it } from 'vitest';
import type { GridCell, SheetGrid } from '../../../../../shared/import/sheet-grid';
import { evaluateSheet } from '../../../../../electron/excel/evaluate/evaluate-sheet';

/** A grid from rows where "=…" is a formula without a saved result. */
function grid(rows: (number | string | null)[][]): SheetGrid {
  const cells = rows.map((row) =>
    row.map((v): GridCell | null =>
      v === null
        ? null
        : typeof v === 'string' && v.startsWith('=')
          ? { value: null, formula: v.slice(1), uncached: true }
          : { value: v },
    ),
  );
  return { name: 'Biểu', cells, columnCount: 6, merges: [], hiddenRows: [], hiddenColumns: [] };
}

const values = (g: SheetGrid) => g.cells.map((r) => r.map((c) => c?.value ?? null));

describe('computing formulas without saved results', () => {
  it('arithmetic, ranges and functions, in dependency order', () => {
    const g = grid([
      [10, 20, '=A1+B1*2', '=SUM(A1:C1)', '=ROUND(D1/3,2)', '=(A1*B1)^(1/2)'],
      [
        1.005,
        '=ROUND(A2,2)',
        '=ROUNDUP(A2,1)',
        '=ROUNDDOWN(A2,1)',
        '=AVERAGE(A1:B1)',
        '=MAX(A1:C1)-MIN(A1:B1)',
      ],
      ['x', '=IF(A1>5,"lớn","nhỏ")', '="Năm "&(A1+2013)', '=SUMIF(A1:B1,">15")', '=C1/0', '=-2^2'],
    ]);
    expect(evaluateSheet(g)).toEqual({ computed: 13, failed: 1 });
    const v = values(g);
    expect(v[0]).toEqual([10, 20, 50, 80, 26.67, Math.sqrt(200)]);
    expect(v[1].slice(1)).toEqual([1.01, 1.1, 1, 15, 40]);
    expect(v[2].slice(1)).toEqual(['lớn', 'Năm 2023', 20, null, 4]);
    expect(g.cells[2][4]).toMatchObject({ uncached: true }); // #DIV/0! is no figure
  });

  it('leaves a cycle, another sheet and an unknown function unevaluated', () => {
    const g = grid([[1, '=C1+1', '=B1+1', "='Trang 2'!A1", '=VLOOKUP(A1,A1:B1,2)', '=D1+1']]);
    expect(evaluateSheet(g)).toEqual({ computed: 0, failed: 5 });
    for (const c of g.cells[0].slice(1)) expect(c).toMatchObject({ value: null, uncached: true });
  });

  it('compares as Excel does: the six operators between figures, between texts ignoring case, and in SUMIF criteria', () => {
    const ops = ['=', '<>', '<', '>', '<=', '>='];
    const g = grid([
      [5, 7, 'Hộ', 'hộ', null, null],
      ops.map((op) => `=IF(A1${op}B1,1,0)`),
      ops.map((op) => `=IF(B1${op}B1,1,0)`),
      ops.map((op) => `=IF(C1${op}D1,1,0)`),
      ops.map((op) => `=SUMIF(A1:B1,"${op}5")`),
    ]);
    g.columnCount = 6;
    evaluateSheet(g);
    const v = values(g);
    expect(v[1]).toEqual([0, 1, 1, 0, 1, 0]); // 5 against 7
    expect(v[2]).toEqual([1, 0, 0, 0, 1, 1]); // 7 against 7
    expect(v[3]).toEqual([1, 0, 0, 0, 1, 1]); // "Hộ" against "hộ": one text
    expect(v[4]).toEqual([5, 7, 0, 7, 5, 12]);
  });
});
