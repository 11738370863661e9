/**
 * One worksheet of an .xlsx package, streamed chunk by chunk into a SheetGrid.
 *
 * It reads what exceljs' own reader reads, with the same meaning, so that a workbook gives the
 * same grid either way (test/unit/import-reader.test.ts compares the two on every workbook at
 * hand), only faster and in constant memory per row: cached formula results as values, a shared
 * formula's text slid to each cell, rich text flattened (phonetic runs left out), dates shown
 * under their format, errors as their text, merged ranges with the value in the anchor only,
 * hidden rows and columns.
 *
 * The sheet is judged by what it holds, never by its `<dimension>`: only cells with a value or a
 * formula are kept and counted (limits.ts), a cell that carries only a style is formatting, and
 * the grid ends at the last row and column holding data — merged ranges and hidden columns are
 * cut to it — so formatting applied to whole rows or columns makes no table wider or longer.
 */
import { formatDate } from '../../../shared/import/number-format';
import type { CellRange, GridCell, SheetGrid } from '../../../shared/import/sheet-grid';
import { fitToData } from '../grid-extent';
import { decodeAddress, letters, slideFormula } from './cell-address';
import { LimitExceeded, LIMITS } from './limits';
import { unescapeXstring } from './shared-strings';
import { excelDate, isDateFormatCode } from './styles';
import { attributes, decodeText, XmlScanner, type XmlHandler } from './xml-scan';

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
  /** Hidden columns as a difference array: +1 where a hidden range starts, −1 after it ends. */
  private readonly hiddenColumnMarks = new Int32Array(LIMITS.lastColumn + 1);
  /** Cells holding a value or a formula. */
  private present = 0;
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
        if (!(this.row < LIMITS.lastRow))
          throw new LimitExceeded({
            kind: 'row',
            row: Number.isFinite(this.row) ? this.row + 1 : NaN,
          });
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
          if (at.row > LIMITS.lastRow) throw new LimitExceeded({ kind: 'row', row: at.row });
        } else this.col++;
        if (this.col >= LIMITS.lastColumn) {
          const ref = this.ref ?? `${letters(this.col + 1)}${this.row + 1}`;
          throw new LimitExceeded({ kind: 'column', ref, column: this.col + 1 });
        }
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
        const from = Math.max(1, Math.min(LIMITS.lastColumn, Number(a.min) || 1)) - 1;
        const to = Math.max(1, Math.min(LIMITS.lastColumn, Number(a.max ?? a.min) || 1)) - 1;
        if ((a.hidden === '1' || a.hidden === 'true') && from <= to) {
          this.hiddenColumnMarks[from]++;
          this.hiddenColumnMarks[to + 1]--;
        }
        break;
      }
      case 'mergeCell': {
        const ref = attributes(tag).ref ?? '';
        const [from, to] = ref.split(':');
        const a = decodeAddress(from ?? '');
        const b = decodeAddress(to ?? from ?? '');
        if (a && b) {
          if (this.mergeList.length >= LIMITS.merges)
            throw new LimitExceeded({ kind: 'merges', count: this.mergeList.length + 1 });
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
    if (++this.present > LIMITS.sheetCells)
      throw new LimitExceeded({ kind: 'cells', count: this.present });
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

  private settled = false;

  /**
   * Once the whole part has been fed: merged ranges leave the value in their anchor alone, as in
   * Excel. Only rows and cells present are visited, and the visits are counted, so that ranges
   * laid over each other again and again cost bounded time.
   */
  private settle(): void {
    if (this.settled) return;
    this.settled = true;
    this.scanner.end();
    const cells = this.cells;
    let work = 0;
    for (const m of this.mergeList) {
      const bottom = Math.min(m.bottom, cells.length - 1);
      for (let r = m.top; r <= bottom; r++) {
        const row = cells[r];
        if (!row) continue;
        const right = Math.min(m.right, row.length - 1);
        work += Math.max(0, right - m.left + 1);
        if (work > LIMITS.mergeWork) throw new LimitExceeded({ kind: 'merge-work' });
        for (let c = m.left; c <= right; c++) {
          if ((r !== m.top || c !== m.left) && row[c] !== undefined) row[c] = null;
        }
      }
    }
  }

  /** The grid, once the whole part has been fed. */
  finish(options: { distrustZeroResults?: boolean } = {}): SheetGrid {
    this.settle();
    const cells = this.cells;
    if (options.distrustZeroResults) {
      for (const f of this.formulas) {
        if (f.placeholder && cells[f.row]?.[f.col] === f.cell) {
          f.cell.value = null;
          f.cell.uncached = true;
        }
      }
    }
    const hidden: number[] = [];
    for (let c = 0, depth = 0; c < LIMITS.lastColumn; c++) {
      depth += this.hiddenColumnMarks[c];
      if (depth > 0) hidden.push(c);
    }
    return fitToData({
      name: this.context.name,
      cells,
      columnCount: 0,
      merges: this.mergeList,
      hiddenRows: [...this.hiddenRowSet].sort((a, b) => a - b),
      hiddenColumns: hidden,
    });
  }

  /** Formulas on the sheet, those hidden under a merged range left out. */
  formulaStats(): FormulaStats {
    this.settle();
    let formulas = 0;
    let placeholders = 0;
    for (const f of this.formulas) {
      if (this.cells[f.row]?.[f.col] !== f.cell) continue;
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
