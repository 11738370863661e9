/**
 * A nation-sized table for the benchmark (and for tests that want a big, realistic table): about
 * 10,600 communes grouped by province, a "Cộng" subtotal after each province and a "Toàn quốc"
 * total, 13 columns with a sum formula (1=2+3+4+5), two rates (8=7/6*100, 10=9/1*100) and a money
 * column with decimals. The figures are consistent: a full check finds nothing.
 *
 * Names come from the official list of the 3,321 communes after the 2025 merger
 * when the caller passes its text (import-bench.ts reads it when present); each province's
 * communes are repeated (with a running number) to reach the pre-2025 count of about 10,600.
 * Without the list, invented names are used.
 */
import type { CellValue, Column, Row, Table } from '../../shared/model';

export interface Province {
  name: string;
  communes: string[];
}

/** Parses the unit list (province_code,province_name,district_code,district_name,commune_code,commune_name). */
export function provincesFromCsv(csv: string): Province[] {
  const byName = new Map<string, string[]>();
  const lines = csv.split('\n').slice(1);
  for (const line of lines) {
    if (line.trim() === '') continue;
    const f = line.split(',');
    const province = f[1];
    const commune = f.slice(5).join(',');
    let list = byName.get(province);
    if (!list) byName.set(province, (list = []));
    list.push(commune);
  }
  return [...byName].map(([name, communes]) => ({ name, communes }));
}

/** 34 invented provinces of about 98 communes each, when the list is absent. */
export function inventedProvinces(): Province[] {
  return Array.from({ length: 34 }, (_, p) => ({
    name: `Tỉnh ${p + 1}`,
    communes: Array.from({ length: 98 }, (_, c) =>
      c % 5 === 0 ? `Phường ${c + 1}` : `Xã Số ${c + 1}`,
    ),
  }));
}

/** A small deterministic generator, so every run checks the same table. */
export function random(seed: number): () => number {
  let s = seed >>> 0;
  return () => {
    s = (Math.imul(s, 1664525) + 1013904223) >>> 0;
    return s / 4294967296;
  };
}

function column(
  code: string,
  label: string,
  options: Partial<Omit<Column, 'id' | 'code' | 'label'>> = {},
): Omit<Column, 'id'> {
  return {
    code,
    label,
    headerPath: options.headerPath ?? [],
    type: options.type ?? (/^\d+$/.test(code) ? 'integer' : 'text'),
    decimals: options.decimals ?? 0,
    formula: options.formula ?? null,
  };
}

function rate(part: number, whole: number): number {
  return whole === 0 ? 0 : Math.round((part / whole) * 10000) / 100;
}

export function nationTable(provinces: Province[], targetCommunes = 10_600): Table {
  const chiaRa = ['Chia ra'];
  const columns: Omit<Column, 'id'>[] = [
    column('A', 'STT'),
    column('B', 'Tỉnh, thành phố / xã, phường'),
    column('1', 'Tổng số nhân khẩu', { formula: '2+3+4+5' }),
    column('2', 'Dưới 7 tuổi', { headerPath: chiaRa }),
    column('3', 'Từ 7 đến 17 tuổi', { headerPath: chiaRa }),
    column('4', 'Từ 18 đến 60 tuổi', { headerPath: chiaRa }),
    column('5', 'Trên 60 tuổi', { headerPath: chiaRa }),
    column('6', 'Số hộ'),
    column('7', 'Hộ nghèo'),
    column('8', 'Tỷ lệ hộ nghèo (%)', { type: 'percent', decimals: 2, formula: '7/6*100' }),
    column('9', 'Số người tham gia'),
    column('10', 'Tỷ lệ tham gia (%)', { type: 'percent', decimals: 2, formula: '9/1*100' }),
    column('11', 'Kinh phí (triệu đồng)', { type: 'decimal', decimals: 3 }),
  ];
  const next = random(20250701);
  const totalSource = provinces.reduce((s, p) => s + p.communes.length, 0);
  const rows: Omit<Row, 'id'>[] = [];
  // Sums kept in integers (money in thousandths) so the totals are exact.
  const grand = new Array<number>(13).fill(0);
  let stt = 0;
  for (const province of provinces) {
    rows.push({ role: 'group', unitKey: null, cells: [null, province.name] });
    const count = Math.max(
      1,
      Math.round((province.communes.length * targetCommunes) / totalSource),
    );
    const sums = new Array<number>(13).fill(0);
    for (let i = 0; i < count; i++) {
      const base = province.communes[i % province.communes.length];
      const round = Math.floor(i / province.communes.length);
      const name = round === 0 ? base : `${base} ${round + 1}`;
      const parts = [
        200 + Math.floor(next() * 1800),
        300 + Math.floor(next() * 2500),
        1000 + Math.floor(next() * 9000),
        100 + Math.floor(next() * 1500),
      ];
      const people = parts[0] + parts[1] + parts[2] + parts[3];
      const households = Math.round(people / (3.2 + next()));
      const poor = Math.floor(households * next() * 0.12);
      const participants = Math.floor(people * next() * 0.3);
      const money = Math.floor(next() * 5_000_000); // thousandths of a million đồng
      const figures = [people, ...parts, households, poor, 0, participants, 0, money];
      figures.forEach((v, k) => (sums[2 + k] += v));
      rows.push({
        role: 'detail',
        unitKey: null,
        cells: [
          ++stt,
          name,
          ...figures.slice(0, 7),
          rate(poor, households),
          participants,
          rate(participants, people),
          money / 1000,
        ],
      });
    }
    sums.forEach((v, k) => (grand[k] += v));
    rows.push({ role: 'subtotal', unitKey: null, cells: totalCells('Cộng', sums) });
  }
  rows.push({ role: 'total', unitKey: null, cells: totalCells('Toàn quốc', grand) });
  return {
    id: 1,
    name: 'Toàn quốc',
    title: 'BIỂU THỐNG KÊ DÂN SỐ, HỘ NGHÈO VÀ THAM GIA HỌC TẬP THEO XÃ',
    unit: 'người; hộ; %; triệu đồng',
    columns: columns.map((c, i) => ({ ...c, id: i + 1 })),
    rows: rows.map((r, i) => ({ ...r, id: i + 1 })),
  };
}

function totalCells(label: string, sums: number[]): CellValue[] {
  const cells: CellValue[] = [label, null, ...sums.slice(2, 9)];
  cells.push(rate(sums[8], sums[7]), sums[10], rate(sums[10], sums[2]), sums[12] / 1000);
  return cells;
}

/** The table as the store takes it: no ids, every row with one cell per column. */
export function asNewTable(t: Table) {
  return {
    name: t.name,
    title: t.title,
    unit: t.unit,
    columns: t.columns.map(({ id: _id, ...c }) => c),
    rows: t.rows.map(({ id: _id, ...r }) => ({
      ...r,
      cells: t.columns.map((_, i) => r.cells[i] ?? null),
    })),
  };
}
