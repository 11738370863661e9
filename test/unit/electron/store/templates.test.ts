/**
 * The built-in templates: found from source and from a bundle, validated, and their figures
 * consistent — a new document must open with no findings, so every row formula, total and rate
 * is recomputed here independently.
 */
import { execFileSync } from 'node:child_process';
import fs from 'node:fs';
import os from 'node:os';
import path from 'node:path';
import { buildSync } from 'esbuild';
import { describe, expect, it } from 'vitest';
import { UserError } from '../../../../shared/api';
import type { CellValue } from '../../../../shared/model';
import {
  listTemplates,
  loadTemplate,
  tableFromTemplate,
  templateSchema,
  templatesDir,
} from '../../../../electron/store/templates';

const REPO = path.resolve(__dirname, '../../../..');

type Grid = {
  codes: string[];
  rows: { role: string; unitKey: string | null; cells: CellValue[] }[];
};

function grid(id: string): Grid {
  const t = loadTemplate(id).table;
  return { codes: t.columns.map((c) => c.code), rows: t.rows };
}

function num(g: Grid, row: { cells: CellValue[] }, code: string): number {
  const v = row.cells[g.codes.indexOf(code)];
  if (v === null) return 0; // a blank means zero in these tables
  if (typeof v !== 'number') throw new Error(`not a number in column ${code}: ${v}`);
  return v;
}

describe('template files', () => {
  it('lists the two built-in templates with Vietnamese names', () => {
    expect(listTemplates()).toEqual([
      expect.objectContaining({
        id: 'cdht-theo-nhom',
        name: 'Đánh giá Công dân học tập theo nhóm',
      }),
      expect.objectContaining({ id: 'dan-so-tham-gia', name: 'Dân số và tỷ lệ tham gia' }),
    ]);
    for (const t of listTemplates()) expect(t.description.length).toBeGreaterThan(20);
    expect(templatesDir()).toBe(path.join(REPO, 'resources', 'templates'));
  });

  it('refuses unknown ids and ids that try to leave the templates folder', () => {
    for (const id of ['khong-co', '../package', '/etc/passwd', 'CDHT-theo-nhom']) {
      let error: unknown;
      try {
        loadTemplate(id);
      } catch (err) {
        error = err;
      }
      expect(error).toBeInstanceOf(UserError);
      expect((error as UserError).code).toBe('not-found');
      expect((error as UserError).message).toContain(`«${id}»`);
    }
  });

  it('validates the format: unknown keys and rows of the wrong width are errors', () => {
    const good = JSON.parse(
      fs.readFileSync(path.join(templatesDir(), 'cdht-theo-nhom.json'), 'utf8'),
    );
    expect(templateSchema.safeParse(good).success).toBe(true);
    expect(templateSchema.safeParse({ ...good, extra: 1 }).success).toBe(false);
    const short = structuredClone(good);
    short.table.rows[0].cells.pop();
    const result = templateSchema.safeParse(short);
    expect(result.success).toBe(false);
    expect(result.error!.issues[0].message).toContain('Dòng 1 có 10 ô, cần đúng 11 ô');
  });

  it('gives each new table its own copy', () => {
    const template = loadTemplate('cdht-theo-nhom');
    const table = tableFromTemplate(template);
    table.rows[0].cells[2] = 0;
    expect(template.table.rows[0].cells[2]).toBe(290);
  });

  it('is found from a bundle in dist/node/, whatever the working directory', () => {
    const root = fs.mkdtempSync(path.join(os.tmpdir(), 'bieu-bundle-'));
    try {
      const out = path.join(root, 'dist', 'node', 'templates.cjs');
      buildSync({
        entryPoints: [path.join(REPO, 'electron', 'store', 'templates.ts')],
        bundle: true,
        platform: 'node',
        format: 'cjs',
        logLevel: 'error',
        outfile: out,
      });
      fs.cpSync(
        path.join(REPO, 'resources', 'templates'),
        path.join(root, 'resources', 'templates'),
        {
          recursive: true,
        },
      );
      const ids = execFileSync(
        process.execPath,
        [
          '-e',
          `console.log(require(${JSON.stringify(out)}).listTemplates().map(t => t.id).join(','))`,
        ],
        { cwd: os.tmpdir(), encoding: 'utf8' },
      );
      expect(ids.trim()).toBe('cdht-theo-nhom,dan-so-tham-gia');
    } finally {
      fs.rmSync(root, { recursive: true, force: true });
    }
  }, 30000);
});

