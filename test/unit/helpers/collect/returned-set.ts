/**
 * What the communes of the test district send back (district.ts): 16 files for 16 communes, the
 * way they really arrive — each name written its own way, one commune's breakdown by village
 * with its total, one sheet renamed and moved down, one Excel 97–2003 file, one LibreOffice .ods,
 * one commune silent,
 * one sending two files that disagree, one file carrying a neighbour's row, one row that does
 * not add up.
 */
import fs from 'node:fs';
import path from 'node:path';
import { convert, recalcProfile, requireSoffice } from '../../../lo/libreoffice';
import { unitFigures, writeReturned } from './district';

/** The commune that sends nothing. */
export const SILENT = 'Xã Lộc Khánh';
/** The commune that sends two files with different figures. */
export const TWICE = 'Xã Lộc Thành';
/** The commune whose row does not add up (column 1 one more than 2+3+4+5), in its file's C7. */
export const NOT_ADDING_UP = { unit: 'Xã Lộc Thái', file: 'Loc Thai.xlsx', cell: 'C7' };
/** The neighbour's row in Lộc Điền's file. */
export const STRAY = { file: 'Lộc Điền.xlsx', row: 8, name: 'Xã Lộc Thắng' };
/** The commune that sends its file in LibreOffice's format (.ods). */
export const ODS_UNIT = 'Xã Lộc Hưng';
/** The commune that sends its breakdown by village, named only in its title. */
export const BREAKDOWN = { unit: 'Xã Lộc Tấn', file: 'bao cao dan so.xlsx' };

const one = (name: string, unit: string) => ({ rows: [{ name, figures: unitFigures(unit) }] });

/** Writes the returned files into `dir`; returns their names. */
export async function writeReturnedSet(dir: string): Promise<string[]> {
  fs.mkdirSync(dir, { recursive: true });
  const at = (name: string) => path.join(dir, name);
  await writeReturned(at('TT Loc Ninh.xlsx'), one('TT. Lộc Ninh', 'Thị trấn Lộc Ninh'));
  await writeReturned(at('Loc Hoa.xlsx'), {
    letterhead: 'ỦY BAN NHÂN DÂN XÃ LỘC HÒA',
    ...one('Lộc Hoà', 'Xã Lộc Hòa'),
  });
  const [t, a, b, c, d, p, rate] = unitFigures('Xã Lộc Tấn');
  const half = (x: number) => Math.floor(x / 2);
  const village = (x: number) => x - half(x);
  await writeReturned(at(BREAKDOWN.file), {
    letterhead: 'UBND HUYỆN LỘC NINH',
    title: 'BIỂU THỐNG KÊ DÂN SỐ VÀ TỶ LỆ THAM GIA HỌC TẬP XÃ LỘC TẤN',
    rows: [
      {
        name: 'Ấp Tân Mai',
        figures: [
          half(a) + half(b) + half(c) + half(d),
          half(a),
          half(b),
          half(c),
          half(d),
          half(p),
          null,
        ],
      },
      {
        name: 'Ấp Tân Hai',
        figures: [
          village(a) + village(b) + village(c) + village(d),
          village(a),
          village(b),
          village(c),
          village(d),
          village(p),
          null,
        ],
      },
    ],
    total: { name: 'Cộng', figures: [t, a, b, c, d, p, rate] },
  });
  await writeReturned(at('So lieu Loc Thanh.xlsx'), {
    sheet: 'Số liệu gửi huyện',
    offset: 3,
    ...one('Lộc Thạnh', 'Xã Lộc Thạnh'),
  });
  await writeReturned(at('Loc Thien.xlsx'), one('Xã Lộc Thiện'.normalize('NFD'), 'Xã Lộc Thiện'));
  await writeReturned(at('Loc Thuan.xlsx'), one('X. Lộc Thuận', 'Xã Lộc Thuận'));
  await writeReturned(at('Loc Quang.xlsx'), one('XÃ LỘC QUANG', 'Xã Lộc Quang'));
  await writeReturned(at('Loc Phu.xlsx'), one('Lộc Phú', 'Xã Lộc Phú'));
  await writeReturned(at('Loc Thanh.xlsx'), one('Xã Lộc Thành', TWICE));
  const changed = unitFigures(TWICE);
  changed[5] += 9; // column 6: the second file says 9 more participants
  await writeReturned(at('Loc Thanh - sua.xlsx'), {
    rows: [{ name: 'Lộc Thành', figures: changed }],
  });
  const slip = unitFigures(NOT_ADDING_UP.unit);
  slip[0] += 1;
  await writeReturned(at(NOT_ADDING_UP.file), { rows: [{ name: 'Lộc Thái', figures: slip }] });
  await writeReturned(at('Loc An.xlsx'), one('xã Lộc An', 'Xã Lộc An'));
  // Excel 97–2003: written as .xlsx, saved as .xls by LibreOffice, the source removed.
  const hiep = at('Loc Hiep.xlsx');
  await writeReturned(hiep, one('Xã Lộc Hiệp', 'Xã Lộc Hiệp'));
  const profile = path.join(dir, '..', 'lo-profile');
  convert(requireSoffice(), recalcProfile(profile), [hiep], 'xls', dir);
  fs.rmSync(hiep);
  await writeReturned(at(STRAY.file), {
    rows: [
      { name: 'Xã Lộc Điền', figures: unitFigures('Xã Lộc Điền') },
      { name: STRAY.name, figures: [100, 10, 20, 60, 10, 30, 30] },
    ],
  });
  // LibreOffice's own format: written as .xlsx, saved as .ods by LibreOffice, the source removed.
  const hung = at('Loc Hung.xlsx');
  await writeReturned(hung, one('Lộc Hưng', ODS_UNIT));
  convert(requireSoffice(), recalcProfile(profile), [hung], 'ods', dir);
  fs.rmSync(hung);
  await writeReturned(at('Loc Thinh.xlsx'), one('  Xã  Lộc   Thịnh ', 'Xã Lộc Thịnh'));
  return fs.readdirSync(dir).sort();
}
