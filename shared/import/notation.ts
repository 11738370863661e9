/**
 * The number notation of a sheet, decided from the evidence of the whole sheet: a string that
 * can only be read one way — "6,747,059,000" (English thousands), "1.234,5" or "16,70"
 * (Vietnamese) — decides for every string on the sheet that reads both ways ("1,342", "2.133"),
 * so that "1,342" beside "6,747,059,000" is read 1.342 (one thousand …), never 1,342. Strings
 * that read the same either way ("860531") decide nothing. When the sheet holds strings of both
 * kinds the larger side wins and the conflict is a doubt shown to the user, never a silent guess.
 */
import { parseNumber, type NumberConvention } from '../numbers';

export interface NotationTally {
  /** Strings that read as a number only the Vietnamese way. */
  viOnly: number;
  /** Strings that read as a number only the English way. */
  enOnly: number;
  /** Strings that read both ways, to different values. */
  ambiguous: number;
  /** An example of each, for the doubts. */
  viExample: string | null;
  enExample: string | null;
  ambiguousExample: string | null;
}

export function emptyTally(): NotationTally {
  return {
    viOnly: 0,
    enOnly: 0,
    ambiguous: 0,
    viExample: null,
    enExample: null,
    ambiguousExample: null,
  };
}

/** Adds one string to the tally. */
export function tallyString(tally: NotationTally, text: string): void {
  const vi = parseNumber(text, 'vi');
  const en = parseNumber(text, 'en');
  const viNum = vi.kind === 'number';
  const enNum = en.kind === 'number';
  if (viNum && !enNum) {
    tally.viOnly++;
    tally.viExample ??= text.trim();
  } else if (enNum && !viNum) {
    tally.enOnly++;
    tally.enExample ??= text.trim();
  } else if (viNum && enNum && vi.value !== en.value) {
    tally.ambiguous++;
    tally.ambiguousExample ??= text.trim();
  }
}

export function addTallies(into: NotationTally, from: NotationTally): void {
  into.viOnly += from.viOnly;
  into.enOnly += from.enOnly;
  into.ambiguous += from.ambiguous;
  into.viExample ??= from.viExample;
  into.enExample ??= from.enExample;
  into.ambiguousExample ??= from.ambiguousExample;
}

export interface NotationDecision {
  convention: NumberConvention;
  /** 'evidence': strings that read one way only decided it; 'locale': nothing did. */
  by: 'evidence' | 'locale';
  /** Both kinds of one-way strings were seen: a doubt to show. */
  conflict: boolean;
}

/** The notation a tally establishes, falling back to the document's locale. */
export function decideNotation(tally: NotationTally, locale: NumberConvention): NotationDecision {
  const { viOnly, enOnly } = tally;
  if (viOnly === 0 && enOnly === 0) return { convention: locale, by: 'locale', conflict: false };
  const convention: NumberConvention = viOnly === enOnly ? locale : viOnly > enOnly ? 'vi' : 'en';
  return { convention, by: 'evidence', conflict: viOnly > 0 && enOnly > 0 };
}

export function notationName(c: NumberConvention): string {
  return c === 'vi' ? 'kiểu Việt Nam (1.234,5)' : 'kiểu tiếng Anh (1,234.5)';
}
