/**
 * A pasted block, read: the cells as a SheetGrid (the same shape the importer's table detection
 * reads), each cell's value for the model, and — decided per COLUMN, never cell by cell — how
 * its numbers are written (docs/domain.md, "Numbers"):
 *
 *   - strings that read only one way ("4.962", "16,70" → Vietnamese; "2,133.5", "16.70" →
 *     English) decide their column;
 *   - a column of strings that read both ways ("1.234") takes the convention the raw values of
 *     its cells show (x:num 1234 displayed as "1.234"), else the separators the source declares
 *     (Excel's mso-displayed-*-separator, LibreOffice's language), else the one the rest of the
 *     block shows when its columns agree ("6,312" beside "0.08" is English: one sheet, one
 *     notation), else the document's locale ('vi' by default) — and the decision is reported,
 *     in Vietnamese;
 *   - a column with both kinds follows the majority and is reported for review.
 *
 * Values: numbers are numbers; text that is not a number ("khoảng 150") stays text; "-" or "–"
 * alone, and blanks, are empty (null).
 */
import { columnLetter, type CellValue } from '../model';
import { parseNumber, type NumberConvention, type ParsedNumber } from '../numbers';
import type { GridCell, SheetGrid } from '../import/sheet-grid';
import type { ClipboardSource, Separators } from './clipboard-html';
import { pickFlavour, type ClipboardData, type PickedCell, type PickOptions } from './pick-flavour';

export interface ColumnNumbers {
  /** How the column's number strings were read; null when it has none with separators. */
  convention: NumberConvention | null;
  /** Why, in Vietnamese, when there was something to decide. */
  reason: string | null;
  /** The decision is worth a look: strings of both kinds, or ambiguous ones. */
  doubtful: boolean;
  /**
   * Every string of the column reads both ways ("1.234") and nothing in the clipboard settled it:
   * the reading followed the rest of the block or the document's language. Such a column is the
   * one the person may turn over («Đọc lại theo kiểu Anh / Việt»).
   */
  guessed: boolean;
}

export interface PasteBlock {
  flavour: 'html' | 'tsv' | 'empty';
  source: ClipboardSource | 'text';
  /** The block as a sheet: raw numbers as numbers, everything else as its text. */
  grid: SheetGrid;
  /** Each cell's value for the model, with its column's convention applied. */
  values: CellValue[][];
  /** Cells kept as text by their format ("@", a date, zero-padded codes). */
  keepText: boolean[][];
  columns: ColumnNumbers[];
  /** What was decided, in Vietnamese. */
  notes: string[];
}

export interface PasteOptions extends PickOptions {
  /** The document's locale, for columns whose numbers read both ways. Default 'vi'. */
  locale?: NumberConvention;
  /** The person said the guess was wrong: every guessed column is read the other way. */
  reread?: boolean;
}

const DIGITS = /^\d+$/;
const PLAIN_FIGURE = /^-?[0-9.,]+$/;
/** A whole figure as parseNumber reads it: plain digits, or grouped by threes after 1–3 digits. */
const FIGURE: Record<NumberConvention, RegExp> = {
  vi: /^-?(?:\d+|[1-9]\d{0,2}(?:\.\d{3})+)(?:,(\d+))?$/,
  en: /^-?(?:\d+|[1-9]\d{0,2}(?:,\d{3})+)(?:\.(\d+))?$/,
};

/**
 * parseNumber for the common shapes — digits with "." and "," and an optional "-" — without its
 * general machinery (a 10,000 × 30 paste reads 300,000 of them); anything else goes to it.
 * Gives exactly what parseNumber gives (paste.test.ts compares them).
 */
export function parseFigure(text: string, convention: NumberConvention): ParsedNumber {
  const s = text.trim();
  if (s === '-' || !PLAIN_FIGURE.test(s)) return parseNumber(text, convention);
  const m = FIGURE[convention].exec(s);
  if (!m) return { kind: 'text', text };
  const digits =
    convention === 'vi'
      ? s.replace(/\./g, '').replace(',', '.')
      : s.indexOf(',') < 0
        ? s
        : s.replace(/,/g, '');
  const value = Number(digits);
  if (!Number.isFinite(value)) return { kind: 'text', text };
  return { kind: 'number', value: value === 0 ? 0 : value, decimals: m[1]?.length ?? 0 };
}

const NAMES: Record<NumberConvention, string> = {
  vi: 'kiểu Việt Nam (1.234,5)',
  en: 'kiểu tiếng Anh (1,234.5)',
};

