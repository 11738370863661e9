/**
 * Formulas a table keeps without stating them: a column that is, on nearly every row, the sum of
 * other columns ("Tổng số = Công lập + Tư thục + Dân lập"), the difference of two ("Còn lại = Dự
 * toán − Đã chi", "Tuyệt đối = QT − KH"), or a rate of two ("Tỷ lệ = Đạt / Tổng số × 100"). Found
 * in the figures, never in the labels: a candidate is kept only when it holds exactly (a rate:
 * within its printed rounding) on a clear majority of the rows where it says something, at least
 * four of them. The rows where it fails are then what the checks report, as relations the
 * numbers establish ("đúng ở 41/43 dòng"); the preview says what was found and how often it
 * holds. A reading of the table, never a correction of it.
 *
 * Candidates, most specific first: the columns under the same header; a run of adjacent columns
 * beside the total; the columns at a fixed stride (one block of "Tổng số | Nữ | DTTS" per
 * sector); then any two columns near it, added, subtracted or divided. A candidate is tried on a
 * sample of rows first, so a national table of ten thousand rows costs little.
 */
import { formulaCodes, parseFormula } from '../checks/formula';
import { isRateColumn } from '../checks/table-context';
import type { CellValue, Column, RowRole } from '../model';
import { formatNumber } from '../numbers';

type DraftColumn = Omit<Column, 'id'>;
type DraftRow = { role: RowRole; cells: readonly CellValue[] };

export interface InferredFormula {
  column: number;
  formula: string;
  /** In Vietnamese, for the preview. */
  doubt: string;
}

/** Share of the rows that say something on which a candidate must hold. */
const AGREEMENT = 0.85;
/** And at least this many of them. */
const MIN_HOLDS = 4;
/** Columns on either side of a column tried as pairs (differences, rates). */
const PAIR_WINDOW = 8;
/** Rows a candidate is first tried on. */
const SAMPLE = 40;
/** Rows on which a product must hold with neither factor 0 or 1. */
const MIN_PROVEN = 3;

interface Candidate {
  /** Column index → coefficient (+1, −1) for sums and differences. */
  terms: [number, number][];
  /** For a rate: numerator / denominator × scale. */
  rate?: { num: number; den: number; scale: number };
  /** For an amount: quantity × price × scale ("Thành tiền = Số lượng × Đơn giá (nghìn đồng) × 1000"). */
  product?: { a: number; b: number; scale: number };
}

/** The figure of a cell, null when it is blank, NaN when it is text. */
function figure(v: CellValue): number | null {
  if (v === null) return null;
  if (typeof v === 'number') return v;
  return v.trim() === '' ? null : NaN;
}

function close(a: number, b: number, tolerance: number): boolean {
  return Math.abs(a - b) <= tolerance + 1e-9 * Math.max(1, Math.abs(a), Math.abs(b));
}

interface Trial {
  holds: number;
  said: number;
  /** For a product: rows where it held with neither factor 0 or 1 (where it was put to the test). */
  proven?: number;
  /**
   * Per term of a sum or difference, the rows where it was not 0 (it mattered) and those of
   * them where the candidate held. "D = F + J" holds on every row where F is 0; only the rows
   * where F has a figure can say whether F belongs to it.
   */
  termSaid: number[];
  termHolds: number[];
}

