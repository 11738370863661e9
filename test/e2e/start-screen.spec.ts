/**
 * The start screen: shown when no document is open and from Tệp › Trang đầu. It lists the recent
 * documents with their paths and last change, and starts a document from templates, blank, an
 * existing file, or the sample.
 */
import path from 'node:path';
import { expect, test } from './host-fixture';
import { ARTIFACTS, menu, tableNames } from './workbench';

test('start screen: recent documents, new from a template, blank, open, the sample', async ({
  page,
  bieuHost,
}) => {
  const host = await bieuHost.start();
  await page.goto(host.url);
  // A first start opens the sample; Tệp › Trang đầu closes it and shows the start screen.
  await expect(tableNames(page).first()).toBeVisible();
  await menu(page, 'Tệp', 'Trang đầu');
  const start = page.getByTestId('start-screen');
  await expect(start).toBeVisible();
  const recent = start.getByRole('list', { name: 'Tài liệu gần đây' });
  await expect(recent.getByRole('button')).toHaveCount(1);
  await expect(recent).toContainText('Mau-bao-cao.bieu');
  await expect(recent).toContainText(path.join(bieuHost.home, 'documents', 'Mau-bao-cao.bieu'));
  await expect(recent).toContainText(/Sửa lần cuối \d/);
  await expect(page.getByTestId('status-bar')).toContainText('Chưa mở tài liệu');

  // New from a template.
  await start.getByRole('button', { name: /Tài liệu mới từ biểu mẫu/ }).click();
  const dialog = page.getByRole('dialog', { name: 'Tài liệu mới' });
  await dialog.getByRole('checkbox', { name: /^Đánh giá Công dân học tập theo nhóm/ }).check();
  const cdht = path.join(bieuHost.home, 'Bao-cao-CDHT-quy-III.bieu');
  await dialog.getByLabel('Lưu tài liệu tại').fill(cdht);
  await dialog.getByRole('button', { name: 'Tạo tài liệu' }).click();
  await expect(page.getByTestId('status-bar')).toContainText('Bao-cao-CDHT-quy-III.bieu');
  await expect(tableNames(page)).toHaveText(['CDHT theo nhóm']);

  // Blank: a document with one empty table to start from.
  await menu(page, 'Tệp', 'Trang đầu');
  await start.getByRole('button', { name: /Tài liệu trống/ }).click();
  const blankDialog = page.getByRole('dialog', { name: 'Tài liệu trống' });
  const blank = path.join(bieuHost.home, 'Dan-so-xa-2024.bieu');
  await blankDialog.getByLabel('Đường dẫn tệp .bieu').fill(blank);
  await blankDialog.getByRole('button', { name: 'Tạo tài liệu' }).click();
  await expect(page.getByTestId('status-bar')).toContainText('Dan-so-xa-2024.bieu');
  await expect(tableNames(page)).toHaveText(['Biểu 1']);
  await expect(page.getByTestId('table-list')).toContainText('Không có lỗi');

  // Back on the start screen the newest document is first; a recent one opens with one click.
  await menu(page, 'Tệp', 'Trang đầu');
  await expect(recent.locator('.recent-name')).toHaveText([
    'Dan-so-xa-2024.bieu',
    'Bao-cao-CDHT-quy-III.bieu',
    'Mau-bao-cao.bieu',
  ]);
  await page.mouse.move(0, 0);
  await page.screenshot({ path: path.join(ARTIFACTS, 'start-screen.png') });
  await recent.getByRole('button', { name: /Bao-cao-CDHT-quy-III/ }).click();
  await expect(page.getByTestId('status-bar')).toContainText('Bao-cao-CDHT-quy-III.bieu');

  // Mở… from the start screen, and the sample.
  await menu(page, 'Tệp', 'Trang đầu');
  await start.getByRole('button', { name: /Mở tài liệu…/ }).click();
  const openDialog = page.getByRole('dialog', { name: 'Mở tài liệu' });
  await openDialog.getByLabel('Đường dẫn tệp .bieu').fill(blank);
  await openDialog.getByRole('button', { name: 'Mở', exact: true }).click();
  await expect(page.getByTestId('status-bar')).toContainText('Dan-so-xa-2024.bieu');
  await menu(page, 'Tệp', 'Trang đầu');
  await start.getByRole('button', { name: /Mở tài liệu mẫu/ }).click();
  await expect(tableNames(page)).toHaveText(['Dân số và tỷ lệ tham gia', 'CDHT theo nhóm']);
  await expect(page.getByTestId('finding-counts')).toContainText(/[1-9]\d* lỗi/);
});
