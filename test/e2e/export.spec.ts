/**
 * Xuất Excel… through the real host, in Chromium: the header block the
 * file will carry, edited through the report-information form; the warning before exporting a
 * table with open errors, which needs a confirmation; the file on disk, read back by exceljs,
 * with the stated value kept and a comment on each failing cell; values only; the whole
 * document, one sheet per table.
 */
import fs from 'node:fs';
import path from 'node:path';
import ExcelJS from 'exceljs';
import { cellAddress, sheetLayout } from '../../shared/layout';
import type { Table } from '../../shared/model';
import { expect, test } from './host-fixture';
import { ARTIFACTS, cellAt, expectSaved, findingsOf, menu, tableByName } from './workbench';

const POPULATION = 'Dân số và tỷ lệ tham gia';

test('Xuất Excel…: the header block, the warning about open errors, the file with its marked cells', async ({
  page,
  bieuHost,
}) => {
  const host = await bieuHost.start();
  await page.goto(host.url);
  // The sample's population table has two open errors; the checks panel names their cells.
  const errors = findingsOf(page, POPULATION).and(page.locator('.finding-error'));
  await expect(errors).toHaveCount(2);
  const failing = await errors
    .locator('.finding-cell')
    .evaluateAll((spans) => spans.map((s) => s.getAttribute('data-cell')!));

  await menu(page, 'Tệp', 'Xuất Excel…');
  const dialog = page.getByTestId('export-dialog');
  await expect(dialog.getByRole('radio', { name: `Biểu đang xem: «${POPULATION}»` })).toBeChecked();
  const header = dialog.getByTestId('export-header');
  await expect(header).toContainText('CỘNG HÒA XÃ HỘI CHỦ NGHĨA VIỆT NAM');
  await expect(header).toContainText('BIỂU THỐNG KÊ DÂN SỐ VÀ TỶ LỆ THAM GIA HỌC TẬP');

  // The header fields come from the report information, edited from here.
  await dialog.getByRole('button', { name: 'Sửa thông tin báo cáo…' }).click();
  const meta = page.getByRole('dialog', { name: 'Thông tin báo cáo' });
  await meta.getByLabel('Cơ quan chủ quản').fill('ỦY BAN NHÂN DÂN HUYỆN LỘC NINH');
  await meta.getByLabel('Đơn vị báo cáo').fill('PHÒNG GIÁO DỤC VÀ ĐÀO TẠO');
  await meta.getByLabel('Số báo cáo').fill('125/BC-UBND');
  // Dates typed the way the field's example shows them; the appendix writes them its own way.
  await meta.getByLabel('Ngày báo cáo').fill('5/10/2024');
  await meta.getByLabel('Số liệu tính đến ngày').fill('30/9/2024');
  await meta.getByLabel('Địa danh').fill('Lộc Ninh');
  await meta.getByRole('button', { name: 'Lưu thông tin' }).click();
  await expect(meta).toBeHidden();
  await expect(header).toContainText('ỦY BAN NHÂN DÂN HUYỆN LỘC NINH');
  await expect(header).toContainText('PHÒNG GIÁO DỤC VÀ ĐÀO TẠO');
  await expect(header).toContainText('125/BC-UBND');
  await expect(header).toContainText('30/9/2024');
  await expect(header).toContainText('Lộc Ninh, ngày 05 tháng 10 năm 2024');

  // Open errors: said before anything is written, and exporting needs a confirmation.
  const warning = dialog.getByTestId('export-warning');
  await expect(warning).toHaveText(
    new RegExp(
      `Biểu «${POPULATION}» còn 2 lỗi: các ô này được giữ nguyên giá trị đã ghi và đánh dấu trong tệp`,
    ),
  );
  const submit = dialog.getByRole('button', { name: 'Xuất', exact: true });
  await expect(submit).toBeDisabled();
  const out = path.join(bieuHost.home, 'Phu-luc-dan-so.xlsx');
  await dialog.getByLabel('Lưu tệp Excel tại').fill(out);
  await page.screenshot({ path: path.join(ARTIFACTS, 'export-dialog.png') });

  await warning.getByRole('checkbox', { name: 'Tôi đã biết, vẫn xuất tệp' }).check();
  await submit.click();
  await expect(dialog).toBeHidden();
  await expect(page.getByRole('status')).toContainText(
    `Đã xuất 1 biểu và trang «Kết quả kiểm tra» vào tệp ${out}`,
  );
  expect(fs.existsSync(out)).toBe(true);

  // Read back: the table's sheet, the stated values kept, a comment on each failing cell.
  const table = await tableByName(host.url, POPULATION);
  const workbook = new ExcelJS.Workbook();
  await workbook.xlsx.readFile(out);
  const sheet = workbook.worksheets[0];
  expect(sheet.name).toBe(POPULATION);
  expect(sheet.getCell('A1').text).toContain('ỦY BAN NHÂN DÂN HUYỆN LỘC NINH');
  const texts: string[] = [];
  sheet.eachRow((r) => r.eachCell((c) => texts.push(c.text)));
  expect(texts).toContain('Lộc Ninh, ngày 05 tháng 10 năm 2024');
  expect(texts).toContain('(Kèm theo Báo cáo số 125/BC-UBND ngày 5/10/2024)');
  expect(failing).toHaveLength(2);
  for (const address of failing) {
    const cell = sheet.getCell(address);
    const note = cell.note;
    const text =
      typeof note === 'string'
        ? note
        : (note?.texts ?? []).map((part: { text: string }) => part.text).join('');
    expect(text).toMatch(/^Lỗi: /);
    expect(text).toContain('Biểu giữ nguyên số ghi');
    // The value written stays, as a number, with no formula in its place.
    expect(cell.formula).toBeFalsy();
    expect(cell.value).toBe(valueAt(table, address));
  }
  // The slip behind them (Thị trấn Lộc Ninh's participants, 1.239 written as 1.329) is exported
  // as written: nothing is corrected silently.
  expect(sheet.getCell(addressOf(table, 'Thị trấn Lộc Ninh', 7)).value).toBe(1329);
});