/** How often a candidate holds on the given rows: rows where every cell is blank or 0 say nothing. */
function trial(
  rows: readonly DraftRow[],
  which: readonly number[],
  t: number,
  c: Candidate,
  decimals: number,
): Trial {
  let holds = 0;
  let said = 0;
  const termSaid = c.terms.map(() => 0);
  const termHolds = c.terms.map(() => 0);
  let proven = 0;
  for (const r of which) {
    const cells = rows[r].cells;
    const stated = figure(cells[t]);
    if (stated === null || Number.isNaN(stated)) continue;
    if (c.rate) {
      const n = figure(cells[c.rate.num]);
      const d = figure(cells[c.rate.den]);
      if (n === null || d === null || Number.isNaN(n) || Number.isNaN(d) || d === 0 || n === 0)
        continue;
      // A rate of 0 says nothing (often a rate not worked out); one printed with a single
      // significant digit (0 or 1 for a ratio near 1) says too little to tell a formula.
      if (stated === 0 || Math.abs(stated) * 10 ** decimals < 10) continue;
      said++;
      if (close(stated, (n / d) * c.rate.scale, 0.5 * 10 ** -decimals)) holds++;
      continue;
    }
    if (c.product) {
      const a = figure(cells[c.product.a]);
      const b = figure(cells[c.product.b]);
      if (a === null || b === null || Number.isNaN(a) || Number.isNaN(b) || a === 0 || b === 0)
        continue;
      if (stated === 0) continue;
      said++;
      if (close(stated, a * b * c.product.scale, 0.5 * 10 ** -decimals)) {
        holds++;
        if (a !== 1 && b !== 1) proven++;
      }
      continue;
    }
    // A row whose stated figure is 0 says little: "0 = 5 − 5" holds for every pair of equal
    // columns, and a column of zeros is the difference of any two.
    if (stated === 0) continue;
    let sum = 0;
    let readable = true;
    let given = false;
    for (const [col, k] of c.terms) {
      const v = figure(cells[col]);
      if (v !== null && Number.isNaN(v)) readable = false;
      if (v !== null) given = true;
      if (v) sum += k * v;
    }
    // A row whose parts are all blank gives no breakdown: it says nothing of the formula.
    if (!readable || !given) continue;
    said++;
    const held = close(stated, sum, 0);
    if (held) holds++;
    c.terms.forEach(([col], k) => {
      if (!figure(cells[col])) return;
      termSaid[k]++;
      if (held) termHolds[k]++;
    });
  }
  return { holds, said, termSaid, termHolds, ...(c.product ? { proven } : {}) };
}

function accepted(t: Trial): boolean {
  if (t.holds < MIN_HOLDS || t.holds < AGREEMENT * t.said) return false;
  // "Thành tiền = Số lượng × Đơn giá" where every quantity is 1 only says the amount is the
  // price: a product is believed where both factors were put to the test.
  if (t.proven !== undefined && t.proven < MIN_PROVEN) return false;
  // Every term must have helped where it mattered, and as often as the whole.
  return t.termSaid.every((n, k) => t.termHolds[k] >= 1 && t.termHolds[k] >= AGREEMENT * n);
}

function sameHeaderPath(a: readonly string[], b: readonly string[]): boolean {
  return a.length === b.length && a.every((w, i) => w === b[i]);
}

/**
 * Each term must carry figures on two rows at least: a column that is blank but on one row adds
 * nothing on the others, and "Tổng = Nam − (a column of zeros)" proves nothing.
 */
function allContribute(
  rows: readonly DraftRow[],
  which: readonly number[],
  cols: readonly number[],
): boolean {
  const needed = Math.min(2, which.length);
  return cols.every((c) => {
    let n = 0;
    for (const r of which) {
      const v = rows[r].cells[c];
      if (typeof v === 'number' && v !== 0 && ++n >= needed) return true;
    }
    return false;
  });
}

