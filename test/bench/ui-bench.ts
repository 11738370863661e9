/**
 * `npm run bench:ui`: what a person waits for in the app on the nation table, through the real
 * browser host in Debian's Chromium (headless, no GPU). Figures printed, not a timed test, and
 * not part of `npm test`.
 *
 *   start          a fresh host on the sample (first start): navigation → the grid's rows shown
 *   open           a fresh host on the nation table, then reloads: navigation → rows shown
 *   scroll         20 wheel turns of 2,000 px: the page's own frame intervals while it scrolls
 *   edit → red     a commune's figure changed: Enter → its province subtotal marked red (on
 *                  screen), or → the finding listed in the checks panel (subtotal off screen)
 *   memory         the renderer process (resident) and its JS heap; the host process (resident)
 *
 * Times are taken inside the page (performance.now() at the keydown / from navigation start to
 * the first animation frame that shows the result), so Playwright's own round trips are not in
 * them.
 */
import { chromium, type Page } from '@playwright/test';
import { spawn, type ChildProcess } from 'node:child_process';
import { mkdtempSync, readdirSync, readFileSync, rmSync } from 'node:fs';
import os from 'node:os';
import path from 'node:path';
import { DocumentStore } from '../../electron/store/document-store';
import { CHROMIUM_ARGS, chromiumPath } from '../e2e/chromium';
import { benchProvinces } from './import-bench';
import { asNewTable, nationTable } from './nation-table';
import { ms, stats, type Stats } from './side-by-side';

const CLI = path.resolve(__dirname, 'cli.cjs');
const READY = /Biểu đang chạy tại (http:\/\/127\.0\.0\.1:\d+\/\S*)/;
const FIRST_ROW = '[data-testid="grid"] [role="row"][row-index="0"]';
/** The grid's element that scrolls vertically, marked for the steps below (AG Grid names it per version). */
const SCROLLER = '[data-bench-scroller]';

interface Host {
  url: string;
  child: ChildProcess;
}

function startHost(home: string, document?: string): Promise<Host> {
  const child = spawn(process.execPath, [CLI, 'serve', ...(document ? [document] : [])], {
    env: { ...process.env, BIEU_HOME: home },
    stdio: ['ignore', 'pipe', 'inherit'],
  });
  return new Promise((resolve, reject) => {
    let out = '';
    child.once('exit', (code) => reject(new Error(`bieu serve exited (${code}): ${out}`)));
    child.stdout!.setEncoding('utf8').on('data', (chunk: string) => {
      out += chunk;
      const ready = READY.exec(out);
      if (ready) resolve({ url: ready[1], child });
    });
  });
}

async function stopHost(host: Host): Promise<void> {
  if (host.child.exitCode !== null) return;
  const exited = new Promise((resolve) => host.child.once('exit', resolve));
  host.child.kill('SIGTERM');
  await exited;
}

/** Resident memory of a process, in MB, from /proc. */
function residentMb(pid: number): number {
  const status = readFileSync(`/proc/${pid}/status`, 'utf8');
  const kb = Number(/VmRSS:\s+(\d+)/.exec(status)?.[1] ?? 0);
  return kb / 1024;
}

/** The renderer processes of the Chromium this script launched (Chromium marks them --type=renderer). */
function rendererPids(ancestor: number): number[] {
  const parent = new Map<number, number>();
  const renderers: number[] = [];
  for (const entry of readdirSync('/proc')) {
    const pid = Number(entry);
    if (!Number.isInteger(pid)) continue;
    try {
      const stat = readFileSync(`/proc/${pid}/stat`, 'utf8');
      parent.set(pid, Number(stat.slice(stat.lastIndexOf(')') + 2).split(' ')[1]));
      if (readFileSync(`/proc/${pid}/cmdline`, 'utf8').includes('--type=renderer'))
        renderers.push(pid);
    } catch {
      // a process that ended while we looked
    }
  }
  const below = (pid: number): boolean => {
    for (let p = parent.get(pid); p !== undefined && p > 1; p = parent.get(p))
      if (p === ancestor) return true;
    return false;
  };
  return renderers.filter(below);
}

async function markScroller(page: Page): Promise<void> {
  await page.evaluate((selector) => {
    for (let e = document.querySelector(selector); e; e = e.parentElement) {
      if (e.getAttribute('role') === 'row') continue;
      const overflow = getComputedStyle(e).overflowY;
      if (e.scrollHeight > e.clientHeight + 10 && (overflow === 'auto' || overflow === 'scroll')) {
        e.setAttribute('data-bench-scroller', '');
        return;
      }
    }
    throw new Error('no scrolling element above the grid rows');
  }, '[data-testid="grid"] [role="row"][row-index]');
}

