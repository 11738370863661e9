/**
 * The nation-sized table: 10,600 communes × 13 columns grouped by
 * province with "Cộng" subtotals and a "Toàn quốc" total, written as a workbook with exceljs,
 * imports with its structure and zero findings. Not timed: the figures are the bench's
 * (test/bench/import-bench.ts).
 */
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import fs from 'node:fs';
import os from 'node:os';
import path from 'node:path';
import { checkTable } from '../../shared/checks';
import { draftToTable, type DetectedTable } from '../../shared/import/detect-tables';
import type { Table } from '../../shared/model';
import { importWorkbook } from '../../electron/excel/read-xlsx';
import { benchProvinces, writeNationWorkbook } from '../bench/import-bench';

let dir: string;
let written: Table;
let detected: DetectedTable;

beforeAll(async () => {
  dir = fs.mkdtempSync(path.join(os.tmpdir(), 'bieu-nation-'));
  const file = path.join(dir, 'toan-quoc.xlsx');
  written = await writeNationWorkbook(file, benchProvinces().provinces);
  const { tables } = await importWorkbook(file);
  expect(tables).toHaveLength(1);
  detected = tables[0];
}, 120_000);

afterAll(() => {
  fs.rmSync(dir, { recursive: true, force: true });
});

describe('a nation-sized table', () => {
  it('is recognised with its header levels, codes, formulas and row roles', () => {
    const t = detected.table;
    expect(t.columns.map((c) => c.code)).toEqual(written.columns.map((c) => c.code));
    expect(t.columns.map((c) => c.formula)).toEqual(written.columns.map((c) => c.formula));
    expect(t.columns.map((c) => c.headerPath)).toEqual(written.columns.map((c) => c.headerPath));
    expect(t.rows.map((r) => r.role)).toEqual(written.rows.map((r) => r.role));
    expect(t.rows.filter((r) => r.role === 'detail').length).toBeGreaterThan(10_000);
    expect(detected.headerRows).toEqual([4, 5]);
    expect(detected.codeRow).toBe(6);
  });

  it('keeps every figure', () => {
    const width = written.columns.length;
    const figures = (rows: Table['rows'] | DetectedTable['table']['rows']) =>
      rows.map((r) => Array.from({ length: width - 2 }, (_, i) => r.cells[i + 2] ?? null));
    expect(figures(detected.table.rows)).toEqual(figures(written.rows));
  });

  it('imports with zero findings', () => {
    expect(checkTable(draftToTable(detected.table))).toEqual([]);
  });
});
