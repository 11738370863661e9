/**
 * `bieu check FILE.xlsx --json` and `bieu import FILE.xlsx --into DOC.bieu` as a user runs them:
 * the built bundle, the fixture workbooks, real exit codes. The findings on the fixtures must be
 * exactly those of test/fixtures/expected.json, named by the source file's own sheet and cells.
 */
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { execFileSync, spawnSync } from 'node:child_process';
import fs from 'node:fs';
import os from 'node:os';
import path from 'node:path';
import { DocumentStore } from '../../../../electron/store/document-store';
import { DAN_SO_ROLES } from '../../fixture-facts';

const root = path.resolve(__dirname, '..', '..', '..', '..');
const cli = path.join(root, 'dist', 'node', 'cli.cjs');
const fixtures = path.join(root, 'test', 'fixtures');
let dir: string;

interface ExpectedFinding {
  sheet: string;
  cell: string;
  kind: string;
  cause?: string;
  suggest?: { cell: string; value: number };
}
interface ReportedFinding {
  severity: string;
  sheet: string;
  cell: string;
  kind: string;
  cause: string | null;
  suggestion: { cell: string; value: number } | null;
  message: string;
}

const expected = JSON.parse(fs.readFileSync(path.join(fixtures, 'expected.json'), 'utf8')) as {
  files: Record<string, { findings: ExpectedFinding[] }>;
};

function bieu(...args: string[]) {
  const r = spawnSync(process.execPath, [cli, ...args], {
    encoding: 'utf8',
    cwd: dir,
    env: { ...process.env, BIEU_HOME: dir },
  });
  return { code: r.status, stdout: r.stdout, stderr: r.stderr };
}

beforeAll(() => {
  execFileSync(process.execPath, [path.join(root, 'electron/scripts/build-node.mjs')], {
    stdio: 'ignore',
  });
  dir = fs.mkdtempSync(path.join(os.tmpdir(), 'bieu-import-cli-'));
});
afterAll(() => {
  fs.rmSync(dir, { recursive: true, force: true });
});

