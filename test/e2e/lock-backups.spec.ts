/**
 * Safety: a document another Biểu is editing opens read-only with the reason shown; automatic
 * backups can be restored from the app; a damaged document is detected on open, said plainly,
 * and the latest backup is offered — nothing is overwritten without the click.
 */
import fs from 'node:fs';
import path from 'node:path';
import { sendWithoutPause } from './fast-input';
import { expect, test } from './host-fixture';
import { COL, cellAt, cellInput, expectSaved, menu, tableNames, vi } from './workbench';

test('a second host opening the same document shows the lock and cannot edit', async ({
  page,
  browser,
  bieuHost,
}) => {
  const documentPath = path.join(bieuHost.home, 'documents', 'Mau-bao-cao.bieu');
  const first = await bieuHost.start();
  await page.goto(first.url);
  await expect(page.getByTestId('status-bar')).toContainText('Mau-bao-cao.bieu');
  await expect(page.getByTestId('readonly-banner')).toHaveCount(0);

  const second = await bieuHost.start(documentPath);
  const context = await browser.newContext({ locale: 'vi-VN' });
  const other = await context.newPage();
  await other.goto(second.url);
  const banner = other.getByTestId('readonly-banner');
  await expect(banner).toBeVisible();
  await expect(banner).toContainText('Chỉ đọc');
  await expect(banner).not.toHaveText('Chỉ đọc');
  await expect(other.getByTestId('status-bar')).toContainText('Chỉ đọc');

  // Typing into a cell (at full speed) changes nothing, and says why instead of ignoring the keys;
  // editing commands say why they are off.
  const before = await cellAt(other, 0, COL.under7).textContent();
  await cellAt(other, 0, COL.under7).click();
  await sendWithoutPause(other, [{ text: '999' }, { key: 'Enter' }]);
  await expect(other.locator('.notice-text')).toHaveText(
    /Tài liệu đang mở chỉ để xem nên không sửa được ô nào/,
  );
  await expect(cellAt(other, 0, COL.under7)).toHaveText(before!);
  await expect(cellInput(other)).toHaveAttribute('data-cell-input', 'idle');
  // Delete too.
  await other.locator('.notice').getByRole('button').click();
  await expect(other.locator('.notice')).toHaveCount(0);
  await cellAt(other, 0, COL.under7).click();
  await sendWithoutPause(other, [{ key: 'Delete' }]);
  await expect(other.locator('.notice-text')).toHaveText(/chỉ để xem/);
  await expect(cellAt(other, 0, COL.under7)).toHaveText(before!);
  await other.getByRole('menuitem', { name: 'Biểu', exact: true }).click();
  await expect(other.getByRole('menuitem', { name: 'Thêm biểu…' })).toHaveAttribute(
    'aria-disabled',
    'true',
  );
  await context.close();

  // The first window edits as before.
  await cellAt(page, 0, COL.under7).click();
  await page.keyboard.type('1460');
  await page.keyboard.press('Enter');
  await expect(cellAt(page, 0, COL.under7)).toHaveText('1.460');
  await expectSaved(page);
});

test('backups: a closed document is backed up, and restoring brings its figures back', async ({
  page,
  bieuHost,
}) => {
  const host = await bieuHost.start();
  await page.goto(host.url);
  const target = cellAt(page, 2, COL.under7);
  await target.click();
  await page.keyboard.type('1111');
  await page.keyboard.press('Enter');
  await expectSaved(page);

  // Closing an edited document backs it up; then a later edit replaces the figure.
  await menu(page, 'Tệp', 'Trang đầu');
  await page
    .getByTestId('start-screen')
    .getByRole('button', { name: /Mau-bao-cao/ })
    .click();
  await target.click();
  await page.keyboard.type('2222');
  await page.keyboard.press('Enter');
  await expect(target).toHaveText('2.222');
  await expectSaved(page);

  await menu(page, 'Tệp', 'Bản sao lưu…');
  const dialog = page.getByRole('dialog', { name: 'Bản sao lưu' });
  const restore = dialog.getByRole('button', { name: /Khôi phục bản sao lưu lúc/ });
  await expect(restore.first()).toBeVisible();
  await restore.first().click();
  await expect(target).toHaveText('1.111');
  await expect(page.getByTestId('status-bar')).toContainText('Mau-bao-cao.bieu');
  await expect(tableNames(page)).toHaveCount(2);
});

test('a damaged document is detected on open and the latest backup is offered', async ({
  page,
  bieuHost,
}) => {
  const host = await bieuHost.start();
  await page.goto(host.url);
  const documentPath = path.join(bieuHost.home, 'documents', 'Mau-bao-cao.bieu');
  await cellAt(page, 2, COL.under7).click();
  await page.keyboard.type('1111');
  await page.keyboard.press('Enter');
  await expectSaved(page);
  await menu(page, 'Tệp', 'Trang đầu'); // closed and backed up
  await expect(page.getByTestId('start-screen')).toBeVisible();

  // Something damages the file (a bad copy from a USB stick): its pages become garbage.
  const bytes = fs.readFileSync(documentPath);
  const damaged = Buffer.from(bytes);
  for (let i = 100; i < damaged.length; i += 7) damaged[i] = (damaged[i] + 97) & 0xff;
  fs.writeFileSync(documentPath, damaged);

  await page
    .getByTestId('start-screen')
    .getByRole('button', { name: /Mau-bao-cao/ })
    .click();
  await expect(page.getByRole('alert').first()).toContainText('Mau-bao-cao.bieu');
  const offer = page.getByRole('dialog', { name: 'Không mở được tài liệu' });
  await expect(offer).toBeVisible();
  await expect(offer).toContainText('Tệp hiện tại không bị ghi đè.');
  // Nothing has been written yet: the damaged bytes are still what they were.
  expect(fs.readFileSync(documentPath).equals(damaged)).toBe(true);

  await offer.getByRole('button', { name: /Khôi phục bản/ }).click();
  await expect(offer).toBeHidden();
  await expect(cellAt(page, 2, COL.under7)).toHaveText(vi(1111));
  await expect(page.getByTestId('status-bar')).toContainText('Mau-bao-cao.bieu');
  // The damaged file is kept aside, not lost.
  const kept = fs
    .readdirSync(path.join(bieuHost.home), { recursive: true })
    .map(String)
    .filter((name) => name.includes('damaged'));
  expect(kept.length).toBeGreaterThan(0);
});
