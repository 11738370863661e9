/**
 * A paragraph of a report cut into sentences: at ".", "!" or "?" followed by a space and a capital
 * letter — never inside a figure ("791.232.965") — so each check reads one statement.
 */

export interface Sentence {
  /** The paragraph's number (1-based, body paragraphs as a reader counts them). */
  paragraph: number;
  text: string;
}

const BREAK = /(?<=[.!?…])\s+(?=[\p{Lu}\d"“(])/u;

export function sentencesOf(paragraph: string, number: number): Sentence[] {
  return paragraph
    .split(BREAK)
    .map((text) => text.trim())
    .filter((text) => text !== '')
    .map((text) => ({ paragraph: number, text }));
}
