/**
 * Editing like a spreadsheet, in the real renderer through the real host: the keys Excel users
 * have in their fingers, a range selection by keyboard and by mouse, Delete, Ctrl+D, Ctrl+C /
 * Ctrl+V, undo and redo, and the status bar's count, sum and average of the selection.
 */
import type { Locator, Page } from '@playwright/test';
import { sendWithoutPause, type FastStep } from './fast-input';
import { expect, test } from './host-fixture';
import {
  ARTIFACTS,
  COL,
  POPULATION,
  cellAt,
  cellInput,
  expectFocused,
  expectSaved,
  rowHeaderAt,
  tableByName,
  vi,
} from './workbench';

const rows = POPULATION.rows;

test('arrows, Enter / Shift+Enter, Tab / Shift+Tab, F2, Esc and typing over a cell', async ({
  page,
  bieuHost,
}) => {
  const host = await bieuHost.start();
  await page.goto(host.url);

  // A click makes a cell active; typing replaces its value; Enter writes it and moves down.
  await cellAt(page, 0, COL.under7).click();
  await expectFocused(page, 0, COL.under7);
  await page.keyboard.type('1500');
  await expect(cellInput(page)).toHaveAttribute('data-cell-input', 'typing');
  await page.keyboard.press('Enter');
  await expect(cellAt(page, 0, COL.under7)).toHaveText('1.500');
  await expectFocused(page, 1, COL.under7);

  // Shift+Enter goes back up; Tab and Shift+Tab go right and left.
  await page.keyboard.press('Shift+Enter');
  await expectFocused(page, 0, COL.under7);
  await page.keyboard.press('Tab');
  await expectFocused(page, 0, COL.age7to17);
  await page.keyboard.press('Shift+Tab');
  await expectFocused(page, 0, COL.under7);

  // Arrows move; a typed value committed by an arrow goes where the arrow says.
  await page.keyboard.press('ArrowDown');
  await page.keyboard.press('ArrowRight');
  await expectFocused(page, 1, COL.age7to17);
  await page.keyboard.type('1200');
  await page.keyboard.press('ArrowLeft');
  await expect(cellAt(page, 1, COL.age7to17)).toHaveText('1.200');
  await expectFocused(page, 1, COL.under7);
  await page.keyboard.press('ArrowUp');

  // F2 edits what is there, caret at the end: End, Backspace, a digit.
  await page.keyboard.press('F2');
  await expect(cellInput(page)).toHaveAttribute('data-cell-input', 'editing');
  await expect(cellInput(page)).toHaveValue('1.500');
  // In edit mode the arrows move the caret, not the cell.
  await page.keyboard.press('ArrowLeft');
  await expectFocused(page, 0, COL.under7);
  await page.keyboard.press('End');
  await page.keyboard.press('Backspace');
  await page.keyboard.type('7');
  await page.keyboard.press('Enter');
  await expect(cellAt(page, 0, COL.under7)).toHaveText('1.507');

  // Esc forgets what was typed.
  await page.keyboard.press('ArrowUp');
  await page.keyboard.type('999');
  await page.keyboard.press('Escape');
  await expect(cellInput(page)).toHaveAttribute('data-cell-input', 'idle');
  await expect(cellAt(page, 0, COL.under7)).toHaveText('1.507');

  // Ctrl+Home and Ctrl+End, as in Excel: the first cell, and the last cell of the table.
  await page.keyboard.press('Control+End');
  await expectFocused(page, 'total', COL.rate);
  await page.keyboard.press('Control+Home');
  await expectFocused(page, 0, COL.stt);
  await expectSaved(page);

  // Ctrl+Z / Ctrl+Y undo and redo the last edit from the grid.
  await page.keyboard.press('Control+z');
  await expect(cellAt(page, 0, COL.under7)).toHaveText('1.500');
  await page.keyboard.press('Control+y');
  await expect(cellAt(page, 0, COL.under7)).toHaveText('1.507');
  await expectSaved(page);
});

