/**
 * The figures-in core on tables held in memory: which unit a commune's breakdown speaks for, how
 * a figure already in the district table turns a file into a conflict (unless an earlier collect
 * put it there), and columns found by header when a commune moved them.
 */
import { describe, expect, it } from 'vitest';
import { planCollect, receivedOffers } from '../../../../shared/collect/plan-collect';
import { matchColumns } from '../../../../shared/collect/match-columns';
import { unitNamedIn } from '../../../../shared/collect/named-unit';
import { unitRows } from '../../../../shared/collect/unit-rows';
import {
  detectTables,
  draftToTable,
  type DetectedTable,
} from '../../../../shared/import/detect-tables';
import { gridFromValues } from '../../../../shared/import/sheet-grid';
import type { Table } from '../../../../shared/model';
import {
  CODE_ROW,
  districtTable,
  FLAT_HEADER,
  TITLE,
  unitFigures,
} from '../../helpers/collect/district';

const district = (): Table => draftToTable(districtTable());
const units = unitRows(district());

/** A returned sheet as a commune lays it out: title, header, code row, its rows. */
function returnedSheet(rows: (string | number | null)[][], header = true): DetectedTable[] {
  const grid = gridFromValues('Biểu 01', [
    [TITLE],
    ['Đơn vị tính: người; %'],
    [],
    ...(header ? [FLAT_HEADER] : []),
    CODE_ROW,
    ...rows,
  ]);
  return detectTables(grid);
}

describe('which unit a file speaks for', () => {
  it('a commune named after its type word in the title, not the district in the letterhead', () => {
    const named = unitNamedIn(['UBND HUYỆN LỘC NINH', 'BIỂU THỐNG KÊ DÂN SỐ XÃ LỘC TẤN'], units);
    expect(named?.name).toBe('Xã Lộc Tấn');
  });

  it('a file name without diacritics, and none when nothing names a unit', () => {
    expect(unitNamedIn(['Biểu 01', 'so lieu xa Loc Dien'], units)?.name).toBe('Xã Lộc Điền');
    expect(unitNamedIn(['UBND HUYỆN LỘC NINH', 'Biểu 01', 'bao cao'], units)).toBeNull();
  });

  it('Lộc Thạnh and Lộc Thành, alike without marks, told apart by the marks the text has', () => {
    expect(unitNamedIn(['Số liệu của xã Lộc Thạnh'], units)?.name).toBe('Xã Lộc Thạnh');
    expect(unitNamedIn(['Số liệu của xã Lộc Thành'], units)?.name).toBe('Xã Lộc Thành');
  });
});

describe('figures already in the district table', () => {
  const row = ['1', 'Lộc Phú', ...unitFigures('Xã Lộc Phú')];

  it('a different figure there is a conflict with the table, old → new, and is not written', () => {
    const table = district();
    const phu = table.rows.findIndex((r) => r.cells[1] === 'Xã Lộc Phú');
    table.rows[phu].cells[7] = 380; // column 6, typed by hand before the file came
    const plan = planCollect(table, [{ file: 'Loc Phu.xlsx', tables: returnedSheet([row]) }]);
    const unit = plan.units.find((u) => u.unit === 'Xã Lộc Phú')!;
    expect(unit.status).toBe('conflict');
    expect(unit.conflict).toEqual({ between: 'table', columns: ['6'] });
    expect(unit.changes.find((c) => c.column === '6')).toMatchObject({ from: 380, to: 390 });
    expect(receivedOffers(plan)).toEqual([]);
  });

  it('a figure an earlier collect wrote is the commune correcting itself: received, only the change', () => {
    const table = district();
    const phu = table.rows.findIndex((r) => r.cells[1] === 'Xã Lộc Phú');
    table.rows[phu].cells.splice(2, 7, ...unitFigures('Xã Lộc Phú'));
    table.rows[phu].cells[7] = 380;
    const plan = planCollect(table, [{ file: 'Loc Phu.xlsx', tables: returnedSheet([row]) }], {
      collectedBefore: (r) => r === phu,
    });
    const unit = plan.units.find((u) => u.unit === 'Xã Lộc Phú')!;
    expect(unit.status).toBe('received');
    expect(unit.changes).toEqual([
      { column: '6', from: 380, to: 390, sheet: 'Biểu 01', cell: 'H6' },
    ]);
  });
});

describe('columns', () => {
  it('found by header when the commune moved them, by code only where the file has a code row', () => {
    const [moved] = returnedSheet([['1', 'Lộc Phú', ...unitFigures('Xã Lộc Phú')]]);
    // Swap the headers of columns 2 and 3: the figures follow their headers, not their places.
    const swapped: DetectedTable = {
      ...moved,
      table: {
        ...moved.table,
        columns: moved.table.columns.map((c, i) =>
          i === 3 ? moved.table.columns[4] : i === 4 ? moved.table.columns[3] : c,
        ),
      },
    };
    const pairs = matchColumns(district().columns, swapped).pairs;
    expect(pairs.find((p) => p.to === 3)?.from).toBe(4);
    expect(pairs.find((p) => p.to === 4)?.from).toBe(3);
  });
});
