/**
 * Finding the statistical tables on a sheet (docs/domain.md, how a table looks):
 *
 *   title lines        "BIỂU 02: …", "(Kèm theo …)", "Tính đến ngày …", "Đơn vị tính: …"
 *   header block       1–4 rows, levels drawn with merged cells
 *   column-code row    A | B | 1=2+3 | 2 | 3 | … | 6=5/4*100          (optional)
 *   data rows          group headings, details, "Cộng" subtotals, "Tổng cộng" totals,
 *                      single blank separator rows
 *   notes              "Ghi chú", sources, the place-and-date line, signatures
 *
 * A sheet may hold several tables one under the other. The result keeps, for every table row and
 * column, the sheet row and column it came from, so findings can name the source file's own
 * cells. Everything the reading had to decide (a number convention, a formula without a saved
 * result, an inferred formula) is said in Vietnamese in `doubts`; nothing is changed silently.
 */
import { parseNumber, type NumberConvention } from '../numbers';
import { columnLetter, type Column, type Row, type Table } from '../model';
import { a1, cellAt, displayText, type SheetGrid } from './sheet-grid';
import { assignCodes, codeRowEntries, headerOf } from './header-block';
import { readColumn, type ColumnConvention } from './column-reading';
import {
  addTallies,
  decideNotation,
  emptyTally,
  notationName,
  tallyString,
  type NotationDecision,
  type NotationTally,
} from './notation';
import { readRoles } from './row-roles';
import { inferFormulas } from './infer-formulas';
import {
  cleanLabel,
  hasLetter,
  isAsOfLine,
  isAttachedToLine,
  isGenericSheetName,
  isGroupLabel,
  isLetterheadLine,
  isNotesLine,
  isErrorValue,
  isSectionCode,
  isSourceNote,
  isTitleLike,
  unitOf,
} from '../table-words';

/** A table ready for the store: the model's Table without ids (structurally the store's NewTable). */
export interface TableDraft {
  name: string;
  title: string;
  unit: string;
  columns: Omit<Column, 'id'>[];
  rows: Omit<Row, 'id'>[];
}

/** How one column's number-strings were read. */
export interface ColumnReading extends ColumnConvention {
  /** Index of the column in the table. */
  column: number;
  /** The source column's letter. */
  letter: string;
}

export interface DetectedTable {
  table: TableDraft;
  /** The sheet's name as written in the workbook. */
  sheet: string;
  /** 1-based sheet row of each table row. */
  sourceRows: number[];
  /** 0-based sheet column of each table column. */
  sourceColumns: number[];
  /** 1-based sheet rows of the header block (empty when the block had no header). */
  headerRows: number[];
  /** 1-based sheet row of the column-code row, or null. */
  codeRow: number | null;
  /** The lines above the header: title, "Kèm theo …", "Tính đến …", "Đơn vị tính: …". */
  preamble: string[];
  /** The lines below the table: notes, sources, signatures. */
  notes: string[];
  readings: ColumnReading[];
  /** A1 addresses of formula cells in the table whose result was not saved (kept empty). */
  unevaluated: string[];
  /** What the reading decided or could not decide, in Vietnamese, for the preview. */
  doubts: string[];
}

export interface SheetDetection {
  tables: DetectedTable[];
  /** Blocks that looked like a table but were left out, with why (Vietnamese). */
  skipped: string[];
}

export interface DetectOptions {
  /** The document's locale: how strings that read both ways ("1.234") are read when nothing else decides. */
  locale?: NumberConvention;
  /**
   * The notation the whole workbook establishes (notation.ts); by default the sheet's own. The
   * importer tallies every sheet first, so a sheet of ambiguous strings follows its workbook.
   */
  notation?: NotationTally;
}

/** The notation tally of every string on a sheet. */
export function sheetNotation(grid: SheetGrid): NotationTally {
  const tally = emptyTally();
  for (const row of grid.cells) {
    if (!row) continue;
    for (const cell of row)
      if (cell && typeof cell.value === 'string') tallyString(tally, cell.value);
  }
  return tally;
}

