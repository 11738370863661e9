/**
 * The district table's units and how a returned row finds its own: by code first ("00250" and
 * 250 are one code), else by the name's key ("TT. Lộc Ninh" = "Thị trấn Lộc Ninh"); a name or code
 * on two rows finds nothing rather than the first. Collecting whole files is tested in
 * test/unit/shared/collect/plan-collect.test.ts.
 */
import { describe, expect, it } from 'vitest';
import { UnitIndex, unitRows } from '../../../../shared/collect/unit-rows';
import type { CellValue, Column, Row, RowRole, Table } from '../../../../shared/model';

function column(code: string, label: string, type: Column['type']): Column {
  return { id: 0, code, label, headerPath: [], type, decimals: 0, formula: null };
}

function table(rows: [RowRole, CellValue, CellValue, CellValue][]): Table {
  return {
    id: 1,
    name: 'Dân số',
    title: '',
    unit: '',
    columns: [
      column('A', 'Mã xã', 'text'),
      column('B', 'Xã, thị trấn', 'text'),
      column('1', 'Dân số', 'integer'),
    ].map((c, i) => ({ ...c, id: i + 1 })),
    rows: rows.map(([role, ...cells], i): Row => ({ id: i + 1, role, unitKey: null, cells })),
  };
}

describe('unitRows', () => {
  const district = table([
    ['detail', '00250', 'Thị trấn Lộc Ninh', null],
    ['detail', 251, 'Xã Lộc Hoà', null],
    ['detail', '252', 'Xã Lộc Tấn', null],
    ['subtotal', null, 'Cộng các xã', null],
    ['total', null, 'Toàn huyện', null],
  ]);

  it('lists the detail rows that name a unit, with their code without leading zeros', () => {
    expect(unitRows(district).map((u) => [u.rowIndex, u.name, u.code])).toEqual([
      [0, 'Thị trấn Lộc Ninh', '250'],
      [1, 'Xã Lộc Hoà', '251'],
      [2, 'Xã Lộc Tấn', '252'],
    ]);
  });

  it('finds a returned row by its code first, else by the key of its name', () => {
    const units = unitRows(district);
    const index = new UnitIndex(units);
    const hoa = units[1];
    expect(index.unitOf({ code: '250', key: hoa.key })?.rowIndex).toBe(0);
    expect(index.unitOf({ code: null, key: hoa.key })?.rowIndex).toBe(1);
    expect(index.unitOf({ code: '999', key: hoa.key })?.rowIndex).toBe(1);
    expect(index.unitOf({ code: null, key: 'xã lộc khánh' })).toBeNull();
  });

  it('finds nothing for a name or a code that two rows share', () => {
    const twice = unitRows(
      table([
        ['detail', '7', 'Xã Lộc An', null],
        ['detail', '7', 'Xã Lộc Phú', null],
        ['detail', '8', 'Xã Lộc An', null],
      ]),
    );
    const index = new UnitIndex(twice);
    expect(index.unitOf({ code: '7', key: twice[1].key })).toBeNull();
    expect(index.unitOf({ code: null, key: twice[0].key })).toBeNull();
    expect(index.unitOf({ code: '8', key: twice[0].key })?.rowIndex).toBe(2);
  });
});
