// `npm test`: every suite, in order — static checks, unit (vitest), end-to-end (Playwright in
// Debian Chromium through the browser host), and the Electron shell (or "skipped: no Electron
// binary"). Ends with one plain line "N passed, N failed[, N skipped]" summed over all suites.
import { spawnSync } from 'node:child_process';
import fs from 'node:fs';
import path from 'node:path';
import { fileURLToPath } from 'node:url';
import { createRequire } from 'node:module';
import { ensureSystemDeps } from './system-deps.mjs';

const { findElectronBinary } = createRequire(import.meta.url)(
  '../electron/scripts/electron-binary.cjs',
);

const root = path.resolve(path.dirname(fileURLToPath(import.meta.url)), '..');
const reports = path.join(root, 'test', 'artifacts', 'reports');
fs.mkdirSync(reports, { recursive: true });
const totals = { passed: 0, failed: 0, skipped: 0 };
let broken = false;

function run(title, cmd, args, env = {}) {
  console.log(`\n=== ${title} ===`);
  const r = spawnSync(cmd, args, { cwd: root, stdio: 'inherit', env: { ...process.env, ...env } });
  if (r.status !== 0) {
    console.error(`*** ${title}: thất bại (mã ${r.status ?? r.signal})`);
    broken = true;
  }
  return r.status === 0;
}

function countVitest(file) {
  if (!fs.existsSync(file)) return void (broken = true);
  const j = JSON.parse(fs.readFileSync(file, 'utf8'));
  totals.passed += j.numPassedTests;
  totals.failed += j.numFailedTests;
  totals.skipped += j.numPendingTests + (j.numTodoTests ?? 0);
}

function countPlaywright(file) {
  if (!fs.existsSync(file)) return void (broken = true);
  const j = JSON.parse(fs.readFileSync(file, 'utf8'));
  totals.passed += j.stats.expected + (j.stats.flaky ?? 0);
  totals.failed += j.stats.unexpected;
  totals.skipped += j.stats.skipped;
}

if (!fs.existsSync(path.join(root, 'node_modules'))) run('Cài phụ thuộc (npm ci)', 'npm', ['ci']);
try {
  ensureSystemDeps();
} catch (err) {
  console.error(err.message);
  process.exit(1);
}

run('Đóng gói (build)', 'npm', ['run', '--silent', 'build']);
run('Kiểm tra kiểu (tsc)', 'npx', ['tsc', '-p', 'tsconfig.json', '--noEmit']);
run('Lint (eslint + prettier)', 'npm', ['run', '--silent', 'lint']);

const vitestJson = path.join(reports, 'vitest.json');
fs.rmSync(vitestJson, { force: true });
run('Kiểm thử đơn vị (vitest)', 'npx', [
  'vitest',
  'run',
  '--config',
  'test/vitest.config.mts',
  '--reporter=default',
  '--reporter=json',
  `--outputFile.json=${vitestJson}`,
]);
countVitest(vitestJson);

// Electron needs a display: where there is none (CI), give it a virtual one.
const electronNeedsXvfb = findElectronBinary() && !process.env.DISPLAY;
for (const [title, config, name, wrap] of [
  ['Kiểm thử đầu-cuối (Playwright + Chromium)', 'test/e2e/playwright.config.ts', 'e2e', false],
  [
    'Kiểm thử vỏ Electron (Playwright)',
    'test/electron/playwright.config.ts',
    'electron',
    electronNeedsXvfb,
  ],
]) {
  const json = path.join(reports, `${name}.json`);
  fs.rmSync(json, { force: true });
  const args = ['playwright', 'test', '--config', config, '--reporter=list,json'];
  run(title, wrap ? 'xvfb-run' : 'npx', wrap ? ['-a', 'npx', ...args] : args, {
    PLAYWRIGHT_JSON_OUTPUT_NAME: json,
  });
  countPlaywright(json);
}

console.log(`\n${totals.passed} passed, ${totals.failed} failed, ${totals.skipped} skipped`);
process.exit(broken || totals.failed > 0 ? 1 : 0);
