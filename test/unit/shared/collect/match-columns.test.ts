/**
 * Which table of a returned file is the district's form, and which of its columns is which: by the
 * whole header, by a label unique on both sides, and by code only where the file has a code row of
 * its own. Whole files are collected in test/unit/shared/collect/plan-collect.test.ts.
 */
import { describe, expect, it } from 'vitest';
import { matchColumns, pickTable } from '../../../../shared/collect/match-columns';
import type { Column } from '../../../../shared/model';

type Col = Omit<Column, 'id'>;
const col = (code: string, label: string, headerPath: string[] = []): Col => ({
  code,
  label,
  headerPath,
  type: /^\d+$/.test(code) ? 'integer' : 'text',
  decimals: 0,
  formula: null,
});

const DISTRICT = {
  title: 'DÂN SỐ THEO GIỚI TÍNH',
  columns: [
    col('B', 'Xã'),
    col('1', 'Tổng số'),
    col('2', 'Nam', ['Chia ra']),
    col('3', 'Nữ', ['Chia ra']),
    col('4', 'Số hộ'),
  ],
};

const returned = (title: string, columns: Col[], codeRow: number | null = 6) => ({
  table: { name: 'Biểu', title, unit: '', columns, rows: [] },
  codeRow,
});

describe('matchColumns', () => {
  it('finds moved columns by header, and a renamed one by code only where the file has a code row', () => {
    // The commune put Nữ first and the total last (its code row moved with them), and retyped two
    // headers.
    const theirs = [
      col('B', 'Xã'),
      col('3', 'Nữ', ['Chia ra']),
      col('2', 'Nam', ['Chia ra']),
      col('1', 'Tổng cộng'),
      col('4', 'Số hộ gia đình'),
    ];
    expect(matchColumns(DISTRICT.columns, returned('', theirs))).toEqual({
      pairs: [
        { to: 1, from: 3 },
        { to: 2, from: 2 },
        { to: 3, from: 1 },
        { to: 4, from: 4 },
      ],
      missing: [],
    });
    // No code row: the codes are made up in column order and find nothing.
    const numbered = theirs.map((c, i) => ({ ...c, code: i === 0 ? 'A' : String(i) }));
    expect(matchColumns(DISTRICT.columns, returned('', numbered, null))).toEqual({
      pairs: [
        { to: 2, from: 2 },
        { to: 3, from: 1 },
      ],
      missing: ['1', '4'],
    });
  });
});

describe('pickTable', () => {
  it('takes the table matching most figure columns, the same title breaking a tie', () => {
    const other = returned('BIỂU KHÁC', DISTRICT.columns);
    const form = returned('Dân số theo giới tính', DISTRICT.columns);
    expect(pickTable(DISTRICT, [other, form])?.detected).toBe(form);
    const half = returned('', [col('1', 'Tổng số'), col('4', 'Số hộ')], null);
    expect(pickTable(DISTRICT, [half])?.columns.missing).toEqual(['2', '3']);
  });

  it('takes none when no table matches half the figure columns', () => {
    const unrelated = returned(
      '',
      [col('B', 'Thôn'), col('1', 'Tổng số'), col('2', 'Diện tích')],
      null,
    );
    expect(pickTable(DISTRICT, [unrelated])).toBeNull();
  });
});
