/**
 * Every figure readable where the scrollbars lie over the content (macOS, GTK overlay scrollbars;
 * here Chromium's --hide-scrollbars, which Playwright adds unless told otherwise): at 1440×900
 * nothing of the sample tables is cut, and nothing covers the last column's figures.
 */
import path from 'node:path';
import { expect, test } from './host-fixture';
import { CHROMIUM_ARGS, chromiumPath } from './chromium';
import { coveredCells, cutCells } from './readable';
import { ARTIFACTS, COL, cellAt } from './workbench';

// The config keeps real scrollbars; these tests take Playwright's default, hidden ones.
test.use({ launchOptions: { executablePath: chromiumPath(), args: CHROMIUM_ARGS } });

test('every figure of the sample tables is whole, the last column too', async ({
  page,
  bieuHost,
}) => {
  await page.setViewportSize({ width: 1440, height: 900 });
  const host = await bieuHost.start();
  await page.goto(host.url);
  await expect(cellAt(page, 0, COL.rate)).toHaveText('11,86');
  expect(await cutCells(page)).toEqual([]);
  expect(await coveredCells(page)).toEqual([]);
  await page.screenshot({ path: path.join(ARTIFACTS, 'grid-1440.png') });

  await page.getByTestId('table-list').getByRole('button', { name: /CDHT/ }).click();
  await expect(cellAt(page, 'total', 10)).toHaveText('5.049');
  expect(await cutCells(page)).toEqual([]);
  expect(await coveredCells(page)).toEqual([]);
  await page.screenshot({ path: path.join(ARTIFACTS, 'grid-1440-cdht.png') });
});