function addressOf(table: Table, unit: string, col: number): string {
  return cellAddress(
    sheetLayout(table),
    table.rows.findIndex((r) => r.cells[1] === unit),
    col,
  );
}

function valueAt(table: Table, address: string): unknown {
  const layout = sheetLayout(table);
  for (let r = 0; r < table.rows.length; r++)
    for (let c = 0; c < table.columns.length; c++)
      if (cellAddress(layout, r, c) === address) return table.rows[r].cells[c];
  throw new Error(`no cell ${address}`);
}

test('Xuất Excel…: the whole document, values only, one sheet per table', async ({
  page,
  bieuHost,
}) => {
  const host = await bieuHost.start();
  await page.goto(host.url);
  await menu(page, 'Tệp', 'Xuất Excel…');
  const dialog = page.getByTestId('export-dialog');
  await dialog.getByRole('radio', { name: /^Cả tài liệu/ }).check();
  await expect(dialog.getByTestId('export-header')).toContainText('2 biểu');
  await dialog.getByRole('checkbox', { name: /^Chỉ ghi giá trị/ }).check();
  const out = path.join(bieuHost.home, 'Ca-tai-lieu.xlsx');
  await dialog.getByLabel('Lưu tệp Excel tại').fill(out);
  await dialog.getByRole('checkbox', { name: 'Tôi đã biết, vẫn xuất tệp' }).check();
  await dialog.getByRole('button', { name: 'Xuất', exact: true }).click();
  await expect(page.getByRole('status')).toContainText(
    `Đã xuất 2 biểu và trang «Kết quả kiểm tra» vào tệp ${out}`,
  );

  const workbook = new ExcelJS.Workbook();
  await workbook.xlsx.readFile(out);
  const names = workbook.worksheets.map((s) => s.name);
  expect(names.slice(0, 2)).toEqual([POPULATION, 'CDHT theo nhóm']);
  let formulas = 0;
  for (const sheet of workbook.worksheets)
    sheet.eachRow((row) =>
      row.eachCell((cell) => {
        if (cell.formula) formulas++;
      }),
    );
  expect(formulas).toBe(0);
  // Nothing in the document changed by exporting it.
  await expect(page.getByTestId('status-bar')).toContainText('Đã lưu');
  expect((await tableByName(host.url, POPULATION)).rows.length).toBeGreaterThan(0);
});

