/**
 * The parts of an .xlsx package the importer needs, read straight from their XML: the workbook
 * (sheet names and order, the 1904 date system), relationships, the number formats of the cell
 * styles, the shared strings and each worksheet — streamed, chunk by chunk, into a SheetGrid.
 *
 * It reads what exceljs' own reader reads, with the same meaning, so that a workbook gives the
 * same grid either way (test/unit/import-reader.test.ts compares the two on every workbook at
 * hand), only faster and in constant memory per row: cached formula results as values, a shared
 * formula's text slid to each cell, rich text flattened (phonetic runs left out), dates shown
 * under their format, errors as their text, merged ranges with the value in the anchor only,
 * hidden rows and columns. Pure: no Node, no DOM — the Node side inflates the zip entries.
 */
import { formatDate } from './number-format';
import type { CellRange, GridCell, SheetGrid } from './sheet-grid';
import { attributes, decodeText, scanXml, XmlScanner, type XmlHandler } from './xml-scan';

// ---------------------------------------------------------------------------------------------
// Workbook, relationships, styles

export interface WorkbookSheet {
  name: string;
  /** The relationship id of the sheet's part ("rId1"). */
  rid: string;
  /** "visible" (default), "hidden" or "veryHidden". */
  state: string;
}

export interface WorkbookInfo {
  sheets: WorkbookSheet[];
  date1904: boolean;
}

export function parseWorkbookXml(xml: string): WorkbookInfo {
  const info: WorkbookInfo = { sheets: [], date1904: false };
  scanXml(xml, {
    capturing: false,
    open(name, tag) {
      if (name === 'workbookPr') {
        const a = attributes(tag);
        info.date1904 = a.date1904 === '1' || a.date1904 === 'true';
      } else if (name === 'sheet') {
        const a = attributes(tag);
        const rid = a['r:id'] ?? Object.entries(a).find(([k]) => /:id$/.test(k))?.[1];
        if (a.name !== undefined && rid)
          info.sheets.push({ name: a.name, rid, state: a.state ?? 'visible' });
      }
    },
    close() {},
    text() {},
  });
  return info;
}

export interface Relationship {
  type: string;
  target: string;
  external: boolean;
}

export function parseRelationships(xml: string): Map<string, Relationship> {
  const rels = new Map<string, Relationship>();
  scanXml(xml, {
    capturing: false,
    open(name, tag) {
      if (name !== 'Relationship') return;
      const a = attributes(tag);
      if (a.Id && a.Target !== undefined)
        rels.set(a.Id, {
          type: a.Type ?? '',
          target: a.Target,
          external: a.TargetMode === 'External',
        });
    },
    close() {},
    text() {},
  });
  return rels;
}

/** A relationship's target as a part name inside the package ("xl/worksheets/sheet1.xml"). */
export function resolvePart(base: string, target: string): string {
  const parts = target.startsWith('/') ? [] : base.split('/').slice(0, -1);
  for (const p of target.replace(/^\/+/, '').split('/')) {
    if (p === '..') parts.pop();
    else if (p !== '.' && p !== '') parts.push(p);
  }
  return parts.join('/');
}

/** Excel's built-in number formats by id (those exceljs knows, which are the ones in use). */
const BUILTIN_FORMATS: Record<number, string> = {
  0: 'General',
  1: '0',
  2: '0.00',
  3: '#,##0',
  4: '#,##0.00',
  9: '0%',
  10: '0.00%',
  11: '0.00E+00',
  12: '# ?/?',
  13: '# ??/??',
  14: 'mm-dd-yy',
  15: 'd-mmm-yy',
  16: 'd-mmm',
  17: 'mmm-yy',
  18: 'h:mm AM/PM',
  19: 'h:mm:ss AM/PM',
  20: 'h:mm',
  21: 'h:mm:ss',
  22: 'm/d/yy "h":mm',
  37: '#,##0 ;(#,##0)',
  38: '#,##0 ;[Red](#,##0)',
  39: '#,##0.00 ;(#,##0.00)',
  40: '#,##0.00 ;[Red](#,##0.00)',
  45: 'mm:ss',
  46: '[h]:mm:ss',
  47: 'mmss.0',
  48: '##0.0E+0',
  49: '@',
};

