/**
 * Runs the built `bieu` command in a child process as a user would, and measures what the issue
 * of hostile inputs bounds: the wall time and the peak resident memory of that process.
 */
import { execFileSync, spawn } from 'node:child_process';
import fs from 'node:fs';
import os from 'node:os';
import path from 'node:path';

const root = path.resolve(__dirname, '..', '..');
export const CLI = path.join(root, 'dist', 'node', 'cli.cjs');
const MAX_RSS = path.join(__dirname, 'max-rss.cjs');

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
  /** Wall time of the child, in milliseconds. */
  ms: number;
  /** Peak resident memory of the child, in MB (NaN when it died before reporting). */
  maxRssMb: number;
}

/** `bieu …args`; killed after `killAfterMs` (the test then fails on `signal`). */
export function runCli(
  args: string[],
  options: { env?: Record<string, string>; killAfterMs?: number } = {},
): Promise<CliRun> {
  const rssFile = path.join(fs.mkdtempSync(path.join(os.tmpdir(), 'bieu-rss-')), 'max-rss.txt');
  const started = Date.now();
  return new Promise((resolve, reject) => {
    const child = spawn(process.execPath, ['-r', MAX_RSS, CLI, ...args], {
      env: { ...process.env, ...options.env, BIEU_MAX_RSS_FILE: rssFile },
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
      try {
        maxRssMb = Number(fs.readFileSync(rssFile, 'utf8')) / (1024 * 1024);
      } catch {
        // killed before its exit handler ran
      }
      fs.rmSync(path.dirname(rssFile), { recursive: true, force: true });
      resolve({ code, signal, stdout, stderr, ms, maxRssMb });
    });
  });
}
