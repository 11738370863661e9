/**
 * Where a pasted block goes in a table. The block starts at the focused cell,
 * unless it says where it belongs:
 *
 *   - a column-code row (A | B | 1=2+3 | 2 | 3 …) puts each block column under the table column
 *     of the same code, and is not pasted;
 *   - header rows whose words are the table's column labels (with their group above, where two
 *     columns share a label: "Nam" under "Dân số" and under "Lao động") put each block column
 *     under its label, and are not pasted;
 *   - an STT column followed by names puts the block's first column in the table's STT column;
 *   - when the block has a unit-name column and the table has names, each block row goes to the
 *     table row of the same unit (shared/units.ts's normalizeUnitName: "TT Lộc Ninh" is "Thị trấn
 *     Lộc Ninh"), whatever the order; a unit the table does not have becomes a new row.
 *
 * The result is a list of cell edits (only cells whose value changes) plus how many rows to add
 * at the end when the block is taller than the table (edits for those rows have rowIndex ≥ the
 * table's row count: dropping them is declining the new rows), and notes, in Vietnamese, on
 * everything that was decided. Nothing is pasted silently out of place: block columns with no
 * place are listed and left out.
 */
import { parseCodeRowEntry } from '../checks/formula';
import { mergeAt } from '../import/header-block';
import { rowLabel } from '../import/row-roles';
import { displayText } from '../import/sheet-grid';
import type { CellValue, Table } from '../model';
import { COLUMN_CODE_ENTRY } from '../table-words';
import { normalizeUnitName } from '../units';
import { parsePaste, type PasteBlock, type PasteOptions } from './paste-block';
import type { ClipboardData } from './pick-flavour';

export interface CellEdit {
  rowIndex: number;
  columnIndex: number;
  value: CellValue;
}

export interface FocusCell {
  rowIndex: number;
  columnIndex: number;
}

export interface AlignResult {
  edits: CellEdit[];
  /** Rows to append to the table before applying the edits (0 when the block fits). */
  rowsToAdd: number;
  /** Block rows read as header rows (and the code row), not pasted. */
  headerRows: number[];
  codeRow: number | null;
  /** How columns were placed. */
  columns: 'code' | 'label' | 'stt' | 'position';
  /** How rows were placed. */
  rows: 'name' | 'position';
  /** Table column of each block column, or null when it has none. */
  columnMap: (number | null)[];
  /** Table row of each block row (header rows: null). */
  rowMap: (number | null)[];
  notes: string[];
}

/** How many leading rows of a block may be header rows. */
const MAX_HEAD = 6;

function key(text: string): string {
  return text
    .normalize('NFC')
    .toLowerCase()
    .replace(/\s+/g, ' ')
    .replace(/[:.]+$/, '')
    .trim();
}

function text(block: PasteBlock, r: number, c: number): string {
  return displayText(block.grid.cells[r]?.[c] ?? null);
}

/** The text in a header cell, a merged range's anchor text standing for all its cells. */
function headerText(block: PasteBlock, r: number, c: number): string {
  const m = mergeAt(block.grid.merges, r, c);
  return m ? text(block, m.top, m.left) : text(block, r, c);
}

function hasFigure(block: PasteBlock, r: number): boolean {
  return block.values[r].some((v) => typeof v === 'number');
}

/**
 * The table column of each block column, through a code row at `r`, or null when row r is not
 * one. A pasted block may have its columns in any order, so the codes need not rise; a row of
 * bare numbers counts only when they run 1, 2, 3 … (else it is a data row).
 */
function codeRowMap(block: PasteBlock, r: number, table: Table): (number | null)[] | null {
  const width = block.grid.columnCount;
  const byCode = new Map(table.columns.map((c, i) => [c.code.toUpperCase(), i]));
  const map: (number | null)[] = [];
  const numbers: number[] = [];
  let entries = 0;
  let marked = 0;
  let matched = 0;
  for (let c = 0; c < width; c++) {
    const t = text(block, r, c);
    if (t === '') {
      map.push(null);
      continue;
    }
    entries++;
    const m = COLUMN_CODE_ENTRY.exec(t);
    if (!m) return null;
    if (m[2] || !/^\d+$/.test(m[1])) marked++;
    else numbers.push(Number(m[1]));
    const parsed = parseCodeRowEntry(t);
    const target = parsed.ok ? byCode.get(parsed.code.toUpperCase()) : undefined;
    map.push(target ?? null);
    if (target !== undefined) matched++;
  }
  if (entries < 2 || matched < 2 || matched * 5 < entries * 3) return null;
  if (marked === 0 && !numbers.every((n, i) => n === numbers[0] + i && numbers[0] <= 1))
    return null;
  return map;
}

