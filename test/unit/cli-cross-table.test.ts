/**
 * `bieu check` over several tables at once: with no one to accept a link
 * between two tables, the links the figures suggest are checked, and their disagreements are
 * warnings of kind `cross-table` — with the other table's figure suggested when the two are one
 * typing slip apart. The built bundle, real workbooks written with exceljs, real exit codes.
 */
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { execFileSync, spawnSync } from 'node:child_process';
import fs from 'node:fs';
import os from 'node:os';
import path from 'node:path';
import ExcelJS from 'exceljs';

const root = path.resolve(__dirname, '..', '..');
const cli = path.join(root, 'dist', 'node', 'cli.cjs');
let dir: string;

function bieu(...args: string[]) {
  const r = spawnSync(process.execPath, [cli, ...args], {
    encoding: 'utf8',
    cwd: dir,
    env: { ...process.env, BIEU_HOME: dir },
  });
  return { code: r.status, stdout: r.stdout, stderr: r.stderr };
}

const COMMUNES = [
  'Thị trấn Lộc Ninh',
  'Xã An Phú',
  'Xã Bình Minh',
  'Xã Hòa Lạc',
  'Xã Đông Sơn',
  'Xã Tân Lập',
  'Xã Vĩnh Thành',
  'Xã Phú Mỹ',
];

/** A sheet: title, header, code row, one row per commune, a total row. */
function addSheet(
  wb: ExcelJS.Workbook,
  name: string,
  title: string,
  headers: string[],
  values: number[][],
): void {
  const ws = wb.addWorksheet(name);
  ws.addRow([title]);
  ws.addRow([]);
  ws.addRow(['STT', 'Đơn vị', ...headers]);
  ws.addRow(['A', 'B', ...headers.map((_, i) => String(i + 1))]);
  COMMUNES.forEach((commune, i) => ws.addRow([i + 1, commune, ...values[i]]));
  const totals = headers.map((_, c) => values.reduce((s, v) => s + v[c], 0));
  ws.addRow([null, 'Toàn huyện', ...totals]);
}

async function population(file: string, wb = new ExcelJS.Workbook()): Promise<ExcelJS.Workbook> {
  addSheet(
    wb,
    'Dân số',
    'BIỂU 1: DÂN SỐ VÀ SỐ HỘ',
    ['Số dân', 'Số hộ'],
    [
      [4850, 1239],
      [7384, 1902],
      [6120, 1530],
      [8045, 2011],
      [4962, 1240],
      [5530, 1388],
      [9215, 2406],
      [3310, 812],
    ],
  );
  if (file) await wb.xlsx.writeFile(path.join(dir, file));
  return wb;
}

async function poverty(file: string, wb = new ExcelJS.Workbook()): Promise<ExcelJS.Workbook> {
  // The households of Thị trấn Lộc Ninh typed 1.329 instead of 1.239.
  addSheet(
    wb,
    'Hộ nghèo',
    'BIỂU 2: HỘ NGHÈO',
    ['Số hộ', 'Hộ nghèo'],
    [
      [1329, 41],
      [1902, 88],
      [1530, 102],
      [2011, 150],
      [1240, 57],
      [1388, 30],
      [2406, 71],
      [812, 12],
    ],
  );
  if (file) await wb.xlsx.writeFile(path.join(dir, file));
  return wb;
}

interface Reported {
  file: string;
  table: string;
  sheet: string;
  severity: string;
  kind: string;
  cell: string;
  cells: string[];
  expected: number;
  actual: number;
  message: string;
  evidence: string;
  suggestion: { cell: string; value: number; reason: string } | null;
}

beforeAll(async () => {
  execFileSync(process.execPath, [path.join(root, 'electron/scripts/build-node.mjs')], {
    stdio: 'ignore',
  });
  dir = fs.mkdtempSync(path.join(os.tmpdir(), 'bieu-cross-'));
  await population('dan-so.xlsx');
  await poverty('ho-ngheo.xlsx');
  const both = await population('');
  await poverty('', both);
  await both.xlsx.writeFile(path.join(dir, 'ca-hai.xlsx'));
});
afterAll(() => {
  if (process.env.KEEP) return;
  fs.rmSync(dir, { recursive: true, force: true });
});

