/**
 * Live checks in the app: a wrong figure is red at once and listed with its suggested
 * correction; accepting it clears the finding and undo brings it back. The rules view: turning a
 * rule off, typing a rule (with the parse error shown as one types), and accepting a link between
 * the sample's two tables, which then reports the planted slip 1.329 / 1.239 across tables —
 * a finding that, listed while the other table is on screen, a click takes one back to.
 */
import fs from 'node:fs';
import path from 'node:path';
import ExcelJS from 'exceljs';
import type { Page } from '@playwright/test';
import { expect, test } from './host-fixture';
import {
  ARTIFACTS,
  COL,
  POPULATION,
  cellAt,
  cellInput,
  expectSaved,
  importUnchanged,
  vi,
} from './workbench';

const rows = POPULATION.rows;
/** The findings shown in the second row of the grid (the row whose figure is changed). */
const rowFindings = (page: Page, severity = 'error') =>
  page.getByTestId('grid').locator(`[role="row"][row-index="1"] [data-finding="${severity}"]`);

test('checks: a wrong figure is red, listed with its suggestion; accept; undo', async ({
  page,
  bieuHost,
}) => {
  const host = await bieuHost.start();
  await page.goto(host.url);
  const panel = page.getByRole('region', { name: 'Kiểm tra' });
  const cell = cellAt(page, 1, COL.under7);
  const before = rows[1].cells[COL.under7] as number;
  await expect(rowFindings(page)).toHaveCount(0);

  await cell.click();
  await page.keyboard.type(String(before + 10));
  await page.keyboard.press('Enter');
  await expect(rowFindings(page).first()).toBeVisible();
  const fix = panel.getByRole('button', { name: new RegExp(`^Sửa ô .* thành ${vi(before)}$`) });
  await expect(fix.first()).toBeVisible();

  await fix.first().click();
  await expect(rowFindings(page)).toHaveCount(0);
  await expect(cell).toContainText(vi(before));
  await expect(fix).toHaveCount(0);
  await expectSaved(page);

  await page.keyboard.press('Control+z');
  await expect(rowFindings(page).first()).toBeVisible();
  await expect(fix.first()).toBeVisible();
});

test('rules view: turn a rule off, type rules, accept a link between the tables', async ({
  page,
  bieuHost,
}) => {
  const host = await bieuHost.start();
  await page.goto(host.url);
  const panel = page.getByRole('region', { name: 'Kiểm tra' });
  const cell = cellAt(page, 1, COL.under7);
  const before = rows[1].cells[COL.under7] as number;
  await cell.click();
  await page.keyboard.type(String(before + 10));
  await page.keyboard.press('Enter');
  await expect(rowFindings(page).first()).toBeVisible();

  await panel.getByRole('tab', { name: 'Quy tắc' }).click();
  const view = panel.getByTestId('rules-view');
  const switches = view.getByRole('switch');
  await expect(switches.first()).toBeVisible();
  // Turn off every rule of the table: the finding goes; back on, it returns.
  const count = await switches.count();
  for (let i = 0; i < count; i++) {
    await switches.nth(i).click();
    await expect(switches.nth(i)).not.toBeChecked();
  }
  await expect(rowFindings(page)).toHaveCount(0);
  for (let i = 0; i < count; i++) {
    await switches.nth(i).click();
    await expect(switches.nth(i)).toBeChecked();
  }
  await expect(rowFindings(page).first()).toBeVisible();

  // A rule that does not parse: the reason, as one types; a valid one joins the list.
  const input = view.getByLabel('Thêm quy tắc');
  await input.fill('3 = 4 +');
  await expect(view.getByTestId('rule-error')).toBeVisible();
  await expect(view.getByTestId('rule-error')).toContainText('vị trí');
  // A sensible rule, as a secretary would type it: the figures already keep it, so nothing turns red.
  await input.fill('1 = 2+3+4+5');
  await expect(view.getByTestId('rule-error')).toHaveCount(0);
  await input.press('Enter');
  await expect(view.locator('.rule-origin-user')).toBeVisible();
  await expect(input).toHaveValue('');

  // The participants column agrees with the CDHT table's "Tổng" but for the planted slip.
  const proposal = view.getByTestId('link-proposal').first();
  await expect(proposal).toBeVisible();
  await expect(proposal).toContainText(vi(1329));
  await panel.evaluate((el) => (el.scrollTop = 0));
  await page.mouse.move(0, 0);
  await page.screenshot({ path: path.join(ARTIFACTS, 'rules-view.png') });
  await proposal.getByRole('button', { name: 'Chấp nhận' }).click();
  await expect(view.locator('.rule-origin-link')).toBeVisible();

  await panel.getByRole('tab', { name: 'Lỗi phát hiện' }).click();
  await expect(panel.locator('[data-kind="cross-table"]').first()).toBeVisible();

  // From the other table, the link's finding is listed under this one: a click comes back to
  // this table with the cell focused.
  const list = page.getByTestId('table-list');
  await list.getByText('CDHT theo nhóm').click();
  await expect(list.locator('[aria-current="true"]')).toContainText('CDHT theo nhóm');
  const other = panel.locator(
    '.checks-group[data-table="Dân số và tỷ lệ tham gia"] [data-kind="cross-table"]',
  );
  await expect(other.first()).toBeEnabled();
  await other.first().click();
  await expect(list.locator('[aria-current="true"]')).toContainText('Dân số và tỷ lệ tham gia');
  await expect(page.getByTestId('grid').locator('.ag-cell-focus')).toHaveText(vi(1329));
  await expect(cellInput(page)).toBeFocused();
});

