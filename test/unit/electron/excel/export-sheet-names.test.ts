/**
 * Table names become sheet names Excel opens without "repairing" the file: forbidden characters
 * replaced, 31 characters at most, no name twice (ignoring case). Checked by writing a real
 * workbook with them and reading it back.
 */
import ExcelJS from 'exceljs';
import { describe, expect, it } from 'vitest';
import { legalSheetName, SheetNamer } from '../../../../electron/excel/export-sheet-names';

describe('sheet names', () => {
  it('replaces what Excel forbids and cuts a long name at 31 characters', () => {
    expect(legalSheetName('Biểu 1/2024: Dân số [tạm]')).toBe('Biểu 1-2024- Dân số -tạm-');
    expect(legalSheetName("'Hộ nghèo'")).toBe('’Hộ nghèo’');
    expect(legalSheetName('  \t  ')).toBe('Biểu');
    expect(legalSheetName('History')).toBe('History 1');
    const long = legalSheetName('Tổng hợp kết quả rà soát hộ nghèo, hộ cận nghèo năm 2024');
    expect(Array.from(long)).toHaveLength(31);
    expect(long).toBe('Tổng hợp kết quả rà soát hộ ngh');
  });

  it('numbers a repeated name, within 31 characters, and Excel reads every one back', async () => {
    const namer = new SheetNamer();
    const long = 'Tổng hợp kết quả rà soát hộ nghèo năm 2024';
    const names = ['Dân số', 'DÂN SỐ', 'dân số', long, long].map((n) => namer.name(n));
    expect(names).toEqual([
      'Dân số',
      'DÂN SỐ (2)',
      'dân số (3)',
      'Tổng hợp kết quả rà soát hộ ngh',
      'Tổng hợp kết quả rà soát hộ (2)',
    ]);
    const wb = new ExcelJS.Workbook();
    for (const n of names) wb.addWorksheet(n);
    const back = new ExcelJS.Workbook();
    await back.xlsx.load((await wb.xlsx.writeBuffer()) as ArrayBuffer);
    expect(back.worksheets.map((w) => w.name)).toEqual(names);
  });
});