/** At most this many header rows above the code row or the data. */
const MAX_HEADER_ROWS = 4;

// ---------------------------------------------------------------------------------------------
// Row features

type Kind = 'empty' | 'junk' | 'number' | 'text' | 'dash';

function kindOfCell(grid: SheetGrid, row: number, col: number): Kind {
  const cell = cellAt(grid, row, col);
  if (!cell) return 'empty';
  if (cell.uncached) return 'number';
  if (cell.value === null) return 'empty';
  if (typeof cell.value === 'number') return 'number';
  const s = cell.value.trim();
  if (s === '') return 'empty';
  // "#VALUE!", "#REF!": a figure whose formula failed, never a header word.
  if (isErrorValue(s)) return 'number';
  const vi = parseNumber(s, 'vi');
  if (vi.kind === 'number' || parseNumber(s, 'en').kind === 'number') return 'number';
  if (vi.kind === 'empty') return 'dash';
  return /[\p{L}\p{N}]/u.test(s) ? 'text' : 'junk';
}

const KINDS: readonly Kind[] = ['empty', 'junk', 'number', 'text', 'dash'];
/** Each cell's kind, computed once per sheet: the scan asks about the same rows many times. */
const kindCache = new WeakMap<SheetGrid, Map<number, Uint8Array>>();

function kindOf(grid: SheetGrid, row: number, col: number): Kind {
  let rows = kindCache.get(grid);
  if (!rows) kindCache.set(grid, (rows = new Map()));
  let kinds = rows.get(row);
  if (!kinds) {
    kinds = new Uint8Array(grid.columnCount);
    for (let c = 0; c < grid.columnCount; c++) kinds[c] = KINDS.indexOf(kindOfCell(grid, row, c));
    rows.set(row, kinds);
  }
  return col < kinds.length ? KINDS[kinds[col]] : 'empty';
}

interface RowFeatures {
  numbers: number;
  dashes: number;
  texts: number;
  textColumns: number[];
  numberColumns: number[];
  firstText: string | null;
  blank: boolean;
}

function features(grid: SheetGrid, row: number, c0: number, c1: number): RowFeatures {
  const f: RowFeatures = {
    numbers: 0,
    dashes: 0,
    texts: 0,
    textColumns: [],
    numberColumns: [],
    firstText: null,
    blank: true,
  };
  for (let c = c0; c <= c1; c++) {
    const kind = kindOf(grid, row, c);
    if (kind === 'number') {
      f.numbers++;
      f.numberColumns.push(c);
    } else if (kind === 'dash') f.dashes++;
    else if (kind === 'text') {
      f.texts++;
      f.textColumns.push(c);
      f.firstText ??= displayText(cellAt(grid, row, c));
    }
  }
  f.blank = f.numbers + f.dashes + f.texts === 0;
  return f;
}

function rowTexts(grid: SheetGrid, row: number, c0: number, c1: number): string[] {
  const out: string[] = [];
  for (let c = c0; c <= c1; c++) {
    const t = cleanLabel(displayText(cellAt(grid, row, c)));
    if (t !== '' && /[\p{L}\p{N}]/u.test(t)) out.push(t);
  }
  return out;
}

function isHeaderLike(f: RowFeatures): boolean {
  return (
    f.texts >= 2 && f.texts >= 2 * f.numbers && !(f.firstText !== null && isNotesLine(f.firstText))
  );
}

/** A row of notes on where each column comes from ("Cột D-B02 tháng này"), not a header level. */
function isAnnotationRow(
  grid: SheetGrid,
  row: number,
  c0: number,
  c1: number,
  f: RowFeatures,
): boolean {
  if (f.texts < 2 || f.numbers > 1) return false;
  const notes = rowTexts(grid, row, c0, c1).filter(isSourceNote).length;
  return notes * 2 >= f.texts;
}

/** A line that starts a new table's preamble, never a data row. */
function isPreambleLine(text: string): boolean {
  return (
    unitOf(text) !== null ||
    isAttachedToLine(text) ||
    isLetterheadLine(text) ||
    (isTitleLike(text) && !isGroupLabel(text))
  );
}