/**
 * A workbook whose checks give all three kinds of finding: a code-row formula that holds on
 * every row but one (an error), a yearly figure a thousand times the year before (a warning), and
 * a sentence where a figure should be — the author saying why there is no figure, not a number
 * mistyped — listed under "Cần xem".
 */
async function writeEvidenceWorkbook(file: string): Promise<void> {
  const wb = new ExcelJS.Workbook();
  const ws = wb.addWorksheet('Biểu 1');
  ws.addRow(['BIỂU 01: DÂN SỐ VÀ GIÁ TRỊ SẢN XUẤT THEO XÃ']);
  ws.addRow(['Đơn vị tính: người; tỷ đồng']);
  ws.addRow(['STT', 'Xã', 'Tổng số', 'Nam', 'Nữ', 'TH 2023', 'TH 2024', 'Số hộ']);
  ws.addRow(['A', 'B', '1=2+3', '2', '3', '4', '5', '6']);
  const communes: [string, number, number, number, number, number | string][] = [
    ['Xã An Phú', 1200, 1250, 12.7, 13.1, 310],
    ['Xã Bình Minh', 980, 1010, 10.2, 11.4, 255],
    ['Xã Hòa Lạc', 1213, 1480, 15.3, 15320.4, 362], // 2024 typed in another unit
    ['Xã Đông Sơn', 870, 905, 9.1, 9.8, 218],
    ['Xã Tân Lập', 1105, 1160, 11.9, 12.6, 'Chưa thống kê được số hộ'],
  ];
  communes.forEach(([name, men, women, y23, y24, households], i) => {
    // Row 3's total is 2.639, two digits of 2.693 swapped.
    const total = i === 2 ? 2639 : men + women;
    ws.addRow([i + 1, name, total, men, women, y23, y24, households]);
  });
  await wb.xlsx.writeFile(file);
}

test('the checks panel lists errors, warnings and "Cần xem" apart, each with why Biểu believes it', async ({
  page,
  bieuHost,
}) => {
  const file = path.join(ARTIFACTS, 'bang-chung.xlsx');
  fs.mkdirSync(ARTIFACTS, { recursive: true });
  await writeEvidenceWorkbook(file);
  const host = await bieuHost.start();
  await page.goto(host.url);
  await importUnchanged(page, file);
  await page.getByTestId('table-list').getByText('Biểu 1', { exact: true }).click();

  const panel = page.getByRole('region', { name: 'Kiểm tra' });
  const group = panel.locator('.checks-group[data-table="Biểu 1"]');
  const section = (name: string) => group.locator(`[data-section="${name}"]`);
  await expect(section('error').locator('.checks-section-heading')).toHaveText(/^Lỗi \(1\)/);
  await expect(section('warning').locator('.checks-section-heading')).toHaveText(/^Cảnh báo \(1\)/);
  await expect(section('review').locator('.checks-section-heading')).toHaveText(/^Cần xem \(\d+\)/);

  // The error: the stated formula, and how often it holds.
  const error = section('error').locator('.finding');
  await expect(error.locator('.finding-message')).toContainText('phải bằng');
  await expect(error.locator('.finding-evidence')).toHaveText(
    'dòng mã cột ghi «1=2+3», đúng ở 4/5 dòng',
  );
  // The warning: the figure in another unit, with its own evidence.
  await expect(section('warning').locator('.finding-message')).toContainText('đơn vị tính');
  // "Cần xem" is folded away and not counted: open it to read why the evidence is weak.
  await expect(section('review')).not.toHaveAttribute('open', '');
  await section('review').locator('.checks-section-heading').click();
  const weak = section('review').locator('.finding');
  await expect(weak.first()).toBeVisible();
  await expect(weak).toHaveCount(1);
  await expect(weak.locator('.finding-message')).toContainText('Chưa thống kê được số hộ');
  await expect(weak.locator('.finding-evidence')).toHaveText(
    'một câu không có chữ số, không phải một số gõ sai',
  );
  // Every finding says why Biểu believes it.
  const all = group.locator('.finding');
  await expect(all.locator('.finding-evidence')).toHaveCount(await all.count());
  await expect(group.locator('.checks-group-heading .panel-count')).toHaveText('2');
  await page.screenshot({ path: path.join(ARTIFACTS, 'checks-evidence.png') });
});
