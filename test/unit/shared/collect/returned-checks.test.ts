/**
 * A commune's returned file is checked on its own before its figures go anywhere: a row that does
 * not add up is named with the file's own sheet and cell, and a formula the commune's Excel never
 * saved a result for is unknown, not 0. The collect as a whole is tested in
 * test/unit/shared/collect/plan-collect.test.ts and test/unit/electron/cli/collect-command.test.ts.
 */
import ExcelJS from 'exceljs';
import { describe, expect, it } from 'vitest';
import { importWorkbook } from '../../../../electron/excel/read-xlsx';
import { checkReturnedTable } from '../../../../shared/collect/returned-checks';
import { useWorkspace } from '../../helpers/store-helpers';
import { writeReturned } from '../../helpers/collect/district';

const ws = useWorkspace();

/** Lộc Hòa's file: its first row's total one over, a part of its second row a formula never run. */
async function returnedFile(): Promise<string> {
  const file = ws.file('loc-hoa.xlsx');
  await writeReturned(file, {
    rows: [
      { name: 'Thôn 1', figures: [101, 10, 20, 30, 40, 50, 49.5] },
      { name: 'Thôn 2', figures: [104, null, 21, 31, 41, 52, 50] },
    ],
  });
  // The second row's first part reads another workbook's cell: the file holds no result for it.
  const wb = new ExcelJS.Workbook();
  await wb.xlsx.readFile(file);
  const sheet = wb.worksheets[0];
  expect(sheet.getCell('B8').value).toBe('Thôn 2');
  sheet.getCell('D8').value = { formula: "'[Thôn 2.xlsx]Biểu'!D8" } as ExcelJS.CellFormulaValue;
  await wb.xlsx.writeFile(file);
  return file;
}

describe('checkReturnedTable', () => {
  it("names the row that does not add up by the file's own sheet and cell, and nothing else", async () => {
    const { tables } = await importWorkbook(await returnedFile());
    expect(tables).toHaveLength(1);
    expect(tables[0].unevaluated).toEqual(['D8']);
    const findings = checkReturnedTable(tables[0]).filter((f) => f.severity !== 'info');
    expect(findings.map((f) => [f.sheet, f.cell, f.kind])).toEqual([
      ['Biểu 01', 'C7', expect.any(String)],
    ]);
    expect(findings[0].message).toMatch(/100/);
  });
});
