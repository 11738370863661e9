/**
 * The grid's right-click menu, as an Excel user reaches for it: on a cell, on a row number, on a
 * column letter; cut, copy and paste through the real clipboard, rows and columns inserted and
 * deleted, contents cleared, a row's role set; and by keyboard (Shift+F10, arrows, Esc).
 */
import type { Page } from '@playwright/test';
import { sendWithoutPause } from './fast-input';
import { expect, test } from './host-fixture';
import {
  ARTIFACTS,
  COL,
  POPULATION,
  cellAt,
  expectFocused,
  expectSaved,
  gotoWithClipboard,
  gridColumn,
  rowHeaderAt,
  tableByName,
  vi,
} from './workbench';

const rows = POPULATION.rows;
const NAME = 'Dân số và tỷ lệ tham gia';
const figure = (row: number, col: number) => vi(rows[row].cells[col] as number);

const gridMenu = (page: Page) => page.getByTestId('grid-menu');
const item = (page: Page, name: string) =>
  gridMenu(page).getByRole(/^Dòng:/.test(name) ? 'menuitemradio' : 'menuitem', {
    name,
    exact: true,
  });
const columnHeader = (page: Page, col: number) =>
  page.getByTestId('grid').locator(`.ag-header-cell[aria-colindex="${gridColumn(col)}"]`);

test('right-click on a cell: copy and paste through the clipboard, cut, clear the selection; the menu speaks Vietnamese', async ({
  page,
  bieuHost,
}) => {
  const host = await bieuHost.start();
  await gotoWithClipboard(page, host.url);

  // A right click on a cell selects it and opens the menu at the pointer.
  await cellAt(page, 2, COL.under7).click({ button: 'right' });
  await expect(gridMenu(page)).toBeVisible();
  await expect(gridMenu(page).getByRole('menuitem')).toHaveText([
    /^Cắt\s*Ctrl\+X$/,
    /^Sao chép\s*Ctrl\+C$/,
    /^Dán\s*Ctrl\+V$/,
    'Chèn 1 dòng phía trên',
    'Chèn 1 dòng phía dưới',
    'Xóa 1 dòng',
    'Chèn cột bên trái',
    'Chèn cột bên phải',
    'Xóa 1 cột',
    /^Xóa nội dung\s*Delete$/,
    /^Điền tổng\s*Alt\+=$/,
  ]);
  await expect(gridMenu(page).getByRole('menuitemradio', { checked: true })).toHaveText(
    'Dòng: Chi tiết',
  );
  await page.screenshot({ path: `${ARTIFACTS}/grid-context-menu.png` });

  // Sao chép, then Dán on another cell: the figure arrives, one undo takes it back.
  await item(page, 'Sao chép').click();
  await expect(gridMenu(page)).toHaveCount(0);
  await expect
    .poll(() => page.evaluate(() => navigator.clipboard.readText()))
    .toBe(`${figure(2, COL.under7)}\r\n`);
  await cellAt(page, 5, COL.under7).click({ button: 'right' });
  await item(page, 'Dán').click();
  await expect(cellAt(page, 5, COL.under7)).toHaveText(figure(2, COL.under7));
  await expectSaved(page);
  await expectFocused(page, 5, COL.under7);
  await page.keyboard.press('Control+z');
  await expect(cellAt(page, 5, COL.under7)).toHaveText(figure(5, COL.under7));

  // Cắt: the figure goes to the clipboard and leaves the cell.
  await cellAt(page, 6, COL.over60).click({ button: 'right' });
  await item(page, 'Cắt').click();
  await expect(cellAt(page, 6, COL.over60)).toHaveText('');
  await expect
    .poll(() => page.evaluate(() => navigator.clipboard.readText()))
    .toBe(`${figure(6, COL.over60)}\r\n`);
  await page.keyboard.press('Control+z');
  await expect(cellAt(page, 6, COL.over60)).toHaveText(figure(6, COL.over60));

  // A right click inside a selection keeps it: Xóa nội dung clears the whole block, as one step.
  await cellAt(page, 8, COL.under7).click();
  await sendWithoutPause(page, [{ key: 'Shift+ArrowDown' }, { key: 'Shift+ArrowRight' }]);
  await cellAt(page, 9, COL.age7to17).click({ button: 'right' });
  await expect(page.getByTestId('grid').locator('.bieu-selection')).toHaveCount(4);
  await expect(item(page, 'Xóa 2 dòng')).toBeVisible();
  await item(page, 'Xóa nội dung').click();
  for (const row of [8, 9])
    for (const col of [COL.under7, COL.age7to17])
      await expect(cellAt(page, row, col)).toHaveText('');
  await expectSaved(page);
  await page.keyboard.press('Control+z');
  await expect(cellAt(page, 9, COL.age7to17)).toHaveText(figure(9, COL.age7to17));
  await expect(cellAt(page, 8, COL.under7)).toHaveText(figure(8, COL.under7));
});

