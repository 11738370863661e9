/**
 * Heading rows that carry the sum of the rows below them, found in the figures.
 *
 * Asset lists, land registers and many district tables write a heading row for each kind of
 * thing with the totals of its block on the heading itself, above the items: "1 - Đất" with
 * the land plots under it, "2 - Nhà" with the buildings, "Quyền sử dụng đất" above its
 * indented plots. No word says so: the heading differs from its items only in its form (a blank
 * STT where the items are numbered, a "1 - " before the label, a label not indented where the
 * items are), and its figures are the sum of the rows down to the next row of the same form.
 *
 * A form is believed to be such a heading only when the figures establish it: the headings of
 * that form equal the sum of their blocks in a clear majority of the cells that say something
 * (at least three, on at least two headings, one of them over two rows or more — a heading
 * that only repeats its one item proves little). Then every heading of that form is checked
 * against its block, and the rows that fail are reported with how often the relation holds.
 * Only one form per table: nested headings whose blocks hold sub-headings and items alike add
 * them twice, so the relation fails there and the form is not believed.
 */
import type { CellValue, Table } from '../model';
import { markerOfCode, markerOfLabel, ofWhichOf, type Outline } from './outline';
import { halfUnit, sumTolerance } from './rule';

export interface HeadingBlocks {
  /** Per heading row (in order): the rows its figures add, "Trong đó" rows left out. */
  readonly blocks: ReadonlyMap<number, readonly number[]>;
  /**
   * The columns the headings add up in: a column where they fail more often than they hold
   * (a yield, a price, an average beside the sums) is not something a heading adds.
   */
  readonly columns: readonly number[];
  /** How the figures established it: cells that hold / fail over all headings. */
  readonly holds: number;
  readonly fails: number;
}

/** The relation must hold in this share of the cells that say something, and this many. */
const HOLDS_SHARE = 0.75;
const MIN_HOLDS = 3;

/** The columns that name a row: every text column up to the one with the most words. */
function nameColumns(table: Table, figure: readonly boolean[]): number[] {
  let label = -1;
  let most = 0;
  table.columns.forEach((_, c) => {
    if (figure[c]) return;
    let n = 0;
    for (const row of table.rows) {
      const v = row.cells[c];
      if (typeof v === 'string' && /\p{L}{2}/u.test(v)) n++;
    }
    if (n > most) [label, most] = [c, n];
  });
  if (label < 0) return [];
  const out: number[] = [];
  for (let c = 0; c <= label; c++) if (!figure[c]) out.push(c);
  return out;
}

/** How a name cell is written: blank, a numbering marker, indented, or plain text. */
function formOfCell(v: CellValue, isLabel: boolean): string {
  if (v === null) return '·';
  const s = String(v);
  if (s.trim() === '') return '·';
  if (!isLabel) return markerOfCode(s)?.type ?? 'x';
  if (ofWhichOf(s) !== null) return 'of';
  const marker = markerOfLabel(s);
  if (marker) return marker.type;
  return /^\s/.test(s) ? 'in' : 't';
}

function figureOf(v: CellValue): number | null {
  return typeof v === 'number' && Number.isFinite(v) ? v : null;
}

interface Tally {
  holds: number;
  fails: number;
  /** Per additive column (same order): cells that hold and fail. */
  byColumn: { holds: number; fails: number }[];
  /** Headings that hold in some column. */
  heads: number;
  /** Holding cells whose block has two figures or more. */
  wide: number;
}

/**
 * The heading rows of `table` whose figures the rows below them add up to, or null when no
 * form of row is established as such. `additive` are the columns a sum may be checked in.
 */
