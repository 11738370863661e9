/**
 * Biểu › Gửi biểu mẫu cho các đơn vị… and Biểu › Tổng hợp từ các đơn vị… through the real host,
 * in Chromium: a district table of 16 communes, its forms written to a folder; the communes'
 * returned files (test/unit/helpers/collect/returned-set.ts: name variants, a village breakdown, an .xls,
 * one silent, one sending two files that disagree, a stray row, a row that does not add up)
 * read with a progress bar; every unit's status shown before anything is written; the received
 * units written on acceptance, and the corrected file of the commune that sent two taken by
 * choice; then each figure's file, sheet and cell on hover, and which units sent their figures,
 * from which file and when, above the table (after a reload too). And a folder of 200 files whose reading is cancelled: nothing
 * written.
 */
import fs from 'node:fs';
import path from 'node:path';
import { DocumentStore } from '../../electron/store/document-store';
import {
  districtTable,
  TABLE_NAME,
  UNIT_NAMES,
  unitFigures,
  writeReturned,
} from '../unit/helpers/collect/district';
import { SILENT, TWICE, writeReturnedSet } from '../unit/helpers/collect/returned-set';
import { expect, test } from './host-fixture';
import { ARTIFACTS, menu, tableByName } from './workbench';

function district(home: string): string {
  const doc = path.join(home, 'Huyen-Loc-Ninh.bieu');
  DocumentStore.create(doc, [districtTable()], { user: 'thongke' }).close();
  return doc;
}

test('the forms go out, the communes’ files come back: every unit’s status before anything is written', async ({
  page,
  bieuHost,
}) => {
  test.setTimeout(120_000);
  const returned = path.join(bieuHost.home, 've');
  await writeReturnedSet(returned);
  const host = await bieuHost.start(district(bieuHost.home));
  await page.goto(host.url);
  await expect(page.getByTestId('grid')).toBeVisible();
  // A table typed by hand has no units to account for.
  await expect(page.getByTestId('collected-units')).toHaveCount(0);

  await menu(page, 'Biểu', 'Gửi biểu mẫu cho các đơn vị…');
  const forms = page.getByTestId('forms-dialog');
  const out = path.join(bieuHost.home, 'bieu-mau');
  await forms.getByLabel('Thư mục lưu các biểu mẫu').fill(out);
  await forms.getByRole('button', { name: 'Ghi các biểu mẫu' }).click();
  await expect(page.getByRole('status')).toContainText(`Đã ghi 16 biểu mẫu vào ${out}`);
  expect(fs.readdirSync(out).sort()).toEqual(UNIT_NAMES.map((u) => `${u}.xlsx`).sort());

  await menu(page, 'Biểu', 'Tổng hợp từ các đơn vị…');
  const dialog = page.getByTestId('collect-dialog');
  await dialog.getByLabel('Các tệp hoặc thư mục các đơn vị gửi về').fill(returned);
  await dialog.getByRole('button', { name: 'Đọc các tệp' }).click();
  const status = dialog.getByTestId('collect-status');
  await expect(status).toContainText(`Biểu «${TABLE_NAME}»: 14 đã nhận, 1 chưa gửi, 1 vướng.`);
  const row = (unit: string) => status.locator(`tr[data-unit="${unit}"]`);
  await expect(row(SILENT)).toHaveAttribute('data-status', 'missing');
  await expect(row(SILENT)).toContainText('Chưa gửi');
  await expect(row(TWICE)).toHaveAttribute('data-status', 'conflict');
  await expect(row(TWICE)).toContainText('Loc Thanh - sua.xlsx H7 = 386');
  await expect(row(TWICE).getByRole('checkbox')).toBeDisabled();
  await expect(row('Xã Lộc Tấn')).toContainText('bao cao dan so.xlsx');
  await expect(status.getByTestId('collect-unmatched')).toContainText(
    '«Xã Lộc Thắng» — Lộc Điền.xlsx › Biểu 01 › 8',
  );
  await expect(status.getByTestId('collect-findings')).toContainText(
    'Loc Thai.xlsx › Biểu 01 › C7',
  );
  // Nothing is written before the person accepts.
  const before = await tableByName(host.url, TABLE_NAME);
  expect(before.rows.every((r) => r.cells.slice(2).every((v) => v === null))).toBe(true);
  await page.screenshot({ path: path.join(ARTIFACTS, 'collect-status.png') });

  // The commune that sent two files that disagree: the person takes the corrected one.
  await row(TWICE).getByRole('radio', { name: 'Loc Thanh - sua.xlsx' }).check();
  await expect(row(TWICE).getByRole('checkbox')).toBeChecked();
  await dialog.getByRole('button', { name: 'Ghi 15 đơn vị đã chọn' }).click();
  await expect(dialog).toBeHidden();
  await expect(page.getByRole('status')).toContainText('Đã ghi 105 ô từ 15 tệp vào biểu');
  const after = await tableByName(host.url, TABLE_NAME);
  const figures = (unit: string) => after.rows.find((r) => r.cells[1] === unit)!.cells.slice(2);
  expect(figures('Thị trấn Lộc Ninh')).toEqual(unitFigures('Thị trấn Lộc Ninh'));
  expect(figures(SILENT)).toEqual(Array(7).fill(null));
  const corrected = unitFigures(TWICE);
  corrected[5] += 9;
  expect(figures(TWICE).slice(0, 6)).toEqual(corrected.slice(0, 6));

  // The grid shows the figures at once, each with the file, sheet and cell it came from on hover.
  const grid = page.getByTestId('grid');
  const cell = grid.locator('.bieu-cell-text', { hasText: /^10\.450$/ });
  await cell.hover();
  await expect(cell).toHaveAttribute(
    'title',
    /^Từ «TT Loc Ninh\.xlsx» › Biểu 01 › C7, nhận lúc \d{2}:\d{2},? \d{2}\/\d{2}\/\d{4}$/,
  );
  const twice = grid.locator('.bieu-cell-text', { hasText: new RegExp(`^${corrected[5]}$`) });
  await expect(twice).toHaveAttribute('title', /^Từ «Loc Thanh - sua\.xlsx» › Biểu 01 › H7,/);
  // The silent commune's blank cells came from no file.
  await expect(grid.locator('[data-source]')).toHaveCount(15 * 7);

  // Which units have sent their figures, from which file and when — kept by the document.
  await page.reload();
  const units = page.getByTestId('collected-units');
  await expect(units).toContainText(`Đã nhận 15/16 đơn vị · chưa gửi: ${SILENT}`);
  await units.locator('summary').click();
  const unitRow = (unit: string) => units.locator(`tr[data-unit="${unit}"]`);
  await expect(unitRow('Thị trấn Lộc Ninh')).toContainText('Đã nhận');
  await expect(unitRow('Thị trấn Lộc Ninh')).toContainText('TT Loc Ninh.xlsx');
  await expect(unitRow(TWICE)).toContainText('Loc Thanh - sua.xlsx');
  await expect(unitRow(SILENT)).toHaveAttribute('data-status', 'missing');
  await expect(unitRow(SILENT)).toContainText('Chưa gửi');
});

