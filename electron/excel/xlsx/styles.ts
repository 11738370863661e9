/**
 * The number format of each cell style (styles.xml), and what a format says about its cells: a
 * date format turns a serial day number into a date, as Excel shows it.
 */
import { attributes, scanXml } from './xml-scan';

const BUILTIN_FORMATS: Record<number, string> = {
  0: 'General',
  1: '0',
  2: '0.00',
  3: '#,##0',
  4: '#,##0.00',
  9: '0%',
  10: '0.00%',
  11: '0.00E+00',
  12: '# ?/?',
  13: '# ??/??',
  14: 'mm-dd-yy',
  15: 'd-mmm-yy',
  16: 'd-mmm',
  17: 'mmm-yy',
  18: 'h:mm AM/PM',
  19: 'h:mm:ss AM/PM',
  20: 'h:mm',
  21: 'h:mm:ss',
  22: 'm/d/yy "h":mm',
  37: '#,##0 ;(#,##0)',
  38: '#,##0 ;[Red](#,##0)',
  39: '#,##0.00 ;(#,##0.00)',
  40: '#,##0.00 ;[Red](#,##0.00)',
  45: 'mm:ss',
  46: '[h]:mm:ss',
  47: 'mmss.0',
  48: '##0.0E+0',
  49: '@',
};

/** The number format code of each cell style (cellXfs index), undefined for none. */
export function parseStyles(xml: string): (string | undefined)[] {
  const custom = new Map<number, string>();
  const xfs: (string | undefined)[] = [];
  let inCellXfs = false;
  scanXml(xml, {
    capturing: false,
    open(name, tag, selfClosing) {
      if (name === 'numFmt') {
        const a = attributes(tag);
        // Backslash escapes undone, as exceljs does (number-format.ts reads its codes so).
        if (a.numFmtId !== undefined && a.formatCode !== undefined)
          custom.set(Number(a.numFmtId), a.formatCode.replace(/\\(.)/g, '$1'));
      } else if (name === 'cellXfs') {
        inCellXfs = !selfClosing;
      } else if (name === 'xf' && inCellXfs) {
        const id = Number(attributes(tag).numFmtId ?? 0);
        xfs.push(id ? (custom.get(id) ?? BUILTIN_FORMATS[id]) : undefined);
      }
    },
    close(name) {
      if (name === 'cellXfs') inCellXfs = false;
    },
    text() {},
  });
  return xfs;
}

/** "_x000D_" → "\r": the escape SpreadsheetML uses for characters XML cannot carry. */

/** exceljs' test for a date format: letters of a date or time outside quotes and brackets. */
export function isDateFormatCode(numFmt: string | undefined): boolean {
  if (!numFmt) return false;
  return /[ymdhMsb]+/.test(numFmt.replace(/\[[^\]]*]/g, '').replace(/"[^"]*"/g, ''));
}

/** An Excel serial day number as a UTC Date (as exceljs reads it). */
export function excelDate(serial: number, date1904: boolean): Date {
  return new Date(Math.round((serial - 25569 + (date1904 ? 1462 : 0)) * 24 * 3600 * 1000));
}
