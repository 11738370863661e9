// Finds Electron's binary WITHOUT triggering its download (requiring the `electron` package
// downloads on first use, which cannot reach its server on every machine).
// CommonJS on purpose: the start script (ESM) and the Playwright Electron spec (compiled to
// CommonJS) both load it.
const fs = require('node:fs');
const path = require('node:path');
const { spawnSync } = require('node:child_process');

function electronPackageDir() {
  try {
    return path.dirname(require.resolve('electron/package.json'));
  } catch {
    return null;
  }
}

/** The path of an installed Electron executable, or null. */
function findElectronBinary() {
  const dir = electronPackageDir();
  if (!dir) return null;
  const pathFile = path.join(dir, 'path.txt');
  if (!fs.existsSync(pathFile)) return null;
  const rel = fs.readFileSync(pathFile, 'utf8').trim();
  const base = process.env.ELECTRON_OVERRIDE_DIST_PATH ?? path.join(dir, 'dist');
  const bin = path.join(base, rel);
  return fs.existsSync(bin) ? bin : null;
}

/** Try Electron's own installer once, briefly; returns the binary or null. */
function tryInstallElectron(timeoutMs = 120000) {
  const dir = electronPackageDir();
  if (!dir) return null;
  const r = spawnSync(process.execPath, [path.join(dir, 'install.js')], {
    stdio: ['ignore', 'ignore', 'pipe'],
    timeout: timeoutMs,
  });
  if (r.status !== 0) return null;
  return findElectronBinary();
}

module.exports = { electronPackageDir, findElectronBinary, tryInstallElectron };
