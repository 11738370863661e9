/**
 * A finding speaks the UI's language: the checks panel's sentence, its evidence line and the
 * suggestion, in Vietnamese first and in English when the person switches the UI to English.
 */
import { expect, test } from './host-fixture';
import { ARTIFACTS, findingsOf } from './workbench';

const POPULATION = 'Dân số và tỷ lệ tham gia';

test('the sample’s rate finding reads in Vietnamese, then in English after the switch, and back', async ({
  page,
  bieuHost,
}) => {
  const host = await bieuHost.start();
  await page.goto(host.url);
  const rate = findingsOf(page, POPULATION).and(page.locator('[data-cell="I11"]').locator('..'));
  const item = page
    .locator('.finding-item')
    .filter({ has: page.locator('.finding-cell[data-cell="I11"]') });
  await expect(rate.locator('.finding-message')).toHaveText(
    'Tỷ lệ ở cột 7 phải là 6/1×100 = 12,7177 → 12,72; đang ghi 11,86 (lệch −0,86)',
  );
  await expect(rate.locator('.finding-evidence')).toHaveText(
    'dòng mã cột ghi «7=6/1*100», đúng ở 16/17 dòng',
  );

  await page.getByLabel('Ngôn ngữ').selectOption('en');
  await expect(rate.locator('.finding-kind')).toHaveText('Rate');
  await expect(rate.locator('.finding-message')).toHaveText(
    "Cell I11 should be 12,72 by its column's formula; it states 11,86 (difference −0,86).",
  );
  await expect(rate.locator('.finding-evidence')).toHaveText(
    'the code row says «7=6/1*100», holds on 16/17 rows',
  );
  await expect(item.locator('.suggestion-reason')).toHaveText(
    'Changing cell H11 to 1.239 makes this check hold and breaks no other.',
  );
  await page.screenshot({ path: `${ARTIFACTS}/findings-english.png` });

  await page.getByLabel('Language').selectOption('vi');
  await expect(rate.locator('.finding-message')).toHaveText(/^Tỷ lệ ở cột 7 phải là/);
});
