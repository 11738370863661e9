/**
 * The workbook guard: every file that must not reach exceljs is refused fast, with one Vietnamese
 * sentence naming the file. The bad files are built here, on disk, as a user would hand them over.
 */
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import fs from 'node:fs';
import os from 'node:os';
import path from 'node:path';
import { UserError } from '../../shared/api';
import { guardWorkbook } from '../../electron/excel/xlsx/package-guard';
import { importWorkbook } from '../../electron/excel/read-xlsx';
import { sheetXml, workbookParts, writeZip } from './import-zip-writer';

const root = path.resolve(__dirname, '..', '..');
const fixture = path.join(root, 'test', 'fixtures', 'dan-so-ho-ngheo.xlsx');
const realWorld = path.resolve(root, '..', 'shared', 'real-world');
let dir: string;

beforeAll(() => {
  dir = fs.mkdtempSync(path.join(os.tmpdir(), 'bieu-guard-'));
});
afterAll(() => {
  fs.rmSync(dir, { recursive: true, force: true });
});

function file(name: string, content: Buffer | string): string {
  const p = path.join(dir, name);
  fs.writeFileSync(p, content);
  return p;
}

/** Runs the guard and returns the refusal, checking it is one sentence naming the file, fast. */
function refusal(filePath: string): UserError {
  const started = Date.now();
  let caught: unknown = null;
  try {
    guardWorkbook(filePath);
  } catch (e) {
    caught = e;
  }
  const elapsed = Date.now() - started;
  expect(caught, 'the guard should refuse the file').toBeInstanceOf(UserError);
  const error = caught as UserError;
  expect(error.message).toContain(`«${path.basename(filePath)}»`);
  expect(error.message).not.toMatch(/\n/);
  expect(elapsed).toBeLessThan(3000);
  return error;
}

/** A compound-file (OLE) header, as .xls and encrypted .xlsx files start. */
function compoundFile(extra: Buffer = Buffer.alloc(0)): Buffer {
  const header = Buffer.alloc(512);
  Buffer.from([0xd0, 0xcf, 0x11, 0xe0, 0xa1, 0xb1, 0x1a, 0xe1]).copy(header);
  return Buffer.concat([header, Buffer.alloc(1024), extra]);
}

describe('the workbook guard refuses', () => {
  it('an empty file', () => {
    const e = refusal(file('rong.xlsx', ''));
    expect(e.code).toBe('bad-input');
    expect(e.message).toMatch(/trống \(0 byte\)/);
  });

  it('a text file renamed .xlsx', () => {
    const e = refusal(file('ghi-chu.xlsx', 'STT;Xã;Số dân\n1;Lộc Hòa;1234\n'));
    expect(e.code).toBe('bad-input');
    expect(e.message).toMatch(
      /không phải là sổ làm việc \(\.xlsx, \.xls, \.ods\) hay văn bản Word/,
    );
  });

  it('a truncated copy of a real workbook', () => {
    const whole = fs.readFileSync(fixture);
    const e = refusal(file('dan-so-cut.xlsx', whole.subarray(0, Math.floor(whole.length * 0.6))));
    expect(e.message).toMatch(/bị cắt cụt hoặc chưa tải về hết/);
  });

  it('an old binary workbook (compound file named .xlsx)', () => {
    const e = refusal(file('bao-cao-cu.xlsx', compoundFile(Buffer.from('Workbook', 'utf16le'))));
    expect(e.message).toMatch(/định dạng Excel cũ \(\.xls\), hãy lưu lại thành \.xlsx/);
  });

  it('a password-protected workbook (compound file with an EncryptedPackage stream)', () => {
    const e = refusal(
      file('co-mat-khau.xlsx', compoundFile(Buffer.from('EncryptedPackage', 'utf16le'))),
    );
    expect(e.message).toMatch(/được đặt mật khẩu/);
    expect(e.message).not.toMatch(/\.xls\)/);
  });

  it.runIf(fs.existsSync(realWorld))('the real .xls files of ../shared/real-world', () => {
    const xls = fs.readdirSync(realWorld).filter((f) => f.toLowerCase().endsWith('.xls'));
    expect(xls.length).toBeGreaterThan(0);
    for (const name of xls) {
      expect(refusal(path.join(realWorld, name)).message).toMatch(/định dạng Excel cũ/);
    }
  });

  it('a zip that is not a workbook (a Word document)', () => {
    const zip = writeZip([{ name: 'word/document.xml', data: '<w:document/>' }]);
    expect(refusal(file('van-ban.xlsx', zip)).message).toMatch(/văn bản Word/);
  });

  it('an entry that claims 300 MB uncompressed', () => {
    const parts = workbookParts(sheetXml('A1:B2'));
    parts[4] = { ...parts[4], claimedSize: 300 * 1024 * 1024 };
    const e = refusal(file('300mb.xlsx', writeZip(parts)));
    expect(e.message).toMatch(/khoảng 300 MB, vượt giới hạn 200 MB/);
  });

  it('an entry that compresses absurdly (a zip bomb)', () => {
    const parts = workbookParts(sheetXml('A1:B2'));
    parts.push({ name: 'xl/media/padding.bin', data: Buffer.alloc(40 * 1024 * 1024) });
    const e = refusal(file('bom.xlsx', writeZip(parts)));
    expect(e.message).toMatch(/nén bất thường/);
  });

  it('a file that does not exist', () => {
    let caught: unknown;
    try {
      guardWorkbook(path.join(dir, 'khong-co.xlsx'));
    } catch (e) {
      caught = e;
    }
    expect(caught).toBeInstanceOf(UserError);
    expect((caught as UserError).code).toBe('not-found');
  });

  it('and importWorkbook refuses before exceljs reads anything', async () => {
    await expect(importWorkbook(file('rong-2.xlsx', ''))).rejects.toBeInstanceOf(UserError);
  });
});

describe('the workbook guard lets through', () => {
  it('the fixtures and a small well-formed workbook', () => {
    expect(() => guardWorkbook(fixture)).not.toThrow();
    expect(() =>
      guardWorkbook(path.join(root, 'test', 'fixtures', 'cdht-theo-nhom.xlsx')),
    ).not.toThrow();
    const zip = writeZip(workbookParts(sheetXml('A1:C3')));
    expect(() => guardWorkbook(file('nho.xlsx', zip))).not.toThrow();
  });

  it('a sheet that declares the whole grid A1:XFD1048576: the range is a claim, not content', () => {
    const zip = writeZip(
      workbookParts(sheetXml('A1:XFD1048576', '<row r="1"><c r="A1"><v>1</v></c></row>')),
    );
    expect(() => guardWorkbook(file('toan-bo-luoi.xlsx', zip))).not.toThrow();
  });
});
