/**
 * The nation table exported as an appendix (bieu export): figures printed, not a timed test.
 *
 *   Biểu   exportDocument: the table read from its document, checked, laid out as the appendix
 *          (header block, merged headers, live formulas with their values, styles) and written
 *   floor  exceljs writing a plain workbook of the same cells (no styles, no formulas) to a file
 */
import ExcelJS from 'exceljs';
import { writeFileSync } from 'node:fs';
import path from 'node:path';
import { exportDocument } from '../../electron/excel/export-document';
import { DocumentStore } from '../../electron/store/document-store';
import { asNewTable, nationTable, type Province } from './nation-table';
import { printRow, sideBySide } from './side-by-side';

export async function runExportBench(dir: string, provinces: Province[]): Promise<void> {
  const table = nationTable(provinces);
  const store = DocumentStore.create(path.join(dir, 'xuat.bieu'), [asNewTable(table)]);
  try {
    console.log(`\nBiểu — export: ${table.rows.length} rows × ${table.columns.length} columns`);
    const r = await sideBySide(
      () => null,
      async () => {
        const wb = new ExcelJS.Workbook();
        const ws = wb.addWorksheet('Toàn quốc');
        for (const row of table.rows) ws.addRow(row.cells);
        writeFileSync(path.join(dir, 'tran.xlsx'), Buffer.from(await wb.xlsx.writeBuffer()));
      },
      () => exportDocument(store, path.join(dir, 'phu-luc.xlsx')),
    );
    printRow(
      'export the nation table as an appendix',
      r,
      'exceljs, the same cells plain',
      '< 1000 ms',
    );
  } finally {
    store.close();
  }
}
