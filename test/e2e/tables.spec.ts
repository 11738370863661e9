/**
 * The document's tables: add one from a template or blank, rename, duplicate, reorder and delete
 * it — each one undoable change, the table list and the grid following what the host says.
 */
import { expect, test } from './host-fixture';
import { expectSaved, menu, tableNames } from './workbench';

const POPULATION = 'Dân số và tỷ lệ tham gia';
const CDHT = 'CDHT theo nhóm';

test('tables: add from a template and blank, rename, duplicate, reorder, delete and undo', async ({
  page,
  bieuHost,
}) => {
  const host = await bieuHost.start();
  await page.goto(host.url);
  await expect(tableNames(page)).toHaveText([POPULATION, CDHT]);
  const heading = page.locator('.table-title');

  // "+ Thêm biểu" from a template: the new table is added and shown.
  await page.getByTestId('table-list').getByRole('button', { name: '+ Thêm biểu' }).click();
  let dialog = page.getByRole('dialog', { name: 'Thêm biểu' });
  await dialog.getByRole('radio', { name: /^Dân số và tỷ lệ tham gia/ }).check();
  await dialog.getByRole('button', { name: 'Thêm biểu' }).click();
  await expect(tableNames(page)).toHaveCount(3);
  await expect(page.getByTestId('table-list').locator('[aria-current="true"]')).toContainText(
    POPULATION,
  );

  // A blank table, with its name.
  await menu(page, 'Biểu', 'Thêm biểu…');
  dialog = page.getByRole('dialog', { name: 'Thêm biểu' });
  await dialog.getByRole('radio', { name: /^Biểu trống/ }).check();
  await dialog.getByLabel('Tên biểu').fill('Biểu 03 - Hộ nghèo');
  await dialog.getByRole('button', { name: 'Thêm biểu' }).click();
  await expect(tableNames(page)).toHaveCount(4);
  await expect(tableNames(page).last()).toHaveText('Biểu 03 - Hộ nghèo');
  await expect(page.getByTestId('table-list').locator('[aria-current="true"]')).toContainText(
    'Biểu 03 - Hộ nghèo',
  );

  // Rename the table shown.
  await menu(page, 'Biểu', 'Đổi tên biểu…');
  const rename = page.getByRole('dialog', { name: 'Đổi tên biểu' });
  await rename.getByLabel('Tên biểu').fill('Biểu 03 - Hộ nghèo, cận nghèo');
  await rename.getByRole('button', { name: 'Đổi tên' }).click();
  await expect(tableNames(page).last()).toHaveText('Biểu 03 - Hộ nghèo, cận nghèo');

  // Reorder: up twice, then down once.
  await menu(page, 'Biểu', 'Chuyển biểu lên');
  await menu(page, 'Biểu', 'Chuyển biểu lên');
  await expect(tableNames(page).nth(1)).toHaveText('Biểu 03 - Hộ nghèo, cận nghèo');
  await menu(page, 'Biểu', 'Chuyển biểu xuống');
  await expect(tableNames(page).nth(2)).toHaveText('Biểu 03 - Hộ nghèo, cận nghèo');

  // Duplicate the first table: a copy with its figures, checked like the original.
  await page
    .getByTestId('table-list')
    .getByRole('button', { name: new RegExp(CDHT) })
    .click();
  await expect(heading).toBeVisible();
  await menu(page, 'Biểu', 'Nhân bản biểu');
  await expect(tableNames(page)).toHaveCount(5);
  await expectSaved(page);
  const names = await tableNames(page).allTextContents();
  expect(names.filter((n) => n.includes('CDHT'))).toHaveLength(2);

  // Delete asks first, and one Ctrl+Z brings the table back with its place.
  await page
    .getByTestId('table-list')
    .getByRole('button', { name: new RegExp(POPULATION) })
    .first()
    .click();
  const before = await tableNames(page).allTextContents();
  await menu(page, 'Biểu', 'Xóa biểu…');
  const confirm = page.getByRole('dialog', { name: 'Xóa biểu' });
  await expect(confirm).toContainText(`Xóa biểu «${POPULATION}»`);
  await confirm.getByRole('button', { name: 'Xóa biểu' }).click();
  await expect(tableNames(page)).toHaveCount(before.length - 1);
  await expectSaved(page);
  await page.getByTestId('grid').click();
  await page.keyboard.press('Control+z');
  await expect(tableNames(page)).toHaveText(before);
});
