/**
 * `bieu forms` and the round trip a district really makes: forms written for its 16 communes,
 * each opened and filled in (the entered cells only), recalculated and saved by a real
 * spreadsheet (LibreOffice headless), and collected back with `bieu collect` — every commune
 * received with exactly its figures, the formula columns computed by the form itself.
 */
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import ExcelJS from 'exceljs';
import fs from 'node:fs';
import os from 'node:os';
import path from 'node:path';
import { DocumentStore } from '../../../../electron/store/document-store';
import { convert, recalcProfile, requireSoffice } from '../../../lo/libreoffice';
import { sha256 } from '../../helpers/store-helpers';
import { buildCli, runBieu } from '../../helpers/collect/run-bieu';
import {
  districtTable,
  TABLE_NAME,
  TITLE,
  UNIT_NAMES,
  unitFigures,
} from '../../helpers/collect/district';

let dir: string;
let doc: string;
const bieu = (...args: string[]) => runBieu(dir, ...args);

/** The sheet row whose column B says `text`, and the first row under the code row. */
function rowOf(ws: ExcelJS.Worksheet, text: string): number {
  for (let r = 1; r <= ws.rowCount; r++) if (ws.getCell(r, 2).value === text) return r;
  throw new Error(`no row ${text}`);
}

/** Opens a form, types figures into its entered cells (ages D–G, participants H), saves it. */
async function fill(file: string, rows: { row: number; name?: string; figures: number[] }[]) {
  const wb = new ExcelJS.Workbook();
  await wb.xlsx.readFile(file);
  const ws = wb.worksheets[0];
  for (const { row, name, figures } of rows) {
    if (name !== undefined) ws.getCell(row, 2).value = name;
    // figures: [1, 2, 3, 4, 5, 6, 7] as the table has them; only 2–6 are typed.
    [figures[1], figures[2], figures[3], figures[4], figures[5]].forEach(
      (v, i) => (ws.getCell(row, 4 + i).value = v),
    );
  }
  await wb.xlsx.writeFile(file);
}

/** What a commune's spreadsheet does on saving: recalculates every formula. */
function saveInSpreadsheet(files: string[], outDir: string): string[] {
  return convert(
    requireSoffice(),
    recalcProfile(path.join(dir, 'lo')),
    files,
    'xlsx:Calc MS Excel 2007 XML',
    outDir,
  );
}

beforeAll(() => {
  buildCli();
  dir = fs.mkdtempSync(path.join(os.tmpdir(), 'bieu-forms-cli-'));
  doc = path.join(dir, 'huyen.bieu');
  DocumentStore.create(doc, [districtTable()], { user: 'thongke' }).close();
});
afterAll(() => {
  fs.rmSync(dir, { recursive: true, force: true });
});

