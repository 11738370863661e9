/**
 * The district of the collect tests: Lộc Ninh with its 16 communes (one thị trấn, fifteen xã),
 * a population table (ages 2–5 make column 1, column 7 = 6/1*100) whose figures the communes
 * send back, and a writer for the workbooks they return — real .xlsx files written with
 * exceljs, laid out as people lay them out (letterhead, title, two-level header, code row).
 */
import ExcelJS from 'exceljs';
import type { CollectOffer } from '../../../../shared/collect/plan-collect';
import type { TableDraft } from '../../../../shared/import/detect-tables';

export const TABLE_NAME = 'Dân số và tỷ lệ tham gia';
export const TITLE = 'BIỂU THỐNG KÊ DÂN SỐ VÀ TỶ LỆ THAM GIA HỌC TẬP';

/** [name in the district table, figures 2, 3, 4, 5, 6]. */
const FIGURES: [string, number, number, number, number, number][] = [
  ['Thị trấn Lộc Ninh', 1456, 2015, 5958, 1021, 1239],
  ['Xã Lộc Hòa', 612, 1180, 3021, 540, 702],
  ['Xã Lộc Tấn', 701, 1302, 3650, 611, 880],
  ['Xã Lộc Thạnh', 455, 870, 2210, 390, 415],
  ['Xã Lộc Thiện', 530, 990, 2604, 455, 610],
  ['Xã Lộc Thuận', 498, 915, 2390, 402, 522],
  ['Xã Lộc Quang', 377, 701, 1850, 330, 341],
  ['Xã Lộc Phú', 402, 760, 1998, 351, 390],
  ['Xã Lộc Thành', 389, 722, 1901, 340, 377],
  ['Xã Lộc Thái', 610, 1150, 3012, 520, 640],
  ['Xã Lộc An', 544, 1003, 2702, 470, 505],
  ['Xã Lộc Hiệp', 603, 1120, 2955, 515, 600],
  ['Xã Lộc Khánh', 420, 790, 2080, 366, 401],
  ['Xã Lộc Điền', 466, 880, 2301, 402, 470],
  ['Xã Lộc Hưng', 690, 1290, 3400, 598, 720],
  ['Xã Lộc Thịnh', 350, 655, 1720, 300, 333],
];

export const UNIT_NAMES = FIGURES.map((f) => f[0]);

/** The seven figures of a unit's row as the district table stores them: 1, 2, 3, 4, 5, 6, 7. */
export function unitFigures(name: string): number[] {
  const f = FIGURES.find((x) => x[0] === name);
  if (!f) throw new Error(`no unit ${name}`);
  const [, a, b, c, d, p] = f;
  const total = a + b + c + d;
  return [total, a, b, c, d, p, Math.round((p / total) * 10000) / 100];
}

const COLUMNS: TableDraft['columns'] = [
  { code: 'A', label: 'STT', headerPath: [], type: 'text', decimals: 0, formula: null },
  { code: 'B', label: 'Xã/ thị trấn', headerPath: [], type: 'text', decimals: 0, formula: null },
  {
    code: '1',
    label: 'Tổng số nhân khẩu',
    headerPath: [],
    type: 'integer',
    decimals: 0,
    formula: '2+3+4+5',
  },
  {
    code: '2',
    label: 'Dưới 7 tuổi',
    headerPath: ['Chia ra'],
    type: 'integer',
    decimals: 0,
    formula: null,
  },
  {
    code: '3',
    label: 'Từ 7 đến 17 tuổi',
    headerPath: ['Chia ra'],
    type: 'integer',
    decimals: 0,
    formula: null,
  },
  {
    code: '4',
    label: 'Từ 18 đến 60 tuổi',
    headerPath: ['Chia ra'],
    type: 'integer',
    decimals: 0,
    formula: null,
  },
  {
    code: '5',
    label: 'Trên 60 tuổi',
    headerPath: ['Chia ra'],
    type: 'integer',
    decimals: 0,
    formula: null,
  },
  {
    code: '6',
    label: 'Số người tham gia',
    headerPath: [],
    type: 'integer',
    decimals: 0,
    formula: null,
  },
  {
    code: '7',
    label: 'Tỷ lệ tham gia (%)',
    headerPath: [],
    type: 'percent',
    decimals: 2,
    formula: '6/1*100',
  },
];

