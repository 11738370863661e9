/**
 * One table as one appendix sheet: preamble, merged header, code row, data (live formulas or
 * stated values, findings as cell comments), place and date, signatures, and the page setup that
 * prints it on A4 with the header repeated and page numbers.
 */
import type { Cell, Style, Workbook, Worksheet } from 'exceljs';
import type { Finding } from '../../shared/checks/finding';
import { codeRowText, isFigureColumn, type Table } from '../../shared/model';
import { decimalsNeeded, formatNumber } from '../../shared/numbers';
import {
  appendixLayout,
  blockWidth,
  columnWidths,
  headerCells,
  headerRowHeights,
  isWide,
  LINE_HEIGHT,
  linesNeeded,
  MARGINS,
  pageFit,
  PREAMBLE,
  sideBlocks,
  type Block,
} from './export-layout';
import { planCells } from './export-formulas';
import {
  attachmentLine,
  HEAD_HINT,
  HEAD_TITLE,
  issuingBody,
  MOTTO,
  MOTTO_SUBTITLE,
  placeDateLine,
  PREPARER_HINT,
  PREPARER_TITLE,
  referenceLine,
  unitLine,
  type AppendixMeta,
} from './export-meta';
import {
  BODY_SIZE,
  CENTRE_WRAP,
  figureFormat,
  font,
  HEADING_SIZE,
  THIN_BORDER,
} from './export-styles';
import { severityName } from './export-findings-sheet';

/** Figures keep a little room from the cell's right border, as printed tables do. */
const FIGURE_INDENT = 1;

export interface TableSheetInput {
  table: Table;
  sheetName: string;
  /** The check engine's findings for this table, with the export addresses. */
  findings: readonly Finding[];
  meta: AppendixMeta;
  valuesOnly: boolean;
}

export interface TableSheetSummary {
  table: string;
  sheet: string;
  /** Cells written as live formulas. */
  formulas: number;
  /** Cells carrying a comment about a finding. */
  marked: number;
}

export function addTableSheet(workbook: Workbook, input: TableSheetInput): TableSheetSummary {
  const { table, meta } = input;
  const layout = appendixLayout(table);
  const widths = columnWidths(table);
  const lastCol = Math.max(0, table.columns.length - 1);
  const full: Block = { first: 0, last: lastCol };
  const ws = workbook.addWorksheet(input.sheetName, {
    pageSetup: {
      paperSize: 9, // A4
      orientation: isWide(widths) ? 'landscape' : 'portrait',
      fitToPage: true,
      fitToWidth: 1,
      fitToHeight: 0,
      horizontalCentered: true,
      margins: { ...MARGINS },
      printTitlesRow: `${layout.headerTop}:${layout.codeRow}`,
    },
    headerFooter: { oddFooter: `&C&"${'Times New Roman'},Regular"&11Trang &P/&N` },
    properties: { defaultRowHeight: LINE_HEIGHT },
  });
  widths.forEach((w, c) => (ws.getColumn(c + 1).width = w));

  writePreamble(ws, table, meta, widths, full);
  writeHeader(ws, table, widths, layout.headerTop, layout.codeRow);
  const counts = writeData(ws, input, widths, layout.firstDataRow);
  writeSignatures(ws, meta, widths, layout.signatures);
  const heights = Array.from(
    { length: layout.signatures.last },
    (_, i) => ws.getRow(i + 1).height ?? LINE_HEIGHT,
  );
  ws.pageSetup.fitToHeight = pageFit(widths, heights).fitToHeight;
  return { table: table.name, sheet: input.sheetName, ...counts };
}

/** Writes `text` over a block of one row, merged when the block spans several columns. */
function put(
  ws: Worksheet,
  row: number,
  block: Block,
  text: string,
  style: {
    bold?: boolean;
    italic?: boolean;
    underline?: boolean;
    size?: number;
    align?: 'center' | 'right' | 'left';
  },
): Cell {
  if (block.last > block.first) ws.mergeCells(row, block.first + 1, row, block.last + 1);
  const cell = ws.getCell(row, block.first + 1);
  cell.value = text;
  cell.font = font({
    size: style.size ?? BODY_SIZE,
    bold: style.bold,
    italic: style.italic,
    underline: style.underline,
  });
  cell.alignment = { horizontal: style.align ?? 'center', vertical: 'middle', wrapText: true };
  return cell;
}

/** Row height for texts written over blocks, so that wrapped ones show in full. */
function fitRow(
  ws: Worksheet,
  row: number,
  parts: { text: string; width: number; bold?: boolean; size?: number }[],
): void {
  const lines = Math.max(
    1,
    ...parts.map((p) => linesNeeded(p.text, p.width * (BODY_SIZE / (p.size ?? BODY_SIZE)), p.bold)),
  );
  const size = Math.max(BODY_SIZE, ...parts.map((p) => p.size ?? BODY_SIZE));
  ws.getRow(row).height = Math.round(lines * LINE_HEIGHT * (size / BODY_SIZE) * 10) / 10 + 2;
}

