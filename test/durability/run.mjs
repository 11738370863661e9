// Bundles the durability trials (main.ts) and runs them: `npm run durability -- --trials 200`.
import { build } from 'esbuild';
import { spawnSync } from 'node:child_process';
import fs from 'node:fs';
import os from 'node:os';
import path from 'node:path';
import { fileURLToPath } from 'node:url';

const root = path.resolve(path.dirname(fileURLToPath(import.meta.url)), '..', '..');
const dir = fs.mkdtempSync(path.join(os.tmpdir(), 'bieu-durability-run-'));
const out = path.join(dir, 'durability.cjs');
try {
  await build({
    absWorkingDir: root,
    entryPoints: [path.join(root, 'test/durability/main.ts')],
    outfile: out,
    bundle: true,
    platform: 'node',
    format: 'cjs',
    target: 'node20',
    external: ['electron', 'better-sqlite3', 'exceljs', 'esbuild'],
    logLevel: 'error',
  });
  const r = spawnSync(process.execPath, [out, ...process.argv.slice(2)], {
    cwd: root,
    stdio: 'inherit',
    env: { ...process.env, NODE_PATH: path.join(root, 'node_modules') },
  });
  process.exitCode = r.status ?? 1;
} finally {
  fs.rmSync(dir, { recursive: true, force: true });
}