export function findHeadingBlocks(
  table: Table,
  figure: readonly boolean[],
  additive: readonly number[],
  outline: Outline,
): HeadingBlocks | null {
  const n = table.rows.length;
  if (n < 4 || additive.length === 0) return null;
  const names = nameColumns(table, figure);
  if (names.length === 0) return null;
  const label = names[names.length - 1];
  const forms = table.rows.map((row) =>
    names.map((c) => formOfCell(row.cells[c], c === label)).join('|'),
  );
  const candidates = new Map<string, number[]>();
  let details = 0;
  table.rows.forEach((row, r) => {
    if (row.role !== 'detail' || outline.part[r]) return;
    details++;
    let list = candidates.get(forms[r]);
    if (!list) candidates.set(forms[r], (list = []));
    list.push(r);
  });
  let best: HeadingBlocks | null = null;
  for (const [form, rows] of candidates) {
    // Headings are the fewer rows: a form most rows share is the items'.
    if (rows.length < 2 || rows.length * 2 > details) continue;
    const blocks = blocksUnder(table, rows, forms, form, additive, outline);
    const tally = tallyBlocks(table, blocks, additive);
    const said = tally.holds + tally.fails;
    if (tally.holds < MIN_HOLDS || tally.holds < HOLDS_SHARE * said) continue;
    if (tally.heads < 2 || tally.wide < 1) continue;
    if (best && tally.holds <= best.holds) continue;
    const columns = additive.filter((_, i) => {
      const t = tally.byColumn[i];
      return t.holds >= 1 && t.holds >= t.fails;
    });
    best = { blocks, columns, holds: tally.holds, fails: tally.fails };
  }
  return best;
}

/**
 * The block under each heading of `form`: the rows down to the next row of that form (or a
 * total, a group, the end). The items under the headings are written alike; a block holding
 * rows of another form with figures (sub-headings with their own items, the next section's
 * "IV.") is nested structure this reading does not add, and its heading is left unchecked.
 */
function blocksUnder(
  table: Table,
  heads: readonly number[],
  forms: readonly string[],
  form: string,
  additive: readonly number[],
  outline: Outline,
): Map<number, number[]> {
  const hasFigures = (r: number) => additive.some((c) => figureOf(table.rows[r].cells[c]) !== null);
  const runs = new Map<number, number[]>();
  const firstForms = new Map<string, number>();
  for (const h of heads) {
    // A heading whose figures are all blank or 0 only heads its block: it states no sum.
    if (additive.every((c) => !figureOf(table.rows[h].cells[c]))) continue;
    const run: number[] = [];
    for (let r = h + 1; r < table.rows.length; r++) {
      if (table.rows[r].role !== 'detail' || forms[r] === form) break;
      if (!outline.part[r] && hasFigures(r)) run.push(r);
    }
    if (run.length === 0) continue;
    runs.set(h, run);
    firstForms.set(forms[run[0]], (firstForms.get(forms[run[0]]) ?? 0) + 1);
  }
  let item = '';
  let most = 0;
  for (const [f, k] of firstForms) if (k > most) [item, most] = [f, k];
  const blocks = new Map<number, number[]>();
  // An item written a little differently (indented, after a dash) is still an item; a row
  // numbered otherwise (a sub-heading, the next section) is structure.
  const plain = (f: string) => /(?:^|\|)(?:t|in|dash|plus|star|bullet)$/.test(f);
  const numbering = (f: string) => f.slice(0, f.lastIndexOf('|') + 1);
  const alike = (f: string) =>
    f === item || (plain(f) && plain(item) && numbering(f) === numbering(item));
  for (const [h, run] of runs) if (run.every((r) => alike(forms[r]))) blocks.set(h, run);
  return blocks;
}

function tallyBlocks(
  table: Table,
  blocks: ReadonlyMap<number, readonly number[]>,
  additive: readonly number[],
): Tally {
  const byColumn = additive.map(() => ({ holds: 0, fails: 0 }));
  const tally: Tally = { holds: 0, fails: 0, byColumn, heads: 0, wide: 0 };
  for (const [h, block] of blocks) {
    let held = false;
    for (const [i, c] of additive.entries()) {
      const stated = figureOf(table.rows[h].cells[c]);
      if (stated === null) continue;
      let sum = 0;
      let given = 0;
      for (const r of block) {
        const v = figureOf(table.rows[r].cells[c]);
        if (v === null) continue;
        sum += v;
        given++;
      }
      // A blank block says nothing of its heading; a zero equal to zeros proves nothing.
      if (given === 0 || (stated === 0 && sum === 0)) continue;
      const decimals = table.columns[c].decimals;
      const slack = sumTolerance(sum, decimals) + (decimals > 0 ? given * halfUnit(decimals) : 0);
      if (Math.abs(stated - sum) <= slack) {
        tally.holds++;
        byColumn[i].holds++;
        held = true;
        if (given >= 2) tally.wide++;
      } else {
        tally.fails++;
        byColumn[i].fails++;
      }
    }
    if (held) tally.heads++;
  }
  return tally;
}
