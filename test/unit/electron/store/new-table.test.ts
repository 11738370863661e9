/**
 * A table before it is stored, from a template or an importer: defaults filled in, the basis of
 * an inferred formula or role kept, and a bad table named with its first problems.
 */
import { describe, expect, it } from 'vitest';
import { blankTable, parseNewTables } from '../../../../electron/store/new-table';

describe('a new table', () => {
  it('gets its defaults and keeps what Biểu inferred', () => {
    const [t] = parseNewTables(
      [
        {
          name: ' Dân số ',
          columns: [
            { code: 'B', label: 'Tên xã', type: 'text' },
            {
              code: '1',
              label: 'Tổng số',
              type: 'integer',
              formula: '2',
              formulaBasis: 'inferred',
            },
            { code: '2', label: 'Nam', type: 'integer' },
          ],
          rows: [{ role: 'total', roleBasis: 'inferred', cells: ['Cộng', 5, 5] }],
        },
      ],
      [],
    );
    expect(t.name).toBe('Dân số');
    expect(t.columns[0]).toEqual({
      code: 'B',
      label: 'Tên xã',
      headerPath: [],
      type: 'text',
      decimals: 0,
      formula: null,
    });
    expect(t.columns[1].formulaBasis).toBe('inferred');
    expect(t.rows[0]).toEqual({
      role: 'total',
      roleBasis: 'inferred',
      unitKey: null,
      cells: ['Cộng', 5, 5],
    });
  });

  it('is refused by name: a taken name, a repeated code, a row of the wrong width', () => {
    const blank = blankTable('Biểu 1');
    expect(() => parseNewTables([blank], ['Biểu 1'])).toThrow(
      'Tài liệu đã có một bảng tên «Biểu 1».',
    );
    const twice = { ...blank, columns: [blank.columns[0], blank.columns[0], blank.columns[2]] };
    expect(() => parseNewTables([twice], [])).toThrow(
      /Bảng «Biểu 1» không hợp lệ — .*Mã cột «A» bị trùng/,
    );
    const narrow = { ...blank, rows: [{ role: 'detail' as const, cells: [null] }] };
    expect(() => parseNewTables([narrow], [])).toThrow(
      'Dòng 1 có 1 ô, cần đúng 3 ô (một ô mỗi cột)',
    );
    expect(() =>
      parseNewTables(
        [
          {
            ...blank,
            rows: [{ role: 'detail', roleBasis: 'guessed', cells: [null, null, null] }],
          } as never,
        ],
        [],
      ),
    ).toThrow(/không hợp lệ/);
  });
});
