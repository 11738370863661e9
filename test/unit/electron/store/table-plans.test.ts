/**
 * The plans of actions on whole tables, pure: names, copies, places in the list, and the
 * sentences the history shows.
 */
import { describe, expect, it } from 'vitest';
import {
  addTablesPlan,
  deletePlan,
  duplicatePlan,
  freeName,
  movePlan,
  newTableSnapshot,
  renamePlan,
} from '../../../../electron/store/table-plans';
import { idSource, refusal, snapshot } from '../../helpers/snapshot';

const danSo = snapshot('Dân số', [{ cells: ['Xã Lộc Hòa', 120] }, { cells: ['Xã Lộc An', 80] }]);
const order: [number, number][] = [
  [1, 0],
  [2, 1],
  [3, 2],
];

describe('names', () => {
  it('gives the wish when free, else the first free "(n)"', () => {
    expect(freeName(new Set(['Dân số']), 'Hộ nghèo')).toBe('Hộ nghèo');
    expect(freeName(new Set(['Dân số', 'Dân số (2)']), 'Dân số')).toBe('Dân số (3)');
  });

  it('renames, trimmed, refuses a name in use, and does nothing for the same name', () => {
    const names = new Set(['Dân số', 'Hộ nghèo']);
    expect(renamePlan(danSo, ' Dân số ', names)).toBeNull();
    expect(refusal(() => renamePlan(danSo, 'Hộ nghèo', names))).toBe(
      'Tài liệu đã có một biểu tên «Hộ nghèo»; hãy chọn tên khác.',
    );
    const plan = renamePlan(danSo, ' Dân số 2025 ', names)!;
    expect(plan.label).toBe('Đổi tên biểu «Dân số» thành «Dân số 2025»');
    expect(plan.tables[0].to!.name).toBe('Dân số 2025');
    expect(plan.tables[0].from).toBe(danSo);
  });
});

describe('copies and places', () => {
  it('duplicates a table with its cells and fresh ids, right after it', () => {
    const plan = duplicatePlan(danSo, new Set(['Dân số', 'Dân số (bản sao)']), order, idSource());
    const copy = plan.tables[0].to!;
    expect(plan.label).toBe('Nhân bản biểu «Dân số» thành «Dân số (bản sao) (2)»');
    expect(copy.id).toBe(1000);
    expect(copy.columns.map((c) => c.id)).toEqual([1000, 1001]);
    expect(copy.rows.map((r) => r.cells)).toEqual(danSo.rows.map((r) => r.cells));
    expect(copy.rows.map((r) => r.id)).toEqual([1000, 1001]);
    expect(plan.order!.after).toEqual([
      [1, 0],
      [1000, 1],
      [2, 2],
      [3, 3],
    ]);
    expect(copy.position).toBe(1);
    // The original is left as it was.
    expect(danSo.columns[0].id).toBe(11);
  });

  it('moves a table, past the end to the last place, and not at all to where it is', () => {
    expect(movePlan(danSo, order, 0)).toBeNull();
    const plan = movePlan(danSo, order, 9)!;
    expect(plan.label).toBe('Chuyển biểu «Dân số» đến vị trí 3');
    expect(plan.order!.after).toEqual([
      [2, 0],
      [3, 1],
      [1, 2],
    ]);
  });

  it('deletes a table as a table going to nothing', () => {
    expect(deletePlan(danSo)).toEqual({
      label: 'Xóa biểu «Dân số»',
      tables: [{ from: danSo, to: null }],
    });
  });
});

describe('new tables', () => {
  it('get fresh ids, their place, and cells as a cell holds them', () => {
    const t = newTableSnapshot(
      {
        name: 'Mới',
        title: 'Tiêu đề',
        unit: 'Người',
        columns: [
          { code: 'A', label: 'Tên', headerPath: [], type: 'text', decimals: 0, formula: null },
          { code: '1', label: 'Số', headerPath: [], type: 'integer', decimals: 0, formula: null },
        ],
        rows: [{ role: 'detail', unitKey: null, cells: ['', -0] }],
      },
      4,
      idSource(),
    );
    expect(t).toMatchObject({ id: 1000, position: 4, name: 'Mới', unit: 'Người' });
    expect(t.columns.map((c) => c.id)).toEqual([1000, 1001]);
    expect(Object.is(t.rows[0].cells[1], 0)).toBe(true);
    expect(t.rows[0].cells[0]).toBeNull();
  });

  it('are named in the history as added or imported', () => {
    const other = snapshot('Hộ nghèo', [{ cells: ['Xã A', 1] }], { id: 2 });
    expect(addTablesPlan([danSo], undefined, 'add').label).toBe('Thêm biểu «Dân số»');
    expect(addTablesPlan([danSo], undefined, 'import').label).toBe('Nhập biểu «Dân số»');
    expect(addTablesPlan([danSo, other], undefined, 'import').label).toBe(
      'Nhập 2 biểu: «Dân số», «Hộ nghèo»',
    );
    expect(addTablesPlan([danSo], 'Từ mẫu', 'add').label).toBe('Từ mẫu');
  });
});
