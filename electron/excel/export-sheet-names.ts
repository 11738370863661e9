/**
 * Sheet names for an exported workbook. Excel refuses a workbook whose sheet names are longer
 * than 31 characters, contain [ ] : * ? / \, begin or end with an apostrophe, or repeat another
 * name ignoring case — and it says so only by "repairing" the file. So every name is made legal
 * here, and unique, before a sheet is added.
 */

const MAX_LENGTH = 31;
const FORBIDDEN = /[[\]:*?/\\]/g;
/** Excel keeps this name for its own change-tracking sheet. */
const RESERVED = new Set(['history']);

/** A legal sheet name close to `wanted`: forbidden characters become "-", cut to 31 characters. */
export function legalSheetName(wanted: string, fallback = 'Biểu'): string {
  let name = wanted
    .normalize('NFC')
    .replace(FORBIDDEN, '-')
    // exceljs quotes sheet names in defined names (print titles) without doubling apostrophes.
    .replace(/'/g, '’')
    .replace(/\p{Cc}/gu, ' ')
    .replace(/\s+/g, ' ')
    .trim();
  if (name === '' || RESERVED.has(name.toLowerCase())) name = name ? `${name} 1` : fallback;
  return cut(name, MAX_LENGTH);
}

function cut(name: string, length: number): string {
  const chars = Array.from(name);
  return chars.length <= length ? name : chars.slice(0, length).join('').trimEnd();
}

/** Hands out legal sheet names, each unique (ignoring case) among those handed out before. */
export class SheetNamer {
  private readonly taken = new Set<string>();

  name(wanted: string): string {
    const base = legalSheetName(wanted);
    let name = base;
    for (let n = 2; this.taken.has(name.toLowerCase()); n++) {
      const suffix = ` (${n})`;
      name = cut(base, MAX_LENGTH - suffix.length) + suffix;
    }
    this.taken.add(name.toLowerCase());
    return name;
  }
}
