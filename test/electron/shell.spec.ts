/**
 * The Electron shell's security and its IPC transport (the Actual Budget habit:
 * navigation-security tests). They need Electron's binary, which cannot be downloaded on every
 * machine: there they are skipped, saying so.
 */
import {
  test,
  expect,
  _electron as electron,
  type ElectronApplication,
  type Page,
} from '@playwright/test';
import fs from 'node:fs';
import os from 'node:os';
import path from 'node:path';
// eslint-disable-next-line @typescript-eslint/no-require-imports -- a plain CommonJS helper shared with the start script
const { findElectronBinary } = require('../../electron/scripts/electron-binary.cjs') as {
  findElectronBinary(): string | null;
};

const root = path.resolve(__dirname, '..', '..');
const binary: string | null = findElectronBinary();
if (!binary) console.log('skipped: no Electron binary');

test.describe('Electron shell', () => {
  test.skip(!binary, 'skipped: no Electron binary');

  let app: ElectronApplication;
  let page: Page;
  let home: string;

  test.beforeAll(async () => {
    home = fs.mkdtempSync(path.join(os.tmpdir(), 'bieu-electron-'));
    app = await electron.launch({
      executablePath: binary!,
      args: [path.join(root, 'dist/node/main.cjs'), '--no-sandbox'],
      env: { ...process.env, BIEU_HOME: home },
    });
    page = await app.firstWindow();
    await page.waitForLoadState('domcontentloaded');
  });

  test.afterAll(async () => {
    await app?.close();
    fs.rmSync(home, { recursive: true, force: true });
  });

  test('the window runs sandboxed, isolated, without Node', async () => {
    const prefs = await app.evaluate(() => {
      const p = (globalThis as { bieuWebPreferences?: Record<string, unknown> }).bieuWebPreferences;
      return {
        contextIsolation: p?.contextIsolation,
        sandbox: p?.sandbox,
        nodeIntegration: p?.nodeIntegration,
      };
    });
    expect(prefs).toEqual({ contextIsolation: true, sandbox: true, nodeIntegration: false });
    expect(await page.evaluate(() => typeof (globalThis as { require?: unknown }).require)).toBe(
      'undefined',
    );
    expect(await page.evaluate(() => typeof (globalThis as { process?: unknown }).process)).toBe(
      'undefined',
    );
    expect(
      await page.evaluate(() => Object.keys((window as unknown as { bieu: object }).bieu).sort()),
    ).toEqual(['invoke', 'onMenu']);
  });

  test('navigation away and new windows are blocked', async () => {
    const before = page.url();
    await page.evaluate(() => {
      window.location.href = 'https://example.com/';
    });
    await page.waitForTimeout(500);
    expect(page.url()).toBe(before);
    expect(await page.evaluate(() => window.open('https://example.com/') === null)).toBe(true);
    expect(app.windows()).toHaveLength(1);
  });

  test('an API call goes over IPC and bad arguments are refused with a message', async () => {
    const info = await page.evaluate(() =>
      (
        window as unknown as { bieu: { invoke(n: string, i: unknown): Promise<unknown> } }
      ).bieu.invoke('app.info', {}),
    );
    expect(info).toMatchObject({ ok: true, value: { transport: 'electron', nativeDialogs: true } });
    const bad = await page.evaluate(() =>
      (
        window as unknown as { bieu: { invoke(n: string, i: unknown): Promise<unknown> } }
      ).bieu.invoke('table.get', {
        tableId: 'x',
      }),
    );
    expect(bad).toMatchObject({ ok: false, code: 'bad-input' });
    expect((bad as { error: string }).error).toContain('tableId');
  });
});
