/**
 * Ctrl+F: find and replace in the table shown or in the whole document, matching what the person
 * sees (figures as written, any Unicode form of a Vietnamese name); "Thay tất cả" is one change.
 */
import type { Page } from '@playwright/test';
import { sendWithoutPause } from './fast-input';
import { expect, test } from './host-fixture';
import {
  COL,
  cellAt,
  cellInput,
  expectFocused,
  expectSaved,
  tableByName,
  tableNames,
} from './workbench';

/** The sample document, a commune's name clicked, Ctrl+F: the bar and its search field. */
async function openFind(page: Page, url: string) {
  await page.goto(url);
  await cellAt(page, 0, COL.name).click();
  await page.keyboard.press('Control+f');
  const bar = page.getByRole('search', { name: 'Tìm và thay thế' });
  const query = bar.getByLabel('Tìm', { exact: true });
  await expect(query).toBeFocused();
  return { bar, query };
}

test('find and replace in a table and in the whole document', async ({ page, bieuHost }) => {
  const host = await bieuHost.start();
  const { bar, query } = await openFind(page, host.url);

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

test('find matches Vietnamese as people type it: the tone mark on either vowel, without diacritics, any case', async ({
  page,
  bieuHost,
}) => {
  const host = await bieuHost.start();
  const { bar, query } = await openFind(page, host.url);
  /** A new search, typed at full speed. */
  const search = async (text: string) => {
    await query.fill('');
    await sendWithoutPause(page, [{ text }]);
    await expect(query).toHaveValue(text);
  };

  // The table writes "Lộc Hòa" (the mark on o); "Hoà", the newer placement, finds it.
  await search('Lộc Hoà');
  await expect(bar).toContainText('1 kết quả');
  await query.press('Enter');
  await expectFocused(page, 1, COL.name);

  // Typed without diacritics, in any case: the same commune.
  await search('loc hoa');
  await expect(bar).toContainText('1 kết quả');
  await search('LOC HOA');
  await expect(bar).toContainText('1 kết quả');
  // "loc" without diacritics is in every commune's name.
  await search('loc');
  await expect(bar).toContainText('16 kết quả');
  // A search with diacritics means them: "hoa" with a tone mark on "ộ" but none on "hoa" is not "Hòa".
  await search('lộc hoa');
  await expect(bar).toContainText('Không tìm thấy');

  // Replacing what a search without diacritics found keeps the rest of the name as written.
  await search('thi tran');
  await expect(bar).toContainText('1 kết quả');
  await bar.getByLabel('Thay bằng').fill('TT');
  await bar.getByRole('button', { name: 'Thay', exact: true }).click();
  await expect(cellAt(page, 0, COL.name)).toHaveText('TT Lộc Ninh');
  await expectSaved(page);
  const table = await tableByName(host.url, 'Dân số và tỷ lệ tham gia');
  expect(table.rows[0].cells[COL.name]).toBe('TT Lộc Ninh');
});