/** Labels of the table's columns, and their paths, as keys. */
function tableLabels(table: Table): { label: string; path: string[] }[] {
  return table.columns.map((c) => ({ label: key(c.label), path: c.headerPath.map(key) }));
}

/** Does row r read as a header row of this table (two or more of its labels)? */
function isHeaderRow(block: PasteBlock, r: number, table: Table): boolean {
  if (hasFigure(block, r)) return false;
  const words = new Set<string>();
  for (const t of tableLabels(table)) {
    if (t.label) words.add(t.label);
    t.path.forEach((p) => words.add(p));
  }
  let cells = 0;
  let matches = 0;
  for (let c = 0; c < block.grid.columnCount; c++) {
    const t = key(text(block, r, c));
    if (t === '') continue;
    cells++;
    if (words.has(t)) matches++;
  }
  return matches >= 2 || (matches >= 1 && matches * 2 >= cells);
}

/** Each block column's table column by its header words (lowest level first, then groups). */
function labelMap(block: PasteBlock, headerRows: number[], table: Table): (number | null)[] {
  const labels = tableLabels(table);
  const used = new Set<number>();
  const map: (number | null)[] = [];
  for (let c = 0; c < block.grid.columnCount; c++) {
    const words: string[] = [];
    for (const r of headerRows) {
      const t = key(headerText(block, r, c));
      if (t !== '' && words[words.length - 1] !== t) words.push(t);
    }
    const label = words[words.length - 1];
    const candidates = labels.flatMap((l, i) =>
      label && l.label === label && !used.has(i) ? [i] : [],
    );
    let target: number | null = null;
    if (candidates.length === 1) target = candidates[0];
    else if (candidates.length > 1) {
      const groups = words.slice(0, -1);
      target =
        candidates.find((i) => groups.every((g) => labels[i].path.includes(g))) ?? candidates[0];
    }
    if (target !== null) used.add(target);
    map.push(target);
  }
  return map;
}

/** The table's STT column: a text column labelled STT/TT/Số thứ tự, or coded A, first. */
function sttColumn(table: Table): number | null {
  const i = table.columns.findIndex(
    (c) =>
      c.type === 'text' && (/^(stt|tt|số tt|số thứ tự)$/i.test(key(c.label)) || c.code === 'A'),
  );
  return i < 0 ? null : i;
}

/** The block's first column counts rows (1, 2, 3 … with gaps for headings) beside names. */
function blockHasStt(block: PasteBlock, from: number): boolean {
  if (block.grid.columnCount < 3) return false;
  let last = 0;
  let numbers = 0;
  let names = 0;
  for (let r = from; r < block.values.length; r++) {
    const v = block.values[r][0];
    if (typeof v === 'number') {
      if (!Number.isInteger(v) || v <= last) return false;
      last = v;
      numbers++;
    }
    if (typeof block.values[r][1] === 'string' && /\p{L}/u.test(block.values[r][1] as string))
      names++;
  }
  return numbers >= 2 && names >= numbers;
}

/** A cell's value as the target column keeps it. */
function valueFor(block: PasteBlock, r: number, c: number, figure: boolean): CellValue {
  const v = block.values[r][c];
  if (figure || v === null || block.keepText[r][c]) return v;
  const cell = block.grid.cells[r]?.[c];
  if (!cell) return null;
  if (typeof cell.value === 'number') return cell.value;
  // A text column keeps what was written; a plain whole number (STT) is a number, as Excel
  // stores it.
  const t = cell.value === null ? '' : cell.value.trim();
  return /^(0|[1-9]\d{0,14})$/.test(t) ? Number(t) : t === '' ? null : t;
}

function same(a: CellValue, b: CellValue): boolean {
  return a === b || (a === null && b === undefined) || (Number.isNaN(a) && Number.isNaN(b));
}

function list(items: string[], max = 3): string {
  return (
    items.slice(0, max).join(', ') +
    (items.length > max ? ` và ${items.length - max} chỗ khác` : '')
  );
}