test('right-click on a row number inserts, deletes and sets the role of rows; on a column letter it inserts and deletes columns', async ({
  page,
  bieuHost,
}) => {
  const host = await bieuHost.start();
  await gotoWithClipboard(page, host.url);
  const stored = () => tableByName(host.url, NAME);
  const nameOf = (row: number) => rows[row].cells[COL.name] as string;

  // On a row number: only the row commands (no column ones).
  await rowHeaderAt(page, 3).click({ button: 'right' });
  await expect(item(page, 'Chèn cột bên phải')).toHaveCount(0);
  await item(page, 'Chèn 1 dòng phía trên').click();
  await expect(cellAt(page, 4, COL.name)).toHaveText(nameOf(3));
  await expect(cellAt(page, 3, COL.name)).toHaveText('');
  await expectSaved(page);
  expect((await stored()).rows.length).toBe(rows.length + 1);
  // The new, empty row is still the one selected: delete it the same way.
  await rowHeaderAt(page, 3).click({ button: 'right' });
  await item(page, 'Xóa 1 dòng').click();
  await expect(cellAt(page, 3, COL.name)).toHaveText(nameOf(3));
  await expectSaved(page);
  expect((await stored()).rows.length).toBe(rows.length);

  // The role of a row in the table's arithmetic: «Lộc An» made a subtotal, then a detail again.
  await rowHeaderAt(page, 2).click({ button: 'right' });
  await item(page, 'Dòng: Cộng nhóm').click();
  await expect(page.getByTestId('grid').locator('[role="row"][row-index="2"]').first()).toHaveClass(
    /bieu-row-subtotal/,
  );
  await expectSaved(page);
  expect((await stored()).rows[2].role).toBe('subtotal');
  await rowHeaderAt(page, 2).click({ button: 'right' });
  await expect(gridMenu(page).getByRole('menuitemradio', { checked: true })).toHaveText(
    'Dòng: Cộng nhóm',
  );
  await item(page, 'Dòng: Chi tiết').click();
  await expectSaved(page);
  expect((await stored()).rows[2].role).toBe('detail');

  // On a column letter: only the column commands. A new column takes the next code.
  await columnHeader(page, COL.over60).click({ button: 'right' });
  await expect(item(page, 'Chèn 1 dòng phía trên')).toHaveCount(0);
  await item(page, 'Chèn cột bên phải').click();
  await expect(columnHeader(page, COL.over60 + 1)).toContainText('Cột mới');
  await expectSaved(page);
  const widened = await stored();
  expect(widened.columns.length).toBe(POPULATION.columns.length + 1);
  expect(widened.columns[COL.over60 + 1].code).toBe('8');
  await columnHeader(page, COL.over60 + 1).click({ button: 'right' });
  await item(page, 'Xóa 1 cột').click();
  await expect(columnHeader(page, COL.over60 + 1)).toContainText('Số người tham gia');
  await expectSaved(page);
  expect((await stored()).columns.length).toBe(POPULATION.columns.length);

  // Every column selected (Ctrl+A): deleting them all is refused in one sentence, nothing changes.
  await cellAt(page, 0, COL.stt).click();
  await page.keyboard.press('Control+a');
  await columnHeader(page, COL.name).click({ button: 'right' });
  await item(page, `Xóa ${POPULATION.columns.length} cột`).click();
  await expect(page.locator('.notice-text')).toHaveText(
    'Không xóa được mọi cột: biểu phải còn ít nhất một cột.',
  );
  expect((await stored()).columns.length).toBe(POPULATION.columns.length);
});

