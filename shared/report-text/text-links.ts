/**
 * A figure in a report's text and the same quantity in one of its tables: "Xã Lộc Hòa có 702
 * người tham gia học tập" states the cell of the row «Xã Lộc Hòa» in the column «Số người tham
 * gia». A link is made only when the sentence names both — the unit (its name, however written:
 * shared/units.ts) or the table's total row by its own label, and every word of the column's
 * header besides the counting words, the figure's unit among them — and exactly one column fits.
 * A figure that agrees is a link; one that disagrees is a finding, with the table's cell.
 */
import { draftToTable, sourceAddress, type DetectedTable } from '../import/detect-tables';
import { formatNumber } from '../numbers';
import type { Table } from '../model';
import { isFigureColumn } from '../model';
import { unifyToneMarks, normalizeUnitName, TOTAL_KEY } from '../units';
import { unitRows } from '../collect/unit-rows';
import { figuresIn, type Figure } from './figures';
import { sentencesOf, type Sentence } from './sentences';
import type { TextFinding } from './check-report-text';

export interface ReportTable {
  name: string;
  table: Table;
  /** The A1 address of a cell inside the table's own grid (as findings name it). */
  addressOf(row: number, col: number): string;
}

export interface TextLink {
  paragraph: number;
  sentence: string;
  figure: { start: number; end: number };
  stated: number;
  table: string;
  /** The row as the table names it. */
  row: string;
  cell: string;
  value: number;
}

/** Header words that say how a figure is counted, not what it counts. */
const COUNTING_WORDS = new Set([
  'số',
  'tổng',
  'cộng',
  'chia',
  'ra',
  'trong',
  'đó',
  'tỷ',
  'tỉ',
  'lệ',
]);

const clean = (text: string) => unifyToneMarks(text.normalize('NFC').toLowerCase());
const wordsOf = (text: string) => clean(text).match(/[\p{L}\p{N}]+/gu) ?? [];

/** Where a name stands in a sentence as whole words, or -1. */
function find(text: string, name: string): { start: number; end: number } | null {
  if (name === '') return null;
  const escaped = name.replace(/[.*+?^${}()|[\]\\]/g, '\\$&');
  const m = new RegExp(`(?<![\\p{L}\\p{N}])${escaped}(?![\\p{L}\\p{N}])`, 'u').exec(text);
  return m ? { start: m.index, end: m.index + m[0].length } : null;
}

/** Higher levels whose name a commune may share: "huyện Lộc Ninh" is not "thị trấn Lộc Ninh". */
const LEVEL_BEFORE = /(?:huyện|tỉnh|quận|thị xã|thành phố|tp\.?)\s*$/u;

/** The sentence puts another level's word before the name than the row's own label has. */
function anotherLevel(before: string, label: string): boolean {
  const level = LEVEL_BEFORE.exec(before);
  return level !== null && !clean(label).startsWith(level[0].trim());
}

interface NamedRow {
  rowIndex: number;
  label: string;
  /** What the sentence must contain to name the row (clean). */
  says: string;
}

function namedRows(table: Table): NamedRow[] {
  const units = unitRows(table).map((u) => ({
    rowIndex: u.rowIndex,
    label: u.name,
    says: u.key,
  }));
  // The total row only by its own label ("Toàn huyện"): a bare "Cộng" names nothing in a
  // sentence, and "toàn xã có 21 hộ" may count something else than the table.
  const totals = table.rows.flatMap((row, rowIndex) => {
    if (row.role !== 'total') return [];
    const label = row.cells.find((c): c is string => typeof c === 'string' && c.trim() !== '');
    if (!label || normalizeUnitName(label) !== TOTAL_KEY) return [];
    const says = clean(label)
      .replace(/[:.\s]+$/u, '')
      .trim();
    return /^(?:toàn|cả)\s/u.test(says) ? [{ rowIndex, label: label.trim(), says }] : [];
  });
  return [...units, ...(totals.length === 1 ? totals : [])];
}