/** Milliseconds from navigation start to the first frame showing the grid's rows. */
async function rowsShownAt(page: Page): Promise<number> {
  const handle = await page.waitForFunction(
    (selector) => document.querySelector(selector) !== null && performance.now(),
    FIRST_ROW,
    { polling: 'raf', timeout: 60_000 },
  );
  return (await handle.jsonValue()) as number;
}

/**
 * Starts watching inside the page for `selector` to appear after the next Enter keydown; the
 * watch is in place when this returns (so no key can outrun it). `shownAfterEnter` then gives the
 * milliseconds from that keydown to the first animation frame where it is there.
 */
async function watchAfterEnter(page: Page, selector: string): Promise<void> {
  await page.evaluate((sel) => {
    const w = window as unknown as { __shown: Promise<number> };
    w.__shown = new Promise<number>((resolve, reject) => {
      let t0: number | null = null;
      const onKey = (e: KeyboardEvent) => {
        if (e.key === 'Enter' && t0 === null) t0 = performance.now();
      };
      window.addEventListener('keydown', onKey, true);
      const tick = () => {
        if (t0 !== null && document.querySelector(sel)) {
          window.removeEventListener('keydown', onKey, true);
          resolve(performance.now() - t0);
        } else requestAnimationFrame(tick);
      };
      requestAnimationFrame(tick);
      setTimeout(() => reject(new Error(`not shown within 20 s: ${sel}`)), 20_000);
    });
  }, selector);
}

function shownAfterEnter(page: Page): Promise<number> {
  return page.evaluate(() => (window as unknown as { __shown: Promise<number> }).__shown);
}

const cellSelector = (row: number, col: number) =>
  `[data-testid="grid"] [role="row"][row-index="${row}"] [role="gridcell"][aria-colindex="${col + 2}"]`;

async function scrollToRow(page: Page, row: number): Promise<void> {
  if ((await page.locator(SCROLLER).count()) === 0) await markScroller(page);
  await page.evaluate((r) => {
    const viewport = document.querySelector('[data-bench-scroller]')!;
    const first = document.querySelector('[data-testid="grid"] [role="row"][row-index]');
    const height = first ? first.getBoundingClientRect().height : 25;
    viewport.scrollTop = Math.max(0, r * height);
  }, row);
  await page.locator(cellSelector(row, 3)).waitFor();
}

/** Types `value` into a cell and measures Enter → `shown` present. */
async function editAndWait(
  page: Page,
  row: number,
  col: number,
  value: string,
  shown: string,
): Promise<number> {
  await page.locator(cellSelector(row, col)).click();
  await page.keyboard.type(value);
  await watchAfterEnter(page, shown);
  await page.keyboard.press('Enter');
  return shownAfterEnter(page);
}

async function frameIntervals(page: Page): Promise<number[]> {
  await page.evaluate(() => {
    const w = window as unknown as { __frames: number[]; __recording: boolean };
    w.__frames = [];
    w.__recording = true;
    let last = performance.now();
    const loop = (now: number) => {
      w.__frames.push(now - last);
      last = now;
      if (w.__recording) requestAnimationFrame(loop);
    };
    requestAnimationFrame(loop);
  });
  const box = await page.locator(SCROLLER).boundingBox();
  await page.mouse.move(box!.x + box!.width / 2, box!.y + box!.height / 2);
  for (let i = 0; i < 20; i++) {
    await page.mouse.wheel(0, 2000);
    await page.evaluate(
      () => new Promise((r) => requestAnimationFrame(() => requestAnimationFrame(r))),
    );
  }
  return page.evaluate(() => {
    const w = window as unknown as { __frames: number[]; __recording: boolean };
    w.__recording = false;
    return w.__frames.slice(1);
  });
}

function line(what: string, s: Stats, goal: string): void {
  console.log(
    `■ ${what}: median ${ms(s.median)} ms (min ${ms(s.min)}, max ${ms(s.max)}), ${s.runs} runs; goal ${goal}`,
  );
}