function sums(
  columns: readonly DraftColumn[],
  t: number,
  additive: readonly boolean[],
): number[][] {
  const out: number[][] = [];
  const add = (cols: number[]) => {
    if (cols.length >= 2 && !out.some((o) => o.join() === cols.join())) out.push(cols);
  };
  const path = columns[t].headerPath;
  if (path.length > 0) {
    add(
      columns.flatMap((c, i) =>
        i !== t && additive[i] && sameHeaderPath(c.headerPath, path) ? [i] : [],
      ),
    );
  }
  // "Tổng DT sàn | HIỆN TRẠNG SỬ DỤNG: Trụ sở | Cơ sở | … | Khác": the figure columns of the
  // header group beside the total, however deep its own sub-headings go.
  for (const step of [1, -1]) {
    const group = columns[t + step]?.headerPath[0];
    if (group === undefined || group === path[0]) continue;
    const cols: number[] = [];
    for (let i = t + step; columns[i]?.headerPath[0] === group; i += step)
      if (additive[i]) cols.push(i);
    add(cols.sort((a, b) => a - b));
  }
  for (let k = 2; k <= 8; k++) {
    const after = Array.from({ length: k }, (_, j) => t + 1 + j);
    if (after.every((c) => c < columns.length && additive[c])) add(after);
    const before = Array.from({ length: k }, (_, j) => t - k + j);
    if (before.every((c) => c >= 0 && additive[c])) add(before);
  }
  // One column of each block after the total ("Tổng | Nữ | DTTS" per sector: the sector's own
  // "Tổng" columns), wherever the first block starts.
  for (let stride = 2; stride <= 6; stride++) {
    for (let start = t + 1; start <= t + stride; start++) {
      const cols: number[] = [];
      for (let c = start; c < columns.length && additive[c]; c += stride) cols.push(c);
      add(cols);
    }
  }
  return out;
}

function pairs(
  columns: readonly DraftColumn[],
  t: number,
  usable: readonly boolean[],
): Candidate[] {
  const near: number[] = [];
  for (
    let c = Math.max(0, t - PAIR_WINDOW);
    c <= Math.min(columns.length - 1, t + PAIR_WINDOW);
    c++
  )
    if (c !== t && usable[c]) near.push(c);
  const out: Candidate[] = [];
  for (const a of near) {
    for (const b of near) {
      if (a === b) continue;
      if (a < b)
        out.push({
          terms: [
            [a, 1],
            [b, 1],
          ],
        });
      out.push({
        terms: [
          [a, 1],
          [b, -1],
        ],
      });
    }
  }
  return out;
}

function rates(
  columns: readonly DraftColumn[],
  t: number,
  usable: readonly boolean[],
): Candidate[] {
  const out: Candidate[] = [];
  const near: number[] = [];
  for (
    let c = Math.max(0, t - PAIR_WINDOW);
    c <= Math.min(columns.length - 1, t + PAIR_WINDOW);
    c++
  )
    if (c !== t && usable[c]) near.push(c);
  for (const num of near)
    for (const den of near)
      if (num !== den)
        for (const scale of [100, 1]) out.push({ terms: [], rate: { num, den, scale } });
  return out;
}

/** Amounts: two figure columns near the amount multiplied, in đồng, nghìn đồng or triệu. */
function products(
  columns: readonly DraftColumn[],
  t: number,
  usable: readonly boolean[],
): Candidate[] {
  const out: Candidate[] = [];
  for (let a = Math.max(0, t - PAIR_WINDOW); a < t + PAIR_WINDOW; a++) {
    if (a === t || !usable[a]) continue;
    for (let b = a + 1; b <= Math.min(columns.length - 1, t + PAIR_WINDOW); b++) {
      if (b === t || !usable[b]) continue;
      for (const scale of [1, 1000, 0.001]) out.push({ terms: [], product: { a, b, scale } });
    }
  }
  return out;
}

function formulaText(columns: readonly DraftColumn[], c: Candidate): string {
  const code = (i: number) => columns[i].code;
  if (c.product) {
    const base = `${code(c.product.a)}*${code(c.product.b)}`;
    return c.product.scale === 1
      ? base
      : c.product.scale > 1
        ? `${base}*${c.product.scale}`
        : `${base}/${1 / c.product.scale}`;
  }
  if (c.rate) {
    const base = `${code(c.rate.num)}/${code(c.rate.den)}`;
    return c.rate.scale === 100 ? `${base}*100` : base;
  }
  return c.terms
    .map(([col, k], i) => (k < 0 ? `-${code(col)}` : i === 0 ? code(col) : `+${code(col)}`))
    .join('');
}

/**
 * The formulas the figures establish, for columns that state none. `names` are the columns'
 * display names for the doubts ("Cột E («Tổng số»)").
 */
