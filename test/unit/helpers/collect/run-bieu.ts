/** The built `bieu` as a person runs it from a folder: real process, real exit code. */
import { execFileSync, spawnSync } from 'node:child_process';
import path from 'node:path';

const root = path.resolve(__dirname, '..', '..', '..', '..');
const cli = path.join(root, 'dist', 'node', 'cli.cjs');

/** Bundles the Node side (dist/node/cli.cjs) from the sources under test. */
export function buildCli(): void {
  execFileSync(process.execPath, [path.join(root, 'electron/scripts/build-node.mjs')], {
    stdio: 'ignore',
  });
}

/** Runs `bieu …` in `cwd`, with BIEU_HOME there too. */
export function runBieu(cwd: string, ...args: string[]) {
  const r = spawnSync(process.execPath, [cli, ...args], {
    encoding: 'utf8',
    cwd,
    env: { ...process.env, BIEU_HOME: cwd },
  });
  return { code: r.status, stdout: r.stdout, stderr: r.stderr };
}

/**
 * Runs `bieu …` as a person without special rights: under root (a container, CI) as the user
 * "nobody", because root reads a file whatever its permissions say, and a file another program
 * holds or no one may read is what the test must meet. `cwd` must belong to that user.
 */
export function runBieuUnprivileged(cwd: string, ...args: string[]) {
  const asRoot = process.getuid?.() === 0;
  const [bin, pre] = asRoot
    ? ['setpriv', [`--reuid=${NOBODY}`, `--regid=${NOBODY}`, '--clear-groups', process.execPath]]
    : [process.execPath, []];
  const r = spawnSync(bin, [...pre, cli, ...args], {
    encoding: 'utf8',
    cwd,
    env: { ...process.env, BIEU_HOME: cwd, HOME: cwd },
  });
  return { code: r.status, stdout: r.stdout, stderr: r.stderr };
}

/** The unprivileged user's id on Linux. */
export const NOBODY = 65534;
