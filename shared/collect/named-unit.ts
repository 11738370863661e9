/**
 * Which unit a file speaks for, when its rows do not say it: a commune that sends its own
 * breakdown by village (thôn, ấp, tổ dân phố) with a total names itself in the title block
 * ("UBND XÃ LỘC HÒA", "… của xã Lộc Hòa"), in the sheet's name or in the file's name
 * ("Loc Hoa - dan so.xlsx", often without diacritics).
 *
 * The district's own name is in many title blocks too ("UBND HUYỆN LỘC NINH") and may be a
 * commune's name as well (Thị trấn Lộc Ninh): a name right after "huyện", "tỉnh", "quận" names no
 * commune; a name right after "xã", "phường", "thị trấn" is preferred to a bare one.
 */
import { norm } from '../table-words';
import type { UnitRow } from './unit-rows';

/** Letters without their marks, đ as d, lower case, words separated by one space. */
function fold(text: string): string {
  return ` ${text
    .normalize('NFD')
    .replace(/\p{M}/gu, '')
    .replace(/[đĐ]/g, 'd')
    .toLowerCase()
    .replace(/[^a-z0-9]+/g, ' ')
    .trim()} `;
}

const HIGHER = / (huyen|tinh|quan|thi xa|thanh pho|tp|tx|h) $/;
const COMMUNE = / (xa|phuong|thi tran|tt|x|p) $/;

/** How a text names a unit: 2 after a commune's type word, 1 bare, 0 not (or as a district). */
function strength(text: string, key: string): number {
  let best = 0;
  for (let at = text.indexOf(key); at >= 0; at = text.indexOf(key, at + 1)) {
    const before = text.slice(0, at + 1);
    if (HIGHER.test(before)) continue;
    best = Math.max(best, COMMUNE.test(before) ? 2 : 1);
  }
  return best;
}

/**
 * The one unit the texts name, in the order given (title block first, then sheet, then file
 * name): the first text that names exactly one unit most strongly decides; null when none does.
 */
export function unitNamedIn(texts: readonly string[], units: readonly UnitRow[]): UnitRow | null {
  const keys = units.map((u) => ({ unit: u, key: fold(u.key) }));
  for (const text of texts) {
    const folded = fold(text);
    let top = 0;
    let found: UnitRow[] = [];
    for (const { unit, key } of keys) {
      if (key.trim() === '') continue;
      const s = strength(folded, key);
      if (s > top) [top, found] = [s, [unit]];
      else if (s === top && s > 0) found.push(unit);
    }
    if (found.length === 1) return found[0];
    if (found.length > 1) {
      // "Lộc Hòa" and "Lộc Hóa" fold alike: the text's own marks decide.
      const exact = found.filter((u) => norm(text).includes(u.key));
      if (exact.length === 1) return exact[0];
      // The longest name: "Lộc Thạnh" over a unit named "Lộc" alone.
      const longest = Math.max(...found.map((u) => u.key.length));
      const long = found.filter((u) => u.key.length === longest);
      if (long.length === 1) return long[0];
    }
  }
  return null;
}
