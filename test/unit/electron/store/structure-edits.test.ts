/**
 * What the structural edits share, pure: a table's title and unit, the names the history uses,
 * and a table as a user template keeps it (its structure and labels, no figures).
 */
import { describe, expect, it } from 'vitest';
import {
  columnName,
  rowName,
  setTableInfo,
  templateTableFrom,
} from '../../../../electron/store/structure-edits';
import { snapshot } from '../../helpers/snapshot';

const t = snapshot('Dân số', [
  { cells: ['Xã Lộc Hòa', 120] },
  { role: 'total', cells: ['Cộng', 120] },
  { cells: [null, 5] },
]);

describe('structure edits', () => {
  it('sets the title and the unit, saying which', () => {
    expect(setTableInfo(t, { title: 'Dân số 2025', unit: 'Người' }).label).toBe(
      'Sửa tiêu đề và đơn vị tính của biểu «Dân số»',
    );
    expect(setTableInfo(t, { unit: '' }).label).toBe('Sửa thông tin của biểu «Dân số»');
  });

  it('names a column by its label, else its code; a row by its place and its unit', () => {
    expect(columnName({ label: ' Ghi chú ', code: '7' })).toBe('«Ghi chú»');
    expect(columnName({ label: '', code: '7' })).toBe('mã «7»');
    expect(rowName(t, 0)).toBe('dòng 1 («Xã Lộc Hòa»)');
    expect(rowName(t, 2)).toBe('dòng 3');
  });

  it('keeps a table as a template: labels and roles, no figures', () => {
    const template = templateTableFrom(t);
    expect(template.rows.map((r) => [r.role, ...r.cells])).toEqual([
      ['detail', 'Xã Lộc Hòa', null],
      ['total', 'Cộng', null],
      ['detail', null, null],
    ]);
    expect(template.columns.every((c) => !('id' in c))).toBe(true);
  });
});
