/**
 * Worksheet XML written by hand for the size and hostile-input tests: what a sheet declares
 * (`<dimension>`, column styles, style-only cells, empty rows) can be made to differ from what it
 * holds, which exceljs and LibreOffice never write on purpose but real files carry.
 */
import { columnLetter } from '../../shared/model';

/** An inline-string cell (no shared strings needed). */
export function textCell(ref: string, text: string): string {
  const escaped = text.replace(/&/g, '&amp;').replace(/</g, '&lt;');
  return `<c r="${ref}" t="inlineStr"><is><t>${escaped}</t></is></c>`;
}

export function numberCell(ref: string, value: number, formula?: string): string {
  return formula
    ? `<c r="${ref}"><f>${formula}</f><v>${value}</v></c>`
    : `<c r="${ref}"><v>${value}</v></c>`;
}

/** A cell that carries only a style: formatting, no value, no formula. */
export function styleOnlyCell(ref: string): string {
  return `<c r="${ref}" s="1"/>`;
}

export function worksheet(options: {
  dimension?: string;
  rows: string;
  cols?: string;
  merges?: string[];
}): string {
  const merges = options.merges?.length
    ? `<mergeCells count="${options.merges.length}">${options.merges.map((m) => `<mergeCell ref="${m}"/>`).join('')}</mergeCells>`
    : '';
  return (
    '<?xml version="1.0" encoding="UTF-8"?><worksheet xmlns="http://schemas.openxmlformats.org/spreadsheetml/2006/main">' +
    (options.dimension ? `<dimension ref="${options.dimension}"/>` : '') +
    (options.cols ? `<cols>${options.cols}</cols>` : '') +
    `<sheetData>${options.rows}</sheetData>${merges}</worksheet>`
  );
}

/**
 * A district table of production values 2010–2025 in A1:R225 as a program writes it: a title,
 * one header row, a "Toàn huyện" row of SUM formulas with their results, 222 communes; with
 * `styledTo` every row also carries style-only cells out to that column, as formatting applied
 * to whole rows leaves them.
 */
export function productionTable(options: { styledTo?: string } = {}): string {
  const years = Array.from({ length: 16 }, (_, i) => 2010 + i);
  const communes = 222;
  const rows: string[] = [];
  const styled = (r: number) => (options.styledTo ? styleOnlyCell(`${options.styledTo}${r}`) : '');
  rows.push(
    `<row r="1">${textCell('A1', 'GIÁ TRỊ SẢN XUẤT CÁC NGÀNH KINH TẾ GIAI ĐOẠN 2010 - 2025')}${styled(1)}</row>`,
  );
  rows.push(
    `<row r="2">${textCell('A2', 'STT')}${textCell('B2', 'Đơn vị')}${years
      .map((y, i) => textCell(`${columnLetter(i + 2)}2`, `Năm ${y}`))
      .join('')}${styled(2)}</row>`,
  );
  const value = (commune: number, year: number) => 100 + commune * 7 + (year - 2010) * 3;
  rows.push(
    `<row r="3">${textCell('B3', 'Toàn huyện')}${years
      .map((y, i) => {
        const col = columnLetter(i + 2);
        let sum = 0;
        for (let k = 1; k <= communes; k++) sum += value(k, y);
        return numberCell(`${col}3`, sum, `SUM(${col}4:${col}${3 + communes})`);
      })
      .join('')}${styled(3)}</row>`,
  );
  for (let k = 1; k <= communes; k++) {
    const r = 3 + k;
    rows.push(
      `<row r="${r}">${numberCell(`A${r}`, k)}${textCell(`B${r}`, `Xã số ${k}`)}${years
        .map((y, i) => numberCell(`${columnLetter(i + 2)}${r}`, value(k, y)))
        .join('')}${styled(r)}</row>`,
    );
  }
  return rows.join('');
}
