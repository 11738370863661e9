/**
 * Pasting tables from Excel, through the real host, in Chromium:
 *   - the Excel clipboard of dan-so-ho-ngheo.xlsx, pasted with a real Ctrl+V into an empty copy
 *     of the imported table, gives the same values and the same findings as the import;
 *   - Excel's HTML with a merged header block lands under the table's own columns and units;
 *   - a block taller than the table offers new rows, and declining says what was not pasted;
 *     accepting adds rows and values as one batch, taken back by one Ctrl+Z;
 *   - one value onto a selected range fills it; one paste is one step back;
 *   - Ctrl+C writes an HTML table whose figures carry their exact values for Excel.
 */
import fs from 'node:fs';
import path from 'node:path';
import { sendWithoutPause } from './fast-input';
import { expect, test } from './host-fixture';
import {
  COL,
  POPULATION,
  cellAt,
  cellInput,
  dispatchPaste,
  expectSaved,
  findingsOf,
  FIXTURES,
  gotoWithClipboard,
  importUnchanged,
  markedCells,
  menu,
  shownFindings,
  tableByName,
  vi,
} from './workbench';

const XLSX = path.join(FIXTURES, 'dan-so-ho-ngheo.xlsx');
const CLIPBOARD = fs.readFileSync(path.join(FIXTURES, 'dan-so-ho-ngheo.clipboard.tsv'), 'utf8');