// ---------------------------------------------------------------------------------------------
// The head of a table

interface Head {
  headerRows: number[];
  codeRow: number | null;
  /** Rows between the header and the data that only say where columns come from. */
  annotations: number[];
  firstData: number;
  c0: number;
  c1: number;
}

/** The row continues the header block: a merge from an earlier header row reaches into it, or
 *  most of its words stand under wider header cells above (a sub-level). */
function continuesHeader(
  grid: SheetGrid,
  row: number,
  headerRows: number[],
  f: RowFeatures,
): boolean {
  const top = headerRows[0];
  const merges = grid.merges.filter((m) => m.top >= top && m.top < row);
  const covered = merges.some((m) => m.bottom >= row);
  if (f.texts === 0) return covered;
  const under = f.textColumns.filter((c) =>
    merges.some((m) => c >= m.left && c <= m.right && (m.bottom >= row || m.right > m.left)),
  ).length;
  return under > 0 && under * 2 >= f.texts;
}

function headRange(grid: SheetGrid, rows: number[]): { c0: number; c1: number } {
  let c0 = Infinity;
  let c1 = -Infinity;
  for (const r of rows) {
    for (let c = 0; c < grid.columnCount; c++) {
      if (displayText(cellAt(grid, r, c)) !== '') {
        c0 = Math.min(c0, c);
        c1 = Math.max(c1, c);
      }
    }
    for (const m of grid.merges) {
      if (m.top === r) {
        c0 = Math.min(c0, m.left);
        c1 = Math.max(c1, m.right);
      }
    }
  }
  return { c0, c1 };
}

function readHead(grid: SheetGrid, h: number): Head {
  const n = grid.cells.length;
  const all = (r: number) => features(grid, r, 0, grid.columnCount - 1);
  const headerRows = [h];
  const annotations: number[] = [];
  let k = h + 1;
  let codeRow: number | null = null;
  for (; k < n && headerRows.length < MAX_HEADER_ROWS; k++) {
    const { c0, c1 } = headRange(grid, headerRows);
    if (codeRowEntries(grid, k, c0, c1)) break;
    const f = all(k);
    if (isAnnotationRow(grid, k, c0, c1, f)) break;
    if (f.numbers > 0 && !isHeaderLike(f)) break;
    if (!continuesHeader(grid, k, headerRows, f)) break;
    headerRows.push(k);
  }
  let { c0, c1 } = headRange(grid, headerRows);
  if (k < n && codeRowEntries(grid, k, c0, c1)) {
    codeRow = k;
    for (let c = 0; c < grid.columnCount; c++) {
      if (displayText(cellAt(grid, k, c)) !== '' && (c === c0 - 1 || c === c1 + 1)) {
        c0 = Math.min(c0, c);
        c1 = Math.max(c1, c);
      }
    }
    k++;
  }
  while (k < n && isAnnotationRow(grid, k, c0, c1, features(grid, k, c0, c1)))
    annotations.push(k++);
  return { headerRows, codeRow, annotations, firstData: k, c0, c1 };
}

/** Within a few rows after the head (past group headings and blanks) stands a row of figures. */
function hasDataAhead(grid: SheetGrid, head: Head): boolean {
  const n = grid.cells.length;
  for (let r = head.firstData, seen = 0; r < n && seen < 4; r++) {
    const f = features(grid, r, head.c0, head.c1);
    if (f.blank) continue;
    if (f.numbers + f.dashes > 0) return true;
    if (f.firstText !== null && isNotesLine(f.firstText)) return false;
    seen++;
  }
  return false;
}

// ---------------------------------------------------------------------------------------------
// The body of a table

interface Body {
  rows: number[];
  /** First row after the table (its trailing headings and blanks excluded). */
  end: number;
}

