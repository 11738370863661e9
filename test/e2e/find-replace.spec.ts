/**
 * Ctrl+F: find and replace in the table shown or in the whole document, matching what the person
 * sees (figures as written, any Unicode form of a Vietnamese name); "Thay tất cả" is one change.
 */
import { expect, test } from './host-fixture';
import { COL, cellAt, cellInput, expectFocused, expectSaved, tableNames } from './workbench';

test('find and replace in a table and in the whole document', async ({ page, bieuHost }) => {
  const host = await bieuHost.start();
  await page.goto(host.url);
  await cellAt(page, 0, COL.name).click();
  await page.keyboard.press('Control+f');
  const bar = page.getByRole('search', { name: 'Tìm và thay thế' });
  const query = bar.getByLabel('Tìm', { exact: true });
  await expect(query).toBeFocused();

  // Decomposed input (NFD) still finds the composed name; Enter goes to the match.
  await query.fill('lộc hòa'.normalize('NFD'));
  await expect(bar).toContainText('1 kết quả');
  await query.press('Enter');
  await expectFocused(page, 1, COL.name);
  await expect(bar).toContainText('1/1');

  // In this table "Lộc" is in every commune's name; in the whole document, twice as often.
  await query.fill('Lộc');
  await expect(bar).toContainText('16 kết quả');
  await bar.getByLabel('Phạm vi tìm').selectOption({ label: 'Cả tài liệu' });
  await expect(bar).toContainText('32 kết quả');

  // Replace all in the whole document: one change, undone by one Ctrl+Z.
  await bar.getByLabel('Thay bằng').fill('Lợc');
  await bar.getByRole('button', { name: 'Thay tất cả' }).click();
  await expect(cellAt(page, 1, COL.name)).toHaveText('Lợc Hòa');
  await expect(bar).toContainText('Không tìm thấy');
  await expectSaved(page);
  await page.getByTestId('table-list').getByRole('button', { name: /CDHT/ }).click();
  await expect(cellAt(page, 1, COL.name)).toHaveText('Lợc Hòa');
  await cellAt(page, 2, COL.name).click();
  await page.keyboard.press('Control+z');
  await expect(cellAt(page, 1, COL.name)).toHaveText('Lộc Hòa');
  await expect(tableNames(page)).toHaveCount(2);

  // A figure is found as written, and a replaced figure is a number again.
  await page
    .getByTestId('table-list')
    .getByRole('button', { name: /Dân số/ })
    .click();
  await cellAt(page, 0, COL.stt).click();
  await page.keyboard.press('Control+f');
  await bar.getByLabel('Phạm vi tìm').selectOption({ label: 'Biểu này' });
  await query.fill('1.456');
  await expect(bar).toContainText('1 kết quả');
  await bar.getByLabel('Thay bằng').fill('1.465');
  await bar.getByRole('button', { name: 'Thay', exact: true }).click();
  await expect(cellAt(page, 0, COL.under7)).toHaveText('1.465');
  await expect(cellAt(page, 0, COL.total).locator('[data-finding="error"]')).toBeVisible();
  await expectSaved(page);

  // Esc closes the bar.
  await query.press('Escape');
  await expect(bar).toBeHidden();
  await cellAt(page, 0, COL.under7).click();
  await expect(cellInput(page)).toBeFocused();
});