/** Places a pasted block in a table at the focused cell. */
export function alignBlock(block: PasteBlock, table: Table, focus: FocusCell): AlignResult {
  const notes: string[] = [];
  const height = block.values.length;
  const width = block.grid.columnCount;
  const result: AlignResult = {
    edits: [],
    rowsToAdd: 0,
    headerRows: [],
    codeRow: null,
    columns: 'position',
    rows: 'position',
    columnMap: [],
    rowMap: new Array<number | null>(height).fill(null),
    notes,
  };
  if (height === 0 || width === 0) return result;

  // --- The head of the block: a code row, header rows above it or alone.
  let map: (number | null)[] | null = null;
  let dataStart = 0;
  for (let r = 0; r < Math.min(MAX_HEAD, height); r++) {
    const codes = codeRowMap(block, r, table);
    if (codes) {
      const above = Array.from({ length: r }, (_, i) => i);
      if (above.every((i) => !hasFigure(block, i))) {
        map = codes;
        result.codeRow = r;
        result.headerRows = above;
        result.columns = 'code';
        dataStart = r + 1;
      }
      break;
    }
    if (hasFigure(block, r)) break;
  }
  if (!map) {
    const head: number[] = [];
    for (let r = 0; r < Math.min(MAX_HEAD, height) && isHeaderRow(block, r, table); r++)
      head.push(r);
    if (head.length > 0) {
      const labels = labelMap(block, head, table);
      if (labels.filter((t) => t !== null).length >= 2) {
        map = labels;
        result.headerRows = head;
        result.columns = 'label';
        dataStart = head.length;
      }
    }
  }
  if (result.columns === 'code') {
    notes.push(
      `Vùng dán có dòng mã cột${result.headerRows.length > 0 ? ` và ${result.headerRows.length} dòng tiêu đề` : ''}: các cột được xếp theo mã cột của biểu; không dán các dòng này.`,
    );
  } else if (result.columns === 'label') {
    notes.push(
      `Vùng dán có ${result.headerRows.length} dòng tiêu đề: các cột được xếp theo tên cột của biểu; không dán các dòng tiêu đề.`,
    );
  }
  if (!map) {
    const stt = sttColumn(table);
    if (stt !== null && focus.columnIndex !== stt && blockHasStt(block, 0)) {
      map = Array.from({ length: width }, (_, c) => stt + c);
      result.columns = 'stt';
      notes.push(
        `Cột đầu của vùng dán là số thứ tự: vùng dán được đặt từ cột «${table.columns[stt].label || table.columns[stt].code}» của biểu.`,
      );
    } else {
      map = Array.from({ length: width }, (_, c) => focus.columnIndex + c);
    }
  }
  const columnCount = table.columns.length;
  map = map.map((t) => (t !== null && t >= 0 && t < columnCount ? t : null));
  result.columnMap = map;
  const dropped: string[] = [];
  for (let c = 0; c < width; c++) {
    if (map[c] !== null) continue;
    const used = block.values.slice(dataStart).some((row) => row[c] !== null);
    if (!used) continue;
    const label =
      result.headerRows.length > 0 ? headerText(block, result.headerRows.at(-1)!, c) : '';
    dropped.push(label ? `cột thứ ${c + 1} («${label}»)` : `cột thứ ${c + 1}`);
  }
  if (dropped.length > 0) {
    notes.push(
      `Không có chỗ trong biểu cho ${list(dropped, 5)} của vùng dán: không dán ${dropped.length > 1 ? 'các cột này' : 'cột này'}.`,
    );
  }

  // --- Rows: by unit name when the block's names are the table's, else from the focused row.
  const dataRows = Array.from({ length: height - dataStart }, (_, i) => dataStart + i);
  const types = table.columns.map((c) => c.type);
  const labelKey = (cells: readonly CellValue[]) => {
    const label = rowLabel(cells, types);
    return label === null ? '' : normalizeUnitName(label);
  };
  const tableKeys = table.rows.map((row) => labelKey(row.cells));
  const mappedText = map.some((t) => t !== null && types[t] === 'text');
  let rowTargets: (number | null)[] | null = null;
  if (mappedText && tableKeys.filter((k) => k !== '').length >= 2) {
    // The k-th occurrence of a key in the block is its k-th in the table ("Cộng" repeats).
    const where = new Map<string, number[]>();
    tableKeys.forEach((k, i) => {
      if (k !== '') where.set(k, [...(where.get(k) ?? []), i]);
    });
    const seen = new Map<string, number>();
    const blockKeys: string[] = [];
    const targets: (number | null)[] = [];
    let named = 0;
    let matched = 0;
    for (const r of dataRows) {
      const projected: CellValue[] = new Array(table.columns.length).fill(null);
      map.forEach((t, c) => {
        if (t !== null) projected[t] = valueFor(block, r, c, types[t] !== 'text');
      });
      const k = labelKey(projected);
      blockKeys.push(k);
      if (k === '') {
        targets.push(null);
        continue;
      }
      named++;
      const n = seen.get(k) ?? 0;
      seen.set(k, n + 1);
      const t = where.get(k)?.[n];
      targets.push(t ?? null);
      if (t !== undefined) matched++;
    }
    const positional = targets.every((t, i) => t === null || t === focus.rowIndex + i);
    if (named >= 2 && matched * 5 >= named * 3 && !positional) {
      rowTargets = targets;
      result.rows = 'name';
      const added: string[] = [];
      let next = table.rows.length;
      dataRows.forEach((r, i) => {
        if (targets[i] !== null || blockKeys[i] === '') return;
        targets[i] = next++;
        const projectedName = map!
          .map((t, c) => (t !== null && types[t] === 'text' ? block.values[r][c] : null))
          .find((v) => typeof v === 'string' && /\p{L}/u.test(v));
        added.push(`«${String(projectedName ?? blockKeys[i]).trim()}»`);
      });
      notes.push(
        `Thứ tự các dòng trong vùng dán khác trong biểu: ${matched} dòng được đặt theo tên đơn vị.`,
      );
      const unnamed = targets.filter((t) => t === null).length;
      if (unnamed > 0)
        notes.push(`Bỏ qua ${unnamed} dòng của vùng dán không có tên đơn vị để đặt vào biểu.`);
      if (added.length > 0)
        notes.push(
          `${added.length} đơn vị không có trong biểu (${list(added)}): thêm dòng mới ở cuối biểu.`,
        );
    }
  }
  if (!rowTargets) rowTargets = dataRows.map((_, i) => focus.rowIndex + i);
  dataRows.forEach((r, i) => (result.rowMap[r] = rowTargets![i]));

  // --- Edits.
  const last = Math.max(
    table.rows.length - 1,
    ...rowTargets.filter((t): t is number => t !== null),
  );
  result.rowsToAdd = last + 1 - table.rows.length;
  if (result.rowsToAdd > 0 && result.rows === 'position') {
    notes.push(
      `Vùng dán dài hơn phần còn lại của biểu ${result.rowsToAdd} dòng: cần thêm ${result.rowsToAdd} dòng mới ở cuối biểu.`,
    );
  }
  const texts: string[] = [];
  dataRows.forEach((r, i) => {
    const row = rowTargets![i];
    if (row === null) return;
    const current = table.rows[row]?.cells;
    for (let c = 0; c < width; c++) {
      const col = map![c];
      if (col === null) continue;
      const figure = table.columns[col].type !== 'text';
      const value = valueFor(block, r, c, figure);
      if (figure && typeof value === 'string')
        texts.push(`dòng ${row + 1}, cột ${table.columns[col].code} («${value}»)`);
      if (current && same(current[col] ?? null, value)) continue;
      if (!current && value === null) continue;
      result.edits.push({ rowIndex: row, columnIndex: col, value });
    }
  });
  if (texts.length > 0) {
    notes.push(
      `${texts.length} ô dán vào cột số không phải là số (${list(texts)}): giữ nguyên chữ, phần kiểm tra sẽ báo.`,
    );
  }
  return result;
}

/** What the grid's paste handler gets back: the placement and every note, block notes first. */
export interface PasteResult extends AlignResult {
  block: PasteBlock;
}

/**
 * The grid's paste handler in one call: `pasteIntoTable({ text: e.clipboardData.getData(
 * 'text/plain'), html: e.clipboardData.getData('text/html') }, table, focusedCell)`. Apply
 * `rowsToAdd` and `edits` as one undoable batch (or, when the user declines new rows, drop the
 * edits whose rowIndex ≥ table.rows.length); show `notes`.
 */
export function pasteIntoTable(
  data: ClipboardData,
  table: Table,
  focus: FocusCell,
  options: PasteOptions = {},
): PasteResult {
  const block = parsePaste(data, options);
  const result = alignBlock(block, table, focus);
  return { ...result, block, notes: [...block.notes, ...result.notes] };
}
