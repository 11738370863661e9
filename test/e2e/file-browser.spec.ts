/**
 * The browser host has no file dialog of the computer's own: its Mở…, Lưu thành… and Nhập Excel…
 * dialogs browse the documents folder (and the folders of documents opened before) with clicks.
 */
import fs from 'node:fs';
import path from 'node:path';
import { expect, test } from './host-fixture';
import { FIXTURES, menu, tableNames } from './workbench';

test('Nhập Excel… in the browser: browse to the workbook with clicks, read it, import it', async ({
  page,
  bieuHost,
}) => {
  const documents = path.join(bieuHost.home, 'documents');
  const folder = path.join(documents, 'Số liệu các xã');
  fs.mkdirSync(folder, { recursive: true });
  fs.copyFileSync(
    path.join(FIXTURES, 'dan-so-ho-ngheo.xlsx'),
    path.join(folder, 'Dân số hộ nghèo.xlsx'),
  );
  fs.writeFileSync(path.join(folder, 'ghi chú.txt'), 'không phải sổ tính');
  const host = await bieuHost.start();
  await page.goto(host.url);

  await menu(page, 'Tệp', 'Nhập Excel…');
  const dialog = page.getByTestId('import-dialog');
  await dialog.getByRole('button', { name: 'Chọn…' }).click();
  const browser = dialog.getByTestId('folder-browser');
  await expect(browser.getByTestId('folder-path')).toHaveText(documents);
  // Only folders and the files an import can read.
  await browser.getByRole('button', { name: 'Số liệu các xã' }).click();
  await expect(browser.getByTestId('folder-path')).toHaveText(folder);
  await expect(browser.getByRole('list').getByRole('button')).toHaveText(['Dân số hộ nghèo.xlsx']);
  await page.screenshot({ path: path.join(__dirname, '..', 'artifacts', 'folder-browser.png') });
  await browser.getByRole('button', { name: 'Dân số hộ nghèo.xlsx' }).click();
  await expect(dialog.getByLabel('Đường dẫn tệp .xlsx')).toHaveValue(
    path.join(folder, 'Dân số hộ nghèo.xlsx'),
  );
  await dialog.getByRole('button', { name: 'Đọc tệp' }).click();
  await expect(dialog.getByTestId('import-table').first()).toBeVisible({ timeout: 20_000 });
  await dialog.getByRole('button', { name: 'Nhập', exact: true }).click();
  await expect(dialog).toBeHidden();
  await expect(tableNames(page)).toHaveCount(3);

  // «↑ Lên một cấp» stops at the documents folder: nothing above it is shown.
  await menu(page, 'Tệp', 'Nhập Excel…');
  await dialog.getByRole('button', { name: 'Chọn…' }).click();
  await browser.getByRole('button', { name: 'Số liệu các xã' }).click();
  await expect(browser.getByTestId('folder-path')).toHaveText(folder);
  await browser.getByRole('button', { name: '↑ Lên một cấp' }).click();
  await expect(browser.getByTestId('folder-path')).toHaveText(documents);
  await expect(browser.getByRole('button', { name: '↑ Lên một cấp' })).toBeDisabled();
});

test('Lưu thành… in the browser: pick a folder, keep the name; Mở… finds the copy there', async ({
  page,
  bieuHost,
}) => {
  const documents = path.join(bieuHost.home, 'documents');
  fs.mkdirSync(path.join(documents, 'Năm 2026'), { recursive: true });
  const host = await bieuHost.start();
  await page.goto(host.url);
  await expect(tableNames(page).first()).toBeVisible();

  await menu(page, 'Tệp', 'Lưu thành…');
  const dialog = page.getByRole('dialog');
  const field = dialog.getByLabel('Đường dẫn tệp .bieu');
  await field.fill(path.join(documents, 'Bao-cao-quy-3.bieu'));
  await dialog.getByRole('button', { name: 'Chọn…' }).click();
  await dialog.getByRole('button', { name: 'Năm 2026' }).click();
  await dialog.getByRole('button', { name: 'Lưu vào thư mục này' }).click();
  const saved = path.join(documents, 'Năm 2026', 'Bao-cao-quy-3.bieu');
  await expect(field).toHaveValue(saved);
  await dialog.getByRole('button', { name: 'Lưu', exact: true }).click();
  await expect(dialog).toBeHidden();
  await expect.poll(() => fs.existsSync(saved)).toBe(true);

  // Mở… lists it with the sample, by a click.
  await menu(page, 'Tệp', 'Mở…');
  await dialog.getByRole('button', { name: 'Chọn…' }).click();
  await expect(dialog.getByTestId('folder-path')).toHaveText(path.join(documents, 'Năm 2026'));
  await expect(dialog.getByRole('list').getByRole('button')).toHaveText(['Bao-cao-quy-3.bieu']);
  await dialog.getByRole('button', { name: 'Bao-cao-quy-3.bieu' }).click();
  await expect(dialog.getByLabel('Đường dẫn tệp .bieu')).toHaveValue(saved);
});
