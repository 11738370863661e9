/**
 * The outline of a table's rows: which row is an item of which (docs/domain.md, how a table looks;
 * total rows and groups). Reports list indicators in levels, marked two ways:
 *
 * - hierarchical item numbers in a column of their own ("1", "1.1", "1.1.1" — the CCHC scoring
 *   tables): an item's value is the sum of its numbered sub-items, and rows without a number
 *   under an item (its answer options: 1,5 / 1 / 0) are alternatives, never added;
 * - markers at the start of the label or in the STT column ("PHẦN I", "A.", "I.", "I.1.", "1.",
 *   "a)", "-", "+", "*"): the level of a marker is where it first opened, as a person reads a
 *   list — a marker seen before closes back to its level, a new one opens a level below.
 *
 * A "Trong đó" row ("Trong đó: Bưu phẩm bảo đảm KT1", "- Trong đó: Lúa Đông xuân") is a part of
 * the row above it, not an item: it is at most that row and never added into a total. A bare
 * "Trong đó:" row opens a block whose rows are parts of the row above the block (a "Cộng" row is
 * often followed by its own "Trong đó:" block).
 *
 * What the outline serves: a subtotal or total adds only the items of the top level of what it
 * covers (not their sub-items, not the "Trong đó" rows — a sum over every row counts them twice);
 * "Trong đó" rows are bounded by their row; numbered items are sums of their sub-items; item
 * numbers out of sequence are reported (kinds/outline.ts). Labels that merely start with a
 * number, or lists in one marker, make no levels: rows marked alike are siblings, and a row
 * without a marker is a sibling of the row above it.
 */
import type { CellValue, Table } from '../model';
import { headerText, OF_WHICH_LABEL } from '../table-words';

export interface Marker {
  /** "part", "upper", "roman", "roman.2", "num.1", "num.2" …, "lower", "dash", "plus", "star". */
  type: string;
  /** A numbering (1., a), I.) rather than a bullet (-, +, *): it may close a "Trong đó:" block. */
  structural: boolean;
}

export interface NumberingIssue {
  row: number;
  /** The item number as written. */
  written: string;
  /** The number its place in the sequence calls for, which the checks use instead. */
  expected: string;
  /** 'typo': the same digits as the expected number (7.11 for 7.1.1); 'duplicate': used above. */
  reason: 'misplaced' | 'typo' | 'duplicate';
  /** For a duplicate: the row where the number was used first. */
  firstRow: number | null;
  /** The item number just above, as the checks read it, or null at the top. */
  after: string | null;
}

export interface Outline {
  /** Per row: the row it is an item (or a part) of, or -1. */
  parent: Int32Array;
  /** Per row: 1 for "Trong đó" rows and the rows of a "Trong đó:" block. */
  part: Uint8Array;
  /** Per part row directly bounded by a row: that row (the row above a "Trong đó"), else -1. */
  whole: Int32Array;
  /** Per row: 1 for rows without a number in a numbered outline (answer options, notes). */
  note: Uint8Array;
  /** Per row: 1 when another row is its item or part. */
  hasChildren: Uint8Array;
  /** The column of hierarchical item numbers, or -1 when the levels come from markers. */
  numberColumn: number;
  /** Per row: its item number as the checks read it (after repairing a slip), or null. */
  numbers: (string | null)[];
  issues: NumberingIssue[];
}

// ---------------------------------------------------------------------------------------------
// Markers

/** Unit-name abbreviations that look like list letters: "X. An Phú", "P. 3", "T. Bình". */
const NOT_A_LETTER_MARKER = new Set(['X', 'P', 'T']);