/** Which conventions a string reads as a number in: 'both' with the same value is 'same'. */
function classify(text: string): 'vi' | 'en' | 'ambiguous' | 'same' | 'none' {
  const s = text.trim();
  if (s === '' || DIGITS.test(s)) return s === '' ? 'none' : 'same';
  if (PLAIN_FIGURE.test(s)) {
    // Valid both ways with a separator means different values: one reads it as a decimal mark.
    const vi = FIGURE.vi.test(s);
    const en = FIGURE.en.test(s);
    if (vi && en) return /[.,]/.test(s) ? 'ambiguous' : 'same';
    return vi ? 'vi' : en ? 'en' : 'none';
  }
  const vi = parseNumber(s, 'vi');
  const en = parseNumber(s, 'en');
  const viNum = vi.kind === 'number';
  const enNum = en.kind === 'number';
  if (viNum && enNum) return vi.value === en.value ? 'same' : 'ambiguous';
  if (viNum) return 'vi';
  if (enNum) return 'en';
  return 'none';
}

/** What a raw number says about its displayed text's convention. */
function rawEvidence(cell: PickedCell): NumberConvention | null {
  if (cell.raw === undefined) return null;
  const vi = parseFigure(cell.text, 'vi');
  const en = parseFigure(cell.text, 'en');
  const close = (p: typeof vi) =>
    p.kind === 'number' && Math.abs(p.value - cell.raw!) <= 1e-9 * Math.max(1, Math.abs(cell.raw!));
  const v = close(vi);
  const e = close(en);
  return v && !e ? 'vi' : e && !v ? 'en' : null;
}

/** What one column's cells say about how its numbers are written. */
interface Evidence {
  vi: number;
  en: number;
  ambiguous: number;
  /** The first string that reads both ways, and the first that reads only one way. */
  example: string | null;
  telling: string | null;
  rawVi: number;
  rawEn: number;
}

function evidenceOf(column: PickedCell[]): Evidence {
  const found: Evidence = {
    vi: 0,
    en: 0,
    ambiguous: 0,
    example: null,
    telling: null,
    rawVi: 0,
    rawEn: 0,
  };
  for (const cell of column) {
    if (cell.raw !== undefined) {
      const e = rawEvidence(cell);
      if (e === 'vi') found.rawVi++;
      else if (e === 'en') found.rawEn++;
      continue;
    }
    if (cell.keepText) continue;
    const kind = classify(cell.text);
    if (kind === 'vi') found.vi++;
    else if (kind === 'en') found.en++;
    else if (kind === 'ambiguous') {
      found.ambiguous++;
      found.example ??= cell.text.trim();
    }
    if (kind === 'vi' || kind === 'en') found.telling ??= cell.text.trim();
  }
  return found;
}

/**
 * The convention the whole block shows, when its columns agree: a block copied from one sheet is
 * written one way, so a column of "6,312" beside a column of "0.08" is English like it.
 */
interface BlockConvention {
  convention: NumberConvention;
  /** A string of another column that reads only that way. */
  example: string;
}

function blockConvention(columns: Evidence[]): BlockConvention | null {
  const vi = columns.reduce((n, c) => n + c.vi + c.rawVi, 0);
  const en = columns.reduce((n, c) => n + c.en + c.rawEn, 0);
  if (vi > 0 === en > 0) return null;
  const convention: NumberConvention = vi > 0 ? 'vi' : 'en';
  const example = columns.find(
    (c) => c.telling && (convention === 'vi' ? c.vi : c.en) > 0,
  )?.telling;
  return example ? { convention, example } : null;
}

