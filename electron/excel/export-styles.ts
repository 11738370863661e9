/**
 * The look of an exported appendix: the conventions of Vietnamese administrative documents
 * (Times New Roman, bold centred headers, thin borders) and number formats that keep figures
 * numbers. The format codes are the locale-neutral ones ("#,##0.00"): Excel and LibreOffice draw
 * the separators of the reader's locale, so a Vietnamese reader sees 2.133 and 16,70.
 */
import type { Alignment, Borders, Font } from 'exceljs';
import { decimalsNeeded } from '../../shared/numbers';
import type { Column } from '../../shared/model';

export const FONT_NAME = 'Times New Roman';
export const BODY_SIZE = 12;
export const HEADING_SIZE = 13;

export function font(options: Partial<Font> = {}): Partial<Font> {
  return { name: FONT_NAME, size: BODY_SIZE, ...options };
}

const thin = { style: 'thin' as const };
export const THIN_BORDER: Partial<Borders> = { top: thin, left: thin, bottom: thin, right: thin };

export const CENTRE: Partial<Alignment> = { horizontal: 'center', vertical: 'middle' };
export const CENTRE_WRAP: Partial<Alignment> = { ...CENTRE, wrapText: true };

/** "#,##0" for whole numbers, "#,##0.00" for two decimals. */
export function numberFormat(decimals: number): string {
  return decimals > 0 ? `#,##0.${'0'.repeat(decimals)}` : '#,##0';
}

/**
 * The format of a figure: the column's decimals, or more when the stated value has more — a
 * format that rounds a stated 16,705 to 16,71 would hide the very digit a finding is about.
 * A formula's result keeps the column's decimals: that is the printed precision of a rate.
 */
export function figureFormat(column: Pick<Column, 'decimals'>, value: number | null): string {
  const extra = value === null ? 0 : decimalsNeeded(value, 10);
  return numberFormat(Math.max(column.decimals, extra));
}
