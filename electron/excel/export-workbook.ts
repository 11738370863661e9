/**
 * Tables → an appendix workbook: one sheet per table (named after it, made legal and unique),
 * then the findings sheet "Kết quả kiểm tra". The check engine runs here, on each table as it is
 * exported, so the comments and the findings sheet say what is true of the figures written.
 */
import ExcelJS from 'exceljs';
import { checkTable } from '../../shared/checks/engine';
import type { Finding } from '../../shared/checks/finding';
import type { Table } from '../../shared/model';
import { addFindingsSheet, FINDINGS_SHEET_NAME } from './export-findings-sheet';
import type { AppendixMeta } from './export-meta';
import { addTableSheet, type TableSheetSummary } from './export-sheet';
import { SheetNamer } from './export-sheet-names';

export interface AppendixOptions {
  /** Write the stated values only, no formulas (`--values-only`). */
  valuesOnly?: boolean;
  /** Add the "Kết quả kiểm tra" sheet (default true). */
  findingsSheet?: boolean;
}

export interface AppendixWorkbook {
  workbook: ExcelJS.Workbook;
  sheets: TableSheetSummary[];
  /** The findings sheet's name, or null when it was left out. */
  findingsSheet: string | null;
  /** Every finding of every exported table, with its sheet's name and export address. */
  findings: Finding[];
}

export function buildAppendixWorkbook(
  tables: readonly Table[],
  meta: AppendixMeta,
  options: AppendixOptions = {},
): AppendixWorkbook {
  const workbook = new ExcelJS.Workbook();
  workbook.creator = 'Biểu';
  workbook.created = new Date();
  const namer = new SheetNamer();
  const names = tables.map((t) => namer.name(t.name));
  const findings: Finding[] = [];
  const sheets = tables.map((table, i) => {
    const own = checkTable(table, { sheet: names[i] });
    findings.push(...own);
    return addTableSheet(workbook, {
      table,
      sheetName: names[i],
      findings: own,
      meta,
      valuesOnly: options.valuesOnly ?? false,
    });
  });
  let findingsSheet: string | null = null;
  if (options.findingsSheet ?? true) {
    findingsSheet = namer.name(FINDINGS_SHEET_NAME);
    addFindingsSheet(workbook, findingsSheet, findings);
  }
  return { workbook, sheets, findingsSheet, findings };
}