test('Shift+F10 opens the menu at the active cell; arrows and Enter run an item; Esc gives the keys back to the cell', async ({
  page,
  bieuHost,
}) => {
  const host = await bieuHost.start();
  await gotoWithClipboard(page, host.url);

  await cellAt(page, 4, COL.under7).click();
  await page.keyboard.press('Shift+F10');
  await expect(item(page, 'Cắt')).toBeFocused();
  // Esc closes it: what is typed next goes into the cell, not a key lost.
  await page.keyboard.press('Escape');
  await expect(gridMenu(page)).toHaveCount(0);
  await expectFocused(page, 4, COL.under7);
  await page.keyboard.type('777');
  await page.keyboard.press('Enter');
  await expect(cellAt(page, 4, COL.under7)).toHaveText('777');

  // ↑ from the first item wraps to the last ones; Enter runs the focused item.
  await page.keyboard.press('ArrowUp');
  await page.keyboard.press('Shift+F10');
  await page.keyboard.press('End');
  await expect(item(page, 'Dòng: Tổng cộng')).toBeFocused();
  for (let i = 0; i < 5; i++) await page.keyboard.press('ArrowUp');
  await expect(item(page, 'Xóa nội dung')).toBeFocused();
  await page.keyboard.press('Enter');
  await expect(cellAt(page, 4, COL.under7)).toHaveText('');
  await expectSaved(page);
  expect((await tableByName(host.url, NAME)).rows[4].cells[COL.under7]).toBeNull();
});

test('three columns deleted from the menu, or three rows given a role, come back with ONE Ctrl+Z', async ({
  page,
  bieuHost,
}) => {
  const host = await bieuHost.start();
  await gotoWithClipboard(page, host.url);
  const stored = () => tableByName(host.url, NAME);
  const headerTexts = async () =>
    Promise.all(
      [COL.under7, COL.age7to17, COL.age18to60].map(async (col) =>
        (await columnHeader(page, col).innerText()).trim(),
      ),
    );
  const before = await headerTexts();

  // The letters of «Dưới 7 tuổi» to «Từ 18 đến 60 tuổi», then the menu on them.
  await columnHeader(page, COL.under7).click();
  await columnHeader(page, COL.age18to60).click({ modifiers: ['Shift'] });
  await columnHeader(page, COL.age7to17).click({ button: 'right' });
  await item(page, 'Xóa 3 cột').click();
  await expect(columnHeader(page, COL.under7)).toContainText('Trên 60 tuổi');
  await expect(cellAt(page, 0, COL.under7)).toHaveText(figure(0, COL.over60));
  await expectSaved(page);
  expect((await stored()).columns.length).toBe(POPULATION.columns.length - 3);

  // One Ctrl+Z brings all three back, with their figures; Ctrl+Y deletes them again at once.
  await page.keyboard.press('Control+z');
  await expect(columnHeader(page, COL.age18to60)).toContainText('Từ 18 đến 60 tuổi');
  expect(await headerTexts()).toEqual(before);
  for (const col of [COL.under7, COL.age7to17, COL.age18to60])
    await expect(cellAt(page, 0, col)).toHaveText(figure(0, col));
  await page.keyboard.press('Control+y');
  await expect(columnHeader(page, COL.under7)).toContainText('Trên 60 tuổi');
  await page.keyboard.press('Control+z');
  await expect(cellAt(page, 1, COL.age7to17)).toHaveText(figure(1, COL.age7to17));
  await expectSaved(page);
  expect((await stored()).columns.map((c) => c.code)).toEqual(
    POPULATION.columns.map((c) => c.code),
  );

  // Rows 3 to 5 made subtotals as one step: one Ctrl+Z makes all three detail rows again.
  const rowAt = (row: number) =>
    page.getByTestId('grid').locator(`[role="row"][row-index="${row}"]`).first();
  await rowHeaderAt(page, 3).click();
  await rowHeaderAt(page, 5).click({ modifiers: ['Shift'] });
  await rowHeaderAt(page, 4).click({ button: 'right' });
  await item(page, 'Dòng: Cộng nhóm').click();
  for (const row of [3, 4, 5]) await expect(rowAt(row)).toHaveClass(/bieu-row-subtotal/);
  await expectSaved(page);
  await page.keyboard.press('Control+z');
  for (const row of [3, 4, 5]) await expect(rowAt(row)).not.toHaveClass(/bieu-row-subtotal/);
  await expectSaved(page);
  expect((await stored()).rows.slice(3, 6).map((r) => r.role)).toEqual([
    'detail',
    'detail',
    'detail',
  ]);
  await page.screenshot({ path: `${ARTIFACTS}/grid-columns-undone.png` });
});
