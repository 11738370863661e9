/**
 * The edits of a table's columns, pure: each gives the next table and the history's sentence,
 * keeps the cells under their columns, and refuses what would break the table.
 */
import { describe, expect, it } from 'vitest';
import {
  addColumn,
  groupColumns,
  moveColumn,
  removeColumns,
  updateColumn,
} from '../../../../electron/store/column-edits';
import { idSource, refusal, snapshot } from '../../helpers/snapshot';

const t = snapshot('Dân số', [{ cells: ['Xã Lộc Hòa', 120, 80] }]);
const [a, one, two] = t.columns;
const spec = {
  code: '3',
  label: 'Ghi chú',
  headerPath: [],
  type: 'text' as const,
  decimals: 0,
  formula: ' ',
};

describe('columns', () => {
  it('adds a column with an empty cell in every row; a code in use is refused', () => {
    const { table, label } = addColumn(t, 1, spec, idSource());
    expect(label).toBe('Thêm cột «Ghi chú» vào biểu «Dân số»');
    expect(table.columns.map((c) => c.code)).toEqual(['A', '3', '1', '2']);
    expect(table.columns[1]).toMatchObject({ id: 1000, formula: null });
    expect(table.rows[0].cells).toEqual(['Xã Lộc Hòa', null, 120, 80]);
    expect(refusal(() => addColumn(t, 1, { ...spec, code: ' 2 ' }, idSource()))).toBe(
      'Biểu «Dân số» đã có cột mã «2» («Chỉ tiêu 2»); mỗi cột cần một mã riêng.',
    );
  });

  it('changes a column and says what changed; the cells keep what was typed', () => {
    const { table, label } = updateColumn(t, two.id, {
      type: 'percent',
      decimals: 1,
      formula: '2/1*100',
    });
    expect(label).toBe(
      'Sửa cột «Chỉ tiêu 2» của biểu «Dân số»: kiểu tỷ lệ %, 1 chữ số thập phân, công thức 2=2/1*100',
    );
    expect(table.rows[0].cells).toEqual(t.rows[0].cells);
    expect(refusal(() => updateColumn(t, two.id, { code: '1' }))).toContain('đã có cột mã «1»');
  });

  it('makes a formula Biểu inferred a stated one once a person writes or confirms it', () => {
    const inferred = snapshot('Dân số', [{ cells: ['Xã Lộc Hòa', 200, 120, 80] }], {
      columns: [{}, { formula: '2+3', formulaBasis: 'inferred' }],
    });
    const column = inferred.columns[1];
    const kept = updateColumn(inferred, column.id, { label: 'Tổng số' });
    expect(kept.table.columns[1].formulaBasis).toBe('inferred');
    const confirmed = updateColumn(inferred, column.id, { formula: ' 2+3 ' });
    expect(confirmed.label).toBe(
      'Sửa cột «Chỉ tiêu 1» của biểu «Dân số»: xác nhận công thức 1=2+3',
    );
    expect(confirmed.table.columns[1]).not.toHaveProperty('formulaBasis');
    const written = updateColumn(inferred, column.id, { formula: '2+3-0' });
    expect(written.table.columns[1]).not.toHaveProperty('formulaBasis');
    expect(updateColumn(inferred, column.id, { formula: null }).table.columns[1]).toMatchObject({
      formula: null,
    });
  });

  it('removes a column with its cells, but never the last one', () => {
    const { table, label } = removeColumns(t, [one.id]);
    expect(label).toBe('Xóa cột «Chỉ tiêu 1» khỏi biểu «Dân số»');
    expect(table.rows[0].cells).toEqual(['Xã Lộc Hòa', 80]);
    const single = snapshot('Một cột', [{ cells: ['x'] }]);
    expect(refusal(() => removeColumns(single, [single.columns[0].id]))).toBe(
      'Không thể xóa cột «Tên đơn vị»: đây là cột cuối cùng của biểu «Một cột», mà một biểu cần ít nhất một cột.',
    );
  });

  it('removes several columns as one change, named together, but never all of them', () => {
    const { table, label } = removeColumns(t, [two.id, one.id]);
    expect(label).toBe('Xóa 2 cột («Chỉ tiêu 1», «Chỉ tiêu 2») khỏi biểu «Dân số»');
    expect(table.columns.map((c) => c.id)).toEqual([a.id]);
    expect(table.rows[0].cells).toEqual(['Xã Lộc Hòa']);
    expect(refusal(() => removeColumns(t, [a.id, one.id, two.id]))).toMatch(
      /^Không thể xóa cột «Tên đơn vị»: đây là cột cuối cùng/,
    );
    expect(refusal(() => removeColumns(t, [one.id, 77]))).toBe(
      'Cột số 77 không có trong biểu «Dân số»; không có gì thay đổi.',
    );
  });

  it('moves a column with its cells; an unknown id is named', () => {
    const { table, label } = moveColumn(t, a.id, 9);
    expect(label).toBe('Chuyển cột «Tên đơn vị» của biểu «Dân số» đến vị trí 3');
    expect(table.rows[0].cells).toEqual([120, 80, 'Xã Lộc Hòa']);
    expect(refusal(() => moveColumn(t, 77, 0))).toBe(
      'Cột số 77 không có trong biểu «Dân số»; không có gì thay đổi.',
    );
  });

  it('groups consecutive columns under a header, and takes them out again', () => {
    const grouped = groupColumns(t, [two.id, one.id], 'Chia ra');
    expect(grouped.label).toBe(
      'Gộp 2 cột («Chỉ tiêu 1», «Chỉ tiêu 2») vào nhóm «Chia ra» trong biểu «Dân số»',
    );
    expect(grouped.table.columns.map((c) => c.headerPath)).toEqual([[], ['Chia ra'], ['Chia ra']]);
    const back = groupColumns(grouped.table, [one.id, two.id], null);
    expect(back.table.columns.map((c) => c.headerPath)).toEqual([[], [], []]);
    expect(refusal(() => groupColumns(t, [a.id, two.id], 'X'))).toBe(
      'Các cột cần gộp nhóm trong biểu «Dân số» phải liền nhau; không có gì thay đổi.',
    );
    expect(refusal(() => groupColumns(grouped.table, [a.id, one.id], 'Mới'))).toBe(
      'Nhóm «Mới» sẽ cắt đôi nhóm «Chia ra» của biểu «Dân số»; hãy chọn cả nhóm «Chia ra» hoặc chỉ các cột trong nhóm đó.',
    );
  });
});
