/**
 * «Điền tổng» as an Excel user reaches for AutoSum: Alt+= (or the right-click menu) on a blank
 * total row fills the computed figures as one undoable step; a figure someone typed is replaced
 * only when the person says so in the question.
 */
import { sendWithoutPause } from './fast-input';
import { expect, test } from './host-fixture';
import { ARTIFACTS, COL, cellAt, expectSaved, gotoWithClipboard, tableByName } from './workbench';

const NAME = 'Dân số và tỷ lệ tham gia';
const FIGURES = [COL.total, COL.under7, COL.age7to17, COL.age18to60, COL.over60, COL.joined];
/** The total row as the sample states it: its «Số người tham gia» misses the slip at H11. */
const STATED = ['118.691', '15.307', '22.269', '69.477', '11.638', '5.049', '4,25'];
/** As Biểu adds the communes up, with the slip (1.329 typed for 1.239) counted. */
const COMPUTED = ['118.691', '15.307', '22.269', '69.477', '11.638', '5.139', '4,33'];

test('Alt+= fills a blank total row with the sums and the rate, one Ctrl+Z takes them back; typed totals are replaced only when the person agrees', async ({
  page,
  bieuHost,
}) => {
  const host = await bieuHost.start();
  await gotoWithClipboard(page, host.url);
  const totalRow = () =>
    Promise.all([...FIGURES, COL.rate].map(async (col) => cellAt(page, 'total', col).innerText()));

  // The figures of «Tổng cộng» selected and cleared, then Alt+= at once, as fast as typed.
  await cellAt(page, 'total', COL.total).click();
  await sendWithoutPause(page, [{ key: 'Shift+End' }, { key: 'Delete' }, { key: 'Alt+Equal' }]);
  await expect(cellAt(page, 'total', COL.joined)).toHaveText(COMPUTED[5]);
  expect(await totalRow()).toEqual(COMPUTED);
  await expectSaved(page);
  await page.screenshot({ path: `${ARTIFACTS}/fill-totals.png` });
  const filled = (await tableByName(host.url, NAME)).rows.at(-1)!;
  expect(filled.cells.slice(COL.total)).toEqual([118691, 15307, 22269, 69477, 11638, 5139, 4.33]);

  // One Ctrl+Z: the row is blank again (the fill was one step); another: the typed figures.
  await page.keyboard.press('Control+z');
  for (const col of [...FIGURES, COL.rate]) await expect(cellAt(page, 'total', col)).toHaveText('');
  await page.keyboard.press('Control+z');
  await expect(cellAt(page, 'total', COL.joined)).toHaveText(STATED[5]);
  expect(await totalRow()).toEqual(STATED);

  // Over typed figures Alt+= asks first, naming each cell that would change; keeping them
  // changes nothing.
  await sendWithoutPause(page, [{ key: 'Alt+Equal' }]);
  const dialog = page.getByRole('dialog');
  await expect(dialog).toContainText(
    '2 ô đang ghi số khác với số Biểu tính được: H27 5.049 → 5.139; I27 4,25 → 4,33.',
  );
  await page.screenshot({ path: `${ARTIFACTS}/fill-totals-ask.png` });
  await dialog.getByRole('button', { name: 'Giữ số đã gõ' }).click();
  await expect(dialog).toHaveCount(0);
  expect(await totalRow()).toEqual(STATED);

  // The right-click menu offers the same; this time the person agrees.
  await cellAt(page, 'total', COL.over60).click({ button: 'right' });
  await page.getByTestId('grid-menu').getByRole('menuitem', { name: 'Điền tổng' }).click();
  await dialog.getByRole('button', { name: 'Ghi đè 2 ô' }).click();
  await expect(cellAt(page, 'total', COL.joined)).toHaveText(COMPUTED[5]);
  expect(await totalRow()).toEqual(COMPUTED);
  await expectSaved(page);
  expect((await tableByName(host.url, NAME)).rows.at(-1)!.cells[COL.rate]).toBe(4.33);

  // A commune's own figures are not a total: Alt+= there says so in one sentence.
  await cellAt(page, 3, COL.under7).click();
  await sendWithoutPause(page, [{ key: 'Alt+Equal' }]);
  await expect(page.locator('.notice-text')).toHaveText(
    'Vùng chọn không có ô nào Biểu tính được: chọn ô của dòng tổng, dòng cộng nhóm hay cột có công thức (các ô thành phần phải có số).',
  );
});