function readBody(grid: SheetGrid, head: Head): Body {
  const n = grid.cells.length;
  const rows: number[] = [];
  const figureColumns = new Set<number>();
  let blanks = 0;
  for (let r = head.firstData; r < n; r++) {
    const f = features(grid, r, head.c0, head.c1);
    if (f.blank) {
      if (++blanks >= 2) break;
      continue;
    }
    blanks = 0;
    const figures = f.numbers + f.dashes;
    if (
      figures === 0 &&
      f.firstText !== null &&
      (isNotesLine(f.firstText) || isPreambleLine(f.firstText))
    )
      break;
    if (codeRowEntries(grid, r, head.c0, head.c1)) break;
    // Words across the columns that held figures so far, and no figure: the next table's header.
    if (figures === 0 && f.textColumns.filter((c) => figureColumns.has(c)).length >= 2) break;
    rows.push(r);
    f.numberColumns.forEach((c) => figureColumns.add(c));
  }
  // Headings with nothing under them belong to what follows (a next table's title, a note).
  while (rows.length > 0) {
    const f = features(grid, rows[rows.length - 1], head.c0, head.c1);
    if (f.numbers + f.dashes > 0) break;
    rows.pop();
  }
  return { rows, end: rows.length > 0 ? rows[rows.length - 1] + 1 : head.firstData };
}

function notesAfter(
  grid: SheetGrid,
  from: number,
  until: number,
  c0: number,
  c1: number,
): string[] {
  const notes: string[] = [];
  let blanks = 0;
  for (let r = from; r < until && blanks < 3; r++) {
    const texts = rowTexts(grid, r, Math.max(0, c0 - 1), c1);
    if (texts.length === 0) {
      blanks++;
      continue;
    }
    blanks = 0;
    notes.push(texts.join(' '));
  }
  return notes;
}

// ---------------------------------------------------------------------------------------------
// Building the table

interface Preamble {
  title: string;
  unit: string;
  lines: string[];
}

function readPreamble(grid: SheetGrid, from: number, until: number): Preamble {
  const lines: string[] = [];
  for (let r = from; r < until; r++) {
    const texts = rowTexts(grid, r, 0, grid.columnCount - 1);
    lines.push(...texts.filter(hasLetter));
  }
  let unit = '';
  let title = '';
  for (const line of lines) {
    const u = unitOf(line);
    if (u !== null) {
      unit ||= u;
      continue;
    }
    if (isAttachedToLine(line) || isAsOfLine(line) || isLetterheadLine(line) || isNotesLine(line))
      continue;
    if (!title || (isTitleLike(line) && !isTitleLike(title))) title = line;
  }
  return { title, unit, lines };
}

function columnName(index: number, label: string): string {
  return label ? `Cột ${columnLetter(index)} («${label}»)` : `Cột ${columnLetter(index)}`;
}

function listRanges(indices: number[], show: (i: number) => string): string {
  const parts: string[] = [];
  for (let i = 0; i < indices.length; i++) {
    let j = i;
    while (j + 1 < indices.length && indices[j + 1] === indices[j] + 1) j++;
    parts.push(j > i ? `${show(indices[i])}–${show(indices[j])}` : show(indices[i]));
    i = j;
  }
  return parts.join(', ');
}