/** The number format code of each cell style (cellXfs index), undefined for none. */
export function parseStyles(xml: string): (string | undefined)[] {
  const custom = new Map<number, string>();
  const xfs: (string | undefined)[] = [];
  let inCellXfs = false;
  scanXml(xml, {
    capturing: false,
    open(name, tag, selfClosing) {
      if (name === 'numFmt') {
        const a = attributes(tag);
        // Backslash escapes undone, as exceljs does (number-format.ts reads its codes so).
        if (a.numFmtId !== undefined && a.formatCode !== undefined)
          custom.set(Number(a.numFmtId), a.formatCode.replace(/\\(.)/g, '$1'));
      } else if (name === 'cellXfs') {
        inCellXfs = !selfClosing;
      } else if (name === 'xf' && inCellXfs) {
        const id = Number(attributes(tag).numFmtId ?? 0);
        xfs.push(id ? (custom.get(id) ?? BUILTIN_FORMATS[id]) : undefined);
      }
    },
    close(name) {
      if (name === 'cellXfs') inCellXfs = false;
    },
    text() {},
  });
  return xfs;
}

/** "_x000D_" → "\r": the escape SpreadsheetML uses for characters XML cannot carry. */
function unescapeXstring(text: string): string {
  return text.indexOf('_x') < 0
    ? text
    : text.replace(/_x([0-9A-F]{4})_/g, (_, hex: string) => String.fromCharCode(parseInt(hex, 16)));
}

// ---------------------------------------------------------------------------------------------
// Shared strings

/** Reads sharedStrings.xml chunk by chunk: each <si> flattened to its text. */
export class SharedStringsReader {
  readonly strings: string[] = [];
  private readonly scanner: XmlScanner;

  constructor() {
    let parts: string[] = [];
    let raw: string[] = [];
    let phonetic = 0;
    const handler: XmlHandler = {
      capturing: false,
      open(name, _tag, selfClosing) {
        if (name === 'si') parts = [];
        else if (name === 'rPh') phonetic++;
        else if (name === 't' && phonetic === 0 && !selfClosing) {
          raw = [];
          handler.capturing = true;
        }
      },
      close: (name) => {
        if (name === 't' && handler.capturing) {
          handler.capturing = false;
          parts.push(unescapeXstring(decodeText(raw.join(''))));
        } else if (name === 'rPh') phonetic--;
        else if (name === 'si') this.strings.push(parts.join(''));
      },
      text(text) {
        raw.push(text);
      },
    };
    this.scanner = new XmlScanner(handler);
  }

  feed(chunk: string): void {
    this.scanner.feed(chunk);
  }

  end(): string[] {
    this.scanner.end();
    return this.strings;
  }
}

// ---------------------------------------------------------------------------------------------
// Dates

/** exceljs' test for a date format: letters of a date or time outside quotes and brackets. */
function isDateFormatCode(numFmt: string | undefined): boolean {
  if (!numFmt) return false;
  return /[ymdhMsb]+/.test(numFmt.replace(/\[[^\]]*]/g, '').replace(/"[^"]*"/g, ''));
}

/** An Excel serial day number as a UTC Date (as exceljs reads it). */
export function excelDate(serial: number, date1904: boolean): Date {
  return new Date(Math.round((serial - 25569 + (date1904 ? 1462 : 0)) * 24 * 3600 * 1000));
}

// ---------------------------------------------------------------------------------------------
// Formulas

/** Column letters → 1-based index ("A" → 1, "AA" → 27). */
function columnNumber(letters: string): number {
  let n = 0;
  for (let i = 0; i < letters.length; i++) n = n * 26 + (letters.charCodeAt(i) & 0x1f);
  return n;
}

function letters(column: number): string {
  let s = '';
  for (let n = column; n > 0; n = Math.floor((n - 1) / 26))
    s = String.fromCharCode(65 + ((n - 1) % 26)) + s;
  return s;
}

