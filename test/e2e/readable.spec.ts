/**
 * Every figure readable: columns as wide as their content when a table opens (a freshly imported
 * one here; readable-overlay.spec.ts has the sample's at 1440×900); a figure too wide for a column narrowed by hand shows Excel's "####" with
 * the figure in its tooltip; a double click on the header edge fits the column again; zooming
 * out shows more columns.
 */
import path from 'node:path';
import ExcelJS from 'exceljs';
import { expect, test } from './host-fixture';
import { cutCells } from './readable';
import { ARTIFACTS, COL, cellAt, importUnchanged } from './workbench';

test('an imported table opens with its columns fitted: long labels and big figures whole', async ({
  page,
  bieuHost,
}) => {
  await page.setViewportSize({ width: 1440, height: 900 });
  const host = await bieuHost.start();
  await page.goto(host.url);
  const workbook = new ExcelJS.Workbook();
  const sheet = workbook.addWorksheet('Kinh tế');
  sheet.addRow(['BIỂU TỔNG HỢP CHỈ TIÊU KINH TẾ - XÃ HỘI']);
  sheet.addRow([]);
  sheet.addRow(['Chỉ tiêu', 'Đơn vị tính', 'Năm 2023', 'Năm 2024']);
  sheet.addRow(['PHẦN I. CHỈ TIÊU KINH TẾ', null, null, null]);
  sheet.addRow(['Tổng giá trị sản xuất', 'triệu đồng', 16342932.5, 17889120.25]);
  sheet.addRow(['Thu ngân sách trên địa bàn', 'triệu đồng', 791232965, 812004310]);
  sheet.addRow(['PHẦN II. CHỈ TIÊU XÃ HỘI', null, null, null]);
  sheet.addRow(['Số hộ nghèo', 'hộ', 1239, 1105]);
  const file = path.join(bieuHost.home, 'chi-tieu.xlsx');
  await workbook.xlsx.writeFile(file);
  await importUnchanged(page, file);
  await expect(page.getByTestId('grid')).toContainText('PHẦN I. CHỈ TIÊU KINH TẾ');
  expect(await cutCells(page)).toEqual([]);
  await page.screenshot({ path: path.join(ARTIFACTS, 'grid-imported-fitted.png') });
});

test('a figure too wide for its column shows ####; a double click on the header edge fits the column', async ({
  page,
  bieuHost,
}) => {
  const host = await bieuHost.start();
  await page.goto(host.url);
  const grid = page.getByTestId('grid');
  const header = grid
    .locator('.ag-header-cell[col-id]:not([col-id="bieu-row-header"])')
    .nth(COL.total);
  const edge = header.locator('.ag-header-cell-resize');
  const before = (await header.boundingBox())!;

  // Narrowed by hand to 50 px: "10.450" no longer fits.
  const handle = (await edge.boundingBox())!;
  await page.mouse.move(handle.x + handle.width / 2, handle.y + handle.height / 2);
  await page.mouse.down();
  await page.mouse.move(before.x + 50, handle.y + handle.height / 2, { steps: 8 });
  await page.mouse.up();
  await expect.poll(async () => (await header.boundingBox())!.width).toBeLessThan(60);
  const first = cellAt(page, 0, COL.total).locator('.bieu-cell-text');
  await expect(first).toHaveText(/^#+$/);
  await expect(first).toHaveAttribute('title', /10\.450/);
  await expect(cellAt(page, 'total', COL.total).locator('.bieu-cell-text')).toHaveText(/^#+$/);
  expect(await cutCells(page)).toEqual([]);

  // A double click on the edge fits the column to its widest figure.
  await edge.dblclick();
  await expect(first).toHaveText('10.450');
  await expect(cellAt(page, 'total', COL.total)).toHaveText('118.691');
  expect(await cutCells(page)).toEqual([]);
  expect((await header.boundingBox())!.width).toBeLessThan(before.width + 1);
});

test('zooming out shows more columns of a table wider than the window', async ({
  page,
  bieuHost,
}) => {
  await page.setViewportSize({ width: 1000, height: 800 });
  const host = await bieuHost.start();
  await page.goto(host.url);
  await page.getByTestId('table-list').getByRole('button', { name: /CDHT/ }).click();
  const grid = page.getByTestId('grid');
  const shown = () =>
    grid.evaluate((frame) => {
      const right = frame.getBoundingClientRect().right;
      return [
        ...frame.querySelectorAll('.ag-header-cell[col-id]:not([col-id="bieu-row-header"])'),
      ].filter((h) => {
        const box = h.getBoundingClientRect();
        return box.width > 0 && box.right <= right;
      }).length;
    });
  await expect(cellAt(page, 0, 2)).toHaveText('290');
  const atFull = await shown();
  expect(atFull).toBeLessThan(11);
  await page.getByTestId('status-bar').getByRole('button', { name: 'Thu nhỏ' }).click();
  await page.getByTestId('status-bar').getByRole('button', { name: 'Thu nhỏ' }).click();
  await expect(page.getByTestId('zoom')).toHaveText('80 %');
  await expect.poll(shown).toBeGreaterThan(atFull);
  expect(await cutCells(page)).toEqual([]);
});