/** The marker of a code written alone in an STT cell: "1", "1.1", "I", "A", "a", "-". */
export function markerOfCode(code: string): Marker | null {
  const s = code.trim();
  if (s.length === 0 || s.length > 16) return null;
  const first = s.charCodeAt(0);
  if (first >= 48 && first <= 57) {
    if (!ITEM_NUMBER.test(s)) return null;
    return { type: `num.${s.replace(/\.$/, '').split('.').length}`, structural: true };
  }
  if (/^[IVX]+\.?$/.test(s)) return { type: 'roman', structural: true };
  if (/^[IVX]+\.\d{1,3}(?:\.\d{1,3})*\.?$/.test(s)) {
    return { type: `roman.${s.replace(/\.$/, '').split('.').length - 1}`, structural: true };
  }
  if (s.length <= 2) {
    if (/^[A-HJ-Z]\.?$/.test(s) && !NOT_A_LETTER_MARKER.has(s[0])) {
      return { type: 'upper', structural: true };
    }
    if (/^[a-zđ][.)]?$/u.test(s)) return { type: 'lower', structural: true };
  }
  return bulletOf(s);
}

/** A whole number alone in an STT cell: a first-level item number (1, 2 … 999). */
const FIRST_LEVEL: Marker = { type: 'num.1', structural: true };

function bulletOf(s: string): Marker | null {
  if (/^[-–—−]/.test(s)) return { type: 'dash', structural: false };
  if (s.startsWith('+')) return { type: 'plus', structural: false };
  if (s.startsWith('*')) return { type: 'star', structural: false };
  if (/^[•·●○]/.test(s)) return { type: 'bullet', structural: false };
  return null;
}

/** The marker at the start of a label: "PHẦN I- …", "I.1. Bưu chính", "1 Dịch vụ", "a- Bán thẻ". */
export function markerOfLabel(label: string): Marker | null {
  // Most labels are names ("Xã An Phú", "Thị trấn …"): a capital then a small letter is no marker.
  const head = label.trimStart();
  if (/^\p{L}\p{Ll}/u.test(head) && !/^phầ/iu.test(head.slice(0, 4).normalize('NFC'))) return null;
  const s = head.normalize('NFC').trimEnd();
  if (/^phần\s+(?:[ivx]+|\d+)(?![\p{L}\p{N}])/iu.test(s)) return { type: 'part', structural: true };
  const sub = /^([IVX]+)\.(\d{1,3}(?:\.\d{1,3})*)\.?(?=[\s\p{L}]|$)/u.exec(s);
  if (sub) return { type: `roman.${sub[2].split('.').length}`, structural: true };
  // "V/ Cấp nước", "1/ Máy bơm", "1.2/ Giường sắt": the slash numbers lists in many offices.
  const roman = /^([IVX]+)\s*[.\-):/]\s*(?=\p{L})/u.exec(s);
  // "X. An Phú" is a commune (Xã), not section ten.
  if (roman && roman[1] !== 'X') return { type: 'roman', structural: true };
  const num = /^(\d{1,3}(?:\.\d{1,3})*)(?:\.\s*|\)\s*|\/\s*|\s*-\s*|\s+)(?=\p{L})/u.exec(s);
  if (num) return { type: `num.${num[1].split('.').length}`, structural: true };
  const glued = /^(\d{1,3}(?:\.\d{1,3})+)\.?(?=\p{L})/u.exec(s); // "1.2.Củ năng"
  if (glued) return { type: `num.${glued[1].split('.').length}`, structural: true };
  const upper = /^([A-HJ-Z])\s*[.\-)]\s*(?=\p{L})/u.exec(s);
  if (upper && !NOT_A_LETTER_MARKER.has(upper[1])) return { type: 'upper', structural: true };
  if (/^[a-zđ]\s*[.\-)]\s*(?=\p{L})/u.test(s)) return { type: 'lower', structural: true };
  return bulletOf(s);
}

/** 'inline' for "Trong đó: nữ", 'bare' for a "Trong đó:" heading, else null. */
export function ofWhichOf(label: string): 'inline' | 'bare' | null {
  if (!/trong/i.test(label)) return null;
  const t = headerText(label);
  const m = OF_WHICH_LABEL.exec(t);
  if (!m) return null;
  return t.slice(m[0].length).trim() === '' ? 'bare' : 'inline';
}

// ---------------------------------------------------------------------------------------------
// Hierarchical item numbers

