/**
 * The edits of a table's rows, pure: insert, remove, move and change a row, each with the
 * history's sentence naming the row by its place and its unit.
 */
import { describe, expect, it } from 'vitest';
import {
  insertRows,
  moveRow,
  removeRows,
  updateRow,
  updateRows,
} from '../../../../electron/store/row-edits';
import { idSource, refusal, snapshot } from '../../helpers/snapshot';

const t = snapshot('Dân số', [
  { cells: ['Xã Lộc Hòa', 120] },
  { cells: ['Xã Lộc An', 80] },
  { role: 'total', cells: ['Cộng', 200] },
]);
const [hoa, an, total] = t.rows;

describe('rows', () => {
  it('inserts empty rows of a role, at a place or at the end', () => {
    const before = insertRows(t, 2, 2, 'detail', idSource());
    expect(before.label).toBe('Chèn 2 dòng chi tiết vào trước dòng 3 biểu «Dân số»');
    expect(before.table.rows.map((r) => r.id)).toEqual([hoa.id, an.id, 1000, 1001, total.id]);
    expect(before.table.rows[2].cells).toEqual([null, null]);
    expect(insertRows(t, 99, 1, 'group', idSource()).label).toBe(
      'Chèn một dòng nhóm vào cuối biểu «Dân số»',
    );
  });

  it('removes rows, naming one by its unit', () => {
    expect(removeRows(t, [an.id]).label).toBe('Xóa dòng 2 («Xã Lộc An») khỏi biểu «Dân số»');
    const both = removeRows(t, [hoa.id, an.id, hoa.id]);
    expect(both.label).toBe('Xóa 2 dòng khỏi biểu «Dân số»');
    expect(both.table.rows).toEqual([total]);
    expect(refusal(() => removeRows(t, [77]))).toBe(
      'Dòng số 77 không có trong biểu «Dân số»; không có gì thay đổi.',
    );
  });

  it('moves a row and changes its role or unit key', () => {
    const moved = moveRow(t, total.id, 0);
    expect(moved.label).toBe('Chuyển dòng 3 («Cộng») của biểu «Dân số» đến vị trí 1');
    expect(moved.table.rows[0]).toEqual(total);
    const changed = updateRow(t, hoa.id, { role: 'subtotal', unitKey: ' loc hoa ' });
    expect(changed.label).toBe(
      'Đổi dòng 1 («Xã Lộc Hòa») của biểu «Dân số» thành dòng cộng nhóm, mã đơn vị «loc hoa»',
    );
    expect(changed.table.rows[0]).toMatchObject({ role: 'subtotal', unitKey: 'loc hoa' });
  });

  it('gives several rows one role as one change, named together', () => {
    const read = structuredClone(t);
    read.rows[1].roleBasis = 'inferred';
    const changed = updateRows(read, [total.id, hoa.id, read.rows[1].id], { role: 'subtotal' });
    expect(changed.label).toBe('Đổi 3 dòng của biểu «Dân số» thành dòng cộng nhóm');
    expect(changed.table.rows.map((r) => r.role)).toEqual(['subtotal', 'subtotal', 'subtotal']);
    expect(changed.table.rows[1]).not.toHaveProperty('roleBasis');
    expect(read.rows.map((r) => r.role)).toEqual(t.rows.map((r) => r.role));
  });

  it('makes a role read from a label a stated one once a person sets it', () => {
    const read = structuredClone(t);
    read.rows[2].roleBasis = 'inferred';
    expect(updateRow(read, total.id, { unitKey: 'tong' }).table.rows[2].roleBasis).toBe('inferred');
    const confirmed = updateRow(read, total.id, { role: 'total' });
    expect(confirmed.label).toBe('Đổi dòng 3 («Cộng») của biểu «Dân số» xác nhận là dòng tổng');
    expect(confirmed.table.rows[2]).not.toHaveProperty('roleBasis');
    const changed = updateRow(read, total.id, { role: 'subtotal' });
    expect(changed.table.rows[2]).toMatchObject({ role: 'subtotal' });
    expect(changed.table.rows[2]).not.toHaveProperty('roleBasis');
  });
});
