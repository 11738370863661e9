/**
 * «Điền tổng»: the figures a selection's total, subtotal and formula cells should hold, from the
 * table's own rules — blanks filled, typed figures that disagree only offered, subtotals before
 * the total over them.
 */
import { describe, expect, it } from 'vitest';
import type { CellValue, Column, RowRole, Table } from '../../../../shared/model';
import { displayOrder } from '../../../../renderer/grid/display-order';
import { totalsToFill } from '../../../../renderer/grid/fill-totals';
import type { CellRange } from '../../../../renderer/grid/selection';

/** Two areas of communes, each closed by its «Cộng», and the district's total. */
function district(overrides: Record<number, CellValue[]> = {}): Table {
  const column = (id: number, code: string, label: string, formula: string | null = null) =>
    ({
      id,
      code,
      label,
      headerPath: [],
      type: id === 1 ? 'text' : id === 5 ? 'percent' : 'integer',
      decimals: id === 5 ? 2 : 0,
      formula,
    }) as Column;
  const rows: [RowRole, CellValue[]][] = [
    ['group', ['I. Khu vực thành thị', null, null, null, null]],
    ['detail', ['Thị trấn Lộc Ninh', 1000, 600, 400, 60]],
    ['detail', ['Lộc Thái', 500, 200, 300, 40]],
    ['subtotal', ['Cộng I', null, null, null, null]],
    ['group', ['II. Khu vực nông thôn', null, null, null, null]],
    ['detail', ['Lộc Hòa', 300, 100, 200, 33.33]],
    ['subtotal', ['Cộng II', null, null, null, null]],
    ['total', ['Tổng cộng', null, null, null, null]],
  ];
  return {
    id: 3,
    name: 'Dân số',
    title: '',
    unit: '',
    columns: [
      column(1, 'A', 'Đơn vị'),
      column(2, '1', 'Tổng số', '2+3'),
      column(3, '2', 'Nam'),
      column(4, '3', 'Nữ'),
      column(5, '4', 'Tỷ lệ nam (%)', '2/1*100'),
    ],
    rows: rows.map(([role, cells], i) => ({
      id: 100 + i,
      role,
      unitKey: null,
      cells: overrides[i] ?? cells,
    })),
  };
}

const all = (t: Table): CellRange => ({
  top: 0,
  left: 0,
  bottom: t.rows.length - 1,
  right: t.columns.length - 1,
});
/** The filled figures by table row and column code. */
function filled(
  t: Table,
  cells: { edit: { rowId: number; columnId: number; value: CellValue } }[],
) {
  return Object.fromEntries(
    cells.map(({ edit }) => [
      `${t.rows.findIndex((r) => r.id === edit.rowId)}:${t.columns.find((c) => c.id === edit.columnId)!.code}`,
      edit.value,
    ]),
  );
}

describe('Điền tổng', () => {
  it('fills blank subtotals, then the total over them, and the total rows’ rates', () => {
    const t = district();
    const plan = totalsToFill(t, displayOrder(t), all(t));
    expect(plan.overwrites).toEqual([]);
    expect(filled(t, plan.blanks)).toEqual({
      '3:1': 1500,
      '3:2': 800,
      '3:3': 700,
      '3:4': 53.33,
      '6:1': 300,
      '6:2': 100,
      '6:3': 200,
      '6:4': 33.33,
      '7:1': 1800,
      '7:2': 900,
      '7:3': 900,
      '7:4': 50,
    });
    // The communes' own figures are right: nothing to change there.
    expect(Object.keys(filled(t, plan.blanks)).some((k) => /^[125]:/.test(k))).toBe(false);
  });

  it('offers, never fills, a typed figure that disagrees; one that agrees is left alone', () => {
    const t = district({
      3: ['Cộng I', 1500, 800, 700, 53.33],
      7: ['Tổng cộng', 1799, null, null, null],
    });
    const order = displayOrder(t);
    const totalRow = order.indexOf.get(t.rows[7].id)!;
    const range = { top: totalRow, bottom: totalRow, left: 1, right: 4 };
    const plan = totalsToFill(t, order, range);
    // Cộng II is still blank and outside the selection: the total adds only what is there.
    expect(filled(t, plan.overwrites)).toEqual({ '7:1': 1500 });
    expect(plan.overwrites[0].was).toBe(1799);
    // Kept, the typed 1.799 is what the rate divides by; replaced, the rate follows the new total.
    expect(filled(t, plan.blanks)).toEqual({ '7:2': 800, '7:3': 700, '7:4': 44.47 });
    expect(plan.computable).toBe(4);
    const replaced = totalsToFill(t, order, range, true);
    expect(filled(t, [...replaced.blanks, ...replaced.overwrites])).toEqual({
      '7:1': 1500,
      '7:2': 800,
      '7:3': 700,
      '7:4': 53.33,
    });
  });

  it('says there is nothing to compute on a commune’s figures or a heading row', () => {
    const t = district();
    const order = displayOrder(t);
    expect(totalsToFill(t, order, { top: 1, bottom: 1, left: 2, right: 3 }).computable).toBe(0);
    expect(totalsToFill(t, order, { top: 0, bottom: 0, left: 0, right: 4 }).computable).toBe(0);
  });
});
