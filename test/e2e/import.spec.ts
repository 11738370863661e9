/**
 * Nhập Excel… through the real host, in Chromium: the preview of what
 * was recognised, accepting it unchanged (the table and its five planted errors, on the cells
 * expected.json names), corrections of name, row roles and the code row (codes, formulas checked as typed, types), a refused file that changes nothing,
 * and cancelling a large file while it is being read. And a Word report (made by LibreOffice):
 * the sentences whose arithmetic fails, each with its figures marked, before anything is stored.
 */
import fs from 'node:fs';
import os from 'node:os';
import path from 'node:path';
import ExcelJS from 'exceljs';
import { cellAddress, sheetLayout } from '../../shared/layout';
import type { Table } from '../../shared/model';
import { convert, recalcProfile, requireSoffice } from '../lo/libreoffice';
import { CHANGES_RIGHT, CHANGES_SLIPS, SLIPS } from '../unit/report-sentences';
import { expect, test } from './host-fixture';
import {
  ARTIFACTS,
  cellAt,
  findingsOf,
  FIXTURES,
  hostCall,
  menu,
  openImport,
  tableByName,
  tableNames,
} from './workbench';

const XLSX = path.join(FIXTURES, 'dan-so-ho-ngheo.xlsx');
const EXPECTED = JSON.parse(fs.readFileSync(path.join(FIXTURES, 'expected.json'), 'utf8')) as {
  files: Record<string, { findings: { cell: string; kind: string }[] }>;
};

/**
 * Where a cell of the SOURCE sheet (expected.json's "C13") is in the imported table, given the
 * sheet row of its first data row; and where that is in the grid as shown (a single grand total
 * is pinned at the bottom) and what the checks call it (the exported layout's address).
 */
function mapped(table: Table, firstSourceRow: number, address: string) {
  const m = /^([A-Z])(\d+)$/.exec(address)!;
  const col = m[1].charCodeAt(0) - 65;
  const rowIndex = Number(m[2]) - firstSourceRow;
  const totals = table.rows.filter((r) => r.role === 'total');
  const row = table.rows[rowIndex];
  const pinned = totals.length === 1 && row === totals[0];
  const body = table.rows.filter((r) => !(totals.length === 1 && r === totals[0]));
  return {
    grid: [pinned ? 'total' : body.indexOf(row), col] as [number | 'total', number],
    named: cellAddress(sheetLayout(table), rowIndex, col),
  };
}

test('Nhập Excel…: the preview shows what was recognised; accepted unchanged, the table shows with its five errors', async ({
  page,
  bieuHost,
}) => {
  const host = await bieuHost.start();
  await page.goto(host.url);
  // The sample document's two tables.
  const tablesBefore = ['Dân số và tỷ lệ tham gia', 'CDHT theo nhóm'];
  await expect(tableNames(page)).toHaveText(tablesBefore);

  const dialog = await openImport(page, XLSX);
  const section = dialog.getByTestId('import-table');
  await expect(section).toHaveCount(1);
  // Sheet, rows, header levels; the code row with its formulas; number conventions; roles.
  await expect(section.locator('.import-source')).toContainText('Trang «Dân số» · dòng 8–19');
  await expect(section.locator('.import-source')).toContainText('12 dòng × 8 cột');
  await expect(section.locator('.import-source')).toContainText('tiêu đề 2 tầng');
  await expect(section.locator('thead')).toContainText('Chia ra');
  await expect(section.getByTestId('import-code').nth(2)).toHaveValue('1=2+3');
  const types = await section
    .locator('.import-kinds select')
    .evaluateAll((all) => all.map((s) => (s as HTMLSelectElement).value));
  expect(types).toContain('percent');
  await expect(section.locator('.import-decimals').first()).toHaveValue('2');
  await expect(section.getByTestId('import-code-error')).toHaveCount(0);
  await expect(section.getByLabel('Vai trò dòng 8')).toHaveValue('group');
  await expect(section.getByLabel('Vai trò dòng 9')).toHaveValue('detail');
  await expect(section.getByLabel('Vai trò dòng 11')).toHaveValue('subtotal');
  await expect(section.getByLabel('Vai trò dòng 19')).toHaveValue('total');
  // The doubts are listed, and the cell that is not a number is marked where it is.
  await expect(section.getByTestId('import-doubts')).toContainText('khoảng 150');
  await expect(section.locator('td.import-cell-doubt')).toHaveText(['khoảng 150']);
  await expect(section.getByLabel('Tên biểu')).toHaveValue('Dân số');
  await expect(section.getByLabel('Đưa vào')).toHaveValue('new');
  await dialog.evaluate((d) => d.querySelector('.modal-body')?.scrollTo(0, 0));
  await page.screenshot({ path: path.join(ARTIFACTS, 'import-preview.png') });

  // Nhập, nothing changed: the new table is added and shown, with the notice.
  await dialog.getByRole('button', { name: 'Nhập', exact: true }).click();
  await expect(dialog).toBeHidden();
  await expect(tableNames(page)).toHaveText([...tablesBefore, 'Dân số']);
  await expect(page.getByTestId('table-list').locator('[aria-current="true"]')).toContainText(
    'Dân số',
  );
  await expect(page.getByRole('status')).toContainText('Đã nhập 1 biểu từ «dan-so-ho-ngheo.xlsx»');

  // The findings of expected.json (source addresses), each on its cell of the grid; the checks
  // name cells as the exported appendix will have them.
  const table = await tableByName(host.url, 'Dân số');
  const expected = EXPECTED.files['dan-so-ho-ngheo.xlsx'].findings.map((f) =>
    mapped(table, 8, f.cell),
  );
  const listed = findingsOf(page, 'Dân số');
  await expect(listed).toHaveCount(expected.length);
  await expect(listed.and(page.locator('.finding-error'))).toHaveCount(expected.length);
  const named = await listed
    .locator('.finding-cell')
    .evaluateAll((spans) => spans.map((s) => s.getAttribute('data-cell')));
  expect(named.sort()).toEqual(expected.map((e) => e.named).sort());
  for (const { grid } of expected) {
    await expect(cellAt(page, ...grid).locator('[data-finding="error"]')).toBeVisible();
  }
  await expect(page.getByTestId('grid').locator('[data-finding="error"]')).toHaveCount(
    expected.length,
  );
});

