/**
 * What an Excel number format code says about a cell: how many decimals it shows, whether it
 * shows a percentage, whether it is a date, and how a date looks under it. Only what the importer
 * needs — this is not a full implementation of Excel's format language.
 */

/** The first section of a format code ("pos;neg;zero;text"), with the parts that print
 *  nothing of the number removed: quoted text, [colours]/[conditions], escapes, padding. */
function numberSection(numFmt: string): string {
  let section = '';
  let quoted = false;
  for (let i = 0; i < numFmt.length; i++) {
    const ch = numFmt[i];
    if (ch === '"') quoted = !quoted;
    else if (!quoted && ch === ';') break;
    section += ch;
  }
  return section
    .replace(/"[^"]*"/g, '')
    .replace(/\[[^\]]*\]/g, '')
    .replace(/\\./g, '')
    .replace(/[_*]./g, '');
}

function isGeneral(numFmt: string | undefined): boolean {
  return !numFmt || /^\s*general\s*$/i.test(numFmt) || numFmt.trim() === '@';
}

/**
 * Decimals the format shows: "#,##0" → 0, "0.00" → 2, "0.0%" → 1, "#,##0.0#" → 2; null when the
 * format does not fix them (General, text "@", a date).
 */
export function formatDecimals(numFmt: string | undefined): number | null {
  if (numFmt === undefined) return null;
  return cached(decimalsCache, numFmt, readDecimals);
}

/** A sheet has a handful of formats and thousands of cells: each format is read once. */
const decimalsCache = new Map<string, number | null>();
const percentCache = new Map<string, boolean>();
const dateCache = new Map<string, boolean>();

function cached<T>(cache: Map<string, T>, numFmt: string, read: (numFmt: string) => T): T {
  const hit = cache.get(numFmt);
  if (hit !== undefined || cache.has(numFmt)) return hit as T;
  if (cache.size > 10_000) cache.clear();
  const value = read(numFmt);
  cache.set(numFmt, value);
  return value;
}

function readDecimals(numFmt: string): number | null {
  if (isGeneral(numFmt) || isDateFormat(numFmt)) return null;
  const section = numberSection(numFmt);
  if (!/[0#?]/.test(section)) return null;
  const m = /\.([0#?]+)/.exec(section);
  return m ? m[1].length : 0;
}

/** The format multiplies by 100 and prints "%": the stored 0.1234 shows as 12,34%. */
export function isPercentFormat(numFmt: string | undefined): boolean {
  if (numFmt === undefined) return false;
  return cached(percentCache, numFmt, (f) => !isGeneral(f) && numberSection(f).includes('%'));
}

/** The format shows a date or a time (d, m, y, h, s outside quotes and brackets). */
export function isDateFormat(numFmt: string | undefined): boolean {
  if (numFmt === undefined) return false;
  return cached(dateCache, numFmt, readIsDate);
}

function readIsDate(numFmt: string): boolean {
  if (isGeneral(numFmt)) return false;
  const section = numberSection(numFmt);
  return /[dmyhs]/i.test(section.replace(/[0#?.,%eE+-]/g, '')) && !/[0#?]/.test(section);
}

const pad = (n: number, width = 2) => String(n).padStart(width, '0');

/**
 * A date as the format shows it ("dd/mm/yyyy" → "30/09/2024"); a format it cannot read gives
 * d/m/yyyy, the Vietnamese default. The date's UTC fields are the sheet's (exceljs reads dates
 * as UTC), so no time zone moves the day.
 */
export function formatDate(date: Date, numFmt: string | undefined): string {
  if (Number.isNaN(date.getTime())) return '';
  const section = isGeneral(numFmt) ? '' : numberSection(numFmt!).trim();
  if (!section || !/[dmy]/i.test(section)) {
    return `${date.getUTCDate()}/${date.getUTCMonth() + 1}/${date.getUTCFullYear()}`;
  }
  const tokens = section.match(/yyyy|yy|mmmm|mmm|mm|m|dddd|ddd|dd|d|hh|h|ss|s|am\/pm|./gi) ?? [];
  let out = '';
  tokens.forEach((token, i) => {
    const t = token.toLowerCase();
    // "m" is minutes right after an hour or right before seconds, months otherwise.
    const prev =
      tokens
        .slice(0, i)
        .reverse()
        .find((x) => /[a-z]/i.test(x))
        ?.toLowerCase() ?? '';
    const next =
      tokens
        .slice(i + 1)
        .find((x) => /[a-z]/i.test(x))
        ?.toLowerCase() ?? '';
    const minute = (t === 'm' || t === 'mm') && (prev.startsWith('h') || next.startsWith('s'));
    if (t === 'yyyy') out += date.getUTCFullYear();
    else if (t === 'yy') out += pad(date.getUTCFullYear() % 100);
    else if (minute) out += t === 'mm' ? pad(date.getUTCMinutes()) : date.getUTCMinutes();
    else if (t === 'mmmm' || t === 'mmm') out += `tháng ${date.getUTCMonth() + 1}`;
    else if (t === 'mm') out += pad(date.getUTCMonth() + 1);
    else if (t === 'm') out += date.getUTCMonth() + 1;
    else if (t === 'dddd' || t === 'ddd')
      out += ['CN', 'T2', 'T3', 'T4', 'T5', 'T6', 'T7'][date.getUTCDay()];
    else if (t === 'dd') out += pad(date.getUTCDate());
    else if (t === 'd') out += date.getUTCDate();
    else if (t === 'hh') out += pad(date.getUTCHours());
    else if (t === 'h') out += date.getUTCHours();
    else if (t === 'ss') out += pad(date.getUTCSeconds());
    else if (t === 's') out += date.getUTCSeconds();
    else if (t === 'am/pm') out += date.getUTCHours() < 12 ? 'SA' : 'CH';
    else out += token;
  });
  return out.trim();
}