function writePreamble(
  ws: Worksheet,
  table: Table,
  meta: AppendixMeta,
  widths: number[],
  full: Block,
): void {
  const { left, right } = sideBlocks(widths);
  const body = issuingBody(meta);
  const lw = blockWidth(widths, left);
  const rw = right ? blockWidth(widths, right) : 0;
  const fw = blockWidth(widths, full);

  put(ws, PREAMBLE.body, left, body.agency, { size: BODY_SIZE });
  put(ws, PREAMBLE.motto, left, body.office, { bold: true, size: BODY_SIZE });
  if (right) {
    put(ws, PREAMBLE.body, right, MOTTO, { bold: true, size: BODY_SIZE });
    put(ws, PREAMBLE.motto, right, MOTTO_SUBTITLE, {
      bold: true,
      underline: true,
      size: HEADING_SIZE,
    });
  }
  fitRow(ws, PREAMBLE.body, [
    { text: body.agency, width: lw },
    { text: right ? MOTTO : '', width: rw, bold: true },
  ]);
  fitRow(ws, PREAMBLE.motto, [
    { text: body.office, width: lw, bold: true },
    { text: right ? MOTTO_SUBTITLE : '', width: rw, bold: true, size: HEADING_SIZE },
  ]);

  // A table without a title still needs one over it; its name is what people call it.
  const title = table.title.trim() || table.name;
  put(ws, PREAMBLE.title, full, title, { bold: true, size: HEADING_SIZE });
  fitRow(ws, PREAMBLE.title, [{ text: title, width: fw, bold: true, size: HEADING_SIZE }]);
  put(ws, PREAMBLE.attachment, full, attachmentLine(meta), { italic: true });
  fitRow(ws, PREAMBLE.attachment, [{ text: attachmentLine(meta), width: fw }]);
  put(ws, PREAMBLE.referenceDate, full, referenceLine(meta), { italic: true });
  put(ws, PREAMBLE.unit, full, unitLine(table.unit), { italic: true, align: 'right' });
}

function writeHeader(
  ws: Worksheet,
  table: Table,
  widths: number[],
  headerTop: number,
  codeRow: number,
): void {
  const cells = headerCells(table.columns);
  const depth = codeRow - headerTop;
  headerRowHeights(cells, widths, depth).forEach((h, i) => (ws.getRow(headerTop + i).height = h));
  for (const h of cells) {
    const top = headerTop + h.top;
    const bottom = headerTop + h.bottom;
    if (bottom > top || h.right > h.left) ws.mergeCells(top, h.left + 1, bottom, h.right + 1);
    for (let r = top; r <= bottom; r++) {
      for (let c = h.left; c <= h.right; c++) ws.getCell(r, c + 1).border = THIN_BORDER;
    }
    const cell = ws.getCell(top, h.left + 1);
    cell.value = h.text;
    cell.font = font({ bold: true });
    cell.alignment = CENTRE_WRAP;
  }
  let codeLines = 1;
  table.columns.forEach((column, c) => {
    const cell = ws.getCell(codeRow, c + 1);
    cell.value = codeRowText(column);
    cell.font = font({ italic: true });
    cell.alignment = CENTRE_WRAP;
    cell.border = THIN_BORDER;
    codeLines = Math.max(codeLines, linesNeeded(codeRowText(column), widths[c]));
  });
  if (codeLines > 1) ws.getRow(codeRow).height = codeLines * LINE_HEIGHT + 2;
}

/** Short labels (STT: 1, 2, I, II, a, b) are centred; names are left-aligned. */
function centredTextColumns(table: Table): boolean[] {
  return table.columns.map(
    (column, c) =>
      !isFigureColumn(column) &&
      table.rows
        .filter((r) => r.role === 'detail')
        .every((r) => r.cells[c] === null || String(r.cells[c]).length <= 4),
  );
}

/**
 * The columns a label of a group or total row runs on into: "Toàn huyện" in the narrow STT column
 * spills over the empty name column beside it. The borders between them are left out so the
 * words are not crossed by a line; the cells stay separate (and empty) for whoever reads the file.
 */
function runOnEnds(table: Table, widths: readonly number[]): Map<string, number> {
  const ends = new Map<string, number>();
  table.rows.forEach((row, r) => {
    if (row.role === 'detail') return;
    row.cells.forEach((value, c) => {
      if (typeof value !== 'string' || value.trim() === '') return;
      const needed = value.length * 1.2 + 1;
      let end = c;
      let width = widths[c];
      while (width < needed && end + 1 < row.cells.length && row.cells[end + 1] === null) {
        end++;
        width += widths[end];
      }
      if (end > c) ends.set(`${r}:${c}`, end);
    });
  });
  return ends;
}

