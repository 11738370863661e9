/**
 * The exported appendix in a real spreadsheet: headless LibreOffice opens it, recalculates every
 * formula (forced by its profile: LibreOffice trusts cached results by default), saves it again
 * and prints it. Every recalculated formula must give its cached value and the app's own value,
 * no stated value may be lost or altered, and the print must look like an appendix — its first
 * page is kept as test/artifacts/appendix.png for the README.
 *
 * Two LibreOffice runs for the whole file (each costs seconds): one to .xlsx, one to PDF.
 */
import fs from 'node:fs';
import os from 'node:os';
import path from 'node:path';
import ExcelJS from 'exceljs';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { checkTable } from '../../shared/checks/engine';
import { cellAddress, sheetLayout } from '../../shared/layout';
import type { Table } from '../../shared/model';
import { exportDocument } from '../../electron/excel/export-document';
import { createSampleDocument } from '../lo/appendix-fixtures';
import {
  convert,
  firstPageToPng,
  pdfPageInfo,
  pdfPageText,
  recalcProfile,
  requirePoppler,
  requireSoffice,
} from '../lo/libreoffice';

const root = path.resolve(__dirname, '..', '..');
const ARTIFACT = path.join(root, 'test', 'artifacts', 'appendix.png');

let dir: string;
let tables: Table[];
let exported: ExcelJS.Workbook;
let recalculated: ExcelJS.Workbook;
let probe: ExcelJS.Workbook;
let pdf: string;
let poppler: ReturnType<typeof requirePoppler>;

async function read(file: string): Promise<ExcelJS.Workbook> {
  const wb = new ExcelJS.Workbook();
  await wb.xlsx.readFile(file);
  return wb;
}

beforeAll(async () => {
  const soffice = requireSoffice();
  poppler = requirePoppler();
  dir = fs.mkdtempSync(path.join(os.tmpdir(), 'bieu-lo-'));
  const store = createSampleDocument(dir);
  try {
    tables = store.listTables().map((t) => store.getTable(t.id));
    await exportDocument(store, path.join(dir, 'phu-luc.xlsx'));
  } finally {
    store.close();
  }
  // A formula whose cached result is wrong on purpose: after a real recalculation it reads 2.
  const stale = new ExcelJS.Workbook();
  stale.addWorksheet('Thử').getCell('A1').value = { formula: '1+1', result: 5 };
  await stale.xlsx.writeFile(path.join(dir, 'tinh-lai.xlsx'));

  const profile = recalcProfile(path.join(dir, 'lo-profile'));
  const [xlsx, probed] = convert(
    soffice,
    profile,
    [path.join(dir, 'phu-luc.xlsx'), path.join(dir, 'tinh-lai.xlsx')],
    'xlsx:Calc MS Excel 2007 XML',
    path.join(dir, 'lo'),
  );
  [pdf] = convert(soffice, profile, [path.join(dir, 'phu-luc.xlsx')], 'pdf', path.join(dir, 'pdf'));
  firstPageToPng(poppler.pdftoppm, pdf, ARTIFACT);

  exported = await read(path.join(dir, 'phu-luc.xlsx'));
  recalculated = await read(xlsx);
  probe = await read(probed);
}, 240_000);

afterAll(() => {
  if (dir) fs.rmSync(dir, { recursive: true, force: true });
});

function noteText(cell: ExcelJS.Cell): string {
  const note = cell.note as unknown;
  if (!note) return '';
  if (typeof note === 'string') return note;
  return ((note as { texts?: { text: string }[] }).texts ?? []).map((t) => t.text).join('');
}

