/**
 * `bieu export` as a user runs it: a bundle of the CLI (built here into test/artifacts, apart
 * from dist/ which other suites rebuild concurrently), real files, real exit codes.
 */
import { spawnSync } from 'node:child_process';
import fs from 'node:fs';
import os from 'node:os';
import path from 'node:path';
import ExcelJS from 'exceljs';
import { build } from 'esbuild';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { createSampleDocument } from '../../../lo/appendix-fixtures';

const root = path.resolve(__dirname, '..', '..', '..', '..');
const bundle = path.join(root, 'test', 'artifacts', 'cli-export', 'cli.cjs');
let dir: string;
let doc: string;

function bieu(...args: string[]) {
  const r = spawnSync(process.execPath, [bundle, ...args], {
    encoding: 'utf8',
    env: { ...process.env, BIEU_HOME: dir },
  });
  return { code: r.status, stdout: r.stdout, stderr: r.stderr };
}

async function read(file: string): Promise<ExcelJS.Workbook> {
  const wb = new ExcelJS.Workbook();
  await wb.xlsx.readFile(file);
  return wb;
}

beforeAll(async () => {
  await build({
    absWorkingDir: root,
    entryPoints: ['electron/cli/main.ts'],
    outfile: bundle,
    bundle: true,
    platform: 'node',
    format: 'cjs',
    target: 'node20',
    external: ['electron', 'better-sqlite3', 'exceljs'],
    logLevel: 'silent',
  });
  dir = fs.mkdtempSync(path.join(os.tmpdir(), 'bieu-export-cli-'));
  const store = createSampleDocument(dir);
  doc = store.path;
  store.close();
}, 60_000);

afterAll(() => {
  if (dir) fs.rmSync(dir, { recursive: true, force: true });
});

describe('bieu export', () => {
  it('exports every table and the findings sheet, and says what is still wrong', async () => {
    const out = path.join(dir, 'phu-luc.xlsx');
    const r = bieu('export', doc, '--out', out);
    expect(r.code).toBe(0);
    expect(r.stdout).toMatch(/^Đã xuất 3 biểu vào «phu-luc\.xlsx»/);
    expect(r.stderr).toMatch(/còn 5 lỗi/);
    const wb = await read(out);
    expect(wb.worksheets.map((w) => w.name)).toEqual([
      'CDHT theo nhóm',
      'Dân số và tỷ lệ tham gia',
      'Dân số',
      'Kết quả kiểm tra',
    ]);
    expect(wb.getWorksheet('CDHT theo nhóm')!.getCell('C27').formula).toBe('SUM(C11:C26)');
  });

  it('exports one table by name, with values only, over an existing file', async () => {
    const out = path.join(dir, 'mot-bieu.xlsx');
    fs.writeFileSync(out, 'cũ');
    const r = bieu(
      'export',
      doc,
      '--out',
      out,
      '--table',
      'Dân số và tỷ lệ tham gia',
      '--values-only',
    );
    expect(r.code).toBe(0);
    expect(r.stderr).toBe('');
    const wb = await read(out);
    const ws = wb.getWorksheet('Dân số và tỷ lệ tham gia')!;
    expect(wb.worksheets).toHaveLength(2);
    expect(ws.getCell('I27').type).toBe(ExcelJS.ValueType.Number);
    expect(ws.getCell('I27').value).toBe(4.25);
  });

  it('refuses an unknown table, a missing --out and a non-.xlsx output with exit 2 and one sentence', () => {
    const out = path.join(dir, 'khong.xlsx');
    const unknown = bieu('export', doc, '--out', out, '--table', 'Biểu 9');
    expect(unknown.code).toBe(2);
    expect(unknown.stderr.trim()).toBe(
      'Tài liệu «phu-luc.bieu» không có biểu «Biểu 9»; các biểu có trong tài liệu: «CDHT theo nhóm», «Dân số và tỷ lệ tham gia», «Dân số».',
    );
    expect(fs.existsSync(out)).toBe(false);
    expect(bieu('export', doc).stderr).toMatch(/^Thiếu tệp ra \(--out\)/);
    const csv = bieu('export', doc, '--out', path.join(dir, 'a.csv'));
    expect(csv.code).toBe(2);
    expect(csv.stderr).toMatch(/phải có đuôi \.xlsx/);
    expect(bieu('export', path.join(dir, 'khong-co.bieu'), '--out', out).code).toBe(2);
    expect(fs.readdirSync(dir).filter((f) => f.endsWith('.tmp'))).toEqual([]);
  });
});