async function main(): Promise<void> {
  const home = mkdtempSync(path.join(os.tmpdir(), 'bieu-bench-ui-'));
  const browser = await chromium.launch({
    executablePath: chromiumPath(),
    args: CHROMIUM_ARGS,
    headless: true,
  });
  const hosts: Host[] = [];
  try {
    const { provinces } = benchProvinces();
    const table = nationTable(provinces);
    const doc = path.join(home, 'toan-quoc.bieu');
    DocumentStore.create(doc, [asNewTable(table)]).close();
    console.log(`Biểu — UI bench: ${table.rows.length} rows × ${table.columns.length} columns`);

    // The first start on the sample: a fresh host each run.
    const starts: number[] = [];
    for (let run = 0; run < (process.env.BIEU_BENCH_UI_RUNS ? 1 : 5); run++) {
      const sampleHome = mkdtempSync(path.join(home, 'mau-'));
      const host = await startHost(sampleHome);
      hosts.push(host);
      const page = await browser.newPage({ viewport: { width: 1400, height: 800 } });
      await page.goto(host.url);
      starts.push(await rowsShownAt(page));
      await page.close();
      await stopHost(host);
    }
    line('start the app on the sample (fresh host): navigation → grid', stats(starts), '< 800 ms');

    const host = await startHost(path.join(home), doc);
    hosts.push(host);
    const context = await browser.newContext({ viewport: { width: 1400, height: 800 } });
    const page = await context.newPage();
    await page.goto(host.url);
    const fresh = await rowsShownAt(page);
    const reloads: number[] = [];
    for (let run = 0; run < 5; run++) {
      await page.reload();
      reloads.push(await rowsShownAt(page));
    }
    console.log(`■ open the nation table, fresh host: navigation → rows shown ${ms(fresh)} ms`);
    line('open the nation table, reload: navigation → rows shown', stats(reloads), '< 600 ms');

    await markScroller(page);
    const frames = await frameIntervals(page);
    const f = stats(frames);
    const mean = frames.reduce((a, b) => a + b, 0) / frames.length;
    const p95 = [...frames].sort((a, b) => a - b)[Math.floor(frames.length * 0.95)];
    console.log(
      `■ scroll 20 × 2,000 px: ${frames.length} frames, mean ${ms(mean)} ms (${(1000 / mean).toFixed(0)} fps), ` +
        `p95 ${ms(p95)}, max ${ms(f.max)}, ${frames.filter((x) => x > 50).length} frames > 50 ms; goal ≥ 50 fps, none > 50 ms`,
    );

    // The first province: its communes, then its "Cộng" row (grid row = table row).
    const subtotal = table.rows.findIndex((r) => r.role === 'subtotal');
    const col = 3; // "Dưới 7 tuổi": a part of column 1 and of the province's sum
    const original = String(table.rows[subtotal - 2].cells[col]);
    const onScreen: number[] = [];
    const offScreen: number[] = [];
    const red = cellSelector(subtotal, col) + '.bieu-error';
    const listed = '[data-testid="checks-panel"] .finding-item';
    const gone = `${cellSelector(subtotal, col)}:not(.bieu-error)`;
    for (let run = 0; run < 5; run++) {
      await scrollToRow(page, subtotal - 4);
      onScreen.push(await editAndWait(page, subtotal - 2, col, String(run + 1) + original, red));
      await editAndWait(page, subtotal - 2, col, original, gone);
      await scrollToRow(page, 0);
      offScreen.push(await editAndWait(page, 3, col, String(run + 1) + original, listed));
      const back = String(table.rows[3].cells[col]);
      await page.locator(cellSelector(3, col)).click();
      await page.keyboard.type(back);
      await page.keyboard.press('Enter');
      await page.locator(listed).first().waitFor({ state: 'detached' });
    }
    line('edit a commune → its province subtotal red (on screen)', stats(onScreen), '< 16 ms');
    line('edit a commune → the finding listed (subtotal off screen)', stats(offScreen), '< 16 ms');

    const cdp = await context.newCDPSession(page);
    const heap = (await cdp.send('Runtime.getHeapUsage')) as {
      usedSize: number;
      totalSize: number;
    };
    const renderers = rendererPids(process.pid).map(residentMb);
    console.log(
      `■ memory with the nation table open: renderer ${renderers.map((x) => x.toFixed(0)).join(' + ')} MB resident ` +
        `(JS heap ${(heap.usedSize / 2 ** 20).toFixed(0)} MB used of ${(heap.totalSize / 2 ** 20).toFixed(0)}); ` +
        `host ${residentMb(host.child.pid!).toFixed(0)} MB resident; goal < 300 MB renderer, < 200 MB host`,
    );
    await context.close();
  } catch (err) {
    for (const context of browser.contexts())
      for (const p of context.pages())
        await p.screenshot({ path: path.join(os.tmpdir(), 'bieu-bench-ui-failed.png') });
    throw err;
  } finally {
    await browser.close();
    for (const h of hosts) await stopHost(h);
    rmSync(home, { recursive: true, force: true });
  }
}

main().catch((err) => {
  console.error(err);
  process.exitCode = 1;
});