test('a range selected by Shift+arrows and by dragging; Delete, Ctrl+D, Ctrl+C / Ctrl+V; status bar figures', async ({
  page,
  bieuHost,
}) => {
  const host = await bieuHost.start();
  await page.goto(host.url);
  const statusBar = page.getByTestId('status-bar');

  // Shift+arrows: two rows × two age bands.
  await cellAt(page, 0, COL.under7).click();
  await page.keyboard.press('Shift+ArrowDown');
  await page.keyboard.press('Shift+ArrowRight');
  await expect(page.getByTestId('grid').locator('.bieu-selection')).toHaveCount(4);
  const four = [rows[0].cells[3], rows[0].cells[4], rows[1].cells[3], rows[1].cells[4]] as number[];
  const sum = four.reduce((a, b) => a + b, 0);
  const stats = page.getByTestId('selection-stats');
  await expect(stats).toContainText('Số ô: 4');
  await expect(stats).toContainText(`Tổng: ${vi(sum)}`);
  await expect(stats).toContainText(`Trung bình: ${vi(sum / 4, 2)}`);

  // Ctrl+C copies the block (TSV and an HTML table); Ctrl+V pastes it from the active cell.
  // Listen for the copy event first, then press Ctrl+C, then read what was put on the clipboard.
  await page.evaluate(() => {
    const w = window as unknown as { copied: Promise<{ text: string; html: string }> };
    w.copied = new Promise((resolve) =>
      document.addEventListener(
        'copy',
        (event) =>
          resolve({
            text: event.clipboardData?.getData('text/plain') ?? '',
            html: event.clipboardData?.getData('text/html') ?? '',
          }),
        { once: true },
      ),
    );
  });
  await page.keyboard.press('Control+c');
  const payload = await page.evaluate(
    () => (window as unknown as { copied: Promise<{ text: string; html: string }> }).copied,
  );
  expect(payload.text).toBe(`${vi(four[0])}\t${vi(four[1])}\r\n${vi(four[2])}\t${vi(four[3])}\r\n`);
  expect(payload.html).toContain(`x:num="${four[0]}">${vi(four[0])}</td>`);

  await cellAt(page, 5, COL.under7).click();
  await page.keyboard.press('Control+v');
  await expect(cellAt(page, 5, COL.under7)).toHaveText(vi(four[0]));
  await expect(cellAt(page, 6, COL.age7to17)).toHaveText(vi(four[3]));
  await expect(page.getByTestId('grid').locator('.bieu-selection')).toHaveCount(4);
  await expectSaved(page);
  // One paste is one step back.
  await page.keyboard.press('Control+z');
  await expect(cellAt(page, 5, COL.under7)).toHaveText(vi(rows[5].cells[3] as number));
  await expect(cellAt(page, 6, COL.age7to17)).toHaveText(vi(rows[6].cells[4] as number));

  // Dragging with the mouse selects a block: three communes × three bands.
  const from = await cellAt(page, 2, COL.under7).boundingBox();
  const to = await cellAt(page, 4, COL.age18to60).boundingBox();
  await page.mouse.move(from!.x + 10, from!.y + 10);
  await page.mouse.down();
  await page.mouse.move(to!.x + 10, to!.y + 10, { steps: 6 });
  await page.mouse.up();
  await expect(page.getByTestId('grid').locator('.bieu-selection')).toHaveCount(9);
  await expect(stats).toContainText('Số ô: 9');

  // Ctrl+D fills the top row of the selection down into the rows below it: one change.
  await page.keyboard.press('Control+d');
  for (const row of [3, 4]) {
    await expect(cellAt(page, row, COL.under7)).toHaveText(vi(rows[2].cells[3] as number));
    await expect(cellAt(page, row, COL.age18to60)).toHaveText(vi(rows[2].cells[5] as number));
  }
  // The totals of those rows no longer add up: the checks say so at once.
  await expect(cellAt(page, 3, COL.total).locator('[data-finding="error"]')).toBeVisible();
  await page.keyboard.press('Control+z');
  await expect(cellAt(page, 4, COL.under7)).toHaveText(vi(rows[4].cells[3] as number));

  // Ctrl+A selects the whole table: the status bar counts every cell that holds something.
  await cellAt(page, 0, COL.stt).click();
  await page.keyboard.press('Control+a');
  await expect(stats).toContainText(`Số ô: ${rows.length * POPULATION.columns.length - 1}`);

  // Shift+click extends from the active cell; Delete clears the whole block, one undo brings it back.
  await cellAt(page, 8, COL.under7).click();
  await cellAt(page, 9, COL.over60).click({ modifiers: ['Shift'] });
  await expect(page.getByTestId('grid').locator('.bieu-selection')).toHaveCount(8);
  await expectFocused(page, 8, COL.under7);
  await page.keyboard.press('Delete');
  for (let col = COL.under7; col <= COL.over60; col++) {
    await expect(cellAt(page, 8, col)).toHaveText('');
    await expect(cellAt(page, 9, col)).toHaveText('');
  }
  // The count is of cells that hold something, as in Excel.
  await expect(statusBar).toContainText('Số ô: 0');
  await expectSaved(page);
  await page.keyboard.press('Control+z');
  await expect(cellAt(page, 9, COL.over60)).toHaveText(vi(rows[9].cells[6] as number));
  await expectSaved(page);
});