test('Nhập Excel…: a corrected name and row role are what is stored', async ({
  page,
  bieuHost,
}) => {
  const host = await bieuHost.start();
  await page.goto(host.url);
  const dialog = await openImport(page, XLSX);
  const section = dialog.getByTestId('import-table');
  await section.getByLabel('Tên biểu').fill('Dân số 2024');
  // Row 17 of the sheet (Xã Đông Sơn) read as a subtotal, for the sake of the test.
  await section.getByLabel('Vai trò dòng 17').selectOption('subtotal');
  await expect(section.locator('tr.import-row-changed')).toHaveCount(1);
  await dialog.getByRole('button', { name: 'Nhập', exact: true }).click();
  await expect(dialog).toBeHidden();
  const table = await tableByName(host.url, 'Dân số 2024');
  const reference = await hostCall<{ tables: { name: string }[] }>(host.url, 'document.current');
  expect(reference.tables.map((t) => t.name)).toContain('Dân số 2024');
  expect(table.rows.map((r) => r.role)).toEqual([
    'group',
    'detail',
    'detail',
    'subtotal',
    'group',
    'detail',
    'detail',
    'detail',
    'detail',
    'subtotal',
    'subtotal',
    'total',
  ]);
  // One step back removes the imported table again.
  await page.keyboard.press('Control+z');
  await expect(tableNames(page)).not.toContainText(['Dân số 2024']);
});

test('Nhập Excel…: a corrected code row is checked as it is typed, and is what is stored', async ({
  page,
  bieuHost,
}) => {
  const host = await bieuHost.start();
  await page.goto(host.url);
  const dialog = await openImport(page, XLSX);
  const section = dialog.getByTestId('import-table');
  const accept = dialog.getByRole('button', { name: 'Nhập', exact: true });
  const total = section.getByTestId('import-code').nth(2);
  await expect(total).toHaveValue('1=2+3');

  // A formula naming a code the table does not have: the parser's sentence under the cell, and
  // Nhập is held back with the reason.
  await total.fill('1=2+9');
  await expect(section.getByTestId('import-code-error')).toHaveText([
    /Mã cột «9» không có trong biểu/,
  ]);
  await expect(section.getByTestId('import-blocked')).toContainText('Biểu «Dân số»');
  await expect(accept).toBeDisabled();
  // A code used twice is refused too.
  await total.fill('2');
  await expect(section.getByTestId('import-code-error')).toHaveText([
    /«2» dùng cho hơn một cột/,
    /«2» dùng cho hơn một cột/,
  ]);
  await expect(accept).toBeDisabled();

  // Corrected: the first label column gets a code of its own, the total its formula written
  // the other way round.
  await total.fill('1 = 3+2');
  await section.getByTestId('import-code').nth(0).fill('STT');
  await expect(section.getByTestId('import-code-error')).toHaveCount(0);
  await expect(section.getByTestId('import-blocked')).toHaveCount(0);
  await expect(accept).toBeEnabled();
  await section.locator('.import-decimals').first().fill('1');
  await dialog.evaluate((d) => d.querySelector('.modal-body')?.scrollTo(0, 0));
  await page.screenshot({ path: path.join(ARTIFACTS, 'import-preview-corrected.png') });
  await accept.click();
  await expect(dialog).toBeHidden();

  const table = await tableByName(host.url, 'Dân số');
  expect(table.columns[0].code).toBe('STT');
  expect(table.columns[2]).toMatchObject({ code: '1', formula: '3+2' });
  expect(table.columns.filter((c) => c.type === 'percent').map((c) => c.decimals)[0]).toBe(1);
  // The grid's code row shows the corrected entries.
  const codes = page.getByTestId('grid').locator('.bieu-row-codes .bieu-code');
  await expect(codes.first()).toHaveText('STT');
  await expect(codes.nth(2)).toHaveText('1=3+2');
});

