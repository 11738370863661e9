/**
 * Where Xuất Excel… may write (`export.run`, as the app calls it): never over the open document
 * (by its own name, a symlink or a hard link), never over any Biểu document (a .bieu, or one
 * renamed .xlsx), only .xlsx files, and over an existing workbook only when the person confirmed
 * it. Each refusal is one Vietnamese sentence and leaves every file as it was; the open document
 * goes on taking edits.
 */
import crypto from 'node:crypto';
import fs from 'node:fs';
import os from 'node:os';
import path from 'node:path';
import ExcelJS from 'exceljs';
import { afterEach, beforeEach, describe, expect, it } from 'vitest';
import { InProcessApi } from '../../helpers/api-harness';

let home: string;
const api = new InProcessApi(() => home);
const { start, call, failure } = api;

const hash = (file: string) =>
  crypto.createHash('sha256').update(fs.readFileSync(file)).digest('hex');

async function openDocument(): Promise<string> {
  return (await call('document.current', {}))!.path;
}

beforeEach(() => {
  home = fs.mkdtempSync(path.join(os.tmpdir(), 'bieu-export-target-'));
  start(); // the sample document
});

afterEach(() => {
  api.app.session.close();
  fs.rmSync(home, { recursive: true, force: true });
});

describe('export.run refuses to replace a document', () => {
  it('refuses the open document, by its name, a symlink and a hard link; later edits are kept', async () => {
    const doc = await openDocument();
    const before = hash(doc);
    const link = path.join(home, 'lien-ket.bieu');
    fs.symlinkSync(doc, link);
    const hard = path.join(home, 'cung-tep.xlsx');
    fs.linkSync(doc, hard);
    for (const target of [doc, link, hard]) {
      const refused = await failure('export.run', { path: target, replace: true });
      expect(refused.code).toBe('bad-input');
      expect(refused.error).toMatch(
        /^«[^»]+» là tài liệu đang mở: xuất Excel không bao giờ ghi đè/,
      );
      expect(refused.error.split('. ').length).toBe(1);
    }
    expect(hash(doc)).toBe(before);

    // The document still takes edits, and they are there after a restart.
    const info = (await call('document.current', {}))!;
    const table = await call('table.get', { tableId: info.tables[0].id });
    await call('cells.set', {
      edits: [
        { tableId: table.id, rowId: table.rows[0].id, columnId: table.columns[3].id, value: 4321 },
      ],
      label: 'Sửa một ô',
    });
    api.app.session.close();
    start();
    const again = await call('table.get', { tableId: table.id });
    expect(again.rows[0].cells[3]).toBe(4321);
  });

  it('refuses any .bieu, and a Biểu document renamed .xlsx', async () => {
    const other = path.join(home, 'khac.bieu');
    fs.copyFileSync(await openDocument(), other);
    const renamed = path.join(home, 'tai-lieu-doi-ten.xlsx');
    fs.copyFileSync(other, renamed);
    const hashes = [hash(other), hash(renamed)];

    const byExtension = await failure('export.run', { path: other, replace: true });
    expect(byExtension).toEqual({
      ok: false,
      code: 'bad-input',
      error: 'Tệp xuất «khac.bieu» phải có đuôi .xlsx.',
    });
    const byContent = await failure('export.run', { path: renamed, replace: true });
    expect(byContent.error).toBe(
      '«tai-lieu-doi-ten.xlsx» là một tài liệu Biểu (tệp SQLite), không phải tệp Excel: xuất Excel không ghi đè lên nó.',
    );
    expect([hash(other), hash(renamed)]).toEqual(hashes);
  });

  it('writes only .xlsx', async () => {
    for (const name of ['phu-luc', 'phu-luc.xls', 'phu-luc.csv']) {
      const refused = await failure('export.run', { path: path.join(home, name) });
      expect(refused.error).toBe(`Tệp xuất «${name}» phải có đuôi .xlsx.`);
      expect(fs.existsSync(path.join(home, name))).toBe(false);
    }
  });
});

describe('export.run replaces an existing workbook only when confirmed', () => {
  it('asks (code "exists") and leaves the file; with the confirmation it replaces it', async () => {
    const out = path.join(home, 'Phu-luc.XLSX');
    const first = await call('export.run', { path: out });
    expect(first.file).toBe(out);
    const written = hash(out);

    const asked = await failure('export.run', { path: out, valuesOnly: true });
    expect(asked).toEqual({
      ok: false,
      code: 'exists',
      error: 'Đã có tệp «Phu-luc.XLSX»: chỉ ghi đè khi bạn xác nhận thay nó bằng tệp xuất mới.',
    });
    expect(hash(out)).toBe(written);

    await call('export.run', { path: out, valuesOnly: true, replace: true });
    expect(hash(out)).not.toBe(written);
    const wb = new ExcelJS.Workbook();
    await wb.xlsx.readFile(out);
    const formulas = wb.worksheets.flatMap((ws) => {
      const found: string[] = [];
      ws.eachRow((row) => row.eachCell((cell) => void (cell.formula && found.push(cell.address))));
      return found;
    });
    expect(formulas).toEqual([]); // the values-only export replaced the first one
  });
});
