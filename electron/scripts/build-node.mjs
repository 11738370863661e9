// Bundles the Node side into dist/node/: the Electron main and preload (the sandboxed preload
// must be one file), the `bieu` CLI and the benchmark. Native and heavy modules stay external.
import { build } from 'esbuild';
import fs from 'node:fs';
import path from 'node:path';
import { fileURLToPath } from 'node:url';

const root = path.resolve(path.dirname(fileURLToPath(import.meta.url)), '..', '..');
const pkg = JSON.parse(fs.readFileSync(path.join(root, 'package.json'), 'utf8'));
const outdir = path.join(root, 'dist', 'node');

const entries = {
  main: 'electron/shell/main.ts',
  preload: 'electron/shell/preload.ts',
  cli: 'electron/cli/main.ts',
};
if (fs.existsSync(path.join(root, 'test/bench/bench.ts'))) entries.bench = 'test/bench/bench.ts';
if (fs.existsSync(path.join(root, 'test/bench/ui-bench.ts')))
  entries['bench-ui'] = 'test/bench/ui-bench.ts';
if (fs.existsSync(path.join(root, 'test/accuracy/show-tables.ts')))
  entries['show-tables'] = 'test/accuracy/show-tables.ts';
if (fs.existsSync(path.join(root, 'test/accuracy/show-cells.ts')))
  entries['show-cells'] = 'test/accuracy/show-cells.ts';

await build({
  absWorkingDir: root,
  entryPoints: entries,
  outdir,
  outExtension: { '.js': '.cjs' },
  bundle: true,
  platform: 'node',
  format: 'cjs',
  target: 'node20',
  sourcemap: true,
  // @e965/xlsx runs in a worker thread that requires it by path (electron/excel/sheetjs/).
  // The UI bench drives Chromium with Playwright, which stays in node_modules.
  external: ['electron', 'better-sqlite3', 'exceljs', '@e965/xlsx', '@playwright/test'],
  define: { __BIEU_VERSION__: JSON.stringify(pkg.version) },
  logLevel: 'warning',
});

const cli = path.join(outdir, 'cli.cjs');
fs.writeFileSync(
  cli,
  '#!/usr/bin/env node\n' + fs.readFileSync(cli, 'utf8').replace(/^#!.*\n/, ''),
);
fs.chmodSync(cli, 0o755);
console.log(
  `Đã đóng gói phần Node vào ${path.relative(root, outdir)}/ (${Object.keys(entries).join(', ')})`,
);
