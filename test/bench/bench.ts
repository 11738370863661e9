/**
 * `npm run bench`: every Node-side row of the speed table, each beside a floor measured in the
 * same run (side-by-side.ts). Figures printed; it is not a timed test.
 */
import { mkdtempSync, rmSync } from 'node:fs';
import os from 'node:os';
import path from 'node:path';
import { runCheckBench } from './check-bench';
import { benchProvinces, runImportBench } from './import-bench';
import { runPasteBench } from './paste-bench';
import { runStructureBench } from './structure-bench';
import { runExportBench } from './export-bench';
import { runOpenCheckBench } from './open-check-bench';

async function main(): Promise<void> {
  const { provinces, source } = benchProvinces();
  const dir = mkdtempSync(path.join(os.tmpdir(), 'bieu-bench-'));
  const only = process.argv.slice(2);
  const wanted = (name: string) => only.length === 0 || only.includes(name);
  try {
    if (wanted('check')) await runCheckBench(provinces, source);
    if (wanted('import')) await runImportBench(dir, provinces, source);
    if (wanted('paste')) await runPasteBench(dir);
    if (wanted('structure')) await runStructureBench(dir);
    if (wanted('export')) await runExportBench(dir, provinces);
    if (wanted('open')) runOpenCheckBench();
  } finally {
    rmSync(dir, { recursive: true, force: true });
  }
}

main().catch((err) => {
  console.error(err);
  process.exitCode = 1;
});