function codeText(v: CellValue): string | null {
  if (typeof v === 'number') return Number.isFinite(v) && v > 0 ? String(v) : null;
  if (typeof v === 'string' && v.trim() !== '') return v.trim();
  return null;
}

const ITEM_NUMBER = /^\d{1,3}(?:\.\d{1,3})*\.?$/;

function components(text: string): number[] {
  return text
    .replace(/\.$/, '')
    .split('.')
    .map((p) => Number(p));
}

/**
 * The column of hierarchical item numbers: a text column where at least 3 cells are numbers in
 * levels ("1.1", "1.1.1") and at least 80 % of the filled cells are item numbers.
 */
export function itemNumberColumn(table: Table): number {
  for (let c = 0; c < table.columns.length; c++) {
    if (table.columns[c].type !== 'text') continue;
    let filled = 0;
    let numbers = 0;
    let levelled = 0;
    for (const row of table.rows) {
      if (row.role !== 'detail') continue;
      const v = row.cells[c];
      if (v === null) continue;
      const t = codeText(v);
      if (t === null) continue;
      filled++;
      // Names, not numbers: no need to read the rest of the column.
      if (filled >= 20 && numbers < 0.8 * filled) break;
      if (!ITEM_NUMBER.test(t)) continue;
      numbers++;
      if (typeof v === 'string' && t.replace(/\.$/, '').includes('.')) levelled++;
    }
    if (levelled >= 3 && numbers >= 0.8 * filled) return c;
  }
  return -1;
}

const key = (parts: readonly number[]) => parts.join('.');

/** The digits of an item number without its dots: "7.1.1" and "7.11" are both "711". */
const digits = (text: string) => text.replace(/\./g, '');

/**
 * Reads item numbers in sequence. At each row the next number is expected to be the first
 * sub-item of the current one (1.3 → 1.3.1) or the next item at some level (1.4, 2); a number
 * further on at an open level is a gap, accepted. Anything else is a slip: the same digits as an
 * expected number ("7.11" for 7.1.1), or an expected number at the same depth ("1.4.1" written
 * under 1.3 is 1.3.1).
 */
function readItemNumbers(table: Table, column: number) {
  const n = table.rows.length;
  const numbers: (string | null)[] = new Array<string | null>(n).fill(null);
  const issues: NumberingIssue[] = [];
  const rowOfNumber = new Map<string, number>();
  let current: number[] = [];
  for (let r = 0; r < n; r++) {
    const row = table.rows[r];
    if (row.role !== 'detail') {
      if (row.role === 'group') {
        current = [];
        rowOfNumber.clear();
      }
      continue;
    }
    const raw = row.cells[column];
    const written = codeText(raw);
    if (written === null || !ITEM_NUMBER.test(written)) continue;
    let parts = components(written);
    // 1.10 typed into a number cell reads 1.1: take the form the sequence calls for.
    const alternatives = [parts];
    if (typeof raw === 'number' && !Number.isInteger(raw))
      alternatives.push(components(`${written}0`));
    const candidates: number[][] = [[...current, 1]];
    for (let d = current.length; d >= 1; d--)
      candidates.push([...current.slice(0, d - 1), current[d - 1] + 1]);
    if (current.length === 0) candidates.push([1]);
    const expectedHit = alternatives
      .map((alt) => candidates.find((c) => key(c) === key(alt)))
      .find(Boolean);
    const gap = alternatives.find((alt) => {
      const depth = alt.length;
      if (depth > current.length + 1) return false;
      const prefixOpen = key(alt.slice(0, -1)) === key(current.slice(0, depth - 1));
      const last = alt[depth - 1];
      const previous = depth <= current.length ? current[depth - 1] : 0;
      return prefixOpen && last > previous;
    });
    // The same digits as an expected number is a slip before it is a gap: "7.11" under 7.1 is
    // 7.1.1, not an eleventh item.
    const typo = expectedHit
      ? undefined
      : candidates.find((c) => digits(key(c)) === digits(written) && c.length !== parts.length);
    if (expectedHit) parts = expectedHit;
    else if (gap && !typo) parts = gap;
    else {
      const sameDepth = candidates.find((c) => c.length === parts.length);
      const repaired = typo ?? sameDepth ?? candidates[0];
      const seen = rowOfNumber.get(key(parts));
      issues.push({
        row: r,
        written,
        expected: key(repaired),
        reason: typo ? 'typo' : seen !== undefined ? 'duplicate' : 'misplaced',
        firstRow: seen ?? null,
        after: current.length > 0 ? key(current) : null,
      });
      parts = repaired;
    }
    current = parts;
    numbers[r] = key(parts);
    rowOfNumber.set(numbers[r]!, r);
  }
  return { numbers, issues };
}