test('the Excel clipboard of dan-so-ho-ngheo, pasted with Ctrl+V into an empty copy, gives the values and findings of the import', async ({
  page,
  bieuHost,
}) => {
  const host = await bieuHost.start();
  await gotoWithClipboard(page, host.url);

  // The workbook, imported through Nhập Excel… with nothing changed.
  await importUnchanged(page, XLSX);
  const list = page.getByTestId('table-list');
  await expect(list.locator('[aria-current="true"]')).toContainText('Dân số');
  const imported = await tableByName(host.url, 'Dân số');
  await expect(findingsOf(page, 'Dân số')).toHaveCount(5);
  const importFindings = await shownFindings(page, 'Dân số');
  const importMarks = await markedCells(page);

  // An empty copy: duplicate the table, select every cell, Delete.
  await menu(page, 'Biểu', 'Nhân bản biểu');
  const copyItem = list.getByRole('button', { name: /^Dân số \(/ });
  await copyItem.click();
  const copyName = (await copyItem.locator('.table-name').textContent())!;
  await cellAt(page, 0, 0).click();
  await page.keyboard.press('Control+a');
  await page.keyboard.press('Delete');
  await expectSaved(page);
  const emptied = await tableByName(host.url, copyName);
  expect(emptied.rows.every((r) => r.cells.every((v) => v === null))).toBe(true);
  // The rows keep their roles: the copy's structure is the import's.
  expect(emptied.rows.map((r) => r.role)).toEqual(imported.rows.map((r) => r.role));

  // The real clipboard, the real paste event: Ctrl+V at the first cell.
  await page.evaluate((text) => navigator.clipboard.writeText(text), CLIPBOARD);
  await cellAt(page, 0, 0).click();
  await page.keyboard.press('Control+v');
  await expectSaved(page);

  const pasted = await tableByName(host.url, copyName);
  expect(pasted.rows.map((r) => r.cells)).toEqual(imported.rows.map((r) => r.cells));
  await expect(findingsOf(page, copyName)).toHaveCount(5);
  expect(await shownFindings(page, copyName)).toEqual(importFindings);
  expect(await markedCells(page)).toEqual(importMarks);
  // What the grid shows is what the import showed: "khoảng 150" kept as text, 4.962 a number.
  await expect(cellAt(page, 7, 6)).toHaveText('khoảng 150');
  await expect(cellAt(page, 9, 2)).toHaveText('4.962');

  // One paste is one step back, and one step forward again.
  await page.keyboard.press('Control+z');
  await expectSaved(page);
  expect(
    (await tableByName(host.url, copyName)).rows.every((r) => r.cells.every((v) => v === null)),
  ).toBe(true);
  await page.keyboard.press('Control+y');
  await expectSaved(page);
  expect((await tableByName(host.url, copyName)).rows.map((r) => r.cells)).toEqual(
    imported.rows.map((r) => r.cells),
  );

  // The history names the paste as the person did it.
  await menu(page, 'Xem', 'Lịch sử thay đổi');
  await expect(page.getByTestId('history-panel')).toContainText(/Dán \d+ ô/);
});

/** Excel's HTML for a block of the population table: a merged header over two age bands. */
const EXCEL_HTML = `<html xmlns:o="urn:schemas-microsoft-com:office:office"
xmlns:x="urn:schemas-microsoft-com:office:excel"
xmlns="http://www.w3.org/TR/REC-html40">
<head><meta http-equiv=Content-Type content="text/html; charset=utf-8">
<meta name=ProgId content=Excel.Sheet><meta name=Generator content="Microsoft Excel 15">
<style><!--table{mso-displayed-decimal-separator:"\\,";mso-displayed-thousand-separator:"\\.";}
.xl65{mso-number-format:"\\#\\,\\#\\#0";}
--></style></head>
<body link="#0563C1" vlink="#954F72">
<table border=0 cellpadding=0 cellspacing=0 width=300 style='border-collapse:collapse;width:225pt'>
<!--StartFragment-->
 <tr height=20 style='height:15.0pt'>
  <td rowspan=2 height=40 class=xl66 width=120>Xã/ thị trấn</td>
  <td colspan=2 class=xl66 width=180>Chia ra</td>
 </tr>
 <tr height=20 style='height:15.0pt'>
  <td height=20 class=xl66>Trên 60 tuổi</td>
  <td class=xl66>Dưới 7 tuổi</td>
 </tr>
 <tr height=20 style='height:15.0pt'>
  <td height=20>Lộc Thái</td>
  <td class=xl65 align=right x:num="900">900</td>
  <td class=xl65 align=right x:num="1200">1.200</td>
 </tr>
 <tr height=20 style='height:15.0pt'>
  <td height=20>Lộc An</td>
  <td class=xl65 align=right x:num="770">770</td>
  <td class=xl65 align=right x:num="1040">1.040</td>
 </tr>
<!--EndFragment-->
</table>
</body>
</html>`;
const EXCEL_TEXT =
  'Xã/ thị trấn\tChia ra\t\r\n\tTrên 60 tuổi\tDưới 7 tuổi\r\nLộc Thái\t900\t1.200\r\nLộc An\t770\t1.040\r\n';

test('Excel HTML with a merged header block lands under the table’s columns and units, whatever the focused cell', async ({
  page,
  bieuHost,
}) => {
  const host = await bieuHost.start();
  await page.goto(host.url);
  const rows = POPULATION.rows;
  const before = await tableByName(host.url, 'Dân số và tỷ lệ tham gia');

  // Focus a cell that has nothing to do with the block: the block says where it belongs.
  await cellAt(page, 5, COL.joined).click();
  await dispatchPaste(page, { text: EXCEL_TEXT, html: EXCEL_HTML });
  await expectSaved(page);

  // "Trên 60 tuổi" before "Dưới 7 tuổi", units in another order: each figure where it belongs.
  const thai = rows.findIndex((r) => r.cells[1] === 'Lộc Thái');
  const an = rows.findIndex((r) => r.cells[1] === 'Lộc An');
  await expect(cellAt(page, thai, COL.over60)).toHaveText(vi(900));
  await expect(cellAt(page, thai, COL.under7)).toHaveText(vi(1200));
  await expect(cellAt(page, an, COL.over60)).toHaveText(vi(770));
  await expect(cellAt(page, an, COL.under7)).toHaveText(vi(1040));
  // The focused row and everything else are untouched; the header words were not pasted.
  const after = await tableByName(host.url, 'Dân số và tỷ lệ tham gia');
  const changed = after.rows.flatMap((row, r) =>
    row.cells.flatMap((v, c) => (v === before.rows[r].cells[c] ? [] : [`${r}:${c}=${v}`])),
  );
  expect(changed.sort()).toEqual(
    [
      `${thai}:${COL.over60}=900`,
      `${thai}:${COL.under7}=1200`,
      `${an}:${COL.over60}=770`,
      `${an}:${COL.under7}=1040`,
    ].sort(),
  );

  // The notice says how the block was read and placed.
  const notice = page.getByRole('status').filter({ hasText: 'Dán từ Excel' });
  await expect(notice).toContainText('4 ô lấy giá trị gốc');
  await expect(notice).toContainText('2 dòng tiêu đề');
  await expect(notice).toContainText('theo tên đơn vị');

  // One step back restores every cell.
  await page.keyboard.press('Control+z');
  await expectSaved(page);
  expect((await tableByName(host.url, 'Dân số và tỷ lệ tham gia')).rows).toEqual(before.rows);
});

test('a block taller than the table offers new rows; declining pastes what fits and says what was left out', async ({
  page,
  bieuHost,
}) => {
  const host = await bieuHost.start();
  await page.goto(host.url);
  const name = 'Dân số và tỷ lệ tham gia';
  const before = await tableByName(host.url, name);
  // Three units the table has, two it has not: names and their totals.
  const block =
    'Lộc An\t7.900\r\nLộc Hòa\t6.400\r\nLộc Tấn\t9.800\r\nLộc Mới\t5.000\r\nLộc Xa\t4.000\r\n';

  // Declined: the three known units are pasted, the two others are not — and the notice says so.
  await cellAt(page, 0, COL.name).click();
  await dispatchPaste(page, { text: block });
  let offer = page.getByRole('dialog', { name: 'Vùng dán dài hơn biểu' });
  await expect(offer).toContainText('cần thêm 2 dòng');
  await offer.getByRole('button', { name: 'Chỉ dán phần vừa biểu' }).click();
  await expectSaved(page);
  await expect(page.getByRole('status')).toContainText('KHÔNG được dán');
  let after = await tableByName(host.url, name);
  expect(after.rows).toHaveLength(before.rows.length);
  expect(after.rows.find((r) => r.cells[1] === 'Lộc An')!.cells[COL.total]).toBe(7900);
  expect(after.rows.find((r) => r.cells[1] === 'Lộc Tấn')!.cells[COL.total]).toBe(9800);
  await page.keyboard.press('Control+z');
  await expectSaved(page);

  // Accepted: two rows are added before the grand total and filled with the rest of the block.
  await cellAt(page, 0, COL.name).click();
  await dispatchPaste(page, { text: block });
  offer = page.getByRole('dialog', { name: 'Vùng dán dài hơn biểu' });
  await offer.getByRole('button', { name: 'Thêm 2 dòng và dán' }).click();
  await expectSaved(page);
  after = await tableByName(host.url, name);
  expect(after.rows).toHaveLength(before.rows.length + 2);
  const added = after.rows.slice(-3, -1);
  expect(added.map((r) => [r.cells[COL.name], r.cells[COL.total]])).toEqual([
    ['Lộc Mới', 5000],
    ['Lộc Xa', 4000],
  ]);
  expect(after.rows.at(-1)!.role).toBe('total');
  await expect(cellAt(page, before.rows.length - 1, COL.name)).toHaveText('Lộc Mới');
  await expect(page.getByRole('status')).toContainText('Đã thêm 2 dòng');

  // One paste is one step back: a single Ctrl+Z removes the added rows and every pasted value.
  await page.keyboard.press('Control+z');
  await expectSaved(page);
  expect((await tableByName(host.url, name)).rows).toEqual(before.rows);
});

test('one value onto a selected range fills it; an editor takes a paste as text; Ctrl+C writes exact values', async ({
  page,
  bieuHost,
}) => {
  const host = await bieuHost.start();
  await gotoWithClipboard(page, host.url);
  const name = 'Dân số và tỷ lệ tham gia';
  const before = await tableByName(host.url, name);

  // 3 rows × 2 age bands selected; one value pasted fills all six, one undo restores each.
  await cellAt(page, 2, COL.under7).click();
  await page.keyboard.press('Shift+ArrowDown');
  await page.keyboard.press('Shift+ArrowDown');
  await page.keyboard.press('Shift+ArrowRight');
  // Each step is awaited as the person sees it (the cells change), then until it is stored: the
  // status bar's "Đã lưu" alone says nothing about a paste that has not reached the grid.
  await dispatchPaste(page, { text: '1.234\r\n' });
  for (const row of [2, 3, 4])
    for (const col of [COL.under7, COL.age7to17])
      await expect(cellAt(page, row, col)).toHaveText('1.234');
  await expectSaved(page);
  await page.keyboard.press('Control+z');
  await expect(cellAt(page, 4, COL.age7to17)).toHaveText(
    vi(before.rows[4].cells[COL.age7to17] as number),
  );
  await expectSaved(page);
  expect((await tableByName(host.url, name)).rows).toEqual(before.rows);

  // While a cell is being edited, a paste is text for its editor, not a block for the grid.
  await page.evaluate(() => navigator.clipboard.writeText('12\t34'));
  await cellAt(page, 3, COL.joined).click();
  await page.keyboard.press('F2');
  await page.keyboard.press('Control+a');
  await page.keyboard.press('Control+v');
  await expect(cellInput(page)).toHaveValue('12\t34');
  await page.keyboard.press('Escape');
  await expect(cellAt(page, 3, COL.joined)).toHaveText(
    vi(before.rows[3].cells[COL.joined] as number),
  );
  await expect(cellAt(page, 3, COL.rate)).toHaveText(
    vi(before.rows[3].cells[COL.rate] as number, 2),
  );

  // Ctrl+C: TSV as shown, and Excel's HTML with each figure's exact value and number format.
  await cellAt(page, 0, COL.name).click();
  await page.keyboard.press('Shift+ArrowRight');
  await page.keyboard.press('Shift+ArrowRight');
  await page.keyboard.press('Shift+ArrowRight');
  await page.keyboard.press('Shift+ArrowRight');
  await page.keyboard.press('Shift+ArrowRight');
  await page.keyboard.press('Shift+ArrowRight');
  await page.keyboard.press('Shift+ArrowRight');
  await page.evaluate(() => {
    const w = window as unknown as { copied: Promise<{ text: string; html: string }> };
    w.copied = new Promise((resolve) =>
      document.addEventListener(
        'copy',
        (event) =>
          resolve({
            text: event.clipboardData?.getData('text/plain') ?? '',
            html: event.clipboardData?.getData('text/html') ?? '',
          }),
        { once: true },
      ),
    );
  });
  await page.keyboard.press('Control+c');
  const copied = await page.evaluate(
    () => (window as unknown as { copied: Promise<{ text: string; html: string }> }).copied,
  );
  const first = before.rows[0].cells;
  expect(copied.text.split('\r\n')[0]).toBe(
    `${first[1]}\t${vi(first[2] as number)}\t${vi(first[3] as number)}\t${vi(first[4] as number)}\t${vi(first[5] as number)}\t${vi(first[6] as number)}\t${vi(first[7] as number)}\t${vi(first[8] as number, 2)}`,
  );
  expect(copied.html).toContain('xmlns:x="urn:schemas-microsoft-com:office:excel"');
  expect(copied.html).toContain(`x:num="${first[2]}">${vi(first[2] as number)}</td>`);
  expect(copied.html).toContain(`x:num="${first[8]}">${vi(first[8] as number, 2)}</td>`);
  expect(copied.html).toMatch(/mso-number-format:"\\#\\,\\#\\#0\\.00"/);
  expect(copied.html).toContain(`x:str>${first[1]}</td>`);

  // Pasted back into the workbench, the exact values come back (not the rounded display).
  await cellAt(page, 5, COL.name).click();
  await dispatchPaste(page, copied);
  await expect(cellAt(page, 5, COL.name)).toHaveText(first[1] as string);
  await expect(cellAt(page, 5, COL.rate)).toHaveText(vi(first[8] as number, 2));
  await expectSaved(page);
  const round = await tableByName(host.url, name);
  expect(round.rows[5].cells.slice(1)).toEqual(first.slice(1));
});

test('a block that runs past the last commune goes into new rows above the grand total, never into the total unless aimed at it', async ({
  page,
  bieuHost,
}) => {
  const host = await bieuHost.start();
  await page.goto(host.url);
  const name = 'Dân số và tỷ lệ tham gia';
  const before = await tableByName(host.url, name);
  const body = before.rows.length - 1; // the grand total is pinned below the body
  const total = before.rows[body].cells[COL.under7] as number;
  const block = '111\r\n222\r\n333\r\n444\r\n';

  // From the second-to-last commune: two figures fit, two need new rows — above the total.
  await cellAt(page, body - 2, COL.under7).click();
  await dispatchPaste(page, { text: block });
  const offer = page.getByRole('dialog', { name: 'Vùng dán dài hơn biểu' });
  await expect(offer).toContainText('cần thêm 2 dòng');
  await offer.getByRole('button', { name: 'Thêm 2 dòng và dán' }).click();
  await expect(cellAt(page, body + 1, COL.under7)).toHaveText('444');
  await expect(cellAt(page, body - 2, COL.under7)).toHaveText('111');
  await expect(cellAt(page, body - 1, COL.under7)).toHaveText('222');
  await expect(cellAt(page, body, COL.under7)).toHaveText('333');
  await expect(cellAt(page, 'total', COL.under7)).toHaveText(vi(total));
  await expectSaved(page);
  let after = await tableByName(host.url, name);
  expect(after.rows.map((r) => r.cells[COL.under7]).slice(body - 2)).toEqual([
    111,
    222,
    333,
    444,
    total,
  ]);
  expect(after.rows.at(-1)!.role).toBe('total');
  await page.keyboard.press('Control+z');
  await expect(cellAt(page, body - 2, COL.under7)).toHaveText(
    vi(before.rows[body - 2].cells[COL.under7] as number),
  );
  await expectSaved(page);
  expect((await tableByName(host.url, name)).rows).toEqual(before.rows);

  // A selection of three rows ending on the total, and a block of three: aimed at the total.
  await cellAt(page, body - 2, COL.under7).click();
  await page.keyboard.press('Shift+ArrowDown');
  await page.keyboard.press('Shift+ArrowDown');
  await dispatchPaste(page, { text: '111\r\n222\r\n99999\r\n' });
  await expect(cellAt(page, 'total', COL.under7)).toHaveText('99.999');
  await expectSaved(page);
  after = await tableByName(host.url, name);
  expect(after.rows).toHaveLength(before.rows.length);
  expect(after.rows[body].cells[COL.under7]).toBe(99999);
  await page.keyboard.press('Control+z');
  await expect(cellAt(page, 'total', COL.under7)).toHaveText(vi(total));
  await expectSaved(page);

  // Pasted on the total itself: its first row goes there, nothing goes above it, and the
  // notice says what was left out.
  await cellAt(page, 'total', COL.under7).click();
  await dispatchPaste(page, { text: block });
  await expect(cellAt(page, 'total', COL.under7)).toHaveText('111');
  await expect(page.getByRole('status')).toContainText('3 dòng còn lại KHÔNG được dán');
  await expect(page.getByRole('dialog')).toHaveCount(0);
  await expectSaved(page);
  after = await tableByName(host.url, name);
  expect(after.rows).toHaveLength(before.rows.length);
  expect(after.rows.map((r) => r.cells[COL.under7]).slice(0, body)).toEqual(
    before.rows.map((r) => r.cells[COL.under7]).slice(0, body),
  );
});

test('figures copied from an English-locale sheet ("6,312" beside "0.08") are read the English way, from the whole block', async ({
  page,
  bieuHost,
}) => {
  const host = await bieuHost.start();
  await gotoWithClipboard(page, host.url);
  // Lộc Hòa's row as an English-locale Excel copies it: thousands with ",", decimals with ".".
  const row = POPULATION.rows[1].cells;
  const english = [COL.total, COL.under7, COL.age7to17, COL.age18to60, COL.over60, COL.joined]
    .map((c) => (row[c] as number).toLocaleString('en-US'))
    .concat(String(row[COL.rate]));
  expect(english).toEqual(['6,312', '808', '1,196', '3,708', '600', '5', '0.08']);
  await page.evaluate((text) => navigator.clipboard.writeText(text), `${english.join('\t')}\r\n`);

  // The row emptied first, so only the paste can bring its figures back.
  await cellAt(page, 1, COL.total).click();
  await sendWithoutPause(page, [{ key: 'Shift+End' }, { key: 'Delete' }]);
  await expect(cellAt(page, 1, COL.total)).toHaveText('');
  await sendWithoutPause(page, [{ key: 'Control+v' }]);

  // "6,312" alone reads both ways; beside "0.08" it is six thousand, as the sheet meant.
  await expect(cellAt(page, 1, COL.total)).toHaveText('6.312');
  await expect(cellAt(page, 1, COL.age7to17)).toHaveText('1.196');
  await expect(cellAt(page, 1, COL.age18to60)).toHaveText('3.708');
  await expect(cellAt(page, 1, COL.rate)).toHaveText('0,08');
  await expect(page.locator('.notice-text')).toContainText('như cả vùng dán');
  // The row adds up again: no finding on it.
  await expect(cellAt(page, 1, COL.total).locator('[data-finding]')).toHaveCount(0);
  await expectSaved(page);
  const table = await tableByName(host.url, 'Dân số và tỷ lệ tham gia');
  expect(table.rows[1].cells).toEqual(row);
});

test('figures Biểu could read both ways («6,312» with nothing to tell): one click reads the paste again the other way, one undo takes that back', async ({
  page,
  bieuHost,
}) => {
  const host = await bieuHost.start();
  await gotoWithClipboard(page, host.url);
  const name = 'Dân số và tỷ lệ tham gia';
  // Lộc Hòa's counts as an English-locale Excel copies them, without the rate that would tell.
  const row = POPULATION.rows[1].cells;
  const counts = [COL.total, COL.under7, COL.age7to17, COL.age18to60, COL.over60, COL.joined];
  const english = counts.map((c) => (row[c] as number).toLocaleString('en-US'));
  expect(english).toEqual(['6,312', '808', '1,196', '3,708', '600', '5']);
  await page.evaluate((text) => navigator.clipboard.writeText(text), `${english.join('\t')}\r\n`);

  await cellAt(page, 1, COL.total).click();
  await sendWithoutPause(page, [{ key: 'Control+v' }]);
  // Read the document's way, as Biểu must when nothing tells: "6,312" is six point three.
  await expect(cellAt(page, 1, COL.total)).toHaveText('6');
  const notice = page.getByRole('status');
  await expect(notice).toContainText('theo ngôn ngữ của tài liệu');
  await expectSaved(page);

  // The notice offers the other reading: one click, and the row is six thousand again.
  await notice.getByRole('button', { name: 'Đọc lại theo kiểu Anh (1,234.5)' }).click();
  await expect(cellAt(page, 1, COL.total)).toHaveText('6.312');
  await expect(cellAt(page, 1, COL.age7to17)).toHaveText('1.196');
  await expect(cellAt(page, 1, COL.joined)).toHaveText('5');
  await expect(notice).toContainText('đã đọc lại kiểu tiếng Anh (1,234.5) theo yêu cầu');
  await expect(cellAt(page, 1, COL.total).locator('[data-finding]')).toHaveCount(0);
  await expectSaved(page);
  expect((await tableByName(host.url, name)).rows[1].cells).toEqual(row);

  // The re-reading is its own step: one undo goes back to the first reading, not before the paste.
  await cellAt(page, 1, COL.total).click();
  await sendWithoutPause(page, [{ key: 'Control+z' }]);
  await expect(cellAt(page, 1, COL.total)).toHaveText('6');
  await expectSaved(page);
  expect((await tableByName(host.url, name)).rows[1].cells[COL.total]).toBe(6.312);
});