function buildTable(
  grid: SheetGrid,
  head: Head,
  body: Body,
  preamble: Preamble,
  notes: string[],
  locale: NumberConvention,
  notation: NotationDecision,
): DetectedTable {
  const doubts: string[] = [];
  const codeEntries =
    head.codeRow === null ? null : codeRowEntries(grid, head.codeRow, head.c0, head.c1);
  // Columns of the head's width that hold anything at all.
  const sourceColumns: number[] = [];
  for (let c = head.c0; c <= head.c1; c++) {
    const used =
      headerOf(grid, head.headerRows, c).length > 0 ||
      codeEntries?.has(c) ||
      body.rows.some((r) => {
        const cell = cellAt(grid, r, c);
        return (
          cell !== null &&
          (cell.uncached || (cell.value !== null && String(cell.value).trim() !== ''))
        );
      });
    if (used) sourceColumns.push(c);
  }
  const headers = sourceColumns.map((c) => headerOf(grid, head.headerRows, c));
  const names = sourceColumns.map((c, i) => columnName(c, headers[i][headers[i].length - 1] ?? ''));
  const entries = sourceColumns.map((c) => codeEntries?.get(c) ?? null);
  const reads = sourceColumns.map((c, i) => {
    const entry = entries[i];
    const letterCode = entry !== null && /^\(?\s*[A-ZĐ]{1,2}\s*\)?$/u.test(entry);
    const numericCode = entry !== null && /^\(?\s*\d+\s*\)?\s*(=|$)/u.test(entry);
    return readColumn({
      cells: body.rows.map((r) => cellAt(grid, r, c)),
      sheetRows: body.rows,
      sheetColumn: c,
      header: headers[i],
      name: names[i],
      letterCode,
      numericCode,
      hasFormula: entry !== null && entry.includes('='),
      first: i === 0,
      locale,
      notation,
    });
  });
  const codes = assignCodes(
    entries,
    reads.map((r) => r.kind === 'label'),
    names,
  );
  const columns: Omit<Column, 'id'>[] = reads.map((read, i) => {
    const header = headers[i];
    return {
      code: codes.codes[i].code,
      label: header[header.length - 1] ?? '',
      headerPath: header.slice(0, -1),
      type: read.type,
      decimals: read.decimals,
      formula: read.kind === 'figure' ? codes.codes[i].formula : null,
    };
  });
  const cellRows = body.rows.map((_, r) => reads.map((read) => read.values[r]));
  const pending = body.rows.map((r) =>
    sourceColumns.some(
      (c, i) => reads[i].kind === 'figure' && cellAt(grid, r, c)?.uncached === true,
    ),
  );
  const roles = readRoles(
    cellRows,
    columns.map((c) => c.type),
    pending,
  );
  // Roles are read from labels: hints the checks believe only as far as the figures add up.
  const rows: Omit<Row, 'id'>[] = cellRows.map((cells, r) => ({
    role: roles[r].role,
    ...(roles[r].role === 'subtotal' || roles[r].role === 'total'
      ? { roleBasis: 'inferred' as const }
      : {}),
    unitKey: roles[r].unitKey,
    cells,
  }));

  if (head.codeRow === null) {
    if (head.headerRows.length > 0) {
      doubts.push(
        'Biểu không có dòng mã cột: Biểu đặt mã A, B … cho cột chữ và 1, 2 … cho cột số.',
      );
    }
  }
  for (const inferred of inferFormulas(columns, rows, names)) {
    columns[inferred.column].formula = inferred.formula;
    columns[inferred.column].formulaBasis = 'inferred';
    doubts.push(inferred.doubt);
  }
  doubts.push(...codes.doubts);
  if (head.annotations.length > 0) {
    doubts.push(
      `Bỏ qua dòng ${head.annotations.map((r) => r + 1).join(', ')}: ghi chú nguồn số liệu của từng cột, không phải số liệu.`,
    );
  }
  const hiddenRows = body.rows.filter((r) => grid.hiddenRows.includes(r));
  if (hiddenRows.length > 0) {
    doubts.push(
      `Có ${hiddenRows.length} dòng bị ẩn trong Excel (dòng ${listRanges(hiddenRows, (r) => String(r + 1))}); đã nhập cả các dòng này.`,
    );
  }
  const hiddenColumns = sourceColumns.filter((c) => grid.hiddenColumns.includes(c));
  if (hiddenColumns.length > 0) {
    doubts.push(
      `Có ${hiddenColumns.length} cột bị ẩn trong Excel (${listRanges(hiddenColumns, columnLetter)}); đã nhập cả các cột này.`,
    );
  }
  const readings: ColumnReading[] = [];
  reads.forEach((read, i) => {
    if (read.convention)
      readings.push({ ...read.convention, column: i, letter: columnLetter(sourceColumns[i]) });
    if (read.convention && read.convention.reason) doubts.push(read.convention.reason);
    doubts.push(...read.doubts);
  });
  if (
    rows.some((r) => r.role === 'total') &&
    rows.findIndex((r) => r.role === 'total') < rows.findIndex((r) => r.role === 'detail')
  ) {
    doubts.push(
      'Dòng tổng đứng trên các dòng thành phần: Biểu vẫn hiểu là tổng của các dòng bên dưới.',
    );
  }

  return {
    table: { name: grid.name.trim(), title: preamble.title, unit: preamble.unit, columns, rows },
    sheet: grid.name,
    sourceRows: body.rows.map((r) => r + 1),
    sourceColumns,
    headerRows: head.headerRows.map((r) => r + 1),
    codeRow: head.codeRow === null ? null : head.codeRow + 1,
    preamble: preamble.lines,
    notes,
    readings,
    unevaluated: reads.flatMap((r) => r.unevaluated),
    doubts,
  };
}