test('Nhập Excel…: a refused file shows its sentence and changes nothing', async ({
  page,
  bieuHost,
}) => {
  const host = await bieuHost.start();
  await page.goto(host.url);
  await expect(tableNames(page)).toHaveCount(2);
  const before = await hostCall(host.url, 'document.current');
  const empty = path.join(bieuHost.home, 'trong.xlsx');
  fs.writeFileSync(empty, '');

  const dialog = await openImport(page, empty);
  await expect(dialog.getByTestId('import-refused')).toHaveText(
    'Tệp «trong.xlsx» trống (0 byte), không có gì để nhập.',
  );
  await expect(dialog).toContainText('Tài liệu không thay đổi.');
  // Another file can be chosen from here; closing leaves the document as it was.
  await dialog.getByRole('button', { name: 'Chọn tệp khác' }).click();
  await expect(dialog.getByLabel('Đường dẫn tệp .xlsx')).toHaveValue(empty);
  await dialog.getByRole('button', { name: 'Hủy' }).click();
  await expect(dialog).toBeHidden();
  expect(await hostCall(host.url, 'document.current')).toEqual(before);
});

test('Nhập Excel…: reading a 50,000-row workbook shows its progress and can be cancelled', async ({
  page,
  bieuHost,
}) => {
  const host = await bieuHost.start();
  await page.goto(host.url);
  await expect(tableNames(page)).toHaveCount(2);
  const before = await hostCall(host.url, 'document.current');

  // A province-sized sheet and then some: 50,000 communes × 30 figures, written by exceljs.
  const big = path.join(bieuHost.home, 'lon.xlsx');
  const writer = new ExcelJS.stream.xlsx.WorkbookWriter({ filename: big });
  const sheet = writer.addWorksheet('Lớn');
  const parts = 29;
  sheet.addRow(['BIỂU TỔNG HỢP THEO XÃ']).commit();
  sheet
    .addRow(['STT', 'Xã', 'Tổng số', ...Array.from({ length: parts }, (_, k) => `Nhóm ${k + 1}`)])
    .commit();
  sheet
    .addRow([
      'A',
      'B',
      `1=${Array.from({ length: parts }, (_, k) => k + 2).join('+')}`,
      ...Array.from({ length: parts }, (_, k) => String(k + 2)),
    ])
    .commit();
  for (let i = 1; i <= 50_000; i++) {
    const values = Array.from({ length: parts }, (_, k) => (i * 7 + k * 13) % 1000);
    sheet.addRow([i, `Xã số ${i}`, values.reduce((a, b) => a + b, 0), ...values]).commit();
  }
  await writer.commit();

  const dialog = await openImport(page, big);
  const progress = dialog.getByTestId('import-progress');
  await expect(progress).toBeVisible();
  await expect(dialog).toContainText('Đang đọc «lon.xlsx»');
  // The host's answer to Hủy: the job was still running, and is cancelled.
  const cancelled = page.waitForResponse((r) => r.url().endsWith('/api/job.cancel'));
  await dialog.getByRole('button', { name: 'Hủy' }).click();
  const reply = (await (await cancelled).json()) as { value: { state: string } };
  expect(reply.value.state).toBe('cancelled');
  await expect(dialog).toBeHidden();
  await expect(page.getByRole('status')).toContainText('Đã hủy nhập; tài liệu không thay đổi.');
  // Nothing was stored, and nothing arrives later.
  await page.waitForTimeout(1500);
  expect(await hostCall(host.url, 'document.current')).toEqual(before);
});