describe('bieu check over several tables', () => {
  it('checks the link the figures suggest between two workbooks, as warnings with the fix', () => {
    const r = bieu('check', 'dan-so.xlsx', 'ho-ngheo.xlsx', '--json');
    expect(r.stderr).toBe('');
    const report = JSON.parse(r.stdout) as {
      inputs: { file: string; table: string }[];
      findings: Reported[];
      summary: { files: number; tables: number; errors: number; warnings: number };
    };
    // The slip is a warning; the district's total, which adds it, differs by no slip of its own:
    // to review.
    expect(report.summary).toMatchObject({ files: 2, tables: 2, errors: 0, warnings: 1 });
    expect(r.code).toBe(0); // warnings only
    const [f, total] = report.findings;
    expect(total).toMatchObject({
      cell: 'C13',
      expected: 12528,
      actual: 12618,
      severity: 'review',
      suggestion: null,
    });
    expect(f).toMatchObject({
      file: 'ho-ngheo.xlsx',
      table: 'Hộ nghèo',
      sheet: 'Hộ nghèo',
      severity: 'warning',
      kind: 'cross-table',
      cell: 'C5',
      cells: ['C5', "'Dân số'!D5"],
      expected: 1239,
      actual: 1329,
    });
    expect(f.message).toBe(
      'Cột 1 của biểu «Hộ nghèo», dòng «Thị trấn Lộc Ninh», phải bằng cột 2 của biểu «Dân số» = 1.239; đang ghi 1.329 (lệch +90; có thể hai chữ số liền nhau bị đảo chỗ)',
    );
    expect(f.evidence).toBe('Biểu nhận ra từ số liệu: hai cột khớp nhau ở 7/9 đơn vị');
    expect(f.suggestion).toMatchObject({ cell: 'C5', value: 1239 });
  });

  it('finds the same between two sheets of one workbook', () => {
    const r = bieu('check', 'ca-hai.xlsx', '--json');
    const report = JSON.parse(r.stdout) as { findings: Reported[] };
    expect(report.findings.map((f) => `${f.file}|${f.sheet}!${f.cell}:${f.kind}`)).toEqual([
      'ca-hai.xlsx|Hộ nghèo!C5:cross-table',
      'ca-hai.xlsx|Hộ nghèo!C13:cross-table',
    ]);
  });

  it('tells two tables of the same name apart by their file', async () => {
    const wb = new ExcelJS.Workbook();
    addSheet(
      wb,
      'Hộ nghèo',
      'BIỂU 2: HỘ NGHÈO (bản cũ)',
      ['Số hộ', 'Hộ nghèo'],
      [
        [1239, 41],
        [1902, 88],
        [1530, 102],
        [2011, 150],
        [1240, 57],
        [1388, 30],
        [2406, 71],
        [812, 12],
      ],
    );
    await wb.xlsx.writeFile(path.join(dir, 'ho-ngheo-cu.xlsx'));
    const report = JSON.parse(
      bieu('check', 'ho-ngheo.xlsx', 'ho-ngheo-cu.xlsx', '--json').stdout,
    ) as {
      inputs: { file: string; table: string }[];
      findings: Reported[];
    };
    expect(report.inputs.map((i) => i.table)).toEqual(['Hộ nghèo', 'Hộ nghèo (ho-ngheo-cu.xlsx)']);
    expect(report.findings).toHaveLength(2);
    expect(report.findings[0]).toMatchObject({
      kind: 'cross-table',
      table: 'Hộ nghèo (ho-ngheo-cu.xlsx)',
      file: 'ho-ngheo-cu.xlsx',
    });
  });

  it('prints the warning and the suggestion for a person', () => {
    const r = bieu('check', 'dan-so.xlsx', 'ho-ngheo.xlsx');
    expect(r.stdout).toContain(
      'ho-ngheo.xlsx › Hộ nghèo › C5  [CẢNH BÁO] Cột 1 của biểu «Hộ nghèo»',
    );
    expect(r.stdout).toContain('    gợi ý: C5 → 1.239 (');
    expect(r.stdout.trim().split('\n').pop()).toBe('2 tệp, 2 biểu: 0 lỗi, 1 cảnh báo, 1 cần xem');
  });
});