// ---------------------------------------------------------------------------------------------
// The sheet

/** A row of figures: at least one number, and not a code row or a row of years over columns. */
function isFigureRow(grid: SheetGrid, row: number): boolean {
  const f = features(grid, row, 0, grid.columnCount - 1);
  if (f.numbers === 0) return false;
  if (codeRowEntries(grid, row, 0, grid.columnCount - 1)) return false;
  // Notes on where each column comes from ("Dự toán lấy ở cột D-B10 | … | 0").
  if (isAnnotationRow(grid, row, 0, grid.columnCount - 1, f)) return false;
  if (isColumnNumbering(grid, row, f.numberColumns)) return false;
  // "2019 | 2020 | 2021" over the columns, and nothing else: a header level.
  const years = f.numberColumns.every((c) => {
    const v = cellAt(grid, row, c)?.value;
    return typeof v === 'number' && Number.isInteger(v) && v >= 1900 && v <= 2100;
  });
  return !(years && f.numbers >= 2 && f.texts === 0);
}

/**
 * "1 | 2 | 3 | … | 49" across the columns, between other header texts: the columns numbered, not
 * figures. Figures that count up by exactly one cell after cell do not happen by chance.
 */
function isColumnNumbering(grid: SheetGrid, row: number, columns: readonly number[]): boolean {
  if (columns.length < 4) return false;
  const values = columns.map((c) => cellAt(grid, row, c)?.value);
  let steps = 0;
  for (let i = 0; i < values.length; i++) {
    const v = values[i];
    if (typeof v !== 'number' || !Number.isInteger(v) || v < 0 || v > 999) return false;
    const before = values[i - 1] as number;
    // A second numbering may start again at 1 after a run ("… 48 | 49 | 1 | 2 | 3").
    if (i > 0 && (v === before + 1 || (v === 1 && before >= 3))) steps++;
  }
  return steps === values.length - 1;
}

/** A row without figures that names a group: "I | Khu vực thành thị", "Tuyến Tỉnh". */
function isGroupHeadingRow(grid: SheetGrid, row: number): boolean {
  const f = features(grid, row, 0, grid.columnCount - 1);
  if (f.numbers > 0 || f.texts === 0 || f.texts > 3) return false;
  const texts = rowTexts(grid, row, 0, grid.columnCount - 1);
  return (
    isSectionCode(texts[0]) ||
    texts.some((t) => hasLetter(t) && isGroupLabel(t) && !isPreambleLine(t))
  );
}

/** A line of the preamble (title, unit, "Kèm theo …", letterhead) or the notes: not a header. */
function isPreambleRow(grid: SheetGrid, row: number): boolean {
  const texts = rowTexts(grid, row, 0, grid.columnCount - 1).filter(hasLetter);
  if (texts.length === 0) return false;
  if (texts.every((t) => isPreambleLine(t) || isAsOfLine(t) || isNotesLine(t))) return true;
  // One text across a wide merge: a title.
  if (texts.length === 1) {
    const m = grid.merges.find(
      (x) => x.top === row && x.right - x.left >= Math.max(3, 0.4 * grid.columnCount),
    );
    if (m) return true;
  }
  return false;
}

/**
 * The head of the table whose first figures stand on row `data`, read upward: the code row right
 * above the figures ("A | B | 1 | 2=1+3"), source notes, then the header rows up to a blank row,
 * a title or unit line, or five rows. Reading from the figures up keeps a letterhead or a title
 * with a few stray cells ("QUÂN KHU 3 … BIỂU 02/KK") out of the header.
 */
