// Builds better-sqlite3 for Electron's ABI into dist/native/electron/, leaving the Node build in
// node_modules for the tests and the CLI (the two builds live side by side).
import fs from 'node:fs';
import path from 'node:path';
import { spawnSync } from 'node:child_process';
import { fileURLToPath } from 'node:url';
import { createRequire } from 'node:module';

const require = createRequire(import.meta.url);
const root = path.resolve(path.dirname(fileURLToPath(import.meta.url)), '..', '..');
const target = path.join(root, 'dist', 'native', 'electron', 'better_sqlite3.node');

export function ensureElectronSqlite() {
  const version = require('electron/package.json').version;
  const stamp = `${target}.electron-${version}`;
  if (fs.existsSync(target) && fs.existsSync(stamp)) return true;
  const work = path.join(root, 'dist', 'native', 'build');
  fs.rmSync(work, { recursive: true, force: true });
  fs.mkdirSync(work, { recursive: true });
  const src = path.dirname(require.resolve('better-sqlite3/package.json'));
  fs.cpSync(src, path.join(work, 'better-sqlite3'), { recursive: true });
  const gyp = require.resolve('node-gyp/bin/node-gyp.js');
  const r = spawnSync(
    process.execPath,
    [
      gyp,
      'rebuild',
      '--release',
      `--target=${version}`,
      '--runtime=electron',
      '--dist-url=https://electronjs.org/headers',
    ],
    { cwd: path.join(work, 'better-sqlite3'), stdio: 'inherit' },
  );
  if (r.status !== 0) return false;
  fs.mkdirSync(path.dirname(target), { recursive: true });
  fs.copyFileSync(
    path.join(work, 'better-sqlite3', 'build', 'Release', 'better_sqlite3.node'),
    target,
  );
  fs.writeFileSync(stamp, '');
  return true;
}

if (process.argv[1] && fileURLToPath(import.meta.url) === path.resolve(process.argv[1])) {
  process.exit(ensureElectronSqlite() ? 0 : 1);
}
