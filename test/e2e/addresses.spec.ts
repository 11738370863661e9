/**
 * The addresses the findings use, where the person looks: the grid shows each row's
 * number and each column's letter on the exported sheet, as Excel does, so "ô I11" is found at a
 * glance; each finding also says its place in the person's words («dòng Thị trấn Lộc Ninh, cột 7
 * (ô I11)»); the cell a suggested fix would change — the slip itself — is marked; a click on a
 * row number or a column header selects it; the checks panel is resized by dragging its bar and
 * keeps its height.
 */
import path from 'node:path';
import { expect, test } from './host-fixture';
import { ARTIFACTS, COL, cellAt, POPULATION, rowHeaderAt, vi } from './workbench';

test('every finding names its row and column in words, and its address leads to the marked cell', async ({
  page,
  bieuHost,
}) => {
  const host = await bieuHost.start();
  await page.goto(host.url);
  const panel = page.getByRole('region', { name: 'Kiểm tra' });
  const cells = panel.locator('.finding-error .finding-cell');
  await expect(cells).toHaveCount(2);
  await expect(cells).toHaveText([
    'dòng Thị trấn Lộc Ninh, cột 7 (ô I11)',
    'dòng Tổng cộng, cột 6 (ô H27)',
  ]);

  // The row header shows the sheet's rows; the headers the sheet's column letters.
  await expect(rowHeaderAt(page, 0)).toHaveText('11');
  await expect(rowHeaderAt(page, 'total')).toHaveText('27');
  const letters = page.getByTestId('grid').locator('.bieu-column-letter');
  await expect(letters).toHaveText(['A', 'B', 'C', 'D', 'E', 'F', 'G', 'H', 'I']);

  // Each address, read off the row header and the letters, is the cell the grid marks.
  for (const address of await cells.evaluateAll((spans) =>
    spans.map((s) => s.getAttribute('data-cell')!),
  )) {
    const [, letter, number] = /^([A-Z]+)(\d+)$/.exec(address)!;
    const found = await page.getByTestId('grid').evaluate(
      (frame, { letter, number }) => {
        const letterEl = [...frame.querySelectorAll('.bieu-column-letter')].find(
          (l) => l.textContent === letter,
        );
        const colId = letterEl?.closest('.ag-header-cell')?.getAttribute('col-id');
        const header = [...frame.querySelectorAll('[col-id="bieu-row-header"]')].find(
          (h) => h.textContent === number,
        );
        const rowIndex = header?.closest('[role="row"]')?.getAttribute('row-index');
        const cell = frame.querySelector(
          `[role="row"][row-index="${rowIndex}"] [role="gridcell"][col-id="${colId}"]`,
        );
        return cell?.querySelector('[data-finding]')?.getAttribute('data-finding') ?? null;
      },
      { letter, number },
    );
    expect(found, address).toBe('error');
  }
});

test('the cell a suggested fix would change is marked, not only the totals it broke', async ({
  page,
  bieuHost,
}) => {
  const host = await bieuHost.start();
  await page.goto(host.url);
  // The sample's slip: Thị trấn Lộc Ninh's participants, 1.239 written 1.329.
  const slip = cellAt(page, 0, COL.joined);
  await expect(slip).toHaveText('1.329');
  await expect(slip).toHaveClass(/bieu-suggested/);
  await expect(slip.locator('.bieu-cell-text')).toHaveAttribute('title', /1\.239/);
  await expect(slip.locator('[data-finding]')).toHaveCount(0);
  // Only that cell: the other participants are not marked.
  await expect(page.getByTestId('grid').locator('.bieu-suggested')).toHaveCount(1);
  await page.screenshot({ path: path.join(ARTIFACTS, 'suggested-cell.png') });

  // Applying the fix takes the mark away with the errors.
  await page
    .getByRole('region', { name: 'Kiểm tra' })
    .getByRole('button', { name: /thành 1\.239/ })
    .first()
    .click();
  await expect(slip).toHaveText('1.239');
  await expect(page.getByTestId('grid').locator('.bieu-suggested')).toHaveCount(0);
});

test('a click on a row number selects the row; on a column header, the column', async ({
  page,
  bieuHost,
}) => {
  const host = await bieuHost.start();
  await page.goto(host.url);
  const stats = page.getByTestId('selection-stats');

  await rowHeaderAt(page, 2).click();
  const row = POPULATION.rows[2].cells;
  await expect(stats).toContainText(`Số ô: ${row.filter((v) => v !== null).length}`);
  await expect(page.getByTestId('grid').locator('.bieu-selection')).toHaveCount(row.length);
  await expect(cellAt(page, 2, COL.stt)).toHaveClass(/ag-cell-focus/);

  const header = page.getByTestId('grid').getByRole('columnheader', { name: 'Dưới 7 tuổi' });
  await header.click();
  const column = POPULATION.rows.map((r) => r.cells[COL.under7] as number);
  await expect(stats).toContainText(`Tổng: ${vi(column.reduce((a, b) => a + b, 0))}`);
  await expect(cellAt(page, 0, COL.under7)).toHaveClass(/ag-cell-focus/);
});

test('the checks panel is resized by dragging its bar, and keeps its height', async ({
  page,
  bieuHost,
}) => {
  const host = await bieuHost.start();
  await page.goto(host.url);
  const panel = page.getByTestId('checks-panel');
  const bar = page.getByRole('separator', { name: 'Kéo để đổi chiều cao bảng Kiểm tra' });
  const before = (await panel.boundingBox())!.height;
  // The first finding shows without scrolling.
  await expect(panel.locator('.finding').first()).toBeInViewport();

  const box = (await bar.boundingBox())!;
  await page.mouse.move(box.x + box.width / 2, box.y + box.height / 2);
  await page.mouse.down();
  await page.mouse.move(box.x + box.width / 2, box.y - 150, { steps: 6 });
  await page.mouse.up();
  await expect.poll(async () => (await panel.boundingBox())!.height).toBeGreaterThan(before + 140);
  const dragged = (await panel.boundingBox())!.height;

  await page.reload();
  await expect(page.getByTestId('checks-panel')).toBeVisible();
  expect(
    Math.abs((await page.getByTestId('checks-panel').boundingBox())!.height - dragged),
  ).toBeLessThan(2);

  // From the keyboard too.
  await bar.focus();
  await page.keyboard.press('ArrowDown');
  await page.keyboard.press('ArrowDown');
  await expect
    .poll(async () => (await page.getByTestId('checks-panel').boundingBox())!.height)
    .toBeLessThan(dragged - 30);
});