test('Home and End go to the first and last cell of the current row, as in Excel; typing there writes into that row', async ({
  page,
  bieuHost,
}) => {
  const host = await bieuHost.start();
  await page.goto(host.url);
  const name = 'Dân số và tỷ lệ tham gia';

  await cellAt(page, 5, COL.joined).click();
  await page.keyboard.press('Home');
  await expectFocused(page, 5, COL.stt);
  await page.keyboard.press('End');
  await expectFocused(page, 5, COL.rate);
  await page.keyboard.press('Home');
  await page.keyboard.press('ArrowRight');
  await expectFocused(page, 5, COL.name);

  // Typing after Home replaces row 5's name — not the first row's.
  await page.keyboard.type('Xã Lộc Thành');
  await page.keyboard.press('Enter');
  await expect(cellAt(page, 5, COL.name)).toHaveText('Xã Lộc Thành');
  await expect(cellAt(page, 0, COL.name)).toHaveText(rows[0].cells[COL.name] as string);
  await expectSaved(page);
  const table = await tableByName(host.url, name);
  expect(table.rows[5].cells[COL.name]).toBe('Xã Lộc Thành');
  expect(table.rows[0].cells[COL.name]).toBe(rows[0].cells[COL.name]);

  // On the pinned grand total too; Ctrl+Home / Ctrl+End keep their meaning.
  await page.keyboard.press('Control+End');
  await expectFocused(page, 'total', COL.rate);
  await page.keyboard.press('Home');
  await expectFocused(page, 'total', COL.stt);
  await page.keyboard.press('Control+Home');
  await expectFocused(page, 0, COL.stt);
  await page.keyboard.press('End');
  await expectFocused(page, 0, COL.rate);
});

/** Keys (and text) sent at full speed, as a fast typist sends them. */
const keys = (...names: string[]): FastStep[] =>
  names.map((name) => (/^[\d.,]+$/.test(name) ? { text: name } : { key: name }));

