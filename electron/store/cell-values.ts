/**
 * How a cell value (model.ts CellValue) maps to the two columns that store it. A number goes to
 * `num` as a REAL; anything else goes to `text` exactly as typed, so "khoảng 150" or "1.234 người"
 * survive for the checks to flag instead of being coerced into something the user did not write.
 */
import type { CellValue } from '../../shared/model';

interface StoredCell {
  num: number | null;
  text: string | null;
}

/**
 * The value a cell is set to. The empty string is how a grid reports a cleared cell, so it means
 * "empty" (null); -0 becomes 0. Anything else is kept as given. Returns null for a value no cell
 * can hold (NaN, Infinity, or not a number/string/null) so the caller can name the cell.
 */
export function normaliseCellValue(value: unknown): { ok: true; value: CellValue } | { ok: false } {
  if (value === null || value === '') return { ok: true, value: null };
  if (typeof value === 'string') return { ok: true, value };
  if (typeof value === 'number' && Number.isFinite(value)) {
    return { ok: true, value: value === 0 ? 0 : value };
  }
  return { ok: false };
}

/**
 * normaliseCellValue without the wrapper object, for batches of hundreds of thousands of cells:
 * the value a cell is set to, or undefined for a value no cell can hold.
 */
export function cellValueOf(value: unknown): CellValue | undefined {
  if (typeof value === 'string') return value === '' ? null : value;
  if (typeof value === 'number')
    return Number.isFinite(value) ? (value === 0 ? 0 : value) : undefined;
  return value === null ? null : undefined;
}

export function encodeCell(value: CellValue): StoredCell {
  if (value === null) return { num: null, text: null };
  return typeof value === 'number' ? { num: value, text: null } : { num: null, text: value };
}

export function decodeCell(
  num: number | null | undefined,
  text: string | null | undefined,
): CellValue {
  if (num !== null && num !== undefined) return num;
  if (text !== null && text !== undefined) return text;
  return null;
}

/** Same value and same kind: the number 5 and the text "5" differ (one of them is a typo). */
export function sameCellValue(a: CellValue, b: CellValue): boolean {
  return a === b;
}
