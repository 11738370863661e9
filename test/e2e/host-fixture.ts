/**
 * A Playwright fixture that runs the REAL browser host, `node dist/node/cli.cjs serve`, with its
 * settings and default documents folder in a fresh temporary BIEU_HOME per test. The host says
 * it is ready by printing one line, `Biểu đang chạy tại http://127.0.0.1:PORT/?token=…`; that
 * line is the only thing we read from it.
 */
import { spawn, type ChildProcess } from 'node:child_process';
import fs from 'node:fs';
import os from 'node:os';
import path from 'node:path';
import { expect, test as base, type Page } from '@playwright/test';

const REPO = path.resolve(__dirname, '..', '..');
/** BIEU_CLI lets a developer point the tests at another build of the CLI. */
const CLI = process.env.BIEU_CLI ?? path.join(REPO, 'dist', 'node', 'cli.cjs');
const READY = /^Biểu đang chạy tại (http:\/\/127\.0\.0\.1:\d+\/\S*)$/m;
const START_TIMEOUT_MS = 20_000;

export interface RunningHost {
  url: string;
  /** Stop the host the way a user does (SIGTERM) and wait until it has exited. */
  stop(): Promise<void>;
}

export interface BieuHost {
  /** The test's BIEU_HOME: its own settings and documents folder, removed after the test. */
  home: string;
  /** Start `bieu serve`, optionally on a document. */
  start(document?: string): Promise<RunningHost>;
}

function waitForExit(child: ChildProcess): Promise<void> {
  if (child.exitCode !== null || child.signalCode !== null) return Promise.resolve();
  return new Promise((resolve) => child.once('exit', () => resolve()));
}

function startHost(
  home: string,
  document: string | undefined,
  started: ChildProcess[],
): Promise<RunningHost> {
  if (!fs.existsSync(CLI)) {
    throw new Error(`Không thấy ${CLI}. Hãy chạy «npm run build» trước khi chạy kiểm thử e2e.`);
  }
  const args = [CLI, 'serve', ...(document ? [document] : [])];
  const child = spawn(process.execPath, args, {
    env: { ...process.env, BIEU_HOME: home },
    stdio: ['ignore', 'pipe', 'pipe'],
  });
  started.push(child);

  return new Promise((resolve, reject) => {
    let stdout = '';
    let stderr = '';
    const fail = (why: string) => {
      clearTimeout(timer);
      child.kill('SIGKILL');
      reject(new Error(`${why}\nstdout: ${stdout}\nstderr: ${stderr}`));
    };
    const exitedEarly = (code: number | null, signal: string | null) =>
      fail(`bieu serve exited before it was ready (code ${code}, signal ${signal})`);
    const timer = setTimeout(
      () => fail(`bieu serve did not print its URL within ${START_TIMEOUT_MS} ms`),
      START_TIMEOUT_MS,
    );
    child.stderr!.setEncoding('utf8').on('data', (chunk: string) => (stderr += chunk));
    child.stdout!.setEncoding('utf8').on('data', (chunk: string) => {
      stdout += chunk;
      const ready = READY.exec(stdout);
      if (!ready) return;
      clearTimeout(timer);
      child.off('exit', exitedEarly);
      resolve({
        url: ready[1],
        stop: async () => {
          child.kill('SIGTERM');
          await waitForExit(child);
        },
      });
    });
    child.once('exit', exitedEarly);
  });
}

/**
 * What the page itself reports as broken: uncaught errors and Content-Security-Policy refusals
 * (an AG Grid or Vite change that needs an inline script would show up here first). The meta
 * CSP's "frame-ancestors is ignored in <meta>" notice is expected: the host sends it as a header.
 */
function watchPageProblems(page: Page): string[] {
  const problems: string[] = [];
  page.on('pageerror', (error) => problems.push(`pageerror: ${error.message}`));
  page.on('console', (message) => {
    const text = message.text();
    if (message.type() !== 'error' || text.includes("'frame-ancestors' is ignored")) return;
    if (/Content Security Policy|Refused to/i.test(text)) problems.push(`csp: ${text}`);
  });
  return problems;
}

export const test = base.extend<{ bieuHost: BieuHost }>({
  page: async ({ page }, use) => {
    const problems = watchPageProblems(page);
    await use(page);
    expect(problems, 'the page reported errors').toEqual([]);
  },
  // Playwright requires the object pattern even when the fixture needs no other fixture.
  // eslint-disable-next-line no-empty-pattern
  bieuHost: async ({}, use) => {
    const home = fs.mkdtempSync(path.join(os.tmpdir(), 'bieu-e2e-'));
    const started: ChildProcess[] = [];
    await use({ home, start: (document) => startHost(home, document, started) });
    for (const child of started) {
      if (child.exitCode === null && child.signalCode === null) child.kill('SIGTERM');
      await waitForExit(child);
    }
    fs.rmSync(home, { recursive: true, force: true });
  },
});

export { expect };