test('Enter after a run of Tabs goes to the next row, in the column where the Tabs started', async ({
  page,
  bieuHost,
}) => {
  const host = await bieuHost.start();
  await page.goto(host.url);

  // A row typed across with Tab, Enter, the next row: as in Excel, typed without a pause.
  await cellAt(page, 0, COL.under7).click();
  await sendWithoutPause(page, keys('1501', 'Tab', '1202', 'Tab', '3003', 'Tab', '804', 'Enter'));
  await expectFocused(page, 1, COL.under7);
  await sendWithoutPause(page, keys('1405', 'Tab', '1106', 'Enter', '777', 'Enter'));
  await expectFocused(page, 3, COL.under7);
  const typed: [number, number, number][] = [
    [0, COL.under7, 1501],
    [0, COL.age7to17, 1202],
    [0, COL.age18to60, 3003],
    [0, COL.over60, 804],
    [1, COL.under7, 1405],
    [1, COL.age7to17, 1106],
    [2, COL.under7, 777],
  ];
  for (const [row, col, value] of typed) await expect(cellAt(page, row, col)).toHaveText(vi(value));
  await expectSaved(page);
  const table = await tableByName(host.url, 'Dân số và tỷ lệ tham gia');
  for (const [row, col, value] of typed) expect(table.rows[row].cells[col]).toBe(value);
  // The next row's cells past where the Tabs stopped were left alone.
  expect(table.rows[1].cells[COL.age18to60]).toBe(rows[1].cells[COL.age18to60]);

  // An arrow ends the run: Enter then simply goes down from where the focus is.
  await sendWithoutPause(page, keys('Tab', 'ArrowRight', 'Enter'));
  await expectFocused(page, 4, COL.age18to60);
  // Shift+Enter still goes up, whatever Tabs came before.
  await sendWithoutPause(page, keys('Tab', 'Shift+Enter'));
  await expectFocused(page, 3, COL.over60);
});

test('Ctrl+arrows go to the edge of the figures; with Shift, and Shift+Home / End, Ctrl+Shift+Home / End, they extend the selection; Ctrl+A selects all', async ({
  page,
  bieuHost,
}) => {
  const host = await bieuHost.start();
  await page.goto(host.url);
  const stats = page.getByTestId('selection-stats');
  const selected = page.getByTestId('grid').locator('.bieu-selection');
  const total = 'total' as const;

  // A gap in the column "Dưới 7 tuổi": row 5 emptied.
  await cellAt(page, 5, COL.under7).click();
  await sendWithoutPause(page, keys('Delete'));
  await expect(cellAt(page, 5, COL.under7)).toHaveText('');

  // Ctrl+↓ stops at the last figure before the gap, then at the first one after it.
  await cellAt(page, 0, COL.under7).click();
  await sendWithoutPause(page, keys('Control+ArrowDown'));
  await expectFocused(page, 4, COL.under7);
  await sendWithoutPause(page, keys('Control+ArrowDown', 'Control+Shift+ArrowDown'));
  // Ctrl+Shift+↓ selects down to the grand total; the active cell stays where it was.
  await expectFocused(page, 6, COL.under7);
  await expect(cellAt(page, total, COL.under7).locator('.bieu-selection')).toHaveAttribute(
    'data-edges',
    'blr',
  );
  await expect(stats).toContainText('Số ô: 11');
  const under7 = rows.slice(6).reduce((sum, r) => sum + (r.cells[COL.under7] as number), 0);
  await expect(stats).toContainText(`Tổng: ${vi(under7)}`);

  // Shift+End and Shift+Home: to the last and first column, along the selection's moving row.
  // Rows 6 to the total × the columns from "Dưới 7 tuổi" to the rate: 11 × 6 cells.
  await sendWithoutPause(page, keys('Shift+End'));
  await expect(stats).toContainText('Số ô: 66');
  await expect(cellAt(page, total, COL.rate).locator('.bieu-selection')).toHaveAttribute(
    'data-edges',
    'br',
  );
  // STT to "Dưới 7 tuổi": 11 × 4 cells, less the total row's empty name cell.
  await sendWithoutPause(page, keys('Shift+Home'));
  await expect(stats).toContainText('Số ô: 43');
  await expect(cellAt(page, total, COL.stt).locator('.bieu-selection')).toHaveAttribute(
    'data-edges',
    'bl',
  );

  // Ctrl+Shift+Home: up to the table's first cell (7 rows × 4 columns, less the emptied cell);
  // Ctrl+Shift+End: down to its last (11 × 6).
  await sendWithoutPause(page, keys('Control+Shift+Home'));
  await expect(stats).toContainText('Số ô: 27');
  await expect(cellAt(page, 0, COL.stt).locator('.bieu-selection')).toHaveAttribute(
    'data-edges',
    'tl',
  );
  await sendWithoutPause(page, keys('Control+Shift+End'));
  await expect(stats).toContainText('Số ô: 66');
  await expectFocused(page, 6, COL.under7);

  // Ctrl+← goes to the first column over the run of filled cells; Ctrl+Shift+→ selects the row.
  await sendWithoutPause(page, keys('Control+ArrowLeft', 'Control+Shift+ArrowRight'));
  await expectFocused(page, 6, COL.stt);
  await expect(selected).toHaveCount(POPULATION.columns.length);
  await expect(stats).toContainText(`Số ô: ${POPULATION.columns.length}`);

  // Ctrl+A: every cell of the table (less the total's empty name cell and the emptied one).
  await sendWithoutPause(page, keys('Control+a'));
  await expect(stats).toContainText(`Số ô: ${rows.length * POPULATION.columns.length - 2}`);
});