// ---------------------------------------------------------------------------------------------
// Building the outline

/**
 * What a row says of its level: its own label (the first text with a letter), and its marker —
 * a code alone in the first filled text cell ("1", "I", "a", "-"), else the start of the label.
 */
function readRow(
  table: Table,
  r: number,
  textColumns: readonly number[],
): { label: string | null; marker: Marker | null } {
  const cells = table.rows[r].cells;
  let label: string | null = null;
  let code: Marker | null = null;
  let first = true;
  for (const c of textColumns) {
    const v = cells[c];
    if (v === null) continue;
    if (typeof v === 'number') {
      if (first && Number.isInteger(v) && v > 0 && v < 1000) code = FIRST_LEVEL;
      else if (first) code = markerOfCode(String(v));
      first = false;
      continue;
    }
    if (v.trim() === '') continue;
    if (first) {
      code = markerOfCode(v);
      first = false;
      if (code) continue;
    }
    if (/\p{L}/u.test(v)) {
      label = v;
      break;
    }
    if (!code && label === null) {
      const bullet = bulletOf(v.trim());
      if (bullet) code = bullet;
    }
  }
  return { label, marker: code ?? (label === null ? null : markerOfLabel(label)) };
}

interface Frame {
  type: string;
  row: number;
  /** A "Trong đó:" block: bullets below it do not close it. */
  block: boolean;
}

