/**
 * The history panel: who changed what and when — each cell's old → new value, or the sentence of
 * a structural change — and "Quay lại thời điểm này", which takes the document back to that
 * point as one new change that can itself be undone.
 */
import os from 'node:os';
import path from 'node:path';
import { sendWithoutPause } from './fast-input';
import { expect, test } from './host-fixture';
import { cellAddress, sheetLayout } from '../../shared/layout';
import {
  ARTIFACTS,
  COL,
  POPULATION,
  cellAt,
  expectFocused,
  expectSaved,
  hostCall,
  menu,
  vi,
} from './workbench';

const rows = POPULATION.rows;
const address = (row: number, col: number) => cellAddress(sheetLayout(POPULATION), row, col);

test('history: who, when, what; going back to a point, and undoing that', async ({
  page,
  bieuHost,
}) => {
  const host = await bieuHost.start();
  await page.goto(host.url);

  // Three changes: a figure, the slip of the sample corrected, a rename of the table.
  const loanHoa = rows[1].cells[COL.under7] as number;
  // Each change is waited for as the person sees it land. "Đã lưu" alone is no proof: it is
  // already shown before a change is queued, so a full run could race past the last save.
  await cellAt(page, 1, COL.under7).click();
  await page.keyboard.type(String(loanHoa + 10));
  await page.keyboard.press('Enter');
  await expect(cellAt(page, 1, COL.under7)).toHaveText(vi(loanHoa + 10));
  await cellAt(page, 0, COL.joined).click();
  await page.keyboard.type('1239');
  await page.keyboard.press('Enter');
  await expect(cellAt(page, 0, COL.joined)).toHaveText(vi(1239));
  await expectSaved(page);
  await menu(page, 'Biểu', 'Đổi tên biểu…');
  const rename = page.getByRole('dialog', { name: 'Đổi tên biểu' });
  await rename.getByLabel('Tên biểu').fill('Biểu 01 - Dân số');
  await rename.getByRole('button', { name: 'Đổi tên' }).click();
  await expect(page.getByTestId('table-list')).toContainText('Biểu 01 - Dân số');
  await expectSaved(page);
  // All three stored before the panel is opened (what it will list once it has read them).
  await expect
    .poll(async () => (await hostCall<unknown[]>(host.url, 'history.list', { limit: 200 })).length)
    .toBe(3);

  await menu(page, 'Xem', 'Lịch sử thay đổi');
  const panel = page.getByRole('region', { name: 'Lịch sử' });
  const entries = panel.locator('.history-entry');
  await expect(entries).toHaveCount(3);
  // Newest first; each says who (the computer's user) and when.
  const user = os.userInfo().username;
  await expect(entries.nth(0)).toContainText(user);
  await expect(entries.nth(0).locator('.history-time')).toHaveText(/\d{2}\/\d{2}\/\d{4}/);
  await expect(entries.nth(0)).toContainText('Biểu 01 - Dân số');
  const joined = address(0, COL.joined);
  await expect(entries.nth(1)).toContainText(`Sửa ô ${joined}`);
  await expect(entries.nth(1)).toContainText(`${joined}: ${vi(1329)} → ${vi(1239)}`);
  await expect(entries.nth(2)).toContainText(
    `${address(1, COL.under7)}: ${vi(loanHoa)} → ${vi(loanHoa + 10)}`,
  );

  await page.mouse.move(0, 0);
  await page.screenshot({ path: path.join(ARTIFACTS, 'history.png') });

  // Going back to the first change undoes the two after it, as one new change.
  await entries.nth(2).getByRole('button', { name: 'Quay lại thời điểm này' }).click();
  await expect(cellAt(page, 0, COL.joined)).toHaveText(vi(1329));
  await expect(cellAt(page, 1, COL.under7)).toHaveText(vi(loanHoa + 10));
  await expect(page.getByTestId('table-list')).toContainText('Dân số và tỷ lệ tham gia');
  await expect(entries).toHaveCount(4);
  await expectSaved(page);

  // …which Ctrl+Z takes back.
  await cellAt(page, 3, COL.name).click();
  await page.keyboard.press('Control+z');
  await expect(cellAt(page, 0, COL.joined)).toHaveText(vi(1239));
  await expect(page.getByTestId('table-list')).toContainText('Biểu 01 - Dân số');
  await expectSaved(page);
});

test('undo and redo after a restart show what they change: its table, scrolled to it, selected', async ({
  page,
  bieuHost,
}) => {
  const documentPath = path.join(bieuHost.home, 'documents', 'Mau-bao-cao.bieu');
  const first = await bieuHost.start();
  await page.goto(first.url);
  const title = page.locator('.table-title');
  const selected = page.getByTestId('grid').locator('.bieu-selection');
  const cdht = async () => {
    await page.getByTestId('table-list').getByRole('button', { name: /CDHT/ }).click();
    await expect(title).toHaveText(/CÔNG DÂN HỌC TẬP/);
    await cellAt(page, 0, COL.name).click();
  };

  // Two changes in the population table, typed at full speed: a figure far down the table, then
  // a block of four cells cleared.
  const far = rows[14].cells[COL.under7] as number;
  await cellAt(page, 14, COL.under7).click();
  await sendWithoutPause(page, [{ text: '999' }, { key: 'Enter' }]);
  await expect(cellAt(page, 14, COL.under7)).toHaveText('999');
  await cellAt(page, 2, COL.under7).click();
  await sendWithoutPause(page, [
    { key: 'Shift+ArrowDown' },
    { key: 'Shift+ArrowRight' },
    { key: 'Delete' },
  ]);
  await expect(cellAt(page, 3, COL.age7to17)).toHaveText('');
  await expectSaved(page);
  const populationTitle = (await title.textContent())!;

  // After a restart, from the other table, Ctrl+Z goes back to the population table and selects
  // the four cells it brought back.
  await first.stop();
  const second = await bieuHost.start(documentPath);
  await page.goto(second.url);
  await cdht();
  await sendWithoutPause(page, [{ key: 'Control+z' }]);
  await expect(title).toHaveText(populationTitle);
  await expect(cellAt(page, 3, COL.age7to17)).toHaveText(vi(rows[3].cells[COL.age7to17] as number));
  await expect(selected).toHaveCount(4);
  await expectFocused(page, 2, COL.under7);

  // The next Ctrl+Z, again from the other table: the cell far down is scrolled to and focused.
  await cdht();
  await sendWithoutPause(page, [{ key: 'Control+z' }]);
  await expect(title).toHaveText(populationTitle);
  await expect(cellAt(page, 14, COL.under7)).toHaveText(vi(far));
  await expectFocused(page, 14, COL.under7);
  await expect(cellAt(page, 14, COL.under7)).toBeInViewport();

  // Ctrl+Y shows its change the same way.
  await cdht();
  await sendWithoutPause(page, [{ key: 'Control+y' }]);
  await expect(title).toHaveText(populationTitle);
  await expect(cellAt(page, 14, COL.under7)).toHaveText('999');
  await expectFocused(page, 14, COL.under7);
  await expect(cellAt(page, 14, COL.under7)).toBeInViewport();
  await expectSaved(page);
});
