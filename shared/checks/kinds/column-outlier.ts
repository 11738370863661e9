/**
 * A figure in another unit than its column: an area of 110.400 among areas of 90 to 150 ha (a
 * slip of "110,4"), a money amount in an area column, a rate of 0,14 among rates of 3 to 21 %
 * (a fraction left in a percent column). The column itself is the evidence: its figures lie
 * within a narrow band, and this one lies far outside it, and comes back into the band when
 * divided by 1.000 or 1.000.000 (or, in a percent column, multiplied by 100). Columns whose
 * figures spread widely (assets worth a million and a billion side by side) say nothing and
 * are not judged.
 *
 * The band is read when the table is compiled, from the detail rows' figures: a robust range
 * (the 10th to the 90th percentile) that one or two slips do not move.
 */
import { decimalsNeeded, formatNumber } from '../../numbers';
import { isPercentHeader } from '../../table-words';
import type { CellRef, Flag } from '../rule';
import type { TableContext } from '../table-context';

/** Figures a column needs for its band to say anything. */
const MIN_FIGURES = 8;
/** A band at most this wide (90th over 10th percentile) is narrow. */
const NARROW = 30;
/** How far outside the band a figure must lie, at least. */
const OUTSIDE = 100;

export interface Band {
  lo: number;
  hi: number;
  count: number;
  /** The factors that bring a figure of another unit back: 1e3 and 1e6, or 1/100 for percent. */
  factors: readonly number[];
}

function percentile(sorted: Float64Array, p: number): number {
  return sorted[Math.min(sorted.length - 1, Math.floor(p * (sorted.length - 1)))];
}

function shown(v: number): string {
  return formatNumber(v, Math.min(decimalsNeeded(v, 4), 4));
}

/**
 * Each column's band, or null when its figures are too few or spread too widely. The detail
 * rows are read once for all the columns (a national table has 10,600 of them), and each
 * column's figures sorted in a typed array: numerically, in native code.
 */
export function bandsOf(context: TableContext, cols: readonly number[]): (Band | null)[] {
  const { table } = context;
  const all = cols.map(() => new Float64Array(table.rows.length));
  const counts = new Int32Array(cols.length);
  for (const row of table.rows) {
    if (row.role !== 'detail') continue;
    for (let i = 0; i < cols.length; i++) {
      const v = row.cells[cols[i]];
      if (typeof v === 'number' && v !== 0) all[i][counts[i]++] = Math.abs(v);
    }
  }
  return cols.map((col, i) => bandFrom(context, col, all[i].subarray(0, counts[i])));
}

function bandFrom(context: TableContext, col: number, figures: Float64Array): Band | null {
  const { table } = context;
  const count = figures.length;
  if (count < MIN_FIGURES) return null;
  const values = figures.sort();
  const lo = percentile(values, 0.1);
  const hi = percentile(values, 0.9);
  if (lo <= 0 || hi / lo > NARROW) return null;
  // A column with several figures far outside its band mixes scales (items and the groups they
  // add up to, things and buildings): a figure out there is not a slip.
  let far = 0;
  for (let i = 0; i < count; i++) if (values[i] > hi * OUTSIDE || values[i] < lo / OUTSIDE) far++;
  if (far > 1) return null;
  const column = table.columns[col];
  const percent =
    context.rateColumns[col] && [...column.headerPath, column.label].some(isPercentHeader);
  if (context.rateColumns[col] && !percent) return null;
  return { lo, hi, count: values.length, factors: percent ? [1 / 100] : [1000, 1_000_000] };
}

/**
 * The finding for a figure far outside its column's band that comes back into it by a factor
 * of units, or null. Evaluated by the rule of each figure cell (not-a-number.ts), which reads
 * that cell anyway.
 */
export function outlierFlag(band: Band, v: number, cell: CellRef): Flag | null {
  const { lo, hi } = band;
  const a = Math.abs(v);
  if (a === 0 || (a <= hi * OUTSIDE && a >= lo / OUTSIDE)) return null;
  const factor = band.factors.find((f) => a / f >= lo / 2 && a / f <= hi * 2);
  if (factor === undefined) return null;
  const how =
    factor < 1
      ? 'có thể là tỷ lệ chưa nhân 100'
      : `có thể ghi nhầm đơn vị tính (gấp ${shown(factor)} lần)`;
  return {
    status: 'flag',
    kind: 'magnitude',
    text: shown(v),
    severity: 'warning',
    message: `Ô {0} = ${shown(v)} nằm ngoài hẳn khoảng số liệu của cột (${shown(lo)} – ${shown(hi)}): ${how}, có lẽ là ${shown(v / factor)}`,
    cells: [cell],
    evidence: `${formatNumber(band.count, 0)} ô của cột nằm trong khoảng ${shown(lo)} – ${shown(hi)} (từ phân vị 10 đến 90)`,
  };
}