describe('Đánh giá Công dân học tập theo nhóm', () => {
  const t = loadTemplate('cdht-theo-nhom').table;
  const g = grid('cdht-theo-nhom');

  it('has the header of the real table', () => {
    expect(t.title).toBe('BIỂU THỐNG KÊ ĐÁNH GIÁ (CHẤM ĐIỂM) TRÊN PHẦN MỀM CÔNG DÂN HỌC TẬP');
    expect(t.unit).toBe('người');
    expect(t.columns.map((c) => [c.code, c.headerPath.join('/'), c.label, c.type])).toEqual([
      ['A', '', 'STT', 'text'],
      ['B', '', 'Xã/ thị trấn', 'text'],
      ['1', 'Nhóm I (Nông dân)', 'Đạt', 'integer'],
      ['2', 'Nhóm I (Nông dân)', 'Chưa đạt', 'integer'],
      ['3', 'Nhóm II (Công nhân)', 'Đạt', 'integer'],
      ['4', 'Nhóm II (Công nhân)', 'Chưa đạt', 'integer'],
      ['5', 'Nhóm III (CC,VC)', 'Đạt', 'integer'],
      ['6', 'Nhóm III (CC,VC)', 'Chưa đạt', 'integer'],
      ['7', 'Nhóm 4 (HS)', 'Đạt', 'integer'],
      ['8', 'Nhóm 4 (HS)', 'Chưa đạt', 'integer'],
      ['9', '', 'Tổng', 'integer'],
    ]);
    expect(t.columns[10].formula).toBe('1+2+3+4+5+6+7+8');
    expect(t.columns.slice(0, 10).every((c) => c.formula === null)).toBe(true);
  });

  it('holds the figures of the real table, blanks as blanks', () => {
    const _ = null;
    // Transcribed from the paper table (test/fixtures/cdht-theo-nhom.xlsx).
    expect(t.rows.map((r) => r.cells)).toEqual([
      [1, 'Thị Trấn Lộc Ninh', 290, 315, 103, 140, 244, 33, 114, _, 1239],
      [2, 'Lộc Hòa', 1, _, 0, _, 4, _, _, _, 5],
      [3, 'Lộc An', 14, 15, 0, _, 2, _, _, _, 31],
      [4, 'Lộc Tấn', 60, 543, _, 46, 71, 15, 18, 10, 763],
      [5, 'Lộc Thạnh', 2, _, 0, _, 27, 3, _, _, 32],
      [6, 'Lộc Hiệp', 0, _, 0, _, 44, _, _, _, 44],
      [7, 'Lộc Thiện', 6, 2, 0, _, 3, 1, _, _, 12],
      [8, 'Lộc Thuận', 2, _, 0, _, 40, 1, _, _, 43],
      [9, 'Lộc Quang', 0, _, 0, _, 31, 30, _, _, 61],
      [10, 'Lộc Phú', 309, 45, 143, 4, 114, 2, 106, _, 723],
      [11, 'Lộc Thành', 450, 255, 2, _, 33, 5, 41, 15, 801],
      [12, 'Lộc Thái', 1, 1, 3, _, 68, 4, _, _, 77],
      [13, 'Lộc Điền', 39, 7, 1, _, 58, _, 1, _, 106],
      [14, 'Lộc Hưng', 0, _, 0, _, 46, 1, _, _, 47],
      [15, 'Lộc Thịnh', 959, 33, 3, _, 60, _, _, _, 1055],
      [16, 'Lộc Khánh', 0, _, 1, _, 9, _, _, _, 10],
      ['Toàn huyện', _, 2133, 1216, 256, 190, 854, 95, 280, 25, 5049],
    ]);
    expect(t.rows.map((r) => r.role)).toEqual([...Array(16).fill('detail'), 'total']);
  });

  it('adds up: every row to its Tổng, every column to Toàn huyện', () => {
    const details = g.rows.filter((r) => r.role === 'detail');
    const total = g.rows.find((r) => r.role === 'total')!;
    for (const r of g.rows) {
      const parts = ['1', '2', '3', '4', '5', '6', '7', '8'].reduce((s, c) => s + num(g, r, c), 0);
      expect(num(g, r, '9')).toBe(parts);
    }
    for (const code of ['1', '2', '3', '4', '5', '6', '7', '8', '9']) {
      expect(num(g, total, code)).toBe(details.reduce((s, r) => s + num(g, r, code), 0));
    }
  });

  it('keys each commune by its lower-cased NFC name; the total row has no key', () => {
    for (const r of t.rows) {
      if (r.role === 'total') expect(r.unitKey).toBeNull();
      else expect(r.unitKey).toBe((r.cells[1] as string).normalize('NFC').toLowerCase());
    }
    expect(t.rows[0].unitKey).toBe('thị trấn lộc ninh');
  });
});

