/**
 * Between a cell's value and the text a person sees or types. Figures are shown the Vietnamese
 * way ("1.456", "16,70"); what is typed is read with the same convention, and anything that is
 * not a number is kept exactly as typed so the checks can flag it — never turned into 0.
 */
import { decimalsNeeded, formatNumber, parseNumber } from '../../shared/numbers';
import { isFigureColumn, type CellValue, type Column } from '../../shared/model';

/** The text shown in the grid: figures rounded to the column's decimals, as on the printed form. */
export function displayText(value: CellValue, column: Column): string {
  if (value === null) return '';
  if (typeof value === 'string') return value;
  return isFigureColumn(column) ? formatNumber(value, column.decimals) : String(value);
}

/**
 * The text an editor starts with. Unlike the display it keeps every decimal the value has, so
 * opening and closing an editor never rounds a figure behind the user's back.
 */
export function editorText(value: CellValue, column: Column): string {
  if (value === null) return '';
  if (typeof value === 'string') return value;
  if (!isFigureColumn(column)) return String(value);
  return formatNumber(value, Math.max(column.decimals, decimalsNeeded(value)));
}

/** What a typed text means in a column: a number, an empty cell, or the text itself. */
export function parseCellInput(text: string, column: Column): CellValue {
  if (!isFigureColumn(column)) return text.trim() === '' ? null : text;
  const parsed = parseNumber(text, 'vi');
  switch (parsed.kind) {
    case 'number':
      return parsed.value;
    case 'empty':
      return null;
    case 'text':
      return text;
  }
}
