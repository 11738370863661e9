/**
 * The main job, end to end through the real host: create a document from a template, see the
 * table as on the paper form, break a row formula and see the checks say so on the right cell,
 * keep a typed text as text, undo, and find the kept edits again after a restart.
 */
import path from 'node:path';
import type { Locator, Page } from '@playwright/test';
import { cellAddress, sheetLayout } from '../../shared/layout';
import { codeRowText, type Table } from '../../shared/model';
import { formatNumber } from '../../shared/numbers';
import danSo from '../../resources/templates/dan-so-tham-gia.json';
import { expect, test } from './host-fixture';
import { gridColumn } from './workbench';

const ARTIFACTS = path.resolve(__dirname, '..', 'artifacts');
const template = danSo.table as unknown as Omit<Table, 'id'>;
const columnIndex = (label: string) => template.columns.findIndex((c) => c.label === label);
const rowIndex = (name: string) => template.rows.findIndex((r) => r.cells[1] === name);
/** A count written the Vietnamese way, as the grid and the messages write it: 10494 → "10.494". */
const vi = (n: number) => formatNumber(n, 0);

/** A grid cell by the unit name of its row and the label of its column. */
function cell(page: Page, rowName: string, columnLabel: string): Locator {
  return page
    .getByTestId('grid')
    .getByRole('row')
    .filter({ has: page.getByRole('gridcell', { name: rowName, exact: true }) })
    .locator(`[role="gridcell"][aria-colindex="${gridColumn(columnIndex(columnLabel))}"]`);
}

/** The A1 address the check engine gives a cell of the template's table. */
function address(rowName: string, columnLabel: string): string {
  return cellAddress(sheetLayout(template), rowIndex(rowName), columnIndex(columnLabel));
}

/** Type into a cell as a person does: select it, type (which opens the editor), press Enter. */
async function typeInto(page: Page, target: Locator, text: string): Promise<void> {
  await target.click();
  await page.keyboard.type(text);
  await page.keyboard.press('Enter');
}

async function expectSaved(page: Page): Promise<void> {
  await expect(page.getByTestId('status-bar').locator('[data-save-state]')).toHaveAttribute(
    'data-save-state',
    'saved',
  );
}