export function inferFormulas(
  columns: readonly DraftColumn[],
  rows: readonly DraftRow[],
  names: readonly string[],
): InferredFormula[] {
  const figureColumn = columns.map((c) => c.type !== 'text');
  const additive = columns.map((c, i) => figureColumn[i] && !isRateColumn(c));
  const which = rows.flatMap((r, i) => (r.role === 'group' ? [] : [i]));
  if (which.length < MIN_HOLDS) return [];

  // A column that another formula already reads is a part, not a result: "1=2+3" and "2=1-3"
  // would say the same thing twice.
  const reads = new Set<number>();
  const codeAt = new Map(columns.map((c, i) => [c.code, i]));
  for (const column of columns) {
    if (!column.formula) continue;
    const parsed = parseFormula(column.formula, { codes: codeAt.keys() });
    if (parsed.ok) for (const code of formulaCodes(parsed.ast)) reads.add(codeAt.get(code)!);
  }
  const found: InferredFormula[] = [];
  // The rows a candidate for column t is first tried on: the first rows where t has a figure.
  const samples = new Map<number, number[]>();
  const sampleFor = (t: number): number[] => {
    let s = samples.get(t);
    if (!s) {
      s = [];
      for (const r of which) {
        const v = figure(rows[r].cells[t]);
        if (v !== null && v !== 0 && !Number.isNaN(v) && s.push(r) >= SAMPLE) break;
      }
      samples.set(t, s);
    }
    return s;
  };
  const tryOne = (t: number, c: Candidate, decimals: number): boolean => {
    const cols = c.rate
      ? [c.rate.num, c.rate.den]
      : c.product
        ? [c.product.a, c.product.b]
        : c.terms.map(([col]) => col);
    if (cols.includes(t) || !allContribute(rows, which, cols)) return false;
    const sample = sampleFor(t);
    const first = trial(rows, sample, t, c, decimals);
    // The sample rejects only when it says enough (parts often blank on a sparse sheet).
    if (!accepted(first) && first.said >= 2 * MIN_HOLDS) return false;
    const result = sample.length < which.length ? trial(rows, which, t, c, decimals) : first;
    if (!accepted(result)) return false;
    const formula = formulaText(columns, c);
    const tail =
      result.holds === result.said
        ? `đúng ở cả ${formatNumber(result.said, 0)} dòng`
        : `đúng ở ${formatNumber(result.holds, 0)}/${formatNumber(result.said, 0)} dòng, các dòng còn lại sẽ được báo`;
    found.push({
      column: t,
      formula,
      doubt: `${names[t]}: Biểu nhận ra từ số liệu «${columns[t].code}=${formula}» (${tail}).`,
    });
    cols.forEach((col) => reads.add(col));
    return true;
  };
  const done = new Set<number>();
  const open = (t: number) =>
    figureColumn[t] && !columns[t].formula && !reads.has(t) && !done.has(t);
  // Sums first, across the table: "Tổng số" on the right of its parts is their sum, not one of
  // its parts the difference of the others.
  columns.forEach((column, t) => {
    if (!open(t) || !additive[t]) return;
    for (const parts of sums(columns, t, additive)) {
      if (tryOne(t, { terms: parts.map((p) => [p, 1]) }, column.decimals)) return void done.add(t);
    }
  });
  columns.forEach((column, t) => {
    if (!open(t)) return;
    const candidates = additive[t] ? pairs(columns, t, additive) : rates(columns, t, additive);
    for (const c of candidates) if (tryOne(t, c, column.decimals)) return void done.add(t);
  });
  // Products last: an amount that is no sum or difference may be a quantity times a price,
  // whose factors need not be additive (a unit price is not).
  columns.forEach((column, t) => {
    if (!open(t) || !additive[t]) return;
    for (const c of products(columns, t, figureColumn))
      if (tryOne(t, c, column.decimals)) return void done.add(t);
  });
  return found;
}
