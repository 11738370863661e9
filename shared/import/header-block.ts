/**
 * A table's head: the header rows (one to four, drawn with merged cells) become each column's
 * header path and label, and the column-code row ("A", "B", "1", "1=2+3", "(3)=(1)-(2)",
 * "7=6/3*100") gives each column its code and formula. Columns without a code get one in the
 * statisticians' style: letters for label columns, numbers for figure columns.
 */
import { parseCodeRowEntry, parseFormula } from '../checks/formula';
import { columnLetter } from '../model';
import { cellAt, displayText, type CellRange, type SheetGrid } from './sheet-grid';
import { cleanLabel, COLUMN_CODE_ENTRY } from '../table-words';

/** The merge a cell belongs to, if any. */
export function mergeAt(merges: readonly CellRange[], row: number, col: number): CellRange | null {
  for (const m of merges) {
    if (row >= m.top && row <= m.bottom && col >= m.left && col <= m.right) return m;
  }
  return null;
}

/** The entries of a candidate code row within [c0, c1], or null when it is not one. */
export function codeRowEntries(
  grid: SheetGrid,
  row: number,
  c0: number,
  c1: number,
): Map<number, string> | null {
  const entries = new Map<number, string>();
  for (let c = c0; c <= c1; c++) {
    const cell = cellAt(grid, row, c);
    const text = displayText(cell);
    // Excel reads a typed "(7)" as the number −7 (accounting negatives): still the code (7).
    if (typeof cell?.value === 'number' && /^-\d{1,3}$/.test(text))
      entries.set(c, `(${text.slice(1)})`);
    else if (text !== '') entries.set(c, text);
  }
  if (entries.size < 3) return null;
  const numbers: number[] = [];
  let letters = 0;
  let formulas = 0;
  // Header words that spill into the code row on the right ("A | B | 1 | 2 | Năm 2012 | KH"
  // under a merged "Tỷ lệ %"): not codes, kept out of the map.
  const words: number[] = [];
  for (const [c, text] of entries) {
    const m = COLUMN_CODE_ENTRY.exec(text);
    if (!m || (words.length > 0 && typeof cellAt(grid, row, c)?.value !== 'number')) {
      if (numbers.length + letters === 0 || typeof cellAt(grid, row, c)?.value === 'number')
        return null;
      words.push(c);
      continue;
    }
    if (words.length > 0) return null;
    if (m[2]) formulas++;
    if (/^\d+$/.test(m[1])) numbers.push(Number(m[1]));
    else letters++;
  }
  if (words.length > 0) {
    // Only a row that opens with its letter codes and counts its figure columns from 1 is a
    // code row with words beside it; a data row "1 | Xã A | 2 | 3" is not.
    const leading = [...entries.values()].slice(0, 2);
    if (!leading.every((t) => /^[A-ZĐ]$/iu.test(t)) || numbers[0] !== 1) return null;
    if (numbers.length < 2 || words.length * 2 > numbers.length + letters) return null;
    for (const c of words) entries.delete(c);
  }
  // Codes count up; side-by-side blocks each numbered "1=2+3 | 2 | 3" say so by their formulas.
  const rising = numbers.filter((n, i) => i > 0 && n > numbers[i - 1]).length;
  if (numbers.length > 1 && rising < (numbers.length - 1) * 0.8 && formulas < 2) return null;
  if (letters === 0 && formulas === 0) {
    // Bare numbers are a code row only when they count 1, 2, 3 … (or 0, 1, 2 …) exactly — or
    // all but one of five or more, a code typed twice ("… (8) | (6) | (10) …"): a run of
    // figures does not count up one by one for that long by chance.
    const slips = numbers.filter((n, i) => n !== numbers[0] + i).length;
    if (numbers[0] > 1 || slips > (numbers.length >= 5 ? 1 : 0)) return null;
  }
  if (numbers.length === 0 && letters < 3) return null;
  return entries;
}

/** Header path (outermost first) and label for one column. */
export function headerOf(grid: SheetGrid, headerRows: readonly number[], col: number): string[] {
  const words: string[] = [];
  const top = headerRows[0];
  for (const r of headerRows) {
    const m = mergeAt(grid.merges, r, col);
    const anchor = m && m.top >= top ? cellAt(grid, m.top, m.left) : cellAt(grid, r, col);
    const text = cleanLabel(displayText(anchor));
    if (text !== '' && words[words.length - 1] !== text) words.push(text);
  }
  return words;
}

export interface ColumnCode {
  code: string;
  formula: string | null;
}

export interface CodeAssignment {
  codes: ColumnCode[];
  doubts: string[];
}

/**
 * Where the last search for a free code stopped, per set of used codes: codes are only ever
 * added, so everything before it is still taken, and a table of 16,384 columns costs linear
 * time instead of quadratic.
 */
const searchedUpTo = new WeakMap<Set<string>, { letter: number; number: number }>();

function cursor(used: Set<string>): { letter: number; number: number } {
  let at = searchedUpTo.get(used);
  if (!at) searchedUpTo.set(used, (at = { letter: 0, number: 1 }));
  return at;
}

function nextLetter(used: Set<string>): string {
  const at = cursor(used);
  for (; ; at.letter++) {
    const letter = columnLetter(at.letter);
    if (!used.has(letter)) return letter;
  }
}

function nextNumber(used: Set<string>): string {
  const at = cursor(used);
  for (; ; at.number++) if (!used.has(String(at.number))) return String(at.number);
}

/**
 * Codes and formulas for the table's columns. `entries` are the code-row texts per column (empty
 * when the table has no code row); `labels` says which columns hold labels.
 */
export function assignCodes(
  entries: readonly (string | null)[],
  labels: readonly boolean[],
  columnNames: readonly string[],
): CodeAssignment {
  const doubts: string[] = [];
  const used = new Set<string>();
  const codes: (ColumnCode | null)[] = entries.map((text, i) => {
    if (!text) return null;
    const parsed = parseCodeRowEntry(text);
    if (!parsed.ok) {
      doubts.push(`${columnNames[i]}: không đọc được mã cột «${text}» (${parsed.error.message}).`);
      return null;
    }
    let code = parsed.code;
    if (used.has(code)) {
      const original = code;
      for (let k = 1; used.has(code); k++) code = `${original}${columnLetter(k).toLowerCase()}`;
      doubts.push(`${columnNames[i]}: mã cột «${original}» bị trùng, đã đổi thành «${code}».`);
    }
    used.add(code);
    return { code, formula: parsed.text };
  });
  const filled = codes.map((c, i) => {
    if (c) return c;
    const code = (labels[i] ? nextLetter : nextNumber)(used);
    used.add(code);
    return { code, formula: null };
  });
  // With every code known, check that each formula names columns of this table.
  for (let i = 0; i < filled.length; i++) {
    const f = filled[i].formula;
    if (!f) continue;
    const parsed = parseFormula(f, { codes: used });
    if (!parsed.ok)
      doubts.push(
        `${columnNames[i]}: công thức «${filled[i].code}=${f}» chưa đọc được (${parsed.error.message}).`,
      );
  }
  return { codes: filled, doubts };
}