function decide(
  evidence: Evidence,
  index: number,
  separators: Separators | null,
  locale: NumberConvention,
  block: BlockConvention | null,
): ColumnNumbers {
  const { vi, en, ambiguous, example, rawVi, rawEn } = evidence;
  const name = `Cột thứ ${index + 1} (${columnLetter(index)}) của vùng dán`;
  const strings = vi + en + ambiguous;
  if (strings === 0) return { convention: null, reason: null, doubtful: false, guessed: false };
  if (vi > 0 && en > 0) {
    const convention: NumberConvention = vi === en ? locale : vi > en ? 'vi' : 'en';
    return {
      convention,
      doubtful: true,
      guessed: false,
      reason: `${name} có số viết lẫn hai kiểu (${vi} ô chỉ đọc được kiểu Việt Nam, ${en} ô chỉ đọc được kiểu tiếng Anh): đã đọc ${NAMES[convention]}, cần xem lại.`,
    };
  }
  if (vi > 0 || en > 0) {
    const convention: NumberConvention = vi > 0 ? 'vi' : 'en';
    return {
      convention,
      doubtful: false,
      guessed: false,
      reason: `${name}: số đọc ${NAMES[convention]} vì ${strings} ô chỉ đọc được theo cách này.`,
    };
  }
  // Only strings that read both ways ("1.234").
  const shown = `«${example}»`;
  if (rawVi !== rawEn) {
    const convention: NumberConvention = rawVi > rawEn ? 'vi' : 'en';
    return {
      convention,
      doubtful: false,
      guessed: false,
      reason: `${name}: ${ambiguous} ô như ${shown} đọc được cả hai kiểu; đã đọc ${NAMES[convention]} như giá trị gốc của các ô khác trong cột.`,
    };
  }
  if (block && !separators) {
    const convention = block.convention;
    return {
      convention,
      doubtful: false,
      guessed: true,
      reason: `${name}: ${ambiguous} ô như ${shown} đọc được cả hai kiểu; đã đọc ${NAMES[convention]} như cả vùng dán (ví dụ «${block.example}» ở cột khác chỉ đọc được theo cách này).`,
    };
  }
  if (separators) {
    const convention: NumberConvention = separators.decimal === ',' ? 'vi' : 'en';
    return {
      convention,
      doubtful: false,
      guessed: false,
      reason: `${name}: ${ambiguous} ô như ${shown} đọc được cả hai kiểu; đã đọc ${NAMES[convention]} theo dấu thập phân «${separators.decimal}» mà nguồn ghi kèm.`,
    };
  }
  const meaning = ` — «${example}» được đọc là ${plain(example!, locale)}, không phải ${plain(example!, locale === 'vi' ? 'en' : 'vi')}`;
  return {
    convention: locale,
    doubtful: true,
    guessed: true,
    reason: `${name}: ${ambiguous} ô như ${shown} đọc được cả hai kiểu; đã đọc ${NAMES[locale]} theo ngôn ngữ của tài liệu${meaning}. Nếu nguồn dùng kiểu còn lại, hãy sửa lại cột này.`,
  };
}

/** A string's value under a convention, written without group marks: "1.234" (vi) → "1234". */
function plain(text: string, convention: NumberConvention): string {
  const parsed = parseNumber(text, convention);
  return parsed.kind === 'number' ? String(parsed.value).replace('.', ',') : text;
}

function cellValue(cell: PickedCell, convention: NumberConvention): CellValue {
  if (cell.raw !== undefined) return cell.raw;
  const text = cell.text;
  const trimmed = text.trim();
  if (trimmed === '') return null;
  if (cell.keepText) return trimmed;
  if (DIGITS.test(trimmed) && trimmed.length < 16) return Number(trimmed);
  const parsed = parseFigure(trimmed, convention);
  if (parsed.kind === 'number') return parsed.value;
  if (parsed.kind === 'empty') return null;
  return trimmed;
}

/** Reads what a paste event carries into a block. Never throws. */
export function parsePaste(data: ClipboardData, options: PasteOptions = {}): PasteBlock {
  const locale = options.locale ?? 'vi';
  const picked = pickFlavour(data, options);
  const rows = picked.cells;
  const width = rows[0]?.length ?? 0;
  const evidence: Evidence[] = [];
  for (let c = 0; c < width; c++) evidence.push(evidenceOf(rows.map((row) => row[c])));
  const block = blockConvention(evidence);
  const columns = evidence.map((e, c) => {
    const decided = decide(e, c, picked.separators, locale, block);
    if (!options.reread || !decided.guessed || !decided.convention) return decided;
    const other: NumberConvention = decided.convention === 'vi' ? 'en' : 'vi';
    return {
      ...decided,
      convention: other,
      doubtful: false,
      reason: `Cột thứ ${c + 1} (${columnLetter(c)}) của vùng dán: đã đọc lại ${NAMES[other]} theo yêu cầu.`,
    };
  });
  const values: CellValue[][] = rows.map((row) =>
    row.map((cell, c) => cellValue(cell, columns[c].convention ?? locale)),
  );
  const cells: (GridCell | null)[][] = rows.map((row) =>
    row.map((cell) => {
      if (cell.raw !== undefined) return { value: cell.raw, text: cell.text };
      const t = cell.text.trim();
      return t === '' ? null : { value: cell.text };
    }),
  );
  const grid: SheetGrid = {
    name: 'Vùng dán',
    cells,
    columnCount: width,
    merges: picked.merges,
    hiddenRows: [],
    hiddenColumns: [],
  };
  const notes = [...picked.notes];
  for (const column of columns) {
    if (column.reason && (column.doubtful || column.convention !== locale))
      notes.push(column.reason);
  }
  return {
    flavour: picked.flavour,
    source: picked.source,
    grid,
    values,
    keepText: rows.map((row) => row.map((c) => c.keepText === true)),
    columns,
    notes,
  };
}