function writeData(
  ws: Worksheet,
  input: TableSheetInput,
  widths: readonly number[],
  firstDataRow: number,
): { formulas: number; marked: number } {
  const { table } = input;
  const plans = planCells(table, input.findings, { valuesOnly: input.valuesOnly });
  const centred = centredTextColumns(table);
  const runOns = runOnEnds(table, widths);
  let formulas = 0;
  let marked = 0;
  // One style object per look, shared by every cell that has it: exceljs recognises a style
  // object it has seen and writes its number once, where a style per cell is turned into XML
  // and looked up again for each of a national table's 139,000 cells. Whoever changes one
  // cell's look afterwards gives that cell its own style first (unit-form.ts).
  const styles = new Map<string, Partial<Style>>();
  const styleOf = (
    bold: boolean,
    edges: 'all' | 'left' | 'right' | 'both-ends' | 'none',
    align: 'figure' | 'center' | 'left',
    numFmt: string | null,
  ): Partial<Style> => {
    const key = `${bold ? 1 : 0}|${edges}|${align}|${numFmt ?? ''}`;
    let style = styles.get(key);
    if (!style) {
      const thin = THIN_BORDER.top!;
      style = {
        border:
          edges === 'all'
            ? THIN_BORDER
            : {
                top: thin,
                bottom: thin,
                left: edges === 'left' || edges === 'both-ends' ? thin : undefined,
                right: edges === 'right' || edges === 'both-ends' ? thin : undefined,
              },
        font: font({ bold }),
        alignment:
          align === 'figure'
            ? { vertical: 'middle', horizontal: 'right', indent: FIGURE_INDENT }
            : { vertical: 'middle', horizontal: align },
        ...(numFmt === null ? {} : { numFmt }),
      };
      styles.set(key, style);
    }
    return style;
  };
  table.rows.forEach((row, r) => {
    const emphasis = row.role !== 'detail';
    let runOn: { from: number; to: number } | null = null;
    plans[r].forEach((plan, c) => {
      const column = table.columns[c];
      const figure = isFigureColumn(column);
      const cell = ws.getCell(firstDataRow + r, c + 1);
      const end = runOns.get(`${r}:${c}`);
      if (end !== undefined) runOn = { from: c, to: end };
      const edges =
        runOn && c >= runOn.from && c <= runOn.to
          ? c === runOn.from && c === runOn.to
            ? 'both-ends'
            : c === runOn.from
              ? 'left'
              : c === runOn.to
                ? 'right'
                : 'none'
          : 'all';
      if (plan.kind === 'formula') {
        cell.value = { formula: plan.formula, result: plan.result };
        cell.style = styleOf(emphasis, edges, 'figure', figureFormat(column, plan.result));
        formulas++;
        return;
      }
      const { value } = plan;
      if (value !== null) cell.value = value;
      // A label in a group or total row runs on into the empty cells beside it, so it is not
      // wrapped or centred in its narrow column.
      const runsOn = emphasis && typeof value === 'string';
      cell.style = styleOf(
        emphasis,
        edges,
        figure ? 'figure' : centred[c] && !runsOn ? 'center' : 'left',
        typeof value === 'number' && figure ? figureFormat(column, value) : null,
      );
      if (plan.findings.length > 0) {
        cell.note = findingNote(plan.findings, typeof value === 'number');
        marked++;
      }
    });
  });
  return { formulas, marked };
}

/** The comment on a cell with findings: each finding's sentence, and its suggestion. */
export function findingNote(findings: readonly Finding[], statedNumber: boolean): string {
  const lines = findings.map((f) => {
    const suggestion = f.suggestion
      ? `\nGợi ý: ghi ${f.suggestion.cell} = ${formatNumber(f.suggestion.value, decimalsNeeded(f.suggestion.value))} — ${f.suggestion.reason}`
      : '';
    return `${severityName(f.severity)}: ${f.message}${suggestion}`;
  });
  if (statedNumber) lines.push('Biểu giữ nguyên số ghi, không thay bằng công thức.');
  return lines.join('\n');
}

function writeSignatures(
  ws: Worksheet,
  meta: AppendixMeta,
  widths: number[],
  rows: ReturnType<typeof appendixLayout>['signatures'],
): void {
  const { left, right } = sideBlocks(widths);
  const signerBlock = right ?? left;
  put(ws, rows.placeDate, signerBlock, placeDateLine(meta), { italic: true });
  put(ws, rows.titles, left, PREPARER_TITLE, { bold: true });
  put(ws, rows.hints, left, PREPARER_HINT, { italic: true });
  put(ws, rows.names, left, meta.preparer ?? '', { bold: true });
  if (right) {
    put(ws, rows.titles, right, HEAD_TITLE, { bold: true });
    put(ws, rows.hints, right, HEAD_HINT, { italic: true });
    put(ws, rows.names, right, meta.head ?? '', { bold: true });
  }
}
