/**
 * Nothing typed is lost, however fast: keys sent with no pause after Tab, Enter, an arrow or a
 * click — as a fast typist, a barcode scanner or a typing tool sends them — all land in the cell
 * they were typed into, are stored, and are shown. The keys reach Chromium all at once
 * (fast-input.ts), so the page meets each one while it may still be handling the move before it.
 */
import type { Page } from '@playwright/test';
import { expect, test } from './host-fixture';
import { sendWithoutPause, type FastStep } from './fast-input';
import {
  COL,
  POPULATION,
  cellAt,
  expectSaved,
  gotoWithClipboard,
  tableByName,
  vi,
} from './workbench';

const NAME = 'Dân số và tỷ lệ tham gia';

/**
 * 50 values over ten rows of the five age and participation columns, as a snake: rows 4 up to 0
 * (ArrowUp between rows), a click on row 5, rows 5 down to 9 (Enter and ArrowDown between rows);
 * along a row rightwards with Tab or ArrowRight, leftwards with Shift+Tab or ArrowLeft. Values
 * like those the slow path lost the first digit of ("4039" stored as "39").
 */
function plan(click: { x: number; y: number }): {
  steps: FastStep[];
  cells: { row: number; col: number; value: number }[];
} {
  const steps: FastStep[] = [];
  const cells: { row: number; col: number; value: number }[] = [];
  const rows = [4, 3, 2, 1, 0, 5, 6, 7, 8, 9];
  rows.forEach((row, pass) => {
    const rightwards = pass % 2 === 0;
    const cols = [COL.under7, COL.age7to17, COL.age18to60, COL.over60, COL.joined];
    if (!rightwards) cols.reverse();
    cols.forEach((col, k) => {
      const value = 4039 + cells.length * 1183;
      steps.push({ text: String(value) });
      cells.push({ row, col, value });
      if (k < cols.length - 1) {
        const along = rightwards ? ['Tab', 'ArrowRight'] : ['Shift+Tab', 'ArrowLeft'];
        steps.push({ key: along[(pass + k) % 2] });
      }
    });
    const next = rows[pass + 1];
    if (next === undefined) steps.push({ key: 'Enter' });
    else if (next < row) steps.push({ key: 'ArrowUp' });
    else if (next === row + 1) steps.push({ key: pass % 2 === 0 ? 'Enter' : 'ArrowDown' });
    else steps.push({ click });
  });
  return { steps, cells };
}

test('50 values typed with no pause after Tab, Enter and the arrows are all stored and all shown', async ({
  page,
  bieuHost,
}) => {
  const host = await bieuHost.start();
  await page.goto(host.url);
  await cellAt(page, 4, COL.under7).click();
  // The click to row 5 lands on the column its pass starts from: the snake runs right there.
  const { steps, cells } = plan(await centreOf(page, 5, COL.joined));
  // Every cell of the path is distinct and inside the table's body.
  expect(new Set(cells.map((c) => `${c.row}:${c.col}`)).size).toBe(50);
  expect(cells.every((c) => c.row >= 0 && c.row < POPULATION.rows.length - 1)).toBe(true);

  await sendWithoutPause(page, steps);

  // Stored: the host holds every value in the cell it was typed into.
  await expect
    .poll(async () => {
      const table = await tableByName(host.url, NAME);
      return cells.filter((c) => table.rows[c.row].cells[c.col] !== c.value).length;
    })
    .toBe(0);
  await expectSaved(page);
  // Shown: the grid shows each of them.
  for (const c of cells) await expect(cellAt(page, c.row, c.col)).toHaveText(vi(c.value));
  // Nothing else was written.
  const table = await tableByName(host.url, NAME);
  const typed = new Set(cells.map((c) => `${c.row}:${c.col}`));
  table.rows.forEach((row, r) =>
    row.cells.forEach((value, c) => {
      if (!typed.has(`${r}:${c}`) && row.role !== 'total')
        expect(value, `${r}:${c}`).toEqual(POPULATION.rows[r].cells[c]);
    }),
  );
});

async function centreOf(page: Page, row: number, col: number) {
  const box = (await cellAt(page, row, col).boundingBox())!;
  return { x: box.x + box.width / 2, y: box.y + box.height / 2 };
}

test('a value typed at once after a click goes to the clicked cell', async ({ page, bieuHost }) => {
  const host = await bieuHost.start();
  await page.goto(host.url);
  await cellAt(page, 0, COL.under7).click();
  const clicks = [
    { row: 2, col: COL.age7to17, value: 1222 },
    { row: 4, col: COL.over60, value: 4039 },
    { row: 6, col: COL.under7, value: 987 },
    { row: 3, col: COL.joined, value: 1500 },
  ];
  const steps: FastStep[] = [];
  for (const c of clicks) {
    const at = await centreOf(page, c.row, c.col);
    steps.push({ click: at }, { text: String(c.value) }, { key: 'Enter' });
  }
  await sendWithoutPause(page, steps);
  for (const c of clicks) await expect(cellAt(page, c.row, c.col)).toHaveText(vi(c.value));
  await expectSaved(page);
  const table = await tableByName(host.url, NAME);
  for (const c of clicks) expect(table.rows[c.row].cells[c.col]).toBe(c.value);
});

test('a paste at once after a click is pasted into the clicked cell and stored', async ({
  page,
  bieuHost,
}) => {
  const host = await bieuHost.start();
  await gotoWithClipboard(page, host.url);
  await cellAt(page, 0, COL.under7).click();
  await page.evaluate(() => navigator.clipboard.writeText('2.468'));
  await sendWithoutPause(page, [
    { click: await centreOf(page, 8, COL.age18to60) },
    { key: 'Control+v' },
  ]);
  await expect(cellAt(page, 8, COL.age18to60)).toHaveText('2.468');
  await expectSaved(page);
  const table = await tableByName(host.url, NAME);
  expect(table.rows[8].cells[COL.age18to60]).toBe(2468);
  // Nothing went to the cell that was active before the click.
  expect(table.rows[0].cells[COL.under7]).toBe(POPULATION.rows[0].cells[COL.under7]);
});
