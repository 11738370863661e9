/**
 * Which unit a returned file speaks for when its rows do not say it: the district's own name in
 * a letterhead names no commune, a commune's type word makes a name stronger, the longest name
 * wins over one it contains. More cases, with whole files, are in
 * test/unit/shared/collect/plan-collect.test.ts.
 */
import { describe, expect, it } from 'vitest';
import { unitNamedIn } from '../../../../shared/collect/named-unit';
import type { UnitRow } from '../../../../shared/collect/unit-rows';
import { normalizeUnitName } from '../../../../shared/units';

const unit = (rowIndex: number, name: string): UnitRow => ({
  rowIndex,
  name,
  key: normalizeUnitName(name),
  code: null,
});

const UNITS = [unit(0, 'Thị trấn Lộc Ninh'), unit(1, 'Xã Lộc'), unit(2, 'Xã Lộc Thạnh')];

describe('unitNamedIn', () => {
  it('does not take the district named after "huyện" for the commune of the same name', () => {
    expect(unitNamedIn(['UBND HUYỆN LỘC NINH'], UNITS)).toBeNull();
    expect(unitNamedIn(['UBND HUYỆN LỘC NINH', 'Thị trấn Lộc Ninh.xlsx'], UNITS)?.rowIndex).toBe(0);
  });

  it('prefers the longest name to one it contains', () => {
    expect(unitNamedIn(['Báo cáo của xã Lộc Thạnh'], UNITS)?.rowIndex).toBe(2);
    expect(unitNamedIn(['loc thanh - dan so.xlsx'], UNITS)?.rowIndex).toBe(2);
  });

  it('reads the texts in order: the first that names one unit decides', () => {
    expect(unitNamedIn(['Biểu 01', 'Xa Loc.xlsx', 'Lộc Thạnh'], UNITS)?.rowIndex).toBe(1);
  });
});
