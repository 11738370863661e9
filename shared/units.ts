/**
 * Unit names (xã, phường, thị trấn, huyện, tỉnh …) as a key for matching the same unit across
 * tables, files and years. Names are written inconsistently (docs/domain.md, "Units"):
 * "Thị trấn Lộc Ninh", "TT Lộc Ninh", "Thị Trấn Lộc Ninh", "TT. Lộc Ninh"; "Xã Lộc Hòa", "Lộc Hoà",
 * "X. Lộc Hòa"; "Phường 1", "P.1", "P. 01"; composed or decomposed Unicode; the tone mark on
 * either vowel of "oa", "oe", "uy". `normalizeUnitName` maps all of these to one key.
 *
 * The key is for comparing, not for showing: lower case, NFC, single spaces, the tone mark in
 * the traditional place ("hòa", "khỏe", "thủy"), the type word dropped ("lộc ninh") except before
 * a number ("phường 1", "quận 1": without it the two would be one). Every grand-total label
 * ("Tổng cộng", "Toàn huyện", "Toàn quốc", "Tổng số", "Cộng" …) is the one key `TOTAL_KEY`.
 */

import { unifyToneMarks } from './vietnamese-text';
import { isGrandTotalLabel } from './table-words';

export { unifyToneMarks };

/** The key of every grand-total row. */
export const TOTAL_KEY = '__total__';

/** Type words before a unit's name, with their abbreviations, and the word a number keeps. */
const TYPES: ReadonlyArray<{ pattern: string; word: string }> = [
  { pattern: 'thành phố|tp\\.?', word: 'thành phố' },
  { pattern: 'thị trấn|tt\\.?', word: 'thị trấn' },
  { pattern: 'thị xã|tx\\.?', word: 'thị xã' },
  { pattern: 'đặc khu', word: 'đặc khu' },
  { pattern: 'phường|p\\.?', word: 'phường' },
  { pattern: 'quận|q\\.?', word: 'quận' },
  { pattern: 'huyện|h\\.', word: 'huyện' },
  { pattern: 'tỉnh', word: 'tỉnh' },
  { pattern: 'xã|x\\.', word: 'xã' },
];
/** A type word at the start, then a space, a dot or a digit ("P.1", "P1", "TT Lộc Ninh"). */
const TYPE_PREFIX = new RegExp(
  `^(?:${TYPES.map((t) => `(${t.pattern})`).join('|')})(?:\\s+|(?<=\\.)|(?=\\d))`,
  'u',
);

/** A grand total's label (table-words.ts), or "Cộng" alone: the one key of every total row. */
function namesTotal(key: string): boolean {
  return key === 'cộng' || isGrandTotalLabel(key);
}

/**
 * Numbering before a label: "1. ", "II. ", "3) "; a bare code only before a total ("00 Toàn
 * quốc"), since "Phường 2 Bảo Lộc" has a number in its name.
 */
const NUMBERING = /^(?:\d+[.)]|(?!x\.)[ivxl]+[.)]|\d+(?=\s+(?:tổng|toàn|cộng|cả)))\s*(?=\p{L})/u;

/** Lower case, NFC, one space, one kind of apostrophe and hyphen, traditional tone marks. */
function clean(name: string): string {
  return unifyToneMarks(
    name
      .normalize('NFC')
      .toLowerCase()
      .replace(/[\u200B-\u200D\uFEFF]/g, '')
      .replace(/[\u2018\u2019\u02BC`\u00B4]/g, "'")
      .replace(/\s*[-\u2010-\u2015\u2212]\s*/g, '-')
      .replace(/\s+/g, ' ')
      .trim()
      .replace(/'\s+/g, "'")
      .replace(/[:;,.]+$/, '')
      .trim(),
  );
}

/** True when the label names a grand total ("Tổng cộng", "TOÀN HUYỆN", "Cộng:", "00 Toàn quốc"). */
export function isTotalLabel(name: string): boolean {
  return namesTotal(clean(name).replace(NUMBERING, ''));
}

/**
 * The matching key of a unit name: "Thị Trấn Lộc Ninh", "TT. Lộc Ninh" and "lộc ninh" give
 * "lộc ninh"; "Phường Yên Hoà" and "P. Yên Hòa" give "yên hòa"; "Phường 1", "P.1" and "P. 01"
 * give "phường 1"; "Tổng cộng" and "Toàn huyện" give TOTAL_KEY. An empty name gives "".
 */
export function normalizeUnitName(name: string): string {
  let key = clean(name);
  if (key === '') return '';
  key = key.replace(NUMBERING, '');
  if (namesTotal(key)) return TOTAL_KEY;
  const prefix = TYPE_PREFIX.exec(key);
  if (prefix) {
    const rest = key.slice(prefix[0].length).replace(/^[\s.]+/, '');
    if (rest !== '') {
      const type = TYPES[prefix.slice(1).findIndex((g) => g !== undefined)].word;
      // A number, Arabic or Roman, is no name without its type: "Phường 1" is not "Quận 1".
      key = /^\d+$/.test(rest)
        ? `${type} ${Number(rest)}`
        : /^[ivxlc]+$/.test(rest)
          ? `${type} ${rest}`
          : rest;
    }
  }
  // Leading zeros in a number carry nothing ("Xã Đại Ân 02").
  return key.replace(/(?<![\p{L}\d])0+(?=\d)/gu, '');
}