test('a table from a template is checked as you type, keeps text as typed, undoes and survives a restart', async ({
  page,
  bieuHost,
}) => {
  const first = await bieuHost.start();
  await page.goto(first.url);

  // Tệp › Mới…: choose the template and a path in the test's own folder.
  await page.getByRole('menuitem', { name: 'Tệp' }).click();
  await page.getByRole('menuitem', { name: 'Mới…' }).click();
  const dialog = page.getByRole('dialog', { name: 'Tài liệu mới' });
  await dialog.getByRole('checkbox', { name: /Dân số và tỷ lệ tham gia/ }).check();
  const documentPath = path.join(bieuHost.home, 'Dan-so-xa.bieu');
  await dialog.getByLabel('Lưu tài liệu tại').fill(documentPath);
  await dialog.getByRole('button', { name: 'Tạo tài liệu' }).click();
  await expect(dialog).toBeHidden();

  const statusBar = page.getByTestId('status-bar');
  await expect(statusBar).toContainText('Dan-so-xa.bieu');
  await expect(page.getByTestId('table-list')).toContainText('Dân số và tỷ lệ tham gia');

  // Grouped headers: "Chia ra" is one header cell spanning the four age bands.
  const grid = page.getByTestId('grid');
  const group = grid.getByRole('columnheader', { name: 'Chia ra', exact: true });
  const firstBand = grid.getByRole('columnheader', { name: 'Dưới 7 tuổi', exact: true });
  const lastBand = grid.getByRole('columnheader', { name: 'Trên 60 tuổi', exact: true });
  await expect(group).toBeVisible();
  const [g, a, b] = await Promise.all([
    group.boundingBox(),
    firstBand.boundingBox(),
    lastBand.boundingBox(),
  ]);
  expect(Math.abs(g!.x - a!.x)).toBeLessThan(2);
  expect(Math.abs(g!.x + g!.width - (b!.x + b!.width))).toBeLessThan(2);
  expect(g!.y + g!.height).toBeLessThanOrEqual(a!.y + 1);

  // The column-code row under the header, as on the paper form: "A  B  1=2+3+4+5  2 …".
  const codeRow = grid.locator('.bieu-row-codes');
  await expect(codeRow.locator('.bieu-code')).toHaveText(template.columns.map(codeRowText));

  // Change an age band of the first commune: its "Tổng số nhân khẩu" no longer adds up.
  const commune = template.rows[0].cells[1] as string;
  const total = template.rows[0].cells[columnIndex('Tổng số nhân khẩu')] as number;
  const band = template.rows[0].cells[columnIndex('Dưới 7 tuổi')] as number;
  const newBand = band + 44;
  const totalCell = cell(page, commune, 'Tổng số nhân khẩu');
  await expect(totalCell).toHaveText(vi(total));
  await expect(totalCell.locator('[data-finding]')).toHaveCount(0);
  await typeInto(page, cell(page, commune, 'Dưới 7 tuổi'), vi(newBand));
  await expectSaved(page);

  const flagged = totalCell.locator('[data-finding]');
  await expect(flagged).toHaveAttribute('data-finding', 'error');
  await expect(totalCell).toHaveClass(/bieu-error/);
  await expect(flagged).toHaveAttribute(
    'title',
    new RegExp(`${vi(total - band + newBand)}.*${vi(total)}`),
  );

  const panel = page.getByRole('region', { name: 'Kiểm tra' });
  const totalAddress = address(commune, 'Tổng số nhân khẩu');
  const rowFinding = panel.getByRole('button', { name: new RegExp(`\\(ô ${totalAddress}\\)`) });
  await expect(rowFinding).toContainText(vi(total - band + newBand));
  await expect(statusBar).toContainText(/[1-9]\d* lỗi/);

  // Choosing the finding puts the keyboard focus on that cell.
  await rowFinding.click();
  await expect(totalCell).toHaveClass(/ag-cell-focus/);

  // Text where a number belongs is kept exactly as typed, and flagged.
  const other = template.rows[1].cells[1] as string;
  const textCell = cell(page, other, 'Từ 7 đến 17 tuổi');
  const before = (await textCell.textContent())!.trim();
  await typeInto(page, textCell, 'khoảng 150');
  await expectSaved(page);
  await expect(textCell).toHaveText('khoảng 150');
  await expect(textCell.locator('[data-finding="error"]')).toBeVisible();
  await expect(panel).toContainText(`(ô ${address(other, 'Từ 7 đến 17 tuổi')})`);

  // Ctrl+Z outside an editor undoes the last edit: the figure is back and its finding gone.
  await textCell.click();
  await page.keyboard.press('Control+z');
  await expect(textCell).toHaveText(before);
  await expect(textCell.locator('[data-finding]')).toHaveCount(0);
  await expect(panel).not.toContainText(`(ô ${address(other, 'Từ 7 đến 17 tuổi')})`);
  await expectSaved(page);

  // A restart on the same file shows the kept edit, still flagged; the undone one stays undone.
  await first.stop();
  const second = await bieuHost.start(documentPath);
  await page.goto(second.url);
  await expect(cell(page, commune, 'Dưới 7 tuổi')).toHaveText(vi(newBand));
  await expect(
    cell(page, commune, 'Tổng số nhân khẩu').locator('[data-finding="error"]'),
  ).toBeVisible();
  await expect(cell(page, other, 'Từ 7 đến 17 tuổi')).toHaveText(before);

  // The README's picture: the table with grouped headers, code row and the red cell.
  await page.mouse.move(0, 0);
  await page.screenshot({ path: path.join(ARTIFACTS, 'grid.png') });

  // The engine's one-cell suggestion is offered, never applied until clicked; one click fixes both.
  const panelAfter = page.getByRole('region', { name: 'Kiểm tra' });
  const bandAddress = address(commune, 'Dưới 7 tuổi');
  await panelAfter
    .getByRole('button', { name: `Sửa ô ${bandAddress} thành ${vi(band)}` })
    .first()
    .click();
  await expect(cell(page, commune, 'Dưới 7 tuổi')).toHaveText(vi(band));
  await expect(cell(page, commune, 'Tổng số nhân khẩu').locator('[data-finding]')).toHaveCount(0);
  await expectSaved(page);
});

test('Mở… and Lưu thành… ask for a path in the browser; a bad path is explained in Vietnamese', async ({
  page,
  bieuHost,
}) => {
  const host = await bieuHost.start();
  await page.goto(host.url);
  const statusBar = page.getByTestId('status-bar');
  await expect(statusBar).toContainText('.bieu');

  // The token has left the address bar, and a reload still reaches the API.
  expect(page.url()).not.toContain('token=');
  await page.reload();
  await expect(page.getByTestId('table-list').getByRole('button').first()).toBeVisible();

  // Lưu thành…: the document moves to the new path.
  const copy = path.join(bieuHost.home, 'Ban-sao.bieu');
  await page.getByRole('menuitem', { name: 'Tệp' }).click();
  await page.getByRole('menuitem', { name: 'Lưu thành…' }).click();
  const saveDialog = page.getByRole('dialog', { name: 'Lưu tài liệu thành' });
  await saveDialog.getByLabel('Đường dẫn tệp .bieu').fill(copy);
  await saveDialog.getByRole('button', { name: 'Lưu', exact: true }).click();
  await expect(statusBar).toContainText(copy);

  // Mở… a file that is not there: the alert says so and the open document stays.
  await page.getByRole('menuitem', { name: 'Tệp' }).click();
  await page.getByRole('menuitem', { name: 'Mở…' }).click();
  const openDialog = page.getByRole('dialog', { name: 'Mở tài liệu' });
  await openDialog
    .getByLabel('Đường dẫn tệp .bieu')
    .fill(path.join(bieuHost.home, 'khong-co.bieu'));
  await openDialog.getByRole('button', { name: 'Mở', exact: true }).click();
  await expect(page.getByRole('alert')).toContainText('khong-co.bieu');
  await expect(statusBar).toContainText(copy);

  // Excel import and export are there for an open, writable document (import.spec.ts and
  // export.spec.ts use them).
  await page.getByRole('menuitem', { name: 'Tệp' }).click();
  for (const name of ['Nhập Excel…', 'Xuất Excel…'])
    await expect(page.getByRole('menuitem', { name })).not.toHaveAttribute('aria-disabled', 'true');
  await page.keyboard.press('Escape');
});
