/**
 * The document as a file and as a report: Lưu thành… (a copy), Đổi tên, Hiện trong thư mục, and
 * the report's details (agency, number, dates, place, signers) that the export prints.
 */
import fs from 'node:fs';
import path from 'node:path';
import { expect, test } from './host-fixture';
import { menu } from './workbench';

test('rename, reveal in folder, and the report details form', async ({ page, bieuHost }) => {
  const host = await bieuHost.start();
  await page.goto(host.url);
  const statusBar = page.getByTestId('status-bar');
  const folder = path.join(bieuHost.home, 'documents');
  await expect(statusBar).toContainText('Mau-bao-cao.bieu');

  // Đổi tên: the file keeps its folder and takes the new name.
  await menu(page, 'Tệp', 'Đổi tên…');
  const rename = page.getByRole('dialog', { name: 'Đổi tên tài liệu' });
  await expect(rename.getByLabel('Tên tệp mới')).toHaveValue('Mau-bao-cao');
  await rename.getByLabel('Tên tệp mới').fill('Bao-cao-quy-III');
  await rename.getByRole('button', { name: 'Đổi tên' }).click();
  await expect(statusBar).toContainText(path.join(folder, 'Bao-cao-quy-III.bieu'));
  expect(fs.existsSync(path.join(folder, 'Bao-cao-quy-III.bieu'))).toBe(true);
  expect(fs.existsSync(path.join(folder, 'Mau-bao-cao.bieu'))).toBe(false);

  // Hiện trong thư mục: in the browser there is no file manager to open, so it says where.
  await menu(page, 'Tệp', 'Hiện trong thư mục');
  await expect(page.getByRole('status').filter({ hasText: 'thư mục' })).toContainText(folder);

  // Thông tin báo cáo: filled in, saved, and there again when the form is opened again.
  const details = {
    'Cơ quan chủ quản': 'ỦY BAN NHÂN DÂN HUYỆN LỘC NINH',
    'Đơn vị báo cáo': 'PHÒNG GIÁO DỤC VÀ ĐÀO TẠO',
    'Số báo cáo': '125/BC-UBND',
    'Ngày báo cáo': '15/10/2024',
    'Số liệu tính đến ngày': '30/9/2024',
    'Địa danh': 'Lộc Ninh',
    'Người lập biểu': 'Nguyễn Thị Hòa',
    'Thủ trưởng đơn vị': 'Trần Văn Lộc',
  };
  await menu(page, 'Tệp', 'Thông tin báo cáo…');
  let form = page.getByRole('dialog', { name: 'Thông tin báo cáo' });
  for (const [label, value] of Object.entries(details)) await form.getByLabel(label).fill(value);
  await form.getByRole('button', { name: 'Lưu thông tin' }).click();
  await expect(form).toBeHidden();
  await menu(page, 'Tệp', 'Thông tin báo cáo…');
  form = page.getByRole('dialog', { name: 'Thông tin báo cáo' });
  for (const [label, value] of Object.entries(details))
    await expect(form.getByLabel(label)).toHaveValue(value);
  await form.getByRole('button', { name: 'Hủy' }).click();

  // The details are part of the document: they travel with Lưu thành… into the copy.
  await menu(page, 'Tệp', 'Lưu thành…');
  const copy = path.join(bieuHost.home, 'Ban-sao.bieu');
  const saveAs = page.getByRole('dialog', { name: 'Lưu tài liệu thành' });
  await saveAs.getByLabel('Đường dẫn tệp .bieu').fill(copy);
  await saveAs.getByRole('button', { name: 'Lưu', exact: true }).click();
  await expect(statusBar).toContainText(copy);
  await menu(page, 'Tệp', 'Thông tin báo cáo…');
  form = page.getByRole('dialog', { name: 'Thông tin báo cáo' });
  await expect(form.getByLabel('Số báo cáo')).toHaveValue('125/BC-UBND');
});
