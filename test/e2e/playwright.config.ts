/**
 * End-to-end tests: the real renderer, served by the real browser host (`bieu serve`), driven in
 * Debian's Chromium — Playwright's own browser download is not reachable on these machines.
 * Run `npm run build` first: the host serves dist/renderer and runs dist/node/cli.cjs.
 */
import { defineConfig } from '@playwright/test';
import { CHROMIUM_ARGS, chromiumPath } from './chromium';

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
      args: CHROMIUM_ARGS,
      // Keep real scrollbars: with Playwright's default --hide-scrollbars AG Grid still reserves
      // a scrollbar's width, and the screenshots would show the last column cut off.
      ignoreDefaultArgs: ['--hide-scrollbars'],
    },
  },
});
