/**
 * The findings report as a sheet, "Kết quả kiểm tra": one row per finding of every exported
 * table, so the statistics office sees what the checks found next to the appendices themselves.
 * Figures stay numbers here too.
 */
import type { Workbook } from 'exceljs';
import {
  CAUSE_NAMES,
  FINDING_KIND_NAMES,
  SEVERITY_NAMES,
  type Cause,
  type Finding,
  type FindingKind,
  type Severity,
} from '../../shared/checks/finding';
import { decimalsNeeded, formatNumber } from '../../shared/numbers';
import { LINE_HEIGHT, linesNeeded } from './export-layout';
import { CENTRE_WRAP, font, HEADING_SIZE, numberFormat, THIN_BORDER } from './export-styles';

export const FINDINGS_SHEET_NAME = 'Kết quả kiểm tra';

export function severityName(severity: Severity): string {
  return SEVERITY_NAMES[severity].vi;
}

export function kindName(kind: FindingKind): string {
  return FINDING_KIND_NAMES[kind].report;
}

export function causeName(cause: Cause): string {
  return cause ? CAUSE_NAMES[cause].vi : '';
}

const COLUMNS: { header: string; width: number }[] = [
  { header: 'STT', width: 5 },
  { header: 'Biểu', width: 16 },
  { header: 'Ô', width: 7 },
  { header: 'Mức độ', width: 9 },
  { header: 'Loại kiểm tra', width: 14 },
  { header: 'Giá trị đúng', width: 11 },
  { header: 'Giá trị ghi', width: 11 },
  { header: 'Chênh lệch', width: 10 },
  { header: 'Nguyên nhân', width: 14 },
  { header: 'Nội dung', width: 46 },
  { header: 'Gợi ý sửa', width: 34 },
];

/** The sheet's first data row: a title, a blank, the header. */
export const FINDINGS_FIRST_ROW = 4;

export function addFindingsSheet(
  workbook: Workbook,
  sheetName: string,
  findings: readonly Finding[],
): void {
  const ws = workbook.addWorksheet(sheetName, {
    pageSetup: {
      paperSize: 9,
      orientation: 'landscape',
      fitToPage: true,
      fitToWidth: 1,
      fitToHeight: 0,
      printTitlesRow: `${FINDINGS_FIRST_ROW - 1}:${FINDINGS_FIRST_ROW - 1}`,
    },
    headerFooter: { oddFooter: '&C&"Times New Roman,Regular"&11Trang &P/&N' },
  });
  COLUMNS.forEach((c, i) => (ws.getColumn(i + 1).width = c.width));

  ws.mergeCells(1, 1, 1, COLUMNS.length);
  const title = ws.getCell(1, 1);
  title.value = 'KẾT QUẢ KIỂM TRA CÁC BIỂU';
  title.font = font({ bold: true, size: HEADING_SIZE });
  title.alignment = CENTRE_WRAP;

  const header = ws.getRow(FINDINGS_FIRST_ROW - 1);
  header.height = 2 * LINE_HEIGHT + 2;
  COLUMNS.forEach((c, i) => {
    const cell = header.getCell(i + 1);
    cell.value = c.header;
    cell.font = font({ bold: true });
    cell.alignment = CENTRE_WRAP;
    cell.border = THIN_BORDER;
  });

  if (findings.length === 0) {
    ws.mergeCells(FINDINGS_FIRST_ROW, 1, FINDINGS_FIRST_ROW, COLUMNS.length);
    const cell = ws.getCell(FINDINGS_FIRST_ROW, 1);
    cell.value = 'Không có lỗi hay cảnh báo nào: mọi phép kiểm tra đều đúng.';
    cell.font = font({ italic: true });
    cell.alignment = { horizontal: 'center' };
    return;
  }

  findings.forEach((f, i) => {
    const row = ws.getRow(FINDINGS_FIRST_ROW + i);
    const suggestion = f.suggestion
      ? `${f.suggestion.cell} → ${formatNumber(f.suggestion.value, decimalsNeeded(f.suggestion.value))}: ${f.suggestion.reason}`
      : '';
    const values = [
      i + 1,
      f.sheet === f.table ? f.table : `${f.table} (trang «${f.sheet}»)`,
      f.cell,
      severityName(f.severity),
      kindName(f.kind),
      f.expected,
      f.actual,
      f.difference,
      causeName(f.cause),
      f.message,
      suggestion,
    ];
    let lines = 1;
    values.forEach((v, c) => {
      const cell = row.getCell(c + 1);
      if (v !== null && v !== '') cell.value = v;
      if (typeof v === 'number' && c >= 5 && c <= 7)
        cell.numFmt = numberFormat(decimalsNeeded(v, 6));
      cell.font = font({ bold: c === 3 && f.severity === 'error' });
      cell.border = THIN_BORDER;
      cell.alignment = {
        vertical: 'top',
        wrapText: true,
        horizontal: c <= 4 && c !== 1 ? 'center' : undefined,
      };
      if (typeof v === 'string') lines = Math.max(lines, linesNeeded(v, COLUMNS[c].width));
    });
    // Spreadsheets do not grow a row for wrapped text written by a program: say how tall it is.
    row.height = lines * LINE_HEIGHT + 2;
  });
}