test('Ctrl++ and Ctrl+− insert and delete the whole rows selected (Shift+Space or the row numbers); on cells they still zoom', async ({
  page,
  bieuHost,
}) => {
  const host = await bieuHost.start();
  await page.goto(host.url);
  const name = 'Dân số và tỷ lệ tham gia';
  const stored = async () => (await tableByName(host.url, name)).rows.length;
  const nameOf = (row: number) => rows[row].cells[COL.name] as string;

  // Shift+Space selects the row, Shift+↓ the next one too; Ctrl++ puts two new rows above them.
  await cellAt(page, 3, COL.name).click();
  await sendWithoutPause(page, keys('Shift+Space', 'Shift+ArrowDown'));
  await expect(page.getByTestId('grid').locator('.bieu-selection')).toHaveCount(
    2 * POPULATION.columns.length,
  );
  await sendWithoutPause(page, keys('Control+Shift+Plus'));
  await expect(cellAt(page, 5, COL.name)).toHaveText(nameOf(3));
  await expect(cellAt(page, 3, COL.name)).toHaveText('');
  await expect(cellAt(page, 4, COL.name)).toHaveText('');
  await expectSaved(page);
  expect(await stored()).toBe(rows.length + 2);

  // The new rows are still the ones selected: Ctrl+− deletes them.
  await sendWithoutPause(page, keys('Control+Minus'));
  await expect(cellAt(page, 3, COL.name)).toHaveText(nameOf(3));
  await expectSaved(page);
  expect(await stored()).toBe(rows.length);

  // A row chosen by its number is deleted the same way; Ctrl+Z brings it back.
  await rowHeaderAt(page, 5).click();
  await sendWithoutPause(page, keys('Control+Minus'));
  await expect(cellAt(page, 5, COL.name)).toHaveText(nameOf(6));
  await expectSaved(page);
  expect(await stored()).toBe(rows.length - 1);
  await sendWithoutPause(page, keys('Control+z'));
  await expect(cellAt(page, 5, COL.name)).toHaveText(nameOf(5));
  await expectSaved(page);
  expect(await stored()).toBe(rows.length);

  // On a cell, not whole rows, Ctrl+− keeps its zoom meaning and no row goes.
  await cellAt(page, 0, COL.under7).click();
  await sendWithoutPause(page, keys('Control+Minus'));
  await expect(page.getByTestId('zoom')).toHaveText('90 %');
  await expect(cellAt(page, 0, COL.name)).toHaveText(nameOf(0));
  expect(await stored()).toBe(rows.length);
});

/** Press the fill handle and move, as a hand does, to the middle of a cell (the button still down). */
async function pressHandleAndMoveTo(page: Page, cell: Locator) {
  const handle = (await page.getByTestId('fill-handle').boundingBox())!;
  const to = (await cell.boundingBox())!;
  await page.mouse.move(handle.x + handle.width / 2, handle.y + handle.height / 2);
  await page.mouse.down();
  await page.mouse.move(to.x + to.width / 2, to.y + to.height / 2, { steps: 8 });
}

