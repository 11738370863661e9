/**
 * A1 addresses ("C12", "$C$12") and shared formulas: a formula written once for a range reads,
 * in each cell of it, with its relative references moved by the cell's offset.
 */

/** Column letters → 1-based index ("A" → 1, "AA" → 27). */
export function columnNumber(letters: string): number {
  let n = 0;
  for (let i = 0; i < letters.length; i++) n = n * 26 + (letters.charCodeAt(i) & 0x1f);
  return n;
}

export function letters(column: number): string {
  let s = '';
  for (let n = column; n > 0; n = Math.floor((n - 1) / 26))
    s = String.fromCharCode(65 + ((n - 1) % 26)) + s;
  return s;
}

/**
 * "C12" → { row: 12, col: 3 } (1-based), or null; "$C$12" too. Up to seven letters are read, so
 * that a column past Excel's last (XFD) is seen as such and refused, not taken for another cell.
 */
export function decodeAddress(ref: string): { row: number; col: number } | null {
  const n = ref.length;
  let i = 0;
  if (ref.charCodeAt(i) === 36) i++;
  let col = 0;
  const colStart = i;
  for (; i < n; i++) {
    const ch = ref.charCodeAt(i) | 0x20; // lower case
    if (ch < 97 || ch > 122) break;
    col = col * 26 + (ch - 96);
  }
  if (i === colStart || i - colStart > 7) return null;
  if (ref.charCodeAt(i) === 36) i++;
  let row = 0;
  const rowStart = i;
  for (; i < n; i++) {
    const ch = ref.charCodeAt(i);
    if (ch < 48 || ch > 57) return null;
    row = row * 10 + (ch - 48);
  }
  return i === rowStart ? null : { row, col };
}

const REFERENCE = /(?<![A-Za-z0-9_.$])(\$?)([A-Z]{1,3})(\$?)(\d+)(?![A-Za-z0-9_(!])/g;

/**
 * A shared formula written for `from` as it reads in `to`: relative references move by the
 * offset, absolute ($) parts stay; text in quotes is left alone.
 */
export function slideFormula(formula: string, from: string, to: string): string {
  const a = decodeAddress(from);
  const b = decodeAddress(to);
  if (!a || !b) return formula;
  const dr = b.row - a.row;
  const dc = b.col - a.col;
  return formula
    .split(/("[^"]*")/)
    .map((part, i) =>
      i % 2 === 1
        ? part
        : part.replace(REFERENCE, (ref, $c: string, col: string, $r: string, row: string) => {
            const c = $c ? columnNumber(col) : columnNumber(col) + dc;
            const r = $r ? Number(row) : Number(row) + dr;
            return c < 1 || r < 1 ? ref : `${$c}${letters(c)}${$r}${r}`;
          }),
    )
    .join('');
}
