/**
 * The entry workbook a unit gets from the district: the district table's title block, header and
 * code row (the appendix layout of excel/export-sheet.ts), and the unit's own row with its name
 * fixed — or, with a breakdown, blank rows for its villages (thôn, ấp, tổ dân phố) and a total.
 * The commune's name heads the sheet where the issuing body goes, so a returned breakdown says
 * whose it is (shared/collect/named-unit.ts).
 *
 * Only the cells to fill are unlocked, shaded and validated (whole numbers ≥ 0 for counts,
 * numbers for the rest); formula columns and the total are live formulas; the sheet is protected
 * without a password, so anyone can read and print it but the header, the codes and the names
 * that `bieu collect` matches on stay as the district wrote them.
 */
import ExcelJS from 'exceljs';
import type { Cell, Worksheet } from 'exceljs';
import { compileRules } from '../../shared/checks/rules';
import { isFigureColumn, type Row, type Table } from '../../shared/model';
import { appendixLayout } from '../excel/export-layout';
import { rowFormula, sumFormula } from '../excel/export-formulas';
import type { AppendixMeta } from '../excel/export-meta';
import { PREAMBLE } from '../excel/export-layout';
import { addTableSheet } from '../excel/export-sheet';
import { SheetNamer } from '../excel/export-sheet-names';

export interface UnitFormInput {
  table: Table;
  /** The unit's row in the table. */
  rowIndex: number;
  meta: AppendixMeta;
  /** Blank rows for the unit's villages, and a total row; 0: the unit's own row only. */
  breakdown: number;
}

/** The shade of the cells to fill: a pale yellow that prints as light grey. */
const INPUT_FILL: ExcelJS.Fill = {
  type: 'pattern',
  pattern: 'solid',
  fgColor: { argb: 'FFFFF2CC' },
};
const TOTAL_LABEL = 'Tổng cộng';

function instruction(breakdown: boolean): string {
  return breakdown
    ? 'Ghi tên từng thôn, ấp, tổ dân phố và số liệu vào các ô nền vàng; các cột có công thức và dòng Tổng cộng tự tính. Lưu tệp và gửi lại, không sửa tiêu đề, mã cột.'
    : 'Ghi số liệu của đơn vị vào các ô nền vàng; các cột có công thức tự tính. Lưu tệp và gửi lại, không sửa tiêu đề, mã cột, tên đơn vị.';
}

/** The form's own table: the unit's row, figures blank; or village rows and a total. */
function formTable(input: UnitFormInput, nameColumn: number): Table {
  const { table, rowIndex, breakdown } = input;
  const unit = table.rows[rowIndex];
  const blank = (row: Row, cells: Row['cells']): Row => ({ ...row, cells });
  const blankCells = (label: (c: number) => string | null) =>
    table.columns.map((column, c) => (isFigureColumn(column) ? null : label(c)));
  if (breakdown === 0)
    return {
      ...table,
      rows: [
        blank(
          unit,
          blankCells((c) => (typeof unit.cells[c] === 'string' ? (unit.cells[c] as string) : null)),
        ),
      ],
    };
  const villages = Array.from({ length: breakdown }, (_, i) =>
    blank(
      { id: i + 1, role: 'detail', unitKey: null, cells: [] },
      blankCells((c) => (c === 0 && nameColumn !== 0 ? String(i + 1) : null)),
    ),
  );
  const total = blank(
    { id: breakdown + 1, role: 'total', unitKey: null, cells: [] },
    blankCells((c) => (c === nameColumn ? TOTAL_LABEL : null)),
  );
  return { ...table, rows: [...villages, total] };
}

function unlock(cell: Cell, validation: ExcelJS.DataValidation | null): void {
  // The appendix sheet gives cells of one look one shared style (export-sheet.ts): this cell
  // gets its own before it is unlocked and filled, or every cell of its look would be.
  cell.style = { ...cell.style };
  cell.protection = { locked: false };
  cell.fill = INPUT_FILL;
  if (validation) cell.dataValidation = validation;
}

const WHOLE: ExcelJS.DataValidation = {
  type: 'whole',
  operator: 'greaterThanOrEqual',
  formulae: [0],
  allowBlank: true,
  showErrorMessage: true,
  errorTitle: 'Số không hợp lệ',
  error: 'Ô này chỉ nhận số nguyên không âm (0, 1, 2, …).',
};
const NUMBER: ExcelJS.DataValidation = {
  type: 'decimal',
  operator: 'between',
  formulae: [-1e15, 1e15],
  allowBlank: true,
  showErrorMessage: true,
  errorTitle: 'Số không hợp lệ',
  error: 'Ô này chỉ nhận số (dùng dấu phẩy cho phần thập phân nếu máy đặt kiểu Việt Nam).',
};

/** Live formulas: a formula column from the row's own cells, the total's columns as sums. */
function writeFormulas(ws: Worksheet, form: Table, firstDataRow: number): Set<string> {
  const { context } = compileRules(form);
  const written = new Set<string>();
  const detailRows = form.rows.flatMap((r, i) => (r.role === 'detail' ? [firstDataRow + i] : []));
  form.rows.forEach((row, r) => {
    const sheetRow = firstDataRow + r;
    form.columns.forEach((column, c) => {
      if (!isFigureColumn(column)) return;
      const own = context.formulas[c];
      let formula: string | null = null;
      if (own) {
        const expr = rowFormula(own, sheetRow);
        // A rate shows blank, not #DIV/0!, until its base is filled in.
        formula =
          expr &&
          (own.isRatio || column.decimals > 0
            ? `IFERROR(ROUND(${expr},${column.decimals}),"")`
            : expr);
      } else if (row.role === 'total' && !context.notSummed[c]) {
        formula = sumFormula(c, detailRows);
      }
      if (!formula) return;
      ws.getCell(sheetRow, c + 1).value = {
        formula,
        result: undefined,
      } as ExcelJS.CellFormulaValue;
      written.add(`${r}:${c}`);
    });
  });
  return written;
}

/** The unit's entry workbook; `unitName` as the table writes it. */
export async function unitFormWorkbook(
  input: UnitFormInput,
  unitName: string,
  nameColumn: number,
): Promise<ExcelJS.Workbook> {
  const form = formTable(input, nameColumn);
  const workbook = new ExcelJS.Workbook();
  workbook.creator = 'Biểu';
  // The formulas carry no result: the spreadsheet computes them when the form is opened.
  workbook.calcProperties.fullCalcOnLoad = true;
  const sheetName = new SheetNamer().name(form.name);
  const meta: AppendixMeta = { ...input.meta, agency: 'Ủy ban nhân dân', office: unitName };
  addTableSheet(workbook, { table: form, sheetName, findings: [], meta, valuesOnly: true });
  const ws = workbook.getWorksheet(sheetName)!;
  ws.getCell(PREAMBLE.attachment, 1).value = instruction(input.breakdown > 0);
  const { firstDataRow } = appendixLayout(form);
  const formulas = writeFormulas(ws, form, firstDataRow);
  form.rows.forEach((row, r) => {
    form.columns.forEach((column, c) => {
      const cell = ws.getCell(firstDataRow + r, c + 1);
      if (formulas.has(`${r}:${c}`) || row.role === 'total') return;
      if (isFigureColumn(column)) unlock(cell, column.type === 'integer' ? WHOLE : NUMBER);
      else if (input.breakdown > 0 && c === nameColumn) unlock(cell, null);
    });
  });
  // No password: protection keeps the layout the district matches on, not the figures secret.
  await ws.protect('', { selectLockedCells: true, selectUnlockedCells: true, formatColumns: true });
  return workbook;
}
