/**
 * Runs the built `bieu` command in a child process as a user would, and measures what the issue
 * of hostile inputs bounds: the time and the peak resident memory of that process.
 */
import { execFileSync, spawn } from 'node:child_process';
import fs from 'node:fs';
import os from 'node:os';
import path from 'node:path';

const root = path.resolve(__dirname, '..', '..');
export const CLI = path.join(root, 'dist', 'node', 'cli.cjs');
const USAGE = path.join(__dirname, 'process-usage.cjs');

/** Builds dist/node/cli.cjs from the sources, as the CLI tests do, so it is never stale. */
export function buildCli(): void {
  execFileSync(process.execPath, [path.join(root, 'electron/scripts/build-node.mjs')], {
    stdio: 'ignore',
  });
}

export interface CliRun {
  code: number | null;
  signal: NodeJS.Signals | null;
  stdout: string;
  stderr: string;
  /** Wall time of the child, in milliseconds (slowed by whatever else the machine runs). */
  ms: number;
  /**
   * CPU time of the child, all its threads, in milliseconds: the work it did, the same on an
   * idle machine and on one shared with other jobs (NaN when it died before reporting).
   */
  cpuMs: number;
  /** Peak resident memory of the child, in MB (NaN when it died before reporting). */
  maxRssMb: number;
}

/** `bieu …args`; killed after `killAfterMs` (the test then fails on `signal`). */
export function runCli(
  args: string[],
  options: { env?: Record<string, string>; killAfterMs?: number } = {},
): Promise<CliRun> {
  const usageFile = path.join(fs.mkdtempSync(path.join(os.tmpdir(), 'bieu-usage-')), 'usage.json');
  const started = Date.now();
  return new Promise((resolve, reject) => {
    const child = spawn(process.execPath, ['-r', USAGE, CLI, ...args], {
      env: { ...process.env, ...options.env, BIEU_USAGE_FILE: usageFile },
    });
    let stdout = '';
    let stderr = '';
    child.stdout.setEncoding('utf8').on('data', (c: string) => (stdout += c));
    child.stderr.setEncoding('utf8').on('data', (c: string) => (stderr += c));
    const timer = setTimeout(() => child.kill('SIGKILL'), options.killAfterMs ?? 30_000);
    child.on('error', reject);
    child.on('close', (code, signal) => {
      clearTimeout(timer);
      const ms = Date.now() - started;
      let maxRssMb = NaN;
      let cpuMs = NaN;
      try {
        const usage = JSON.parse(fs.readFileSync(usageFile, 'utf8')) as {
          maxRss: number;
          cpuMs: number;
        };
        maxRssMb = usage.maxRss / (1024 * 1024);
        cpuMs = usage.cpuMs;
      } catch {
        // killed before its exit handler ran
      }
      fs.rmSync(path.dirname(usageFile), { recursive: true, force: true });
      resolve({ code, signal, stdout, stderr, ms, cpuMs, maxRssMb });
    });
  });
}
