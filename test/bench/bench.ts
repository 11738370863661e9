/**
 * `npm run bench`: the check engine on a nation-sized table. Prints
 * figures; it is not a timed test. Targets: a full check pass < 200 ms, the re-check after one
 * edit < 2 ms.
 *
 *   full check     new CheckSession(table): compile the rules, index them, evaluate, suggest
 *   one edit       session.recheckCells([{ row, col, value }]) for a random figure cell
 */
import { existsSync, readFileSync } from 'node:fs';
import path from 'node:path';
import { CheckSession } from '../../shared/checks/engine';
import type { Table } from '../../shared/model';
import { inventedProvinces, nationTable, provincesFromCsv, random } from './nation-table';
import { runImportBench } from './import-bench';
import { runOpenCheckBench } from './open-check-bench';

const UNIT_LIST = 'shared/data/vn_units_2025-07-01_2level.csv';

function findUnitList(): string | null {
  const starts = [process.cwd(), __dirname];
  for (const start of starts) {
    let dir = start;
    for (let up = 0; up < 5; up++) {
      const candidate = path.join(dir, UNIT_LIST);
      if (existsSync(candidate)) return candidate;
      dir = path.dirname(dir);
    }
  }
  return null;
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

function main(): void {
  const list = findUnitList();
  const provinces = list ? provincesFromCsv(readFileSync(list, 'utf8')) : inventedProvinces();
  const build = (): Table => nationTable(provinces);
  const table = build();
  const count = (role: string) => table.rows.filter((r) => r.role === role).length;
  console.log(
    `Biểu — bench: ${table.rows.length} rows × ${table.columns.length} columns ` +
      `(${count('detail')} communes, ${count('subtotal')} province subtotals, ${count('total')} total)` +
      (list ? `; names from ${path.basename(list)}` : '; invented names (unit list not found)'),
  );

  // Full pass: a fresh table each run (a session writes into its table only on edits).
  const fulls: number[] = [];
  let session: CheckSession | null = null;
  for (let run = 0; run < 9; run++) {
    const t = build();
    const [s, elapsed] = time(() => {
      const checked = new CheckSession(t);
      checked.findings();
      return checked;
    });
    if (run > 0) fulls.push(elapsed); // the first run warms the JIT
    session = s;
  }
  const s = session!;
  console.log(
    `full check: median ${ms(median(fulls))} ms (min ${ms(Math.min(...fulls))}, max ${ms(Math.max(...fulls))}; ${fulls.length} runs); ` +
      `${s.rules.length} rules, ${s.findings().length} findings`,
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

// The check engine first, then the importer against exceljs' own read and the big paste
// (the import and paste figures), all in one run.
main();
console.log('');
runImportBench()
  .then(runOpenCheckBench)
  .catch((err) => {
    console.error(err);
    process.exitCode = 1;
  });
