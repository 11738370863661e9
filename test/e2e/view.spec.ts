/**
 * How the window looks for a long day's work: a focus ring that is always visible, the frozen
 * header and key columns, zoom (Ctrl+= / Ctrl+-) remembered across restarts, light and dark
 * themes. Also the README's picture of a table with findings.
 */
import path from 'node:path';
import { expect, test } from './host-fixture';
import { ARTIFACTS, COL, cellAt, expectFocused, menu } from './workbench';

test('zoom is remembered, the dark theme applies to the grid, the focus ring stays visible', async ({
  page,
  bieuHost,
}) => {
  const host = await bieuHost.start();
  await page.goto(host.url);
  const zoom = page.getByTestId('zoom');
  await expect(zoom).toHaveText('100 %');
  const rowHeight = async () => (await cellAt(page, 0, COL.name).boundingBox())!.height;
  const normal = await rowHeight();

  await cellAt(page, 0, COL.name).click();
  await page.keyboard.press('Control+=');
  await page.keyboard.press('Control+=');
  await expect(zoom).toHaveText('125 %');
  await expect.poll(rowHeight).toBeGreaterThan(normal * 1.15);
  await page.reload();
  await expect(zoom).toHaveText('125 %');
  await page.keyboard.press('Control+-');
  await expect(zoom).toHaveText('110 %');
  await page.keyboard.press('Control+0');
  await expect(zoom).toHaveText('100 %');

  // The header and the STT / name columns stay while the figures scroll.
  await cellAt(page, 0, COL.name).click();
  const header = page.getByTestId('grid').getByRole('columnheader', { name: 'Xã/ thị trấn' });
  const nameBefore = (await header.boundingBox())!;
  await page.keyboard.press('Control+End');
  await expectFocused(page, 'total', COL.rate);
  const nameAfter = (await header.boundingBox())!;
  expect(nameAfter.x).toBeCloseTo(nameBefore.x, 0);
  expect(nameAfter.y).toBeCloseTo(nameBefore.y, 0);

  // The focus ring: an outline of its own colour on the active cell, even on a red cell.
  const flagged = cellAt(page, 0, COL.rate);
  await flagged.click();
  const outline = await flagged.evaluate((el) => getComputedStyle(el).outlineStyle);
  expect(outline).toBe('solid');

  // Dark theme: the page and the grid both change, and it is remembered.
  await menu(page, 'Xem', 'Giao diện tối');
  await expect(page.locator('html')).toHaveAttribute('data-theme', 'dark');
  const background = () =>
    cellAt(page, 3, COL.name).evaluate(
      (el) => getComputedStyle(el.closest('.ag-row')!).backgroundColor,
    );
  await expect.poll(background).not.toBe('rgb(255, 255, 255)');
  await page.reload();
  await expect(page.locator('html')).toHaveAttribute('data-ag-theme-mode', 'dark');
  await menu(page, 'Xem', 'Giao diện sáng');
  await expect(page.locator('html')).toHaveAttribute('data-theme', 'light');
});

test('the README picture: a table with findings and the checks panel', async ({
  page,
  bieuHost,
}) => {
  const host = await bieuHost.start();
  await page.goto(host.url);
  const panel = page.getByRole('region', { name: 'Kiểm tra' });
  await expect(panel.locator('.finding-error').first()).toBeVisible();
  await expect(page.getByTestId('grid').locator('[data-finding="error"]').first()).toBeVisible();
  // Select the block the first finding is about, so the status bar shows its figures.
  await cellAt(page, 0, COL.total).click();
  await cellAt(page, 0, COL.over60).click({ modifiers: ['Shift'] });
  await expect(page.getByTestId('selection-stats')).toContainText('Tổng:');
  await page.mouse.move(0, 0);
  await page.screenshot({ path: path.join(ARTIFACTS, 'grid-findings.png') });
});
