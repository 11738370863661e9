/**
 * Naming a table of a document in a link or a rule: by its name ("Dân số và tỷ lệ tham gia"), or
 * by its short code as reports number their tables: "Biểu 2" / "Biểu số 02" / "Mẫu 2" → B2,
 * "Phụ lục 1" / "PL 01" → PL1, "Bảng 3" → B3. Case, spacing, tone placement and leading zeros do
 * not matter.
 */
import type { Table } from '../model';
import { unifyToneMarks } from '../units';

function plain(text: string): string {
  return unifyToneMarks(text.toLowerCase().replace(/\s+/g, ' ').trim());
}

/** The short code of a table name: "Biểu 2" → "b2", "Phụ lục 01" → "pl1", "B2" → "b2"; or null. */
export function tableCode(name: string): string | null {
  const n = plain(name)
    .replace(/[.:–-]/g, ' ')
    .replace(/\s+/g, ' ')
    .trim();
  const m =
    /^(biểu|bảng|mẫu|b|phụ lục|pl)\s*(?:số\s*)?0*(\d+)([a-z]?)(?:\s|$)/u.exec(n) ??
    /^([a-z]{1,3})0*(\d+)([a-z]?)$/u.exec(n.replace(/\s/g, ''));
  if (!m) return null;
  const prefix =
    { biểu: 'b', bảng: 'b', mẫu: 'b', b: 'b', 'phụ lục': 'pl', pl: 'pl' }[m[1]] ?? m[1];
  return `${prefix}${m[2]}${m[3]}`;
}

/** The index of the table a link or rule names, or a Vietnamese sentence saying why not. */
export function resolveTable(tables: readonly Table[], name: string): number | string {
  const exact = tables.findIndex((t) => t.name === name);
  if (exact >= 0) return exact;
  const wanted = plain(name);
  const byName = tables.flatMap((t, i) => (plain(t.name) === wanted ? [i] : []));
  if (byName.length === 1) return byName[0];
  const code = tableCode(name);
  if (code) {
    const byCode = tables.flatMap((t, i) => (tableCode(t.name) === code ? [i] : []));
    if (byCode.length === 1) return byCode[0];
    if (byCode.length > 1) {
      return `«${name}» có thể là ${byCode.map((i) => `«${tables[i].name}»`).join(' hoặc ')}; hãy ghi tên biểu`;
    }
  }
  return `tài liệu không có biểu «${name}»`;
}
