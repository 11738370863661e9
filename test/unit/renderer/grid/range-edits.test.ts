import { describe, expect, it } from 'vitest';
import type { Table } from '../../../../shared/model';
import { displayOrder } from '../../../../renderer/grid/display-order';
import { fillRange, fillSelection } from '../../../../renderer/grid/range-edits';
import { fillTargetFor } from '../../../../renderer/grid/selection';

/** STT, name, two counts and a rate; the last row is a group title (its figures cannot be typed). */
function table(): Table {
  const column = (id: number, type: 'text' | 'integer' | 'percent') => ({
    id,
    code: String(id),
    label: `c${id}`,
    headerPath: [],
    type,
    decimals: type === 'percent' ? 2 : 0,
  });
  const row = (id: number, cells: (number | string | null)[], role = 'detail') => ({
    id,
    role,
    cells,
  });
  return {
    id: 7,
    name: 't',
    columns: [
      column(1, 'text'),
      column(2, 'text'),
      column(3, 'integer'),
      column(4, 'integer'),
      column(5, 'percent'),
    ],
    rows: [
      row(10, [1, 'Lộc Hòa', 100, 40, 0.1]),
      row(11, [2, 'Lộc An', 200, 50, 0.2]),
      row(12, [null, null, null, null, null]),
      row(13, [null, null, null, null, null]),
      row(14, ['I', 'Khu vực', null, null, null], 'group'),
    ],
  } as unknown as Table;
}

const values = (edits: ReturnType<typeof fillRange>) =>
  edits.map((e) => [e.rowId, e.columnId, e.value]);

describe('the fill handle and Ctrl+D / Ctrl+R fill as Excel does', () => {
  it('the handle goes on counting a run that rises evenly, and repeats anything else', () => {
    const t = table();
    const o = displayOrder(t);
    const source = { top: 0, bottom: 1, left: 0, right: 4 };
    const edits = fillRange(t, o, source, { ...source, bottom: 3 }, 'down', true);
    expect(values(edits)).toEqual([
      [12, 1, 3],
      [13, 1, 4],
      [12, 2, 'Lộc Hòa'],
      [13, 2, 'Lộc An'],
      [12, 3, 300],
      [13, 3, 400],
      [12, 4, 60],
      [13, 4, 70],
      // 0,1 + 0,1 + 0,1 is 0,3, not 0,30000000000000004.
      [12, 5, 0.3],
      [13, 5, 0.4],
    ]);
  });

  it('one cell, or Ctrl+D, copies; a group row’s figures are left alone', () => {
    const t = table();
    const o = displayOrder(t);
    const one = { top: 1, bottom: 1, left: 3, right: 3 };
    expect(values(fillRange(t, o, one, { ...one, bottom: 4 }, 'down', true))).toEqual([
      [12, 4, 50],
      [13, 4, 50],
    ]);
    // Ctrl+D on a single row copies the row above into it.
    expect(values(fillSelection(t, o, { top: 2, bottom: 2, left: 2, right: 3 }, 'down'))).toEqual([
      [12, 3, 200],
      [12, 4, 50],
    ]);
    // Ctrl+D over several rows copies the top one down, even where a series would go on.
    expect(values(fillSelection(t, o, { top: 0, bottom: 2, left: 0, right: 0 }, 'down'))).toEqual([
      [11, 1, 1],
      [12, 1, 1],
    ]);
    expect(fillSelection(t, o, { top: 0, bottom: 0, left: 2, right: 2 }, 'down')).toEqual([]);
  });

  it('Ctrl+R copies the left column right; the handle dragged right continues the row', () => {
    const t = table();
    const o = displayOrder(t);
    expect(values(fillSelection(t, o, { top: 0, bottom: 0, left: 3, right: 3 }, 'right'))).toEqual([
      [10, 4, 100],
    ]);
    const source = { top: 1, bottom: 1, left: 2, right: 3 };
    expect(values(fillRange(t, o, source, { ...source, right: 4 }, 'right', true))).toEqual([
      [11, 5, -100],
    ]);
  });

  it('the handle fills down or right, whichever way the pointer went further', () => {
    const source = { top: 2, bottom: 3, left: 1, right: 2 };
    expect(fillTargetFor(source, { row: 6, col: 3 })).toEqual({
      target: { ...source, bottom: 6 },
      direction: 'down',
    });
    expect(fillTargetFor(source, { row: 4, col: 5 })).toEqual({
      target: { ...source, right: 5 },
      direction: 'right',
    });
    expect(fillTargetFor(source, { row: 3, col: 2 })).toBeNull();
    expect(fillTargetFor(source, { row: 0, col: 0 })).toBeNull();
  });
});