describe('bieu forms DOC.bieu --table NAME --out DIR', () => {
  it('writes one protected form per commune, named after it, the entered cells open and validated, formulas live', async () => {
    const before = sha256(doc);
    const r = bieu('forms', doc, '--table', TABLE_NAME, '--out', 'gui-xa');
    expect(r.stderr).toBe('');
    expect(r.code).toBe(0);
    expect(fs.readdirSync(path.join(dir, 'gui-xa')).sort()).toEqual(
      UNIT_NAMES.map((u) => `${u}.xlsx`).sort(),
    );
    expect(sha256(doc)).toBe(before);

    const wb = new ExcelJS.Workbook();
    await wb.xlsx.readFile(path.join(dir, 'gui-xa', 'Xã Lộc Hòa.xlsx'));
    const ws = wb.worksheets[0];
    const sheetText = ws
      .getSheetValues()
      .flat()
      .filter((v) => typeof v === 'string');
    expect(sheetText).toContain(TITLE);
    expect(sheetText).toContain('XÃ LỘC HÒA');
    expect(
      sheetText.some((t) => (t as string).startsWith('Ghi số liệu của đơn vị vào các ô nền vàng')),
    ).toBe(true);
    // Protected, without a password: anyone can open and read it.
    const protection = (ws as unknown as { sheetProtection: Record<string, unknown> })
      .sheetProtection;
    expect(protection.sheet).toBe(true);
    expect(protection.hashValue).toBeUndefined();

    const row = rowOf(ws, 'Xã Lộc Hòa');
    expect(ws.getCell(row, 2).protection?.locked).not.toBe(false); // the name is fixed
    for (let c = 4; c <= 8; c++) {
      const cell = ws.getCell(row, c);
      expect(cell.protection?.locked, cell.address).toBe(false);
      expect(cell.dataValidation, cell.address).toMatchObject({
        type: 'whole',
        operator: 'greaterThanOrEqual',
        formulae: [0],
      });
    }
    expect(ws.getCell(row, 3).formula).toBe(`D${row}+E${row}+F${row}+G${row}`);
    expect(ws.getCell(row, 9).formula).toBe(`IFERROR(ROUND(H${row}/C${row}*100,2),"")`);
    expect(ws.getCell(row, 3).protection?.locked).not.toBe(false);
    // The code row the collect matches on is there as the district wrote it.
    expect(ws.getCell(row - 1, 3).value).toBe('1=2+3+4+5');
  });

  it('filled in by every commune and saved by a spreadsheet, collects back to exactly their figures', async () => {
    const forms = path.join(dir, 'gui-xa');
    const files = UNIT_NAMES.map((u) => path.join(forms, `${u}.xlsx`));
    for (const [i, file] of files.entries()) {
      const wb = new ExcelJS.Workbook();
      await wb.xlsx.readFile(file);
      await fill(file, [
        { row: rowOf(wb.worksheets[0], UNIT_NAMES[i]), figures: unitFigures(UNIT_NAMES[i]) },
      ]);
    }
    const back = path.join(dir, 've');
    saveInSpreadsheet(files, back);
    const r = bieu('collect', doc, '--table', TABLE_NAME, back, '--json');
    expect(r.stderr).toBe('');
    const report = JSON.parse(r.stdout) as {
      units: { unit: string; status: string; changes: { to: unknown }[] }[];
      unmatched: unknown[];
      findings: { severity: string }[];
    };
    expect(report.units.map((u) => [u.unit, u.status])).toEqual(
      UNIT_NAMES.map((u) => [u, 'received']),
    );
    for (const u of report.units)
      expect(
        u.changes.map((c) => c.to),
        u.unit,
      ).toEqual(unitFigures(u.unit));
    expect(report.unmatched).toEqual([]);
    expect(report.findings.filter((f) => f.severity === 'error')).toEqual([]);
    expect(r.code).toBe(0);
  }, 180_000);

  it('--breakdown: blank village rows and a total; a commune filling two villages returns their sum as its figures', async () => {
    const r = bieu('forms', doc, '--table', TABLE_NAME, '--out', 'chia-thon', '--breakdown', '5');
    expect(r.code).toBe(0);
    const file = path.join(dir, 'chia-thon', 'Xã Lộc Tấn.xlsx');
    const wb = new ExcelJS.Workbook();
    await wb.xlsx.readFile(file);
    const ws = wb.worksheets[0];
    const total = rowOf(ws, 'Tổng cộng');
    const first = total - 5;
    expect(ws.getCell(first, 2).protection?.locked).toBe(false); // the village's name is typed
    expect(ws.getCell(total, 4).formula).toBe(`SUM(D${first}:D${total - 1})`);

    const [t, a, b, c, d, p, rate] = unitFigures('Xã Lộc Tấn');
    const one = [0, 300, 600, 1500, 300, 400, 0];
    const two = [0, a - 300, b - 600, c - 1500, d - 300, p - 400, 0];
    await fill(file, [
      { row: first, name: 'Ấp Tân Mai', figures: one },
      { row: first + 1, name: 'Ấp Tân Hai', figures: two },
    ]);
    const [saved] = saveInSpreadsheet([file], path.join(dir, 've-thon'));
    const report = JSON.parse(
      bieu('collect', doc, '--table', TABLE_NAME, saved, '--json').stdout,
    ) as {
      units: { unit: string; status: string; changes: { to: unknown }[] }[];
      unmatched: unknown[];
    };
    const tan = report.units.find((u) => u.unit === 'Xã Lộc Tấn')!;
    expect(tan.status).toBe('received');
    expect(tan.changes.map((ch) => ch.to)).toEqual([t, a, b, c, d, p, rate]);
    expect(report.unmatched).toEqual([]);
  }, 120_000);

  it('never writes over a folder that already has the forms: one sentence, exit 2, no file changed', () => {
    const target = path.join(dir, 'gui-xa', 'Xã Lộc Hòa.xlsx');
    const before = sha256(target);
    const r = bieu('forms', doc, '--table', TABLE_NAME, '--out', 'gui-xa');
    expect(r.code).toBe(2);
    expect(r.stderr.trim().split('\n')).toHaveLength(1);
    expect(r.stderr).toContain('đã có tệp');
    expect(sha256(target)).toBe(before);
  });
});