describe('Dân số và tỷ lệ tham gia', () => {
  const t = loadTemplate('dan-so-tham-gia').table;
  const g = grid('dan-so-tham-gia');

  it('has the columns of the population table', () => {
    expect(
      t.columns.map((c) => [
        c.code,
        c.headerPath.join('/'),
        c.label,
        c.type,
        c.decimals,
        c.formula,
      ]),
    ).toEqual([
      ['A', '', 'STT', 'text', 0, null],
      ['B', '', 'Xã/ thị trấn', 'text', 0, null],
      ['1', '', 'Tổng số nhân khẩu', 'integer', 0, '2+3+4+5'],
      ['2', 'Chia ra', 'Dưới 7 tuổi', 'integer', 0, null],
      ['3', 'Chia ra', 'Từ 7 đến 17 tuổi', 'integer', 0, null],
      ['4', 'Chia ra', 'Từ 18 đến 60 tuổi', 'integer', 0, null],
      ['5', 'Chia ra', 'Trên 60 tuổi', 'integer', 0, null],
      ['6', '', 'Số người tham gia', 'integer', 0, null],
      ['7', '', 'Tỷ lệ tham gia (%)', 'percent', 2, '6/1*100'],
    ]);
    expect(t.rows[0].cells).toEqual([
      1,
      'Thị trấn Lộc Ninh',
      10450,
      1456,
      2015,
      5958,
      1021,
      1239,
      11.86,
    ]);
    expect(t.rows.at(-1)!.role).toBe('total');
    expect(t.rows.at(-1)!.cells[0]).toBe('Tổng cộng');
  });

  it('is consistent: 1 = 2+3+4+5 exactly, totals are column sums, rates rounded to 2 decimals', () => {
    const details = g.rows.filter((r) => r.role === 'detail');
    const total = g.rows.find((r) => r.role === 'total')!;
    expect(details.length).toBeGreaterThanOrEqual(8);
    for (const r of g.rows) {
      expect(num(g, r, '1')).toBe(['2', '3', '4', '5'].reduce((s, c) => s + num(g, r, c), 0));
      // The rate is recomputed from the row's own figures, the total row included.
      const exact = (num(g, r, '6') / num(g, r, '1')) * 100;
      expect(num(g, r, '7').toFixed(2)).toBe(exact.toFixed(2));
      expect(Math.abs(num(g, r, '7') - exact)).toBeLessThanOrEqual(0.005);
    }
    for (const code of ['1', '2', '3', '4', '5', '6']) {
      expect(num(g, total, code)).toBe(details.reduce((s, r) => s + num(g, r, code), 0));
    }
  });

  it('agrees with the CDHT table: participants per commune equal its Tổng', () => {
    const cd = grid('cdht-theo-nhom');
    const tongByUnit = new Map(cd.rows.map((r) => [r.unitKey, num(cd, r, '9')]));
    for (const r of g.rows) {
      expect([r.unitKey, num(g, r, '6')]).toEqual([r.unitKey, tongByUnit.get(r.unitKey)]);
    }
  });
});