test('Xuất Excel…: never over the open document; an existing workbook is replaced only after «Ghi đè tệp này»', async ({
  page,
  bieuHost,
}) => {
  const host = await bieuHost.start();
  await page.goto(host.url);
  const documentPath = await page
    .getByTestId('status-bar')
    .locator('.status-document')
    .getAttribute('title');
  const documentBytes = fs.readFileSync(documentPath!);

  const exportTo = async (file: string) => {
    await menu(page, 'Tệp', 'Xuất Excel…');
    const dialog = page.getByTestId('export-dialog');
    await dialog.getByLabel('Lưu tệp Excel tại').fill(file);
    await dialog.getByRole('checkbox', { name: 'Tôi đã biết, vẫn xuất tệp' }).check();
    await dialog.getByRole('button', { name: 'Xuất', exact: true }).click();
    return dialog;
  };

  // The open document itself: one sentence, the dialog stays, the file is untouched.
  let dialog = await exportTo(documentPath!);
  await expect(dialog.getByRole('alert').first()).toHaveText(
    /là tài liệu đang mở: xuất Excel không bao giờ ghi đè lên nó/,
  );
  await dialog.getByRole('button', { name: 'Hủy' }).click();
  expect(fs.readFileSync(documentPath!).equals(documentBytes)).toBe(true);

  // A new file is written; exporting to it again asks first and changes nothing until told.
  const out = path.join(bieuHost.home, 'Phu-luc.xlsx');
  dialog = await exportTo(out);
  await expect(dialog).toBeHidden();
  const first = fs.readFileSync(out);
  dialog = await exportTo(out);
  const question = dialog.getByTestId('export-replace');
  await expect(question).toContainText('Đã có tệp «Phu-luc.xlsx»');
  expect(fs.readFileSync(out).equals(first)).toBe(true);
  await page.screenshot({ path: path.join(ARTIFACTS, 'export-replace.png') });
  // Another name takes the question away; back to the same name, the person confirms.
  await dialog.getByLabel('Lưu tệp Excel tại').fill(path.join(bieuHost.home, 'Khac.xlsx'));
  await expect(question).toBeHidden();
  await dialog.getByLabel('Lưu tệp Excel tại').fill(out);
  await dialog.getByRole('button', { name: 'Xuất', exact: true }).click();
  await question.getByRole('button', { name: 'Ghi đè tệp này' }).click();
  await expect(dialog).toBeHidden();
  await expect(page.getByRole('status')).toContainText(
    `Đã xuất 1 biểu và trang «Kết quả kiểm tra» vào tệp ${out}`,
  );
  expect(fs.readFileSync(out).equals(first)).toBe(false);

  // The document goes on taking edits and keeps them.
  await cellAt(page, 0, 3).click();
  await page.keyboard.type('1500');
  await page.keyboard.press('Enter');
  await expect(cellAt(page, 0, 3)).toHaveText('1.500');
  await expectSaved(page);
  expect((await tableByName(host.url, POPULATION)).rows[0].cells[3]).toBe(1500);
});

test('Xuất Excel…: the sheet «Kết quả kiểm tra» is an option, on when findings are open and off when there are none', async ({
  page,
  bieuHost,
}) => {
  const host = await bieuHost.start();
  await page.goto(host.url);
  const sheetsOf = async (file: string) => {
    const workbook = new ExcelJS.Workbook();
    await workbook.xlsx.readFile(file);
    return workbook.worksheets.map((s) => s.name);
  };
  const dialog = page.getByTestId('export-dialog');
  const option = dialog.getByRole('checkbox', { name: /^Thêm trang «Kết quả kiểm tra»/ });

  // The population table has two open errors: the sheet is offered, ticked, with their count.
  await menu(page, 'Tệp', 'Xuất Excel…');
  await expect(option).toBeChecked();
  await expect(dialog).toContainText(
    'Thêm trang «Kết quả kiểm tra» (2 lỗi và cảnh báo chưa sửa; in thành một trang riêng)',
  );
  // Unticked, the file holds the appendix alone.
  await option.uncheck();
  const bare = path.join(bieuHost.home, 'Khong-ket-qua.xlsx');
  await dialog.getByLabel('Lưu tệp Excel tại').fill(bare);
  await dialog.getByRole('checkbox', { name: 'Tôi đã biết, vẫn xuất tệp' }).check();
  await dialog.getByRole('button', { name: 'Xuất', exact: true }).click();
  await expect(page.getByRole('status')).toContainText(`Đã xuất 1 biểu vào tệp ${bare}`);
  expect(await sheetsOf(bare)).toEqual([POPULATION]);

  // The CDHT table has no open finding: the option is there, unticked.
  await page.getByTestId('table-list').getByText('CDHT theo nhóm').click();
  await menu(page, 'Tệp', 'Xuất Excel…');
  await expect(option).not.toBeChecked();
  await expect(dialog).toContainText(
    'Thêm trang «Kết quả kiểm tra» (không có lỗi hay cảnh báo nào)',
  );
  await page.screenshot({ path: path.join(ARTIFACTS, 'export-findings-option.png') });
  const clean = path.join(bieuHost.home, 'CDHT.xlsx');
  await dialog.getByLabel('Lưu tệp Excel tại').fill(clean);
  await dialog.getByRole('button', { name: 'Xuất', exact: true }).click();
  await expect(page.getByRole('status')).toContainText(`Đã xuất 1 biểu vào tệp ${clean}`);
  expect(await sheetsOf(clean)).toEqual(['CDHT theo nhóm']);
});
