/**
 * .xls, .ods and Word reports through the same detection and checks as .xlsx, with fixtures made
 * here by LibreOffice headless: the fixture workbooks saved as .xls and .ods give the same tables
 * and the same findings as the .xlsx; a Word report (written as HTML, saved as .docx by Writer)
 * gives its tables — merged header cells from gridSpan and vMerge, the paragraph above as the
 * title, a nested table as a table of its own — and the slips planted in its sentences.
 */
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import fs from 'node:fs';
import os from 'node:os';
import path from 'node:path';
import { DocumentStore } from '../../electron/store/document-store';
import { convert, recalcProfile, requireSoffice } from '../lo/libreoffice';
import { buildCli, runCli } from '../hostile/run-cli';
import { CONSISTENT, SLIPS } from './report-sentences';

const fixtures = path.resolve(__dirname, '..', 'fixtures');
const realWorld = path.resolve(__dirname, '..', '..', '..', 'shared', 'real-world');
let dir: string;
let soffice: string;
let profile: string;

beforeAll(() => {
  buildCli();
  soffice = requireSoffice();
  dir = fs.mkdtempSync(path.join(os.tmpdir(), 'bieu-formats-'));
  profile = recalcProfile(path.join(dir, 'profile'));
}, 60_000);
afterAll(() => {
  fs.rmSync(dir, { recursive: true, force: true });
});

interface Report {
  inputs: { table: string; sheet: string; rows: number; columns: number }[];
  findings: {
    kind: string;
    table: string;
    sheet: string;
    cell: string;
    expected: number | null;
    actual: number | null;
    paragraph?: number;
    sentence?: string;
  }[];
}

async function check(file: string): Promise<Report> {
  const run = await runCli(['check', file, '--json']);
  expect(run.stderr).toBe('');
  expect([0, 1]).toContain(run.code);
  return JSON.parse(run.stdout) as Report;
}

const essence = (r: Report) => ({
  inputs: r.inputs.map(({ table, sheet, rows, columns }) => ({ table, sheet, rows, columns })),
  findings: r.findings.map(({ kind, table, cell, expected, actual }) => ({
    kind,
    table,
    cell,
    expected,
    actual,
  })),
});

describe('.xls and .ods workbooks', () => {
  for (const fixture of ['dan-so-ho-ngheo.xlsx', 'cdht-theo-nhom.xlsx']) {
    it(`${fixture} saved as .xls and as .ods by LibreOffice: the same tables and findings`, async () => {
      const source = path.join(fixtures, fixture);
      const [xls] = convert(soffice, profile, [source], 'xls', path.join(dir, 'xls'));
      const [ods] = convert(soffice, profile, [source], 'ods', path.join(dir, 'ods'));
      const expected = essence(await check(source));
      if (fixture === 'dan-so-ho-ngheo.xlsx') expect(expected.findings.length).toBeGreaterThan(0);
      expect(essence(await check(xls))).toEqual(expected);
      expect(essence(await check(ods))).toEqual(expected);
    }, 120_000);
  }

  it.runIf(fs.existsSync(realWorld))(
    'the real .xls of ../shared/real-world gives the same tables and findings as its .xlsx twin',
    async () => {
      const base = path.join(realWorld, 'annv2601__SoLieuBaoCao__BaoCaoB0205DonVi27082018170051');
      expect(essence(await check(`${base}.xls`))).toEqual(essence(await check(`${base}.xlsx`)));
    },
    60_000,
  );

  it('an .xlsx named .xls is read as what it is', async () => {
    const copy = path.join(dir, 'that-ra-la-xlsx.xls');
    fs.copyFileSync(path.join(fixtures, 'dan-so-ho-ngheo.xlsx'), copy);
    expect(essence(await check(copy))).toEqual(
      essence(await check(path.join(fixtures, 'dan-so-ho-ngheo.xlsx'))),
    );
  });
});