/** The one figure column the clause and the figure name, or -1. */
function columnOf(table: Table, clause: Set<string>, figure: Figure): number {
  const fits: number[] = [];
  table.columns.forEach((column, c) => {
    if (!isFigureColumn(column)) return;
    if ((column.type === 'percent') !== figure.percent) return;
    const words = [...column.headerPath, column.label]
      .flatMap(wordsOf)
      .filter((w) => !COUNTING_WORDS.has(w));
    if (words.length === 0 || !words.every((w) => clause.has(w))) return;
    if (!figure.percent && !wordsOf(figure.unit).every((w) => words.includes(w))) return;
    fits.push(c);
  });
  return fits.length === 1 ? fits[0] : -1;
}

function linksIn(sentence: Sentence, tables: readonly ReportTable[]): TextLink[] {
  const out: TextLink[] = [];
  const text = clean(sentence.text);
  const figures = figuresIn(sentence.text).filter((f) => f.unit !== '');
  for (const t of tables) {
    const named = namedRows(t.table)
      .map((row) => ({ row, at: find(text, row.says) }))
      .filter(
        (x): x is { row: NamedRow; at: { start: number; end: number } } =>
          x.at !== null && !anotherLevel(text.slice(0, x.at.start), x.row.label),
      )
      .sort((a, b) => a.at.start - b.at.start);
    named.forEach(({ row, at }, k) => {
      // The clause the name stands in, up to the next unit named ("Thôn 1 có 31 hộ, Thôn 2 có
      // 25 hộ"): its figures after the name, its words. A dot inside "10.450" does not end it.
      const end = text.slice(at.end).search(/;|\.(?!\d)/u);
      const next = named[k + 1]?.at.start ?? text.length;
      const until = Math.min(end < 0 ? text.length : at.end + end, next);
      const clause = new Set(wordsOf(text.slice(at.start, until)));
      for (const figure of figures) {
        if (figure.start < at.end || figure.end > until) continue;
        const col = columnOf(t.table, clause, figure);
        if (col < 0) continue;
        const value = t.table.rows[row.rowIndex].cells[col];
        if (typeof value !== 'number') continue;
        out.push({
          paragraph: sentence.paragraph,
          sentence: sentence.text,
          figure: { start: figure.start, end: figure.end },
          stated: figure.value,
          table: t.name,
          row: row.label,
          cell: t.addressOf(row.rowIndex, col),
          value: Number(value.toFixed(figure.decimals)),
        });
      }
    });
  }
  return out;
}

/** A Word report's tables as read, named as its findings name them ("Bảng 2", or the title). */
export function reportTables(detected: readonly DetectedTable[]): ReportTable[] {
  return detected.map((d) => ({
    name: d.sheet,
    table: draftToTable(d.table),
    addressOf: (row, col) => sourceAddress(d, row, col),
  }));
}

/** Every figure of the report's paragraphs that a sentence states of a table's cell. */
export function linkTextToTables(
  paragraphs: readonly string[],
  tables: readonly ReportTable[],
): TextLink[] {
  return paragraphs.flatMap((p, i) => sentencesOf(p, i + 1).flatMap((s) => linksIn(s, tables)));
}

/** The links whose figure disagrees with the table's cell, as text findings. */
export function disagreements(links: readonly TextLink[]): TextFinding[] {
  return links
    .filter((l) => l.stated !== l.value)
    .map((l) => {
      const decimals = Math.max(decimalsOf(l.stated), decimalsOf(l.value));
      const difference = Number((l.stated - l.value).toFixed(Math.max(decimals, 6)));
      const show = (v: number) => formatNumber(v, decimals);
      const sign = difference > 0 ? '+' : '−';
      return {
        id: `text:${l.paragraph}:${l.figure.start}:${l.table}`,
        severity: 'error' as const,
        kind: 'text' as const,
        cause: null,
        table: l.table,
        sheet: l.table,
        cell: l.cell,
        cells: [l.cell],
        paragraph: l.paragraph,
        sentence: l.sentence,
        expected: l.value,
        actual: l.stated,
        difference,
        message: `Đoạn ${l.paragraph}: câu văn ghi ${show(l.stated)} cho «${l.row}», biểu «${l.table}» ghi ${show(l.value)} ở ô ${l.cell} (lệch ${sign}${show(Math.abs(difference))}).`,
        suggestion: null,
        figures: [l.figure],
      };
    });
}

function decimalsOf(v: number): number {
  const s = String(v);
  const dot = s.indexOf('.');
  return dot < 0 ? 0 : s.length - dot - 1;
}
