/**
 * Vietnamese text compared as people read it: the tone mark of "oa", "oe", "uy" written on either
 * vowel ("Hòa" / "Hoà", "Thủy" / "Thuỷ") is one spelling, composed or decomposed Unicode alike.
 * Shared by unit-name matching (units.ts) and the words of tables (table-words.ts).
 */

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