/** A report as a secretary writes it: sentences, a titled table with a merged header, a slip. */
function reportHtml(sentences: readonly string[], total: number): string {
  const p = (s: string) => `<p>${s}</p>`;
  return `<html><head><meta charset="utf-8"></head><body>
${p(sentences[0])}${p(sentences[1])}
<p>Biểu thống kê số hộ theo thôn</p>
<table border="1">
<tr><td rowspan="2">STT</td><td rowspan="2">Thôn</td><td colspan="3">Số hộ</td></tr>
<tr><td>Tổng số</td><td>Nam</td><td>Nữ</td></tr>
<tr><td>1</td><td>Thôn 1</td><td>30</td><td>10</td><td>20</td></tr>
<tr><td>2</td><td>Thôn 2</td><td>25</td><td>12</td><td>13</td></tr>
<tr><td></td><td>Cộng</td><td>${total}</td><td>22</td><td>33</td></tr>
</table>
${p(sentences[2])}${p(sentences[3])}
<p>Thực hiện Công văn số 1522/BGDĐT-TCCB ngày 10/4/2023, trẻ từ 6-10 tuổi được khám lần thứ 4 trong giai đoạn 2021-2025.</p>
<table border="1"><tr><td>Ghi chú</td><td>
<table border="1"><tr><td>Xã</td><td>Số hộ</td><td>Số người</td></tr>
<tr><td>Xã A</td><td>12</td><td>40</td></tr><tr><td>Xã B</td><td>15</td><td>52</td></tr></table>
</td></tr></table>
</body></html>`;
}

function wordReport(name: string, html: string): string {
  const source = path.join(dir, 'html', `${name}.html`);
  fs.mkdirSync(path.dirname(source), { recursive: true });
  fs.writeFileSync(source, html);
  return convert(soffice, profile, [source], 'docx:MS Word 2007 XML', path.join(dir, 'docx'))[0];
}

describe('Word reports (.docx)', () => {
  it('reads the titled table with its merged header, the nested table, and every planted slip', async () => {
    const docx = wordReport('bao-cao-co-loi', reportHtml(SLIPS, 56));
    const report = await check(docx);
    expect(report.inputs.map((i) => [i.sheet, i.rows, i.columns])).toEqual([
      ['Biểu thống kê số hộ theo thôn', 3, 5],
      ['Bảng 3', 2, 3],
    ]);
    const table = report.findings.filter((f) => f.kind !== 'text');
    expect(table).toEqual([
      expect.objectContaining({
        sheet: 'Biểu thống kê số hộ theo thôn',
        cell: 'C5',
        expected: 55,
        actual: 56,
      }),
    ]);
    const text = report.findings.filter((f) => f.kind === 'text');
    expect(text.map((f) => [f.paragraph, f.expected, f.actual])).toEqual(
      expect.arrayContaining([
        [1, 20, 21],
        [4, 62.52, 65.52],
        [5, 2.2, 2.4],
        [2, 791_252_965, 791_232_965],
      ]),
    );
    expect(text).toHaveLength(4);
  }, 120_000);

  it('a figure of the text that its table contradicts names the table’s cell; one it agrees with says nothing', async () => {
    const sentences = [...CONSISTENT];
    sentences[2] = 'Thôn 1 có 31 hộ, Thôn 2 có 25 hộ.';
    const report = await check(wordReport('bao-cao-lien-ket', reportHtml(sentences, 55)));
    expect(report.findings).toEqual([
      expect.objectContaining({
        kind: 'text',
        sheet: 'Biểu thống kê số hộ theo thôn',
        cell: 'C3',
        expected: 30,
        actual: 31,
      }),
    ]);
  }, 120_000);

  it('a consistent report gives no finding', async () => {
    const docx = wordReport('bao-cao-dung', reportHtml(CONSISTENT, 55));
    const run = await runCli(['check', docx, '--json']);
    expect(run.code).toBe(0);
    expect(JSON.parse(run.stdout).findings).toEqual([]);
  }, 120_000);

  it('bieu import report.docx --into DOC.bieu stores its tables', async () => {
    const docx = wordReport('bao-cao-nhap', reportHtml(CONSISTENT, 55));
    const target = path.join(dir, 'tu-word.bieu');
    const run = await runCli(['import', docx, '--into', target]);
    expect(run.stderr).toBe('');
    expect(run.code).toBe(0);
    const store = DocumentStore.open(target);
    try {
      expect(store.listTables().map((t) => t.name)).toEqual([
        'Biểu thống kê số hộ theo thôn',
        'Bảng 3',
      ]);
    } finally {
      store.close();
    }
  }, 120_000);
});