/** The district table before any commune has answered: names, no figures, a total row. */
export function districtTable(): TableDraft {
  const blank = () => Array<null>(7).fill(null);
  return {
    name: TABLE_NAME,
    title: TITLE,
    unit: 'người; %',
    columns: COLUMNS,
    rows: [
      ...UNIT_NAMES.map((name, i) => ({
        role: 'detail' as const,
        unitKey: null,
        cells: [String(i + 1), name, ...blank()],
      })),
      { role: 'total' as const, unitKey: null, cells: ['', 'Toàn huyện', ...blank()] },
    ],
  };
}

export interface ReturnedRow {
  name: string;
  figures: (number | string | null)[];
}

export interface ReturnedWorkbook {
  sheet?: string;
  /** The letterhead line ("ỦY BAN NHÂN DÂN XÃ LỘC HÒA"). */
  letterhead?: string;
  title?: string;
  rows: ReturnedRow[];
  /** A total row after the rows ("Cộng" of a commune's villages). */
  total?: ReturnedRow;
  /** Blank lines before the letterhead: the commune moved the table down. */
  offset?: number;
}

const HEADER_TOP = [
  'STT',
  'Xã/ thị trấn',
  'Tổng số nhân khẩu',
  'Chia ra',
  '',
  '',
  '',
  'Số người tham gia',
  'Tỷ lệ tham gia (%)',
];
const HEADER_SUB = [
  '',
  '',
  '',
  'Dưới 7 tuổi',
  'Từ 7 đến 17 tuổi',
  'Từ 18 đến 60 tuổi',
  'Trên 60 tuổi',
  '',
  '',
];
export const CODE_ROW = ['A', 'B', '1=2+3+4+5', '2', '3', '4', '5', '6', '7=6/1*100'];

/** The header in one row, as a commune that flattened it writes it. */
export const FLAT_HEADER = [
  'STT',
  'Xã/ thị trấn',
  'Tổng số nhân khẩu',
  'Dưới 7 tuổi',
  'Từ 7 đến 17 tuổi',
  'Từ 18 đến 60 tuổi',
  'Trên 60 tuổi',
  'Số người tham gia',
  'Tỷ lệ tham gia (%)',
];

/** A commune's figures for columns 2 and 3 of its row, from cells D8, E8 of its file. */
export function collectOffer(
  file: string,
  rowIndex: number,
  figures: [number, number],
): CollectOffer {
  return {
    rowIndex,
    file,
    edits: figures.map((value, k) => ({
      rowIndex,
      columnIndex: 3 + k,
      value,
      source: { file, sheet: 'Biểu 01', cell: `${'DE'[k]}8` },
    })),
  };
}

/** Writes a returned workbook the way a commune fills in the district's layout. */
export async function writeReturned(file: string, w: ReturnedWorkbook): Promise<void> {
  const wb = new ExcelJS.Workbook();
  const ws = wb.addWorksheet(w.sheet ?? 'Biểu 01');
  let r = 1 + (w.offset ?? 0);
  if (w.letterhead) ws.getCell(r++, 1).value = w.letterhead;
  ws.getCell(r++, 1).value = w.title ?? TITLE;
  ws.getCell(r++, 1).value = 'Đơn vị tính: người; %';
  r++;
  const top = r;
  HEADER_TOP.forEach((v, c) => v && (ws.getCell(top, c + 1).value = v));
  HEADER_SUB.forEach((v, c) => v && (ws.getCell(top + 1, c + 1).value = v));
  for (const c of [1, 2, 3, 8, 9]) ws.mergeCells(top, c, top + 1, c);
  ws.mergeCells(top, 4, top, 7);
  CODE_ROW.forEach((v, c) => (ws.getCell(top + 2, c + 1).value = v));
  r = top + 3;
  const put = (stt: string, row: ReturnedRow) => {
    ws.getCell(r, 1).value = stt;
    ws.getCell(r, 2).value = row.name;
    row.figures.forEach((v, c) => (ws.getCell(r, c + 3).value = v));
    r++;
  };
  w.rows.forEach((row, i) => put(String(i + 1), row));
  if (w.total) put('', w.total);
  await wb.xlsx.writeFile(file);
}
