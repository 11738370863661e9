/**
 * Find's idea of "the same text", as people type Vietnamese: case never matters, nor the Unicode
 * form, nor where the tone mark of "oa", "oe", "uy" sits ("Hòa" / "Hoà"); and a search typed
 * without any diacritic ("hoa binh") finds the words with them ("Hòa Bình"), the way one types
 * on a keyboard without an input method. A search that carries diacritics means them: "hòa"
 * does not find "hoa".
 *
 * Texts are compared letter by letter (code points of the composed form), so where a match is
 * in the folded text is where it is in the text itself: replacing keeps every other letter as
 * it was written.
 */
import { unifyToneMarks } from '../../shared/vietnamese-text';

/** One letter in lower case, when that stays one letter ("İ" would not: it is kept). */
function lowerLetter(letter: string): string {
  const lower = letter.toLocaleLowerCase('vi');
  return Array.from(lower).length === 1 ? lower : letter;
}

/** A letter without its diacritics: "ộ" → "o", "đ" → "d". */
function bareLetter(letter: string): string {
  if (letter === 'đ') return 'd';
  const bare = letter.normalize('NFD').replace(/\p{M}/gu, '');
  return Array.from(bare).length === 1 ? bare : letter;
}

/** The letters of a text as compared: lower case, tone marks in one place (or, bare, none). */
function fold(text: string, bare: boolean): string[] {
  const letters = Array.from(text.normalize('NFC')).map(lowerLetter);
  if (bare) return letters.map(bareLetter);
  const unified = Array.from(unifyToneMarks(letters.join('')));
  // Moving a tone mark keeps one letter per letter; should it ever not, compare as written.
  return unified.length === letters.length ? unified : letters;
}

/** Where a search occurs in a text: [start, end) in letters of the composed text. */
export type Span = [number, number];

export interface VietnameseSearch {
  /** Every non-overlapping occurrence, left to right. */
  spans(text: string): Span[];
  /** The text with every occurrence replaced (composed form). */
  replace(text: string, replacement: string): string;
}

export function vietnameseSearch(query: string): VietnameseSearch | null {
  const letters = Array.from(query.normalize('NFC')).map(lowerLetter);
  if (letters.length === 0) return null;
  const bare = letters.every((l) => bareLetter(l) === l);
  const wanted = fold(query, bare);
  const spans = (text: string): Span[] => {
    const folded = fold(text, bare);
    const found: Span[] = [];
    for (let i = 0; i + wanted.length <= folded.length;) {
      let k = 0;
      while (k < wanted.length && folded[i + k] === wanted[k]) k++;
      if (k === wanted.length) {
        found.push([i, i + wanted.length]);
        i += wanted.length;
      } else i++;
    }
    return found;
  };
  return {
    spans,
    replace: (text, replacement) => {
      const original = Array.from(text.normalize('NFC'));
      let out = '';
      let at = 0;
      for (const [start, end] of spans(text)) {
        out += original.slice(at, start).join('') + replacement;
        at = end;
      }
      return (out + original.slice(at).join('')).normalize('NFC');
    },
  };
}