describe('in LibreOffice', () => {
  it('recalculates on load: a stale cached result is replaced', () => {
    const cell = probe.getWorksheet('Thử')!.getCell('A1');
    expect(cell.formula).toBe('1+1');
    expect(cell.result).toBe(2);
  });

  it('every formula computes exactly its cached value, which is the app’s own value', () => {
    let compared = 0;
    let rates = 0;
    for (const table of tables) {
      const layout = sheetLayout(table);
      const before = exported.getWorksheet(table.name)!;
      const after = recalculated.getWorksheet(table.name)!;
      table.rows.forEach((row, r) =>
        row.cells.forEach((stored, c) => {
          const address = cellAddress(layout, r, c);
          const source = before.getCell(address);
          if (source.type !== ExcelJS.ValueType.Formula) return;
          const cell = after.getCell(address);
          const where = `${table.name}!${address} = ${source.formula}`;
          expect(cell.type, where).toBe(ExcelJS.ValueType.Formula);
          expect(typeof cell.result, where).toBe('number');
          expect(source.result, where).toBe(stored);
          // What LibreOffice computes is the cached value itself — a rate included: its formula
          // is rounded to the decimals the column prints (ROUND(H11/C11*100,2), not 16.7001759).
          const lo = cell.result as number;
          expect(lo, where).toBe(source.result);
          if (/\//.test(source.formula)) {
            rates++;
            expect(source.formula, where).toMatch(/^ROUND\(/);
          }
          compared++;
        }),
      );
    }
    expect(compared).toBeGreaterThan(80);
    expect(rates).toBeGreaterThan(10);
  });

  it('loses or alters no stated value, and keeps the comments on the findings', () => {
    for (const table of tables) {
      const layout = sheetLayout(table);
      const after = recalculated.getWorksheet(table.name)!;
      table.rows.forEach((row, r) =>
        row.cells.forEach((stored, c) => {
          const cell = after.getCell(cellAddress(layout, r, c));
          const shown = cell.type === ExcelJS.ValueType.Formula ? cell.result : cell.value;
          if (cell.type === ExcelJS.ValueType.Formula) return; // compared above
          expect(shown ?? null, `${table.name}!${cell.address}`).toEqual(stored);
        }),
      );
      for (const f of checkTable(table)) {
        const cell = after.getCell(f.cell);
        expect(cell.type).not.toBe(ExcelJS.ValueType.Formula);
        expect(noteText(cell)).toContain(f.message);
      }
    }
  });
});

describe('printed by LibreOffice', () => {
  it('is an A4 landscape appendix, one page wide, with its header block and Vietnamese numbers', () => {
    const first = pdfPageInfo(poppler.pdfinfo, pdf, 1);
    expect(first.pages).toBe(4); // three one-page appendices and the findings report
    expect(Math.round(first.width)).toBe(842);
    expect(Math.round(first.height)).toBe(595);
    const text = pdfPageText(poppler.pdftotext, pdf, 1);
    for (const line of [
      'ỦY BAN NHÂN DÂN HUYỆN LỘC NINH',
      'CỘNG HÒA XÃ HỘI CHỦ NGHĨA VIỆT NAM',
      'Độc lập - Tự do - Hạnh phúc',
      'BIỂU THỐNG KÊ ĐÁNH GIÁ (CHẤM ĐIỂM) TRÊN PHẦN MỀM CÔNG DÂN HỌC TẬP',
      '(Kèm theo Báo cáo số 245/BC-UBND ngày 5/10/2024)',
      'Nhóm I (Nông dân)',
      '9=1+2+3+4+5+6+7+8',
      'Toàn huyện',
      '2.133',
      '5.049',
      'Người lập biểu',
      'Trần Thị Bình',
      'Trang 1/',
    ]) {
      expect(text).toContain(line);
    }
    expect(pdfPageText(poppler.pdftotext, pdf, 2)).toMatch(/11,86[\s\S]*4,25/);
  });

  it('leaves its first page as test/artifacts/appendix.png', () => {
    const png = fs.readFileSync(ARTIFACT);
    expect(png.subarray(1, 4).toString()).toBe('PNG');
    const width = png.readUInt32BE(16);
    const height = png.readUInt32BE(20);
    expect(width).toBeGreaterThan(height);
  });
});
