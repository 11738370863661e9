/**
 * The real workbooks of the folder `realWorld` below, beside the checkout (not in the repository: their licence is unstated):
 * every .xlsx and .xls imports with at least one table or is refused with one sentence, none throws
 * anything but a UserError, none takes more than 20 s, and no formula whose result the file did
 * not save is read as zero.
 */
import { describe, expect, it } from 'vitest';
import ExcelJS from 'exceljs';
import fs from 'node:fs';
import path from 'node:path';
import { UserError } from '../../shared/api';
import { columnLetter } from '../../shared/model';
import { importFile } from '../../electron/excel/import-file';

const realWorld = path.resolve(__dirname, '..', '..', '..', 'shared', 'real-world');
const present = fs.existsSync(realWorld);
if (!present) {
  console.log(
    `Bỏ qua các tệp Excel thật: không có thư mục ${realWorld} (../shared/real-world tính từ gốc kho mã).`,
  );
}
const files = present
  ? fs
      .readdirSync(realWorld)
      .filter((f) => /\.xlsx?$/i.test(f))
      .sort()
  : [];

describe.skipIf(!present)('real workbooks from Vietnamese offices', () => {
  it('are there to test against', () => {
    expect(files.length).toBeGreaterThan(0);
  });

  for (const name of files) {
    it(`${name}: imports or is refused with one sentence, in under 20 s`, async () => {
      const file = path.join(realWorld, name);
      const started = Date.now();
      let result: Awaited<ReturnType<typeof importFile>> | null = null;
      try {
        result = await importFile(file);
      } catch (e) {
        expect(e, String(e)).toBeInstanceOf(UserError);
        expect((e as UserError).message).toContain(`«${name}»`);
        expect((e as UserError).message).not.toMatch(/\n/);
      }
      expect(Date.now() - started).toBeLessThan(20_000);
      expect(result, 'a workbook (.xlsx or .xls) is read').not.toBeNull();
      expect(result!.tables.length).toBeGreaterThan(0);
      for (const t of result!.tables) {
        expect(t.table.rows.length).toBeGreaterThan(0);
        expect(t.table.columns.every((c) => c.code !== '')).toBe(true);
        expect(new Set(t.table.columns.map((c) => c.code)).size).toBe(t.table.columns.length);
        for (const row of t.table.rows) expect(row.cells).toHaveLength(t.table.columns.length);
      }

      if (name.toLowerCase().endsWith('.xls')) return; // BIFF always saves formula results
      // Every formula cell inside a table whose result the file did not save is computed, or
      // empty and listed: never read as 0 when it was not computed.
      const wb = new ExcelJS.Workbook();
      await wb.xlsx.readFile(file);
      for (const t of result!.tables) {
        const ws = wb.worksheets.find((w) => w.name === t.sheet)!;
        const listed = new Set(t.unevaluated);
        t.sourceRows.forEach((sheetRow, r) => {
          t.sourceColumns.forEach((sheetCol, c) => {
            const cell = ws.getCell(sheetRow, sheetCol + 1);
            if (cell.type !== ExcelJS.ValueType.Formula) return;
            if (cell.result !== undefined && cell.result !== null) return;
            const address = `${columnLetter(sheetCol)}${sheetRow}`;
            if (listed.has(address)) expect(t.table.rows[r].cells[c], address).toBeNull();
          });
        });
      }
    }, 30_000);
  }

  it.runIf(files.includes('Kirito223__KTXH__giaidoan_huyen.xlsx'))(
    'giaidoan_huyen.xlsx: the 0 a library saved for every formula is not read as a figure: the formulas are computed',
    async () => {
      const { tables, report } = await importFile(
        path.join(realWorld, 'Kirito223__KTXH__giaidoan_huyen.xlsx'),
      );
      expect(report.sheets[0].notes[0]).toMatch(/chưa được Excel tính lại/);
      expect(report.sheets[0].notes[1]).toMatch(/Biểu đã tự tính \d+ công thức/);
      const computed = Number(/tự tính (\d+)/.exec(report.sheets[0].notes[1])![1]);
      expect(computed).toBeGreaterThan(13_000);
      const t = tables[0];
      // E6 = E7+E14+E17, saved as 0 without being calculated: now their sum.
      const at = (row: number, col: number) =>
        t.table.rows[t.sourceRows.indexOf(row)].cells[t.sourceColumns.indexOf(col)];
      const e6 = at(6, 4);
      expect(typeof e6).toBe('number');
      expect(e6).toBeCloseTo(Number(at(7, 4)) + Number(at(14, 4)) + Number(at(17, 4)), 6);
      expect(t.unevaluated).not.toContain('E6');
    },
    30_000,
  );

  it.runIf(files.includes('hotoancntt15a__ToolBaoCao__B02.-Thong-ke-KCB-(thang-1-6).xlsx'))(
    'B02 (tháng 1-6): the "00 Toàn quốc" total above the provinces, the merged two-level header',
    async () => {
      const { tables } = await importFile(
        path.join(realWorld, 'hotoancntt15a__ToolBaoCao__B02.-Thong-ke-KCB-(thang-1-6).xlsx'),
      );
      expect(tables).toHaveLength(1);
      const t = tables[0];
      expect(t.headerRows).toEqual([5, 6]);
      expect(t.table.rows[0]).toMatchObject({ role: 'total', unitKey: null });
      expect(t.table.rows.slice(1).every((r) => r.role === 'detail')).toBe(true);
      const d = t.table.columns[t.sourceColumns.indexOf(3)];
      expect(d).toMatchObject({ label: 'Tổng cộng', headerPath: ['Số lượt KCB'], formula: '2+3' });
    },
    30_000,
  );

  it.runIf(
    files.includes('hotoancntt15a__ToolBaoCao__SO-DU-KIEN-CHI-NAM-2024-BIEU-PL-01-MOI.xlsx'),
  )(
    'PL 01_MỚI: the unit line, the code row "A 1 2 3 4=3/2"',
    async () => {
      const { tables } = await importFile(
        path.join(
          realWorld,
          'hotoancntt15a__ToolBaoCao__SO-DU-KIEN-CHI-NAM-2024-BIEU-PL-01-MOI.xlsx',
        ),
      );
      const t = tables[0];
      expect(t.table.unit).toBe('Triệu đồng');
      expect(t.codeRow).toBe(6);
      expect(t.table.columns.map((c) => (c.formula ? `${c.code}=${c.formula}` : c.code))).toEqual([
        'A',
        '1',
        '2',
        '3',
        '4=3/2',
      ]);
      expect(t.table.columns.map((c) => c.type)).toEqual([
        'text',
        'text',
        'integer',
        'integer',
        'percent',
      ]);
    },
    30_000,
  );
});
