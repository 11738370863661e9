/**
 * The check engine on a nation-sized table. Figures printed, not a timed test.
 *
 *   full check     new CheckSession(table) + findings(): compile the rules, index them,
 *                  evaluate, suggest — beside its floor, one pass over the table's figures
 *                  copied into a flat array (what evaluating every rule cannot beat)
 *   one edit       session.recheckCells([{ row, col, value }]) for a random figure cell
 */
import { CheckSession } from '../../shared/checks/engine';
import type { Table } from '../../shared/model';
import { nationTable, random, type Province } from './nation-table';
import { printRow, sideBySide } from './side-by-side';

/** The floor of a full check: every figure read once into a flat array, and one pass over it. */
function onePass(t: Table): number {
  const columns = t.columns.length;
  const figures = new Float64Array(t.rows.length * columns);
  t.rows.forEach((row, r) => {
    for (let c = 0; c < columns; c++) {
      const v = row.cells[c];
      if (typeof v === 'number') figures[r * columns + c] = v;
    }
  });
  let mismatches = 0;
  for (let r = 0; r < t.rows.length; r++) {
    let sum = 0;
    for (let c = 1; c < columns; c++) sum += figures[r * columns + c];
    if (sum !== figures[r * columns]) mismatches++;
  }
  return mismatches;
}

function median(xs: number[]): number {
  const s = [...xs].sort((a, b) => a - b);
  return s[Math.floor(s.length / 2)];
}

function percentile(xs: number[], p: number): number {
  const s = [...xs].sort((a, b) => a - b);
  return s[Math.min(s.length - 1, Math.floor(s.length * p))];
}

function ms(x: number): string {
  return x < 10 ? x.toFixed(3) : x.toFixed(1);
}

function time<T>(f: () => T): [T, number] {
  const start = performance.now();
  const result = f();
  return [result, performance.now() - start];
}

/** One digit typed wrong, or two adjacent digits swapped: the slips the checks should explain. */
function slip(value: number, next: () => number): number {
  const digits = String(Math.trunc(Math.abs(value)));
  if (digits.length >= 2 && next() < 0.5) {
    const i = Math.floor(next() * (digits.length - 1));
    if (digits[i] !== digits[i + 1]) {
      const swapped = digits.slice(0, i) + digits[i + 1] + digits[i] + digits.slice(i + 2);
      return Number(swapped);
    }
  }
  return value + 1 + Math.floor(next() * 9);
}

export async function runCheckBench(provinces: Province[], source: string): Promise<void> {
  const build = (): Table => nationTable(provinces);
  const table = build();
  const count = (role: string) => table.rows.filter((r) => r.role === role).length;
  console.log(
    `Biểu — check engine: ${table.rows.length} rows × ${table.columns.length} columns ` +
      `(${count('detail')} communes, ${count('subtotal')} province subtotals, ${count('total')} total); names: ${source}`,
  );

  // A fresh table each round: a session writes into its table only on edits.
  let session: CheckSession | null = null;
  const full = await sideBySide(
    () => build(),
    (t) => onePass(t),
    (t) => {
      session = new CheckSession(t);
      session.findings();
    },
  );
  const s = session! as CheckSession;
  printRow(
    `full check in memory (${s.rules.length} rules, ${s.findings().length} findings)`,
    full,
    'the figures copied into one Float64Array and summed row by row in one pass',
    '< 50 ms',
  );

  // One edit: a slip in a random figure cell, then the cell put back — each a one-cell re-check.
  const next = random(7);
  const t = s.table;
  const figureCols = t.columns.flatMap((c, i) =>
    c.type === 'integer' || c.type === 'decimal' ? [i] : [],
  );
  const rowsOf = (role: string) => t.rows.flatMap((r, i) => (r.role === role ? [i] : []));
  const scenario = (name: string, rows: number[], edits: number, keep: boolean): void => {
    const slipped: number[] = [];
    const restored: number[] = [];
    let worstFindings = 0;
    for (let e = 0; e < edits; e++) {
      const row = rows[Math.floor(next() * rows.length)];
      const col = figureCols[Math.floor(next() * figureCols.length)];
      const old = t.rows[row].cells[col];
      const value = slip(typeof old === 'number' ? old : 0, next);
      const [found, a] = time(() => s.recheckCells([{ row, col, value }]));
      slipped.push(a);
      worstFindings = Math.max(worstFindings, found.length);
      if (!keep) {
        const [, b] = time(() => s.recheckCells([{ row, col, value: old }]));
        restored.push(b);
      }
    }
    const all = [...slipped, ...restored];
    const split = keep ? '' : `; slip ${ms(median(slipped))} / put back ${ms(median(restored))}`;
    console.log(
      `one edit, ${name}: median ${ms(median(all))} ms, p95 ${ms(percentile(all, 0.95))}, max ${ms(Math.max(...all))} ` +
        `(${all.length} re-checks${split}; up to ${worstFindings} findings)`,
    );
  };
  scenario('commune cell (slip, then put back)', rowsOf('detail'), 500, false);
  scenario('province subtotal cell', rowsOf('subtotal'), 100, false);
  scenario('the national total', rowsOf('total'), 50, false);
  scenario('slips left in place (findings pile up)', rowsOf('detail'), 300, true);
  console.log(`after the edits: ${s.findings().length} findings`);
}