test('the fill handle, dragged down, numbers new rows on and copies the rest; dragged right it copies; Ctrl+R fills right; each is one undo', async ({
  page,
  bieuHost,
}) => {
  const host = await bieuHost.start();
  await page.goto(host.url);
  const name = 'Dân số và tỷ lệ tham gia';
  const grid = page.getByTestId('grid');
  const handle = grid.getByTestId('fill-handle');

  // Two rows numbered 1 and 2, the numbers of the four below cleared as a person would.
  await cellAt(page, 2, COL.stt).click();
  await sendWithoutPause(
    page,
    keys('Shift+ArrowDown', 'Shift+ArrowDown', 'Shift+ArrowDown', 'Delete'),
  );
  for (const row of [2, 3, 4, 5]) await expect(cellAt(page, row, COL.stt)).toHaveText('');

  // Select STT 1–2: the handle sits at the block's bottom-right corner only.
  await cellAt(page, 0, COL.stt).click();
  await sendWithoutPause(page, keys('Shift+ArrowDown'));
  await expect(handle).toHaveCount(1);
  await expect(cellAt(page, 1, COL.stt).getByTestId('fill-handle')).toBeVisible();

  // Drag it down to row 5: a dashed frame shows where it will fill; letting go numbers on.
  await pressHandleAndMoveTo(page, cellAt(page, 5, COL.stt));
  await expect(grid.locator('.bieu-fill-target')).toHaveCount(6);
  await page.screenshot({ path: `${ARTIFACTS}/fill-handle-drag.png` });
  await page.mouse.up();
  await expect(grid.locator('.bieu-fill-target')).toHaveCount(0);
  for (const row of [2, 3, 4, 5])
    await expect(cellAt(page, row, COL.stt)).toHaveText(String(row + 1));
  // The filled block is the selection, and the focus stayed in the grid: typing goes on at once.
  await expect(grid.locator('.bieu-selection')).toHaveCount(6);
  await expectFocused(page, 0, COL.stt);
  await expectSaved(page);
  expect((await tableByName(host.url, name)).rows.slice(0, 6).map((r) => r.cells[COL.stt])).toEqual(
    [1, 2, 3, 4, 5, 6],
  );

  // Dragged right from one figure, the handle copies it along the row; the checks see it at once.
  const under7 = rows[3].cells[COL.under7] as number;
  await cellAt(page, 3, COL.under7).click();
  await pressHandleAndMoveTo(page, cellAt(page, 3, COL.over60));
  await page.mouse.up();
  for (const col of [COL.age7to17, COL.age18to60, COL.over60])
    await expect(cellAt(page, 3, col)).toHaveText(vi(under7));
  await expect(cellAt(page, 3, COL.total).locator('[data-finding="error"]')).toBeVisible();
  await expectSaved(page);
  // One drag, one step back.
  await sendWithoutPause(page, keys('Control+z'));
  for (const col of [COL.age7to17, COL.age18to60, COL.over60])
    await expect(cellAt(page, 3, col)).toHaveText(vi(rows[3].cells[col] as number));
  await expect(cellAt(page, 3, COL.total).locator('[data-finding]')).toHaveCount(0);

  // Ctrl+R copies the left column of the selection right (the browser does not reload: what is
  // typed straight after lands in the cell below).
  await cellAt(page, 7, COL.under7).click();
  await sendWithoutPause(page, keys('Shift+ArrowRight', 'Control+r', 'ArrowDown', '1234', 'Enter'));
  await expect(cellAt(page, 7, COL.age7to17)).toHaveText(vi(rows[7].cells[COL.under7] as number));
  await expect(cellAt(page, 8, COL.under7)).toHaveText('1.234');
  await expectSaved(page);
  const stored = await tableByName(host.url, name);
  expect(stored.rows[7].cells[COL.age7to17]).toBe(rows[7].cells[COL.under7]);
  expect(stored.rows[8].cells[COL.under7]).toBe(1234);
});