function headAbove(grid: SheetGrid, from: number, figures: number): Head | null {
  // Group headings right above the first figures ("I | Thành phố Hà Nội") open the body.
  let data = figures;
  while (data - 1 >= from && figures - data < 3 && isGroupHeadingRow(grid, data - 1)) data--;
  let k = data - 1;
  const annotations: number[] = [];
  let codeRow: number | null = null;
  const all = (r: number) => features(grid, r, 0, grid.columnCount - 1);
  for (; k >= from && data - k <= 3; k--) {
    if (codeRowEntries(grid, k, 0, grid.columnCount - 1)) {
      codeRow = k;
      k--;
      break;
    }
    const f = all(k);
    if (f.numbers > 0 || f.texts < 2) break;
    if (!isAnnotationRow(grid, k, 0, grid.columnCount - 1, f)) break;
    annotations.unshift(k);
  }
  if (codeRow === null) {
    // No code row: the rows skipped as notes may be the header after all.
    k = data - 1;
    annotations.length = 0;
  }
  const headerRows: number[] = [];
  for (; k >= from && headerRows.length < 5; k--) {
    const f = all(k);
    if (f.blank || f.numbers > f.texts) break;
    if (isPreambleRow(grid, k)) break;
    if (
      f.texts < 2 &&
      headerRows.length === 0 &&
      !grid.merges.some((m) => m.top <= k && m.bottom > k)
    )
      break;
    headerRows.unshift(k);
  }
  // A one-text row on top of the block is a title, unless merges tie it to the rows below.
  while (headerRows.length > 1) {
    const top = headerRows[0];
    const f = all(top);
    const tied = grid.merges.some((m) => m.top <= top && m.bottom > top);
    if (f.texts >= 2 || tied) break;
    headerRows.shift();
  }
  if (headerRows.length === 0) return null;
  let { c0, c1 } = headRange(grid, [...headerRows, ...(codeRow === null ? [] : [codeRow])]);
  const first = all(data);
  for (const c of [...first.numberColumns, ...first.textColumns]) {
    c0 = Math.min(c0, c);
    c1 = Math.max(c1, c);
  }
  return { headerRows, codeRow, annotations, firstData: data, c0, c1 };
}

function findHead(grid: SheetGrid, from: number): Head | null {
  // From the first row of figures, upward; the older reading (down from the first row that
  // looks like a header) where that finds no header.
  for (let d = from; d < grid.cells.length; d++) {
    if (!isFigureRow(grid, d)) continue;
    const head = headAbove(grid, from, d);
    if (head) return head;
    break;
  }
  return findHeadDownward(grid, from);
}

function findHeadDownward(grid: SheetGrid, from: number): Head | null {
  const n = grid.cells.length;
  for (let h = from; h < n; h++) {
    const f = features(grid, h, 0, grid.columnCount - 1);
    if (!isHeaderLike(f)) continue;
    const head = readHead(grid, h);
    if (hasDataAhead(grid, head)) return head;
  }
  return null;
}

/** A block of figures with no header above (a pasted selection): its columns carry no labels. */
function headlessHead(grid: SheetGrid): Head | null {
  const n = grid.cells.length;
  const all = (r: number) => features(grid, r, 0, grid.columnCount - 1);
  let first = -1;
  for (let r = 0; r < n; r++) {
    if (all(r).numbers > 0) {
      first = r;
      break;
    }
  }
  if (first < 0) return null;
  // A group heading right above the first figures belongs to the block.
  if (first > 0) {
    const f = all(first - 1);
    if (f.numbers === 0 && f.texts === 1 && f.firstText !== null && isGroupLabel(f.firstText))
      first--;
  }
  return {
    headerRows: [],
    codeRow: null,
    annotations: [],
    firstData: first,
    c0: 0,
    c1: grid.columnCount - 1,
  };
}