export function buildOutline(table: Table): Outline {
  const n = table.rows.length;
  const parent = new Int32Array(n).fill(-1);
  const whole = new Int32Array(n).fill(-1);
  const part = new Uint8Array(n);
  const note = new Uint8Array(n);
  const textColumns = table.columns.flatMap((c, i) => (c.type === 'text' ? [i] : []));
  const numberColumn = itemNumberColumn(table);
  let numbers: (string | null)[] = new Array<string | null>(n).fill(null);
  let issues: NumberingIssue[] = [];
  if (numberColumn >= 0) ({ numbers, issues } = readItemNumbers(table, numberColumn));
  const rowOfNumber = new Map<string, number>();

  const stack: Frame[] = [];
  const markerType: (string | null)[] = new Array<string | null>(n).fill(null);
  let previous = -1;
  for (let r = 0; r < n; r++) {
    const role = table.rows[r].role;
    if (role === 'subtotal' || role === 'total') {
      previous = r;
      continue;
    }
    if (role === 'group' && numberColumn >= 0) rowOfNumber.clear();
    const { label, marker } = readRow(table, r, textColumns);
    const ofWhich = role === 'detail' && label !== null ? ofWhichOf(label) : null;
    if (ofWhich) {
      // A part of the row above; a second "Trong đó" row is a part of the same row.
      let p = previous;
      if (p >= 0 && part[p] && whole[p] >= 0) p = whole[p];
      // "- Lớp 1 … - Lớp 5, Trong đó: - Lớp ghép": a block whose rows carry the bullet of the row
      // above is a block of that row's list, part of the row the list belongs to.
      if (ofWhich === 'bare' && p === previous && p >= 0 && parent[p] >= 0) {
        const next = nextMarkerType(table, r + 1, textColumns);
        if (next !== null && next === markerType[p]) p = parent[p];
      }
      parent[r] = p;
      part[r] = 1;
      whole[r] = ofWhich === 'inline' ? p : -1;
      if (ofWhich === 'bare') {
        while (stack.length > 0 && stack[stack.length - 1].block) stack.pop();
        stack.push({ type: 'trong-do', row: r, block: true });
      }
      previous = r;
      continue;
    }
    if (numberColumn >= 0) {
      const number = numbers[r];
      if (number !== null) {
        const dot = number.lastIndexOf('.');
        parent[r] = dot < 0 ? -1 : (rowOfNumber.get(number.slice(0, dot)) ?? -1);
        rowOfNumber.set(number, r);
      } else if (role === 'detail' && previous >= 0) {
        // An answer option or a note under an item: never one of its addends.
        parent[r] = numbers[previous] !== null ? previous : parent[previous];
        note[r] = 1;
      }
      previous = r;
      continue;
    }
    if (!marker) {
      // Unmarked: a sibling of the row above (a "Trong đó" continues as a part of the same row).
      if (previous >= 0 && table.rows[previous].role === 'detail') {
        const top = stack[stack.length - 1];
        if (top?.block && top.row === previous) {
          parent[r] = previous;
          part[r] = 1;
          whole[r] = parent[previous];
        } else {
          parent[r] = parent[previous];
          part[r] = part[previous];
          whole[r] = whole[previous];
        }
      }
      previous = r;
      continue;
    }
    let at = -1;
    for (let i = stack.length - 1; i >= 0; i--) {
      if (stack[i].type === marker.type) {
        at = i;
        break;
      }
      if (stack[i].block && !marker.structural) break;
    }
    if (at >= 0) stack.length = at;
    const top = stack[stack.length - 1];
    parent[r] = top ? top.row : -1;
    if (top?.block) {
      // A direct row of a "Trong đó:" block: a part of the row above the block.
      part[r] = 1;
      whole[r] = parent[top.row];
    } else if (top && part[top.row]) part[r] = 1;
    stack.push({ type: marker.type, row: r, block: false });
    markerType[r] = marker.type;
    previous = r;
  }
  const hasChildren = new Uint8Array(n);
  for (let r = 0; r < n; r++) if (parent[r] >= 0) hasChildren[parent[r]] = 1;
  return { parent, part, whole, note, hasChildren, numberColumn, numbers, issues };
}

/** The marker of the first labelled detail row from `from` on, or null. */
function nextMarkerType(table: Table, from: number, textColumns: readonly number[]): string | null {
  for (let r = from; r < table.rows.length; r++) {
    if (table.rows[r].role !== 'detail') return null;
    const { label, marker } = readRow(table, r, textColumns);
    if (label !== null || marker) return marker?.type ?? null;
  }
  return null;
}

/**
 * The rows a total adds, out of `rows` (ascending): the items of the top level. A row is left
 * out when it is a "Trong đó" part or a note, when an item above it among `rows` is added
 * instead, or when it only heads its sub-items (no figure of its own: its sub-items are added).
 * Rows without levels among them are all added, as before.
 */
export function topLevelRows(
  outline: Outline,
  rows: readonly number[],
  heads: (row: number) => boolean,
): { rows: number[]; levelled: boolean } {
  const inside = new Set(rows);
  let levelled = false;
  const kept: number[] = [];
  for (const r of rows) {
    if (outline.part[r] || outline.note[r]) {
      levelled = true;
      continue;
    }
    if (outline.hasChildren[r] && heads(r)) {
      levelled = true;
      continue;
    }
    let covered = false;
    for (let a = outline.parent[r]; a >= 0; a = outline.parent[a]) {
      if (outline.part[a]) {
        covered = true;
        break;
      }
      if (inside.has(a) && !(outline.hasChildren[a] && heads(a))) {
        covered = true;
        break;
      }
    }
    if (covered) {
      levelled = true;
      continue;
    }
    kept.push(r);
  }
  return levelled ? { rows: kept, levelled } : { rows: [...rows], levelled };
}
