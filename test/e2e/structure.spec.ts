/**
 * Editing a table's structure from the "Cấu trúc biểu" panel: a column's code, label, group,
 * type and formula (read live by the check engine's parser, mistakes said in Vietnamese in
 * place), adding, moving and removing columns, grouping header levels, inserting, moving and
 * deleting rows, a row's role — each change undoable and the table re-checked — and saving the
 * table as a template.
 */
import { expect, test } from './host-fixture';
import { COL, POPULATION, cellAt, codeCell, expectSaved, menu, vi } from './workbench';

test('structure: column definition with a live formula check, columns, header groups, rows, template', async ({
  page,
  bieuHost,
}) => {
  const host = await bieuHost.start();
  await page.goto(host.url);
  const grid = page.getByTestId('grid');
  const counts = page.getByTestId('finding-counts');
  await menu(page, 'Biểu', 'Cấu trúc biểu');
  const panel = page.getByRole('region', { name: 'Cấu trúc biểu' });
  await expect(panel).toBeVisible();

  // The panel follows the active cell: the total column "1=2+3+4+5".
  await cellAt(page, 0, COL.total).click();
  const column = panel.getByRole('form', { name: 'Cột 1' });
  await expect(column.getByLabel('Công thức (theo mã cột)')).toHaveValue('2+3+4+5');
  await expect(column).toContainText('Dòng mã sẽ ghi: 1=2+3+4+5');

  // A formula is read as it is typed; a mistake is said in place and cannot be saved.
  const formula = column.getByLabel('Công thức (theo mã cột)');
  const save = column.getByRole('button', { name: 'Lưu cột' });
  await formula.fill('2+3+');
  await expect(column.getByRole('alert')).toContainText(
    'Công thức thiếu số hạng ở cuối (vị trí 5)',
  );
  await expect(formula).toHaveAttribute('aria-invalid', 'true');
  await expect(save).toBeDisabled();
  await formula.fill('2+3+4+(9)');
  await expect(column.getByRole('alert')).toContainText('9');
  await expect(save).toBeDisabled();
  await formula.fill('1=2+3');
  await expect(column.getByRole('alert')).toHaveCount(0);
  await expect(column).toContainText('Dòng mã sẽ ghi: 1=2+3');
  await formula.fill('7=2+3');
  await expect(column.getByRole('alert')).toContainText('cột 7');

  // A valid change is saved, the code row shows it and every row is checked against it.
  const errorsBefore = await counts.textContent();
  await formula.fill('2+3+4');
  await column.getByLabel('Tên cột').fill('Tổng số nhân khẩu (không kể trên 60)');
  await save.click();
  await expect(codeCell(page, COL.total)).toHaveText('1=2+3+4');
  await expect(
    grid.getByRole('columnheader', { name: 'Tổng số nhân khẩu (không kể trên 60)' }),
  ).toBeVisible();
  await expect(cellAt(page, 2, COL.total).locator('[data-finding="error"]')).toBeVisible();
  await expect(counts).not.toHaveText(errorsBefore!);
  await expectSaved(page);
  // Undone with one Ctrl+Z, like any edit.
  await cellAt(page, 2, COL.under7).click();
  await page.keyboard.press('Control+z');
  await expect(codeCell(page, COL.total)).toHaveText('1=2+3+4+5');
  await expect(cellAt(page, 2, COL.total).locator('[data-finding]')).toHaveCount(0);
  await expect(counts).toHaveText(errorsBefore!);

  // Add a column right of "Trên 60 tuổi", then move it left, then remove it. (The grid draws
  // only the columns in view, so the table list's count says how many there are.)
  const tableItem = page.getByTestId('table-list').locator('[aria-current="true"]');
  const columnsBefore = POPULATION.columns.length;
  await cellAt(page, 0, COL.over60).click();
  await panel.getByRole('button', { name: 'Thêm cột bên phải' }).click();
  await expect(tableItem).toContainText(`${columnsBefore + 1} cột`);
  await expect(codeCell(page, COL.over60 + 1)).toHaveText('8');
  await expect(grid.getByRole('columnheader', { name: 'Cột mới' })).toBeVisible();
  await cellAt(page, 0, COL.over60 + 1).click();
  await panel.getByRole('button', { name: 'Chuyển cột sang trái' }).click();
  await expect(codeCell(page, COL.over60)).toHaveText('8');
  await cellAt(page, 0, COL.over60).click();
  await expect(panel.getByRole('heading', { name: 'Cột 8: Cột mới' })).toBeVisible();
  await panel.getByRole('button', { name: 'Xóa cột' }).click();
  await expect(tableItem).toContainText(`${columnsBefore} cột`);
  await expect(codeCell(page, COL.over60)).toHaveText('5');

  // Group two columns under a header level, then ungroup them.
  await cellAt(page, 0, COL.joined).click();
  await cellAt(page, 0, COL.rate).click({ modifiers: ['Shift'] });
  await panel.getByLabel('Nhóm 2 cột đang chọn dưới tiêu đề').fill('Tham gia học tập');
  await panel.getByRole('button', { name: 'Nhóm', exact: true }).click();
  const group = grid.getByRole('columnheader', { name: 'Tham gia học tập', exact: true });
  await expect(group).toBeVisible();
  await cellAt(page, 0, COL.joined).click();
  await cellAt(page, 0, COL.rate).click({ modifiers: ['Shift'] });
  await panel.getByRole('button', { name: 'Bỏ nhóm' }).click();
  await expect(group).toHaveCount(0);

  // Rows: insert below the first commune, move it down, make it a group heading, delete it.
  const rowsBefore = POPULATION.rows.length;
  await cellAt(page, 0, COL.name).click();
  await panel.getByRole('button', { name: 'Chèn dòng phía dưới' }).click();
  await expect(tableItem).toContainText(`${rowsBefore + 1} dòng`);
  await expect(cellAt(page, 1, COL.name)).toHaveText('');
  await cellAt(page, 1, COL.name).click();
  await page.keyboard.type('I. Khu vực thị trấn');
  await page.keyboard.press('Enter');
  await cellAt(page, 1, COL.name).click();
  await panel.getByRole('button', { name: 'Chuyển dòng lên' }).click();
  await expect(cellAt(page, 0, COL.name)).toHaveText('I. Khu vực thị trấn');
  await cellAt(page, 0, COL.name).click();
  const rowForm = panel.getByRole('form', { name: 'Dòng đang chọn' });
  await rowForm.getByLabel('Vai trò').selectOption({ label: 'Tiêu đề nhóm' });
  await rowForm.getByRole('button', { name: 'Lưu dòng' }).click();
  await expect(grid.locator('[row-index="0"]')).toHaveClass(/bieu-row-group/);
  await cellAt(page, 0, COL.name).click();
  await panel.getByRole('button', { name: 'Xóa 1 dòng đang chọn' }).click();
  await expect(tableItem).toContainText(`${rowsBefore} dòng`);
  await expect(cellAt(page, 0, COL.name)).toHaveText(POPULATION.rows[0].cells[1] as string);
  await expect(cellAt(page, 0, COL.total)).toHaveText(vi(POPULATION.rows[0].cells[2] as number));
  await expectSaved(page);

  // Save the table's structure as a template: offered when adding a table.
  await panel.getByRole('button', { name: 'Lưu thành mẫu…' }).click();
  const saveTemplate = page.getByRole('dialog', { name: 'Lưu thành mẫu…' });
  await saveTemplate.getByLabel('Tên mẫu').fill('Dân số theo nhóm tuổi (mẫu của tôi)');
  await saveTemplate.getByRole('button', { name: 'Lưu mẫu' }).click();
  await expect(page.getByRole('status').filter({ hasText: 'Đã lưu mẫu' })).toBeVisible();
  await menu(page, 'Biểu', 'Thêm biểu…');
  await expect(
    page.getByRole('dialog', { name: 'Thêm biểu' }).getByRole('radio', {
      name: /Dân số theo nhóm tuổi \(mẫu của tôi\)/,
    }),
  ).toBeVisible();
});
