/**
 * End-to-end tests: the real renderer, served by the real browser host (`bieu serve`), driven in
 * Debian's Chromium — Playwright's own browser download is not reachable on these machines.
 * Run `npm run build` first: the host serves dist/renderer and runs dist/node/cli.cjs.
 */
import { execFileSync } from 'node:child_process';
import { defineConfig } from '@playwright/test';

function chromiumPath(): string {
  try {
    const found = execFileSync('which', ['chromium'], { encoding: 'utf8' }).trim();
    if (found) return found;
  } catch {
    // `which` prints nothing and fails when chromium is not on PATH
  }
  return '/usr/bin/chromium';
}

export default defineConfig({
  testDir: '.',
  testMatch: '*.spec.ts',
  workers: 1,
  fullyParallel: false,
  timeout: 60_000,
  expect: { timeout: 10_000 },
  outputDir: '../artifacts/e2e-results',
  use: {
    headless: true,
    viewport: { width: 1400, height: 800 },
    locale: 'vi-VN',
    screenshot: 'only-on-failure',
    trace: 'retain-on-failure',
    launchOptions: {
      executablePath: chromiumPath(),
      args: [
        '--no-sandbox',
        '--disable-gpu',
        '--disable-background-networking',
        '--disable-component-update',
        '--disable-sync',
      ],
      // Keep real scrollbars: with Playwright's default --hide-scrollbars AG Grid still reserves
      // a scrollbar's width, and the screenshots would show the last column cut off.
      ignoreDefaultArgs: ['--hide-scrollbars'],
    },
  },
});
