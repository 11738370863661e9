/**
 * Live checks in the app (issue 5): a wrong figure is red at once and listed with its suggested
 * correction; accepting it clears the finding and undo brings it back. The rules view: turning a
 * rule off, typing a rule (with the parse error shown as one types), and accepting a link between
 * the sample's two tables, which then reports the planted slip 1.329 / 1.239 across tables —
 * a finding that, listed while the other table is on screen, a click takes one back to.
 */
import path from 'node:path';
import type { Page } from '@playwright/test';
import { expect, test } from './host-fixture';
import { ARTIFACTS, COL, POPULATION, cellAt, cellInput, expectSaved, vi } from './workbench';

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