test('a folder of 200 files: progress shown, cancel stops the reading, nothing written', async ({
  page,
  bieuHost,
}) => {
  const folder = path.join(bieuHost.home, 've-200');
  fs.mkdirSync(folder);
  const first = path.join(folder, 'don-vi-000.xlsx');
  await writeReturned(first, {
    rows: [{ name: 'Xã Lộc Phú', figures: unitFigures('Xã Lộc Phú') }],
  });
  for (let i = 1; i < 200; i++)
    fs.copyFileSync(first, path.join(folder, `don-vi-${String(i).padStart(3, '0')}.xlsx`));
  const host = await bieuHost.start(district(bieuHost.home));
  await page.goto(host.url);

  await menu(page, 'Biểu', 'Tổng hợp từ các đơn vị…');
  const dialog = page.getByTestId('collect-dialog');
  await dialog.getByLabel('Các tệp hoặc thư mục các đơn vị gửi về').fill(folder);
  await dialog.getByRole('button', { name: 'Đọc các tệp' }).click();
  await expect(dialog.getByTestId('collect-progress')).toBeVisible();
  await expect(dialog).toContainText(/Đọc tệp «don-vi-\d{3}\.xlsx» \(\d+\/200\)/);
  await dialog.getByRole('button', { name: 'Hủy' }).click();
  await expect(dialog.getByTestId('collect-refused')).toHaveText('Đã hủy.');
  const table = await tableByName(host.url, TABLE_NAME);
  expect(table.rows.every((r) => r.cells.slice(2).every((v) => v === null))).toBe(true);
});
