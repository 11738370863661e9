/**
 * Unit names (xã, phường, thị trấn, huyện, tỉnh …) as a key for matching the same unit across
 * tables, files and years. Names are written inconsistently (DOMAIN.md, "Administrative units"):
 * "Thị trấn Lộc Ninh", "TT Lộc Ninh", "Thị Trấn Lộc Ninh", "TT. Lộc Ninh"; "Xã Lộc Hòa", "Lộc Hoà",
 * "X. Lộc Hòa"; "Phường 1", "P.1", "P. 01"; composed or decomposed Unicode; the tone mark on
 * either vowel of "oa", "oe", "uy". `normalizeUnitName` maps all of these to one key.
 *
 * The key is for comparing, not for showing: lower case, NFC, single spaces, the tone mark in
 * the traditional place ("hòa", "khỏe", "thủy"), the type word dropped ("lộc ninh") except before
 * a number ("phường 1", "quận 1": without it the two would be one). Every grand-total label
 * ("Tổng cộng", "Toàn huyện", "Toàn quốc", "Tổng số", "Cộng" …) is the one key `TOTAL_KEY`.
 */

/** The key of every grand-total row. */
export const TOTAL_KEY = '__total__';

const TONE_MARKS = /[\u0300\u0301\u0303\u0309\u0323]/;
const TONE_MARKS_GLOBAL = /[\u0300\u0301\u0303\u0309\u0323]/g;
/** Marks that make a different vowel (â ê ô, ă, ơ ư): they stay on their letter. */
const QUALITY_MARK = /[\u0302\u0306\u031B]/;
const VOWELS = 'aeiouy';

interface Letter {
  base: string;
  /** Quality marks after the base letter (NFD). */
  marks: string;
}

function letters(syllable: string): Letter[] {
  const out: Letter[] = [];
  for (const ch of syllable) {
    if (/\p{M}/u.test(ch) && out.length > 0) out[out.length - 1].marks += ch;
    else out.push({ base: ch, marks: '' });
  }
  return out;
}

/**
 * The letter of a syllable that carries the tone mark, traditional style: a vowel with a quality
 * mark first (the last one: "ươ" → ơ); else the only vowel; else, before a final consonant, the
 * last vowel ("hoàng"); else the middle of three ("ngoài") or the first of two ("hòa", "thủy",
 * "của"). "qu" and "gi" before a vowel are consonants.
 */
function toneIndex(word: Letter[]): number {
  const vowel = (i: number) => VOWELS.includes(word[i].base);
  const indexes: number[] = [];
  for (let i = 0; i < word.length; i++) if (vowel(i)) indexes.push(i);
  if (indexes.length === 0) return -1;
  const first = word[0]?.base;
  if (
    indexes.length > 1 &&
    ((first === 'q' && indexes[0] === 1 && word[1].base === 'u') ||
      (first === 'g' && indexes[0] === 1 && word[1].base === 'i' && word[1].marks === ''))
  ) {
    indexes.shift();
  }
  const marked = indexes.filter((i) => QUALITY_MARK.test(word[i].marks));
  if (marked.length > 0) return marked[marked.length - 1];
  if (indexes.length === 1) return indexes[0];
  const last = indexes[indexes.length - 1];
  const closed = last < word.length - 1;
  if (closed) return last;
  return indexes.length >= 3 ? indexes[1] : indexes[0];
}

/** One word with its tone mark moved to the traditional place. Expects NFD, lower case. */
function placeTone(word: string): string {
  const tone = TONE_MARKS.exec(word)?.[0];
  if (!tone) return word;
  const parts = letters(word.replace(TONE_MARKS_GLOBAL, ''));
  const at = toneIndex(parts);
  if (at < 0) return word;
  parts[at].marks += tone;
  return parts.map((l) => l.base + l.marks).join('');
}

/** Every word of a text with its tone mark in the traditional place; the result is NFC. */
export function unifyToneMarks(text: string): string {
  return text
    .normalize('NFD')
    .replace(/[\p{L}\p{M}]+/gu, (word) => placeTone(word))
    .normalize('NFC');
}

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

/** Labels of grand-total rows, after normalization. */
const TOTAL_LABEL =
  /^(?:tổng cộng(?:\s.*)?|tổng số|tổng|cộng|cả (?:nước|tỉnh|huyện|thành phố|thị xã|xã)|toàn (?:quốc|tỉnh|huyện|thành phố|thị xã|thị trấn|xã|phường|quận|ngành|đơn vị)(?:\s.*)?)$/u;

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
  return TOTAL_LABEL.test(clean(name).replace(NUMBERING, ''));
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
  if (TOTAL_LABEL.test(key)) return TOTAL_KEY;
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