describe('bieu check FILE.xlsx --json', () => {
  for (const name of Object.keys(expected.files)) {
    it(`reports exactly the findings of expected.json for ${name}`, () => {
      const r = bieu('check', path.join(fixtures, name), '--json');
      expect(r.stderr).toBe('');
      const report = JSON.parse(r.stdout) as {
        version: number;
        inputs: { table: string; sheet: string; rows: number; columns: number }[];
        findings: ReportedFinding[];
        summary: { errors: number; unreadable: number };
      };
      expect(report.version).toBe(1);
      expect(report.inputs).toHaveLength(1);
      const want = expected.files[name].findings;
      const counted = report.findings.filter((f) => f.severity !== 'info');
      const key = (f: { sheet: string; cell: string; kind: string }) =>
        `${f.sheet}!${f.cell}:${f.kind}`;
      expect(counted.map(key).sort()).toEqual(want.map(key).sort());
      for (const w of want) {
        const f = counted.find((x) => key(x) === key(w))!;
        if (w.cause) expect(f.cause, key(w)).toBe(w.cause);
        if (w.suggest)
          expect(
            f.suggestion && { cell: f.suggestion.cell, value: f.suggestion.value },
            key(w),
          ).toEqual(w.suggest);
      }
      expect(r.code).toBe(want.length > 0 ? 1 : 0);
      expect(report.summary.unreadable).toBe(0);
    });
  }

  it('lists the recognised table with its sheet and size', () => {
    const report = JSON.parse(
      bieu('check', path.join(fixtures, 'dan-so-ho-ngheo.xlsx'), '--json').stdout,
    );
    expect(report.inputs).toEqual([
      expect.objectContaining({ table: 'Dân số', sheet: 'Dân số', rows: 12, columns: 8 }),
    ]);
  });

  it('refuses a damaged .xls: one sentence on stderr, exit 2', () => {
    const xls = path.join(dir, 'bao-cao.xls');
    fs.writeFileSync(
      xls,
      Buffer.from([0xd0, 0xcf, 0x11, 0xe0, 0xa1, 0xb1, 0x1a, 0xe1, ...Buffer.alloc(1024)]),
    );
    const r = bieu('check', xls, '--json');
    expect(r.code).toBe(2);
    expect(r.stderr.trim()).toMatch(
      /^Không đọc được tệp «bao-cao\.xls»: sổ làm việc Excel 97–2003 \(\.xls\) bị hỏng/,
    );
    expect(r.stderr.trim().split('\n')).toHaveLength(1);
    expect(JSON.parse(r.stdout).summary.unreadable).toBe(1);
  });

  it('refuses a broken workbook without a stack trace, exit 2', () => {
    const broken = path.join(dir, 'hong.xlsx');
    fs.writeFileSync(
      broken,
      fs.readFileSync(path.join(fixtures, 'cdht-theo-nhom.xlsx')).subarray(0, 2000),
    );
    const r = bieu('check', broken);
    expect(r.code).toBe(2);
    expect(r.stderr).toMatch(/«hong\.xlsx»/);
    expect(r.stderr).not.toMatch(/\bat\s+\S+\s+\(/);
  });
});

describe('bieu import FILE.xlsx --into DOC.bieu', () => {
  it('creates the document, then adds to it with unique names', () => {
    const doc = path.join(dir, 'bao-cao.bieu');
    const first = bieu('import', path.join(fixtures, 'dan-so-ho-ngheo.xlsx'), '--into', doc);
    expect(first.stderr).toBe('');
    expect(first.code).toBe(0);
    expect(first.stdout).toMatch(
      /Đã nhập 1 biểu từ «dan-so-ho-ngheo\.xlsx» vào tài liệu mới «bao-cao\.bieu»/,
    );
    expect(first.stdout).toMatch(/khoảng 150/);

    expect(bieu('import', path.join(fixtures, 'cdht-theo-nhom.xlsx'), '--into', doc).code).toBe(0);
    const again = bieu('import', path.join(fixtures, 'dan-so-ho-ngheo.xlsx'), '--into', doc);
    expect(again.code).toBe(0);
    expect(again.stdout).toMatch(/Dân số \(2\)/);

    const store = DocumentStore.open(doc);
    try {
      expect(store.listTables().map((t) => t.name)).toEqual(['Dân số', 'CDHT', 'Dân số (2)']);
      const table = store.getTable(store.tableByName('Dân số')!.id);
      expect(table.title).toBe('BIỂU 02: DÂN SỐ VÀ HỘ NGHÈO THEO ĐƠN VỊ HÀNH CHÍNH NĂM 2024');
      expect(table.unit).toBe('người; hộ; %');
      expect(table.columns.map((c) => (c.formula ? `${c.code}=${c.formula}` : c.code))).toEqual([
        'A',
        'B',
        '1=2+3',
        '2',
        '3',
        '4',
        '5',
        '6=5/4*100',
      ]);
      expect(table.rows.map((r) => r.role)).toEqual(DAN_SO_ROLES);
      expect(table.rows[9].cells).toEqual([7, 'Xã Đông Sơn', 4962, 2470, 2492, 1240, 57, 4.6]);
      expect(table.rows[7].cells[6]).toBe('khoảng 150');
      expect(table.rows[8].cells[6]).toBeNull();
    } finally {
      store.close();
    }

    // The stored document checks the same as the workbook (at the document's own addresses).
    const checked = JSON.parse(bieu('check', doc, '--json').stdout);
    const danSo = checked.findings.filter((f: { table: string }) => f.table === 'Dân số');
    expect(danSo.map((f: { kind: string }) => f.kind).sort()).toEqual([
      'column-total',
      'column-total',
      'not-a-number',
      'ratio',
      'row-formula',
    ]);
  });

  it('refuses a file that is no workbook, named .xls, and leaves no document behind', () => {
    const xls = path.join(dir, 'cu.xls');
    fs.writeFileSync(xls, 'x');
    const doc = path.join(dir, 'khong-tao.bieu');
    const r = bieu('import', xls, '--into', doc);
    expect(r.code).toBe(2);
    expect(r.stderr).toMatch(/«cu\.xls» không phải là sổ làm việc/);
    expect(fs.existsSync(doc)).toBe(false);
  });

  it('needs a file and --into', () => {
    const r = bieu('import', path.join(fixtures, 'cdht-theo-nhom.xlsx'));
    expect(r.code).toBe(2);
    expect(r.stderr).toMatch(/bieu import TỆP\.xlsx\|\.xls\|\.ods\|\.docx --into TÀI-LIỆU\.bieu/);
  });
});