function tableName(grid: SheetGrid, title: string, index: number): string {
  const sheet = grid.name.trim();
  let base = sheet;
  if ((isGenericSheetName(sheet) || sheet === '') && title) {
    base = title.length > 60 ? `${title.slice(0, 59).trimEnd()}…` : title;
  }
  base ||= 'Biểu';
  return index === 0 ? base : `${base} (${index + 1})`;
}

function rangeText(head: Head, body: Body): string {
  const top = head.headerRows[0] ?? head.firstData;
  const bottom = body.rows.length > 0 ? body.rows[body.rows.length - 1] : head.firstData;
  return `${a1(top, head.c0)}:${a1(bottom, head.c1)}`;
}

/** The tables on one sheet, and the blocks left out. */
export function detectSheet(grid: SheetGrid, options: DetectOptions = {}): SheetDetection {
  const locale = options.locale ?? 'vi';
  const tally = emptyTally();
  addTallies(tally, options.notation ?? sheetNotation(grid));
  const notation = decideNotation(tally, locale);
  const tables: DetectedTable[] = [];
  const skipped: string[] = [];
  const sheet = grid.name.trim();
  let from = 0;
  let previousEnd = 0;
  const take = (head: Head, body: Body, preambleFrom: number) => {
    const next = findHead(grid, body.end);
    const notesUntil = next ? (next.headerRows[0] ?? next.firstData) : grid.cells.length;
    const notes = notesAfter(grid, body.end, notesUntil, head.c0, head.c1);
    const preamble = readPreamble(grid, preambleFrom, head.headerRows[0] ?? head.firstData);
    const enough = body.rows.length >= 2 || (head.codeRow !== null && body.rows.length >= 1);
    if (!enough) {
      skipped.push(
        `Trang «${sheet}», vùng ${rangeText(head, body)}: chỉ có ${body.rows.length} dòng số liệu, không coi là một biểu.`,
      );
      return;
    }
    const detected = buildTable(grid, head, body, preamble, notes, locale, notation);
    if (notation.conflict) {
      detected.doubts.unshift(
        `Trang tính viết số lẫn hai kiểu (như «${tally.viExample}» kiểu Việt Nam và «${tally.enExample}» kiểu tiếng Anh); các số đọc được cả hai cách được đọc ${notationName(notation.convention)}, cần xem lại.`,
      );
    }
    detected.table.name = tableName(grid, preamble.title, tables.length);
    tables.push(detected);
    previousEnd = body.end;
  };
  for (;;) {
    const head = findHead(grid, from);
    if (!head) break;
    const body = readBody(grid, head);
    take(head, body, previousEnd);
    from = Math.max(
      body.end,
      head.firstData,
      (head.codeRow ?? head.headerRows[head.headerRows.length - 1]) + 1,
    );
  }
  if (tables.length === 0 && skipped.length === 0) {
    const head = headlessHead(grid);
    if (head) {
      const body = readBody(grid, head);
      if (body.rows.length >= 2) {
        take(head, body, 0);
        tables[tables.length - 1]?.doubts.unshift(
          'Không thấy dòng tiêu đề cột: các cột chưa có tên.',
        );
      }
    }
  }
  return { tables, skipped };
}

/** The tables on one sheet. */
export function detectTables(grid: SheetGrid, options: DetectOptions = {}): DetectedTable[] {
  return detectSheet(grid, options).tables;
}

/** The source file's A1 address of a table cell. */
export function sourceAddress(
  detected: Pick<DetectedTable, 'sourceRows' | 'sourceColumns'>,
  rowIndex: number,
  colIndex: number,
): string {
  return `${columnLetter(detected.sourceColumns[colIndex])}${detected.sourceRows[rowIndex]}`;
}

/** The draft as a model Table (ids by position), for the check engine. */
export function draftToTable(draft: TableDraft, id = 1): Table {
  return {
    id,
    name: draft.name,
    title: draft.title,
    unit: draft.unit,
    columns: draft.columns.map((c, i) => ({ ...c, id: i + 1 })),
    rows: draft.rows.map((r, i) => ({ ...r, id: i + 1 })),
  };
}