test('Nhập… a Word report: each sentence whose arithmetic fails or that a table contradicts, with its figures marked; the rest of the text says nothing', async ({
  page,
  bieuHost,
}) => {
  const host = await bieuHost.start();
  await page.goto(host.url);
  const p = (s: string) => `<p>${s}</p>`;
  const html = path.join(bieuHost.home, 'bao-cao.html');
  fs.writeFileSync(
    html,
    `<html><head><meta charset="utf-8"></head><body>
${[...SLIPS, ...CHANGES_RIGHT, CHANGES_SLIPS[0]].map(p).join('')}
${p('Thực hiện Công văn số 1522/BGDĐT-TCCB ngày 10/4/2023, trẻ từ 6-10 tuổi được khám lần thứ 4 trong giai đoạn 2021-2025.')}
${p('Thôn 1 có 31 hộ, Thôn 2 có 25 hộ.')}
<p>Biểu thống kê số hộ theo thôn</p>
<table border="1">
<tr><td>STT</td><td>Thôn</td><td>Số hộ</td></tr>
<tr><td>1</td><td>Thôn 1</td><td>30</td></tr><tr><td>2</td><td>Thôn 2</td><td>25</td></tr>
<tr><td></td><td>Cộng</td><td>55</td></tr>
</table></body></html>`,
  );
  const profile = recalcProfile(path.join(bieuHost.home, 'lo-profile'));
  const [docx] = convert(requireSoffice(), profile, [html], 'docx:MS Word 2007 XML', bieuHost.home);

  const dialog = await openImport(page, docx);
  await expect(dialog.getByTestId('import-table')).toHaveCount(1);
  const text = dialog.getByTestId('import-text-findings');
  await expect(text.getByRole('heading')).toHaveText('Số liệu trong lời văn');
  // The four planted slips, the one wrong change, and Thôn 1's figure that the table contradicts;
  // the right changes, the decree and Thôn 2's figure (as the table has it) say nothing.
  await expect(text.locator('li')).toHaveCount(6);
  const linked = text.locator('li', { hasText: 'câu văn ghi 31 cho «Thôn 1»' });
  await expect(linked.locator('p')).toHaveText(
    /^Đoạn \d+: câu văn ghi 31 cho «Thôn 1», biểu «Biểu thống kê số hộ theo thôn» ghi 30 ở ô C2 \(lệch \+1\)\.$/,
  );
  await expect(linked.locator('mark')).toHaveText(['31']);
  const change = text.locator('li', { hasText: '1.380 − 1.250 = 130, câu văn ghi 103' });
  await expect(change.locator('blockquote')).toHaveText(CHANGES_SLIPS[0]);
  await expect(change.locator('mark')).toHaveText(['1.250', '103', '1.380']);
  const parts = text.locator('li', { hasText: '14 + 4 + 2' });
  await expect(parts.locator('mark')).toHaveText(['21', '14', '4', '2']);
});

test('Nhập Excel… in the browser: a file picked on this machine, outside every folder the host may browse, is read and imported', async ({
  page,
  bieuHost,
}) => {
  const host = await bieuHost.start();
  await page.goto(host.url);
  await expect(tableNames(page)).toHaveCount(2);
  // A commune's file as it lands from an e-mail: in a Downloads folder of its own.
  const downloads = fs.mkdtempSync(path.join(os.tmpdir(), 'Downloads-'));
  const received = path.join(downloads, 'Xa Loc Hoa.xlsx');
  fs.copyFileSync(XLSX, received);
  const text = path.join(downloads, 'ghi-chu.xlsx');
  fs.writeFileSync(text, 'không phải sổ làm việc');

  await menu(page, 'Tệp', 'Nhập Excel…');
  const dialog = page.getByTestId('import-dialog');
  const pick = async (file: string) => {
    const chooser = page.waitForEvent('filechooser');
    await dialog.getByRole('button', { name: 'Hoặc chọn tệp trên máy này…' }).click();
    await (await chooser).setFiles(file);
  };

  // Not a workbook: one sentence naming the file as the person picked it; nothing changes.
  await pick(text);
  await expect(dialog.getByTestId('import-refused')).toContainText('«ghi-chu.xlsx»');
  await expect(dialog).toContainText('Tài liệu không thay đổi.');
  await dialog.getByRole('button', { name: 'Chọn tệp khác' }).click();

  await pick(received);
  const section = dialog.getByTestId('import-table');
  await expect(section.locator('.import-source')).toContainText('Trang «Dân số» · dòng 8–19');
  await page.screenshot({ path: path.join(ARTIFACTS, 'import-upload.png') });
  await dialog.getByRole('button', { name: 'Nhập', exact: true }).click();
  await expect(dialog).toBeHidden();
  await expect(page.getByRole('status')).toContainText('Đã nhập 1 biểu từ «Xa Loc Hoa.xlsx»');
  await expect(tableNames(page)).toHaveText([
    'Dân số và tỷ lệ tham gia',
    'CDHT theo nhóm',
    'Dân số',
  ]);
  await expect(findingsOf(page, 'Dân số')).toHaveCount(
    EXPECTED.files['dan-so-ho-ngheo.xlsx'].findings.length,
  );
  expect((await tableByName(host.url, 'Dân số')).rows).toHaveLength(12);
  fs.rmSync(downloads, { recursive: true, force: true });
});