/** "C12" → { row: 12, col: 3 } (1-based), or null; "$C$12" too. */
export function decodeAddress(ref: string): { row: number; col: number } | null {
  const n = ref.length;
  let i = 0;
  if (ref.charCodeAt(i) === 36) i++;
  let col = 0;
  const colStart = i;
  for (; i < n; i++) {
    const ch = ref.charCodeAt(i) | 0x20; // lower case
    if (ch < 97 || ch > 122) break;
    col = col * 26 + (ch - 96);
  }
  if (i === colStart || i - colStart > 3) return null;
  if (ref.charCodeAt(i) === 36) i++;
  let row = 0;
  const rowStart = i;
  for (; i < n; i++) {
    const ch = ref.charCodeAt(i);
    if (ch < 48 || ch > 57) return null;
    row = row * 10 + (ch - 48);
  }
  return i === rowStart ? null : { row, col };
}

const REFERENCE = /(?<![A-Za-z0-9_.$])(\$?)([A-Z]{1,3})(\$?)(\d+)(?![A-Za-z0-9_(!])/g;

/**
 * A shared formula written for `from` as it reads in `to`: relative references move by the
 * offset, absolute ($) parts stay; text in quotes is left alone.
 */
export function slideFormula(formula: string, from: string, to: string): string {
  const a = decodeAddress(from);
  const b = decodeAddress(to);
  if (!a || !b) return formula;
  const dr = b.row - a.row;
  const dc = b.col - a.col;
  return formula
    .split(/("[^"]*")/)
    .map((part, i) =>
      i % 2 === 1
        ? part
        : part.replace(REFERENCE, (ref, $c: string, col: string, $r: string, row: string) => {
            const c = $c ? columnNumber(col) : columnNumber(col) + dc;
            const r = $r ? Number(row) : Number(row) + dr;
            return c < 1 || r < 1 ? ref : `${$c}${letters(c)}${$r}${r}`;
          }),
    )
    .join('');
}

// ---------------------------------------------------------------------------------------------
// Worksheets

export interface SheetContext {
  name: string;
  sharedStrings: readonly string[];
  /** Number format code per style index (parseStyles). */
  styles: readonly (string | undefined)[];
  date1904: boolean;
}

/** Formulas on a sheet and how many saved 0, "0" or nothing (see read-xlsx.ts). */
export interface FormulaStats {
  formulas: number;
  placeholders: number;
}

/** A formula result that a writer which never calculated would have saved. */
function placeholderResult(result: unknown): boolean {
  return result === undefined || result === null || result === 0 || result === '0' || result === '';
}

interface PendingFormula {
  cell: GridCell;
  row: number;
  col: number;
  placeholder: boolean;
}

/**
 * Reads one worksheet's XML chunk by chunk. `finish()` gives the grid; a formula whose saved
 * result is missing is `uncached`, and with `distrustZeroResults` so is one that saved 0, "0" or
 * "" (a writer that never calculated).
 */
export class SheetReader {
  private readonly cells: (GridCell | null)[][] = [];
  private readonly hiddenRowSet = new Set<number>();
  private readonly hiddenColumnRanges: [number, number][] = [];
  private readonly mergeList: CellRange[] = [];
  private readonly formulas: PendingFormula[] = [];
  /** Shared formulas by their `si`: the master's text and address. */
  private readonly shared = new Map<string, { formula: string; address: string }>();
  private readonly scanner: XmlScanner;

  // The cell being read.
  private row = -1;
  private col = -1;
  private ref: string | null = null;
  private style = 0;
  private type = 'n';
  private value: string[] | null = null;
  private formula: string[] | null = null;
  private formulaAttrs: Record<string, string> | null = null;
  private inline: string[] | null = null;
  private inInline = false;
  private phonetic = 0;
  private target: 'v' | 'f' | 't' | null = null;
  private raw: string[] = [];

  /** Per style index: the format kept on the grid (none for General) and whether it is a date. */
  private readonly formats: (string | undefined)[];
  private readonly dates: boolean[];

  constructor(private readonly context: SheetContext) {
    this.formats = context.styles.map((f) => (f && f !== 'General' ? f : undefined));
    this.dates = context.styles.map((f) => isDateFormatCode(f));
    const handler: XmlHandler = {
      capturing: false,
      open: (name, tag, selfClosing) => this.open(name, tag, selfClosing),
      close: (name) => this.close(name),
      text: (text) => this.raw.push(text),
    };
    this.handler = handler;
    this.scanner = new XmlScanner(handler);
  }

  private readonly handler: XmlHandler;

  feed(chunk: string): void {
    this.scanner.feed(chunk);
  }

  private capture(target: 'v' | 'f' | 't'): void {
    this.target = target;
    this.raw = [];
    this.handler.capturing = true;
  }

  private open(name: string, tag: string, selfClosing: boolean): void {
    switch (name) {
      case 'row': {
        const a = attributes(tag);
        this.row = a.r !== undefined ? Number(a.r) - 1 : this.row + 1;
        this.col = -1;
        if (a.hidden === '1' || a.hidden === 'true') this.hiddenRowSet.add(this.row);
        break;
      }
      case 'c': {
        const a = attributes(tag);
        this.ref = a.r ?? null;
        const at = this.ref ? decodeAddress(this.ref) : null;
        if (at) {
          this.col = at.col - 1;
          if (this.row < 0) this.row = at.row - 1;
        } else this.col++;
        this.style = a.s ? Number(a.s) : 0;
        this.type = a.t ?? 'n';
        this.value = null;
        this.formula = null;
        this.formulaAttrs = null;
        this.inline = null;
        break;
      }
      case 'v':
        if (!selfClosing) this.capture('v');
        else this.value = [];
        break;
      case 'f':
        this.formulaAttrs = attributes(tag);
        if (!selfClosing) this.capture('f');
        else this.formula = [];
        break;
      case 'is':
        this.inInline = true;
        this.inline = [];
        break;
      case 'rPh':
        this.phonetic++;
        break;
      case 't':
        if (this.inInline && this.phonetic === 0 && !selfClosing) this.capture('t');
        break;
      case 'col': {
        const a = attributes(tag);
        if (a.hidden === '1' || a.hidden === 'true')
          this.hiddenColumnRanges.push([Number(a.min) - 1, Number(a.max ?? a.min) - 1]);
        break;
      }
      case 'mergeCell': {
        const ref = attributes(tag).ref ?? '';
        const [from, to] = ref.split(':');
        const a = decodeAddress(from ?? '');
        const b = decodeAddress(to ?? from ?? '');
        if (a && b) {
          this.mergeList.push({
            top: Math.min(a.row, b.row) - 1,
            left: Math.min(a.col, b.col) - 1,
            bottom: Math.max(a.row, b.row) - 1,
            right: Math.max(a.col, b.col) - 1,
          });
        }
        break;
      }
      default:
        break;
    }
  }

  private close(name: string): void {
    switch (name) {
      case 'v':
      case 'f':
      case 't':
        if (this.handler.capturing && this.target === name) {
          this.handler.capturing = false;
          const text = this.raw.join('');
          if (name === 'v') this.value = [text];
          else if (name === 'f') this.formula = [text];
          else this.inline?.push(unescapeXstring(decodeText(text)));
          this.target = null;
        }
        break;
      case 'is':
        this.inInline = false;
        break;
      case 'rPh':
        this.phonetic--;
        break;
      case 'c':
        this.endCell();
        break;
      default:
        break;
    }
  }

  private put(cell: GridCell): void {
    const row = (this.cells[this.row] ??= []);
    row[this.col] = cell;
  }

  private endCell(): void {
    if (this.row < 0 || this.col < 0) return;
    const { sharedStrings, date1904 } = this.context;
    // exceljs ignores style 0 (its "no style"), and so does this reader.
    const numFmt = this.style ? this.formats[this.style] : undefined;
    const isDate = this.style ? this.dates[this.style] === true : false;
    const vText = this.value === null ? undefined : decodeText(this.value[0] ?? '');
    const formulaText = this.formula === null ? '' : decodeText(this.formula[0] ?? '');
    const share = this.formulaAttrs?.t === 'shared' ? this.formulaAttrs.si : undefined;
    const address = this.ref ?? `${letters(this.col + 1)}${this.row + 1}`;
    if (formulaText !== '' || share !== undefined) {
      let formula = formulaText;
      if (share !== undefined) {
        const master = this.shared.get(share);
        if (formulaText !== '' && (this.formulaAttrs?.ref || !master))
          this.shared.set(share, { formula: formulaText, address });
        else if (master) formula = slideFormula(master.formula, master.address, address);
      }
      let result: unknown = undefined;
      if (vText) {
        if (this.type === 'str') result = vText;
        else if (this.type === 'b') result = parseInt(vText, 10) !== 0;
        else if (this.type === 'e') result = { error: vText };
        else {
          const n = parseFloat(vText);
          result = isDate ? excelDate(n, date1904) : n;
        }
      }
      const cell: GridCell = { value: null, formula: formula || undefined };
      if (numFmt) cell.numFmt = numFmt;
      if (result === undefined) cell.uncached = true;
      else cell.value = gridValue(result, numFmt);
      if (!formula) delete cell.formula;
      this.formulas.push({
        cell,
        row: this.row,
        col: this.col,
        placeholder: placeholderResult(result),
      });
      this.put(cell);
      return;
    }
    let value: unknown = undefined;
    if (this.inline !== null && this.type === 'inlineStr') value = this.inline.join('');
    else if (vText !== undefined) {
      switch (this.type) {
        case 's':
          value = sharedStrings[parseInt(vText, 10)];
          break;
        case 'str':
        case 'inlineStr':
          value = vText;
          break;
        case 'b':
          value = parseInt(vText, 10) !== 0;
          break;
        case 'e':
          value = { error: vText };
          break;
        case 'd': {
          const d = new Date(vText);
          value = Number.isNaN(d.getTime()) ? vText : d;
          break;
        }
        default: {
          const n = parseFloat(vText);
          value = isDate ? excelDate(n, date1904) : n;
        }
      }
    }
    const grid = gridValue(value, numFmt);
    if (grid === null) return;
    this.put(numFmt ? { value: grid, numFmt } : { value: grid });
  }

  /** The grid, once the whole part has been fed. */
  finish(options: { distrustZeroResults?: boolean } = {}): SheetGrid {
    this.scanner.end();
    const cells = this.cells;
    // Merged ranges: the anchor alone holds the value, as in Excel.
    for (const m of this.mergeList) {
      for (let r = m.top; r <= m.bottom; r++) {
        const row = cells[r];
        if (!row) continue;
        for (let c = m.left; c <= m.right; c++) {
          if ((r !== m.top || c !== m.left) && row[c] !== undefined) row[c] = null;
        }
      }
    }
    if (options.distrustZeroResults) {
      for (const f of this.formulas) {
        if (f.placeholder && cells[f.row]?.[f.col] === f.cell) {
          f.cell.value = null;
          f.cell.uncached = true;
        }
      }
    }
    let columnCount = 0;
    for (let r = 0; r < cells.length; r++) {
      const row = (cells[r] ??= []);
      for (let c = row.length - 1; c >= 0; c--) {
        if (row[c]) {
          columnCount = Math.max(columnCount, c + 1);
          break;
        }
      }
    }
    while (cells.length > 0 && !cells[cells.length - 1].some((c) => c)) cells.pop();
    const hiddenColumns: number[] = [];
    for (let c = 0; c < columnCount; c++) {
      if (this.hiddenColumnRanges.some(([a, b]) => c >= a && c <= b)) hiddenColumns.push(c);
    }
    return {
      name: this.context.name,
      cells,
      columnCount,
      merges: this.mergeList,
      hiddenRows: [...this.hiddenRowSet].filter((r) => r < cells.length).sort((a, b) => a - b),
      hiddenColumns,
    };
  }

  /** Formulas read so far (outside merged ranges' hidden cells once finished). */
  formulaStats(): FormulaStats {
    let formulas = 0;
    let placeholders = 0;
    const merged = (row: number, col: number) =>
      this.mergeList.some(
        (m) =>
          row >= m.top &&
          row <= m.bottom &&
          col >= m.left &&
          col <= m.right &&
          (row !== m.top || col !== m.left),
      );
    for (const f of this.formulas) {
      if (this.mergeList.length > 0 && merged(f.row, f.col)) continue;
      formulas++;
      if (f.placeholder) placeholders++;
    }
    return { formulas, placeholders };
  }
}

/** A stored value (or cached result) as the grid keeps it. */
function gridValue(value: unknown, numFmt: string | undefined): number | string | null {
  if (value === null || value === undefined) return null;
  if (typeof value === 'number') return Number.isFinite(value) ? value : null;
  if (typeof value === 'string') return value;
  if (typeof value === 'boolean') return value ? 'TRUE' : 'FALSE';
  if (value instanceof Date) return formatDate(value, numFmt);
  if (typeof value === 'object' && 'error' in value)
    return String((value as { error: string }).error);
  return String(value);
}
