/**
 * Ctrl+S in a program that saves every change as it is made: Excel users press it by habit, and
 * are told that everything is saved and when — only once what they typed is on disk. The status
 * bar says once that saving is automatic.
 */
import { sendWithoutPause } from './fast-input';
import { expect, test } from './host-fixture';
import { COL, cellAt, tableByName } from './workbench';

const TIME = String.raw`\d{2}:\d{2}:\d{2}`;

test('Ctrl+S says that everything is saved, and when; the status bar explains autosave once', async ({
  page,
  bieuHost,
}) => {
  const host = await bieuHost.start();
  await page.goto(host.url);
  const status = page.getByTestId('status-bar');
  const notice = page.locator('.notice-text');
  await expect(status).toContainText('Đã lưu · Biểu tự lưu từng thay đổi ngay khi gõ');

  // Nothing changed yet: nothing to save, said so.
  await cellAt(page, 0, COL.under7).click();
  await sendWithoutPause(page, [{ key: 'Control+s' }]);
  await expect(notice).toHaveText(
    new RegExp(`^Chưa có thay đổi nào từ lúc mở tài liệu \\(${TIME}\\), không có gì cần lưu`),
  );

  // Ctrl+S pressed while still typing: the cell is written, and only then is it said to be saved.
  await page.locator('.notice').getByRole('button').click();
  await expect(notice).toHaveCount(0);
  await cellAt(page, 0, COL.under7).click();
  await sendWithoutPause(page, [{ text: '1500' }, { key: 'Control+s' }]);
  await expect(notice).toHaveText(
    new RegExp(`^Mọi thay đổi đã được lưu, lần cuối lúc ${TIME}\\. Biểu tự lưu từng thay đổi`),
  );
  const table = await tableByName(host.url, 'Dân số và tỷ lệ tham gia');
  expect(table.rows[0].cells[COL.under7]).toBe(1500);
  await expect(cellAt(page, 0, COL.under7)).toHaveText('1.500');
  // Ctrl+S did not move the focus: the cell is still the active one.
  await expect(cellAt(page, 0, COL.under7)).toHaveClass(/ag-cell-focus/);

  // The explanation was for the first session something was saved: not again.
  await page.reload();
  await expect(status).toContainText('Đã lưu');
  await expect(status).not.toContainText('tự lưu');
  await expect(status.locator('[data-save-state]')).toHaveAttribute(
    'title',
    'Biểu tự lưu từng thay đổi ngay khi gõ',
  );
});
