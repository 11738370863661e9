/**
 * What opening a document costs for its health checks (document-probe.ts), on a document of
 * 50,000 rows × 13 columns (about 650,000 cells): SQLite's full integrity check, the checksum of
 * the cells, and the whole read-only probe an open runs before anything is written. Figures
 * printed, not a timed test.
 */
import { mkdtempSync, rmSync, statSync } from 'node:fs';
import os from 'node:os';
import path from 'node:path';
import { cellChecksumHolds } from '../../electron/store/cell-checksum';
import { DocumentStore } from '../../electron/store/document-store';
import { openDatabase } from '../../electron/store/sqlite';
import { asNewTable, inventedProvinces, nationTable } from './nation-table';

function median(xs: number[]): number {
  const s = [...xs].sort((a, b) => a - b);
  return s[Math.floor(s.length / 2)];
}

function timed(f: () => unknown): number {
  const start = performance.now();
  f();
  return performance.now() - start;
}

export function runOpenCheckBench(): void {
  const dir = mkdtempSync(path.join(os.tmpdir(), 'bieu-open-bench-'));
  try {
    const table = nationTable(inventedProvinces(), 50_000);
    const file = path.join(dir, 'lon.bieu');
    DocumentStore.create(file, [asNewTable(table)]).close();
    const db = openDatabase(file, { readonly: true });
    const cells = db.prepare('SELECT count(*) FROM cells').pluck().get() as number;
    const runs = { quick: [] as number[], integrity: [] as number[], checksum: [] as number[] };
    for (let round = 0; round < 6; round++) {
      const quick = timed(() => db.pragma('quick_check'));
      const integrity = timed(() => db.pragma('integrity_check'));
      const checksum = timed(() => cellChecksumHolds(db));
      if (round === 0) continue; // the first round warms the page cache and the JIT
      runs.quick.push(quick);
      runs.integrity.push(integrity);
      runs.checksum.push(checksum);
    }
    db.close();
    const probes: number[] = [];
    for (let round = 0; round < 4; round++) {
      const elapsed = timed(() => DocumentStore.verify(file));
      if (round > 0) probes.push(elapsed);
    }
    console.log(
      `\nBiểu — open checks: ${table.rows.length} rows × ${table.columns.length} columns, ` +
        `${cells} cells, ${Math.round(statSync(file).size / 1024 / 1024)} MB`,
    );
    console.log(
      `integrity_check median ${median(runs.integrity).toFixed(0)} ms (quick_check ${median(runs.quick).toFixed(0)} ms); ` +
        `cells checksum ${median(runs.checksum).toFixed(0)} ms; whole read-only probe ${median(probes).toFixed(0)} ms`,
    );
  } finally {
    rmSync(dir, { recursive: true, force: true });
  }
}
