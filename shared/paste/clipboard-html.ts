/**
 * The table in clipboard HTML: Excel desktop and Online, WPS,
 * LibreOffice Calc, Google Sheets and Word tables. What it reads, per source:
 *
 *   Excel / WPS     `x:num` (bare: the text is the number; with a value: the exact number),
 *                   number formats from `class=` rules and inline `mso-number-format`, the
 *                   displayed separators `mso-displayed-decimal-separator` /
 *                   `-thousand-separator` — all from the <style> text, which a browser's CSS
 *                   object model would drop; `colspan` with `mso-ignore:colspan` is overflow,
 *                   not a merge
 *   LibreOffice     `sdval` read with the separators of `sdnum`'s language (1066 = Vietnamese),
 *                   `sdnum`'s format (text "@", percent, date)
 *   Google Sheets   `data-sheets-value` (only under the google-sheets-html-origin marker), its
 *                   number format; a single copied cell has no <table>, only a <span>
 *   Word            `MsoTableGrid` tables: text only, paragraphs as line breaks
 *
 * Everywhere: rowspan/colspan merges (the value in the anchor), <br> and paragraphs → "\n",
 * whitespace from the HTML source collapsed, `display:none` rows and elements skipped (Excel's
 * width-only trailer rows, phonetic guides), rows hidden in the sheet left out (and said so).
 */
import type { CellRange } from '../import/sheet-grid';
import { isDateFormat } from '../import/number-format';
import { findAll, parseHtml, styleText, type HtmlElement, type HtmlParser } from './html-tree';

export type ClipboardSource =
  'excel' | 'excel-online' | 'wps' | 'libreoffice' | 'google-sheets' | 'word' | 'html';

/** Human names of the sources, for notes. */
export const SOURCE_NAMES: Record<ClipboardSource | 'text', string> = {
  excel: 'Excel',
  'excel-online': 'Excel trên web',
  wps: 'WPS Spreadsheets',
  libreoffice: 'LibreOffice Calc',
  'google-sheets': 'Google Sheets',
  word: 'Word',
  html: 'trang HTML',
  text: 'văn bản thuần (TSV)',
};

export interface Separators {
  decimal: ',' | '.';
  /** The grouping mark ("." or "," or a space), when known. */
  group: string | null;
}

export interface HtmlCell {
  /** The text as displayed, whitespace collapsed, "\n" for in-cell line breaks. */
  text: string;
  /** The exact number behind the text (x:num="…", data-sheets-value, sdval). */
  raw?: number;
  /** Marked a number by the source without a raw value (a bare x:num): the text is it. */
  numeric?: boolean;
  /** Formatted as text ("@", Sheets type 2): kept as a string, never read as a number. */
  keepText?: boolean;
  /** The displayed text is the value although a raw number exists. */
  shownWins?: 'percent' | 'date' | 'padded';
}

export interface HtmlTable {
  source: ClipboardSource;
  /** Rectangular; null for an empty or merge-covered cell. */
  rows: (HtmlCell | null)[][];
  merges: CellRange[];
  /** Rows and columns hidden in the source sheet (display:none), with content. */
  hiddenRows: number[];
  hiddenColumns: number[];
  /** The separators the displayed text uses, when the source says. */
  separators: Separators | null;
}

// ---------------------------------------------------------------------------------------------
// Source and styles

export function detectSource(html: string): ClipboardSource {
  const head = html.slice(0, 20_000);
  if (/google-sheets-html-origin/i.test(head)) return 'google-sheets';
  if (/name=["']?generator["']?\s+content=["']?WPS/i.test(head)) return 'wps';
  if (/content=["']?LibreOffice/i.test(head)) return 'libreoffice';
  if (/urn:schemas-microsoft-com:office:word|ProgId["']?\s+content=["']?Word\.Document/i.test(head))
    return 'word';
  const excelProgId = /ProgId["']?\s+content=["']?Excel\.Sheet/i.test(head);
  if (/urn:schemas-microsoft-com:office:excel/i.test(head)) return 'excel';
  if (excelProgId) return 'excel-online';
  if (/class=["']?MsoTableGrid/i.test(html)) return 'word';
  if (/\bx:num\b/i.test(html)) return 'excel';
  if (/\bsdval=/i.test(html)) return 'libreoffice';
  return 'html';
}

type Declarations = Record<string, string>;

/** A CSS value without its quotes and backslash escapes: `"\#\,\#\#0"` → `#,##0`. */
function cssValue(value: string): string {
  let v = value.trim().replace(/\s*!important$/i, '');
  if ((v.startsWith('"') && v.endsWith('"')) || (v.startsWith("'") && v.endsWith("'")))
    v = v.slice(1, -1);
  return v.replace(/\\(.)/g, '$1');
}

function declarations(text: string): Declarations {
  const out: Declarations = {};
  // Split at ";" outside quotes.
  for (const part of text.match(/(?:[^;"']|"[^"]*"|'[^']*')+/g) ?? []) {
    const colon = part.indexOf(':');
    if (colon < 0) continue;
    const name = part.slice(0, colon).trim().toLowerCase();
    if (name) out[name] = cssValue(part.slice(colon + 1));
  }
  return out;
}

interface StyleSheet {
  classes: Map<string, Declarations>;
  /** Declarations on `table` (Excel's separators live there). */
  table: Declarations;
}

function parseStyleSheet(css: string): StyleSheet {
  const sheet: StyleSheet = { classes: new Map(), table: {} };
  const text = css.replace(/\/\*[\s\S]*?\*\//g, '').replace(/<!--|-->/g, '');
  for (const m of text.matchAll(/([^{}]+)\{([^{}]*)\}/g)) {
    const decls = declarations(m[2]);
    for (const selector of m[1].split(',')) {
      const s = selector.trim();
      const cls = /^(?:[a-z]+)?\.([\w-]+)$/i.exec(s)?.[1];
      if (cls) sheet.classes.set(cls, { ...sheet.classes.get(cls), ...decls });
      else if (/^table$/i.test(s)) Object.assign(sheet.table, decls);
    }
  }
  return sheet;
}

function styleOf(el: HtmlElement, sheet: StyleSheet): Declarations {
  const out: Declarations = {};
  for (const cls of (el.attrs.class ?? '').split(/\s+/)) {
    const rule = cls && sheet.classes.get(cls);
    if (rule) Object.assign(out, rule);
  }
  if (el.attrs.style) Object.assign(out, declarations(el.attrs.style));
  return out;
}

const isHidden = (style: Declarations) => /^none\b/i.test(style.display ?? '');

// ---------------------------------------------------------------------------------------------
// Number formats and raw values

/** What a number format says about the displayed text: text, a percentage, a date, zeros. */
export function formatKind(format: string | undefined): HtmlCell['shownWins'] | 'text' | null {
  if (!format) return null;
  const f = format.trim();
  if (f === '@' || /^text$/i.test(f)) return 'text';
  if (/\b(date|time)\b/i.test(f)) return 'date';
  if (/^percent$/i.test(f)) return 'percent';
  const bare = f.replace(/"[^"]*"/g, '').replace(/\[[^\]]*\]/g, '');
  if (bare.includes('%')) return 'percent';
  if (isDateFormat(f)) return 'date';
  if (/^0{2,}$/.test(bare.split(';')[0].trim())) return 'padded';
  return null;
}

/** Windows language ids (LCID) whose decimal mark is a comma, Vietnamese (1066) first. */
const COMMA_LCIDS = new Set([
  1066, 1031, 3079, 2055, 1036, 2060, 1049, 1040, 1034, 3082, 1046, 2070, 1043, 2067, 1045, 1029,
  1053, 1044, 2068, 1030, 1035, 1055, 1058, 1038, 1048, 1026, 1032, 1051, 1060, 1050, 1061, 1062,
  1063, 1057, 1087, 1059, 1071, 1068, 1092,
]);

function lcidSeparators(lcid: number): Separators {
  return COMMA_LCIDS.has(lcid) ? { decimal: ',', group: '.' } : { decimal: '.', group: ',' };
}

/** LibreOffice's sdval, written with the separators of the exporting language. */
function sdvalNumber(sdval: string, lcid: number | null): number | undefined {
  let s = sdval.trim();
  if (s === '') return undefined;
  if (lcid !== null && COMMA_LCIDS.has(lcid) && !/[eE]/.test(s))
    s = s.replace(/\./g, '').replace(',', '.');
  const n = Number(s);
  return Number.isFinite(n) ? n : undefined;
}

/** Google's data-sheets-value: `{"1":3,"3":2133}`, or the older `[null,3,null,2133]`. */
function sheetsValue(attr: string): { type: number; value: unknown } | null {
  try {
    const v = JSON.parse(attr) as unknown;
    if (Array.isArray(v) && typeof v[1] === 'number') return { type: v[1], value: v[v[1]] };
    if (v && typeof v === 'object') {
      const o = v as Record<string, unknown>;
      if (typeof o['1'] === 'number') return { type: o['1'], value: o[String(o['1'])] };
    }
  } catch {
    // not JSON: no raw value
  }
  return null;
}

function sheetsFormat(attr: string | undefined): string | undefined {
  if (!attr) return undefined;
  try {
    const v = JSON.parse(attr) as Record<string, unknown>;
    return typeof v?.['2'] === 'string' ? (v['2'] as string) : undefined;
  } catch {
    return undefined;
  }
}

// ---------------------------------------------------------------------------------------------
// Text

const BLOCK = new Set([
  'p',
  'div',
  'li',
  'h1',
  'h2',
  'h3',
  'h4',
  'h5',
  'h6',
  'table',
  'tr',
  'ul',
  'ol',
  'blockquote',
  'pre',
]);
const SKIP = new Set(['style', 'script', 'rt', 'rp', 'head', 'title', 'xml']);

/** A cell's text: source whitespace collapsed, <br> and paragraph ends as "\n", lines trimmed. */
export function cellText(el: HtmlElement, sheet: StyleSheet): string {
  let out = '';
  /** Ends a paragraph: one line break, whatever source whitespace stood between two. */
  const paragraph = () => {
    out = out.replace(/ +$/, '');
    if (out !== '' && !out.endsWith('\n')) out += '\n';
  };
  const walk = (node: HtmlElement) => {
    for (const child of node.children) {
      if (typeof child === 'string') {
        out += child.replace(/[ \t\n\r\f]+/g, ' ');
        continue;
      }
      if (SKIP.has(child.tag)) continue;
      if (child.tag === 'br') {
        out += '\n';
        continue;
      }
      if ((child.attrs.style || child.attrs.class) && isHidden(styleOf(child, sheet))) continue;
      const block = BLOCK.has(child.tag);
      if (block) paragraph();
      walk(child);
      if (block) paragraph();
    }
  };
  walk(el);
  const lines = out.replace(/\u00a0/g, ' ').split('\n');
  const trimmed = lines.map((l) => l.trim());
  while (trimmed.length > 0 && trimmed[0] === '') trimmed.shift();
  while (trimmed.length > 0 && trimmed[trimmed.length - 1] === '') trimmed.pop();
  return trimmed.join('\n');
}

// ---------------------------------------------------------------------------------------------
// The table

function rowsOf(table: HtmlElement): HtmlElement[] {
  const rows: HtmlElement[] = [];
  for (const child of table.children) {
    if (typeof child === 'string') continue;
    if (child.tag === 'tr') rows.push(child);
    else if (child.tag === 'thead' || child.tag === 'tbody' || child.tag === 'tfoot') {
      for (const tr of child.children) if (typeof tr !== 'string' && tr.tag === 'tr') rows.push(tr);
    }
  }
  return rows;
}

function span(value: string | undefined): number {
  const n = parseInt(value ?? '', 10);
  return Number.isFinite(n) && n >= 1 ? Math.min(n, 1000) : 1;
}

interface Context {
  source: ClipboardSource;
  sheet: StyleSheet;
  lcids: Map<number, number>;
}

function readCell(td: HtmlElement, style: Declarations, ctx: Context): HtmlCell | null {
  const text = cellText(td, ctx.sheet);
  const a = td.attrs;
  const cell: HtmlCell = { text };
  let format: string | undefined = style['mso-number-format'];
  if (ctx.source === 'google-sheets' && a['data-sheets-value'] !== undefined) {
    const v = sheetsValue(a['data-sheets-value']);
    format = sheetsFormat(a['data-sheets-numberformat']) ?? format;
    if (v?.type === 3 && typeof v.value === 'number' && Number.isFinite(v.value))
      cell.raw = v.value;
    else if (v?.type === 2) cell.keepText = true;
  } else if (a.sdval !== undefined || a.sdnum !== undefined) {
    const [lcidText, , ...rest] = (a.sdnum ?? '').split(';');
    const lcid = lcidText && /^\d+$/.test(lcidText) ? Number(lcidText) : null;
    if (lcid !== null) ctx.lcids.set(lcid, (ctx.lcids.get(lcid) ?? 0) + 1);
    if (rest.length > 0) format = rest.join(';');
    if (a.sdval !== undefined) cell.raw = sdvalNumber(a.sdval, lcid);
  } else if ('x:num' in a) {
    const n = a['x:num'].trim() === '' ? NaN : Number(a['x:num']);
    if (Number.isFinite(n)) cell.raw = n;
    else cell.numeric = true;
  }
  const kind = formatKind(format);
  if (kind === 'text') {
    cell.keepText = true;
    delete cell.raw;
    delete cell.numeric;
  } else if (kind && (cell.raw !== undefined || cell.numeric)) cell.shownWins = kind;
  if (cell.raw === undefined) delete cell.raw;
  if (text === '' && cell.raw === undefined) return null;
  return cell;
}

/** The first table in clipboard HTML (or a Sheets single cell), or null when there is none. */
export function readClipboardHtml(
  html: string,
  options: { parseHtml?: HtmlParser } = {},
): HtmlTable | null {
  const source = detectSource(html);
  const root = (options.parseHtml ?? parseHtml)(html);
  const sheet = parseStyleSheet(styleText(root));
  const ctx: Context = { source, sheet, lcids: new Map() };
  const table = findAll(root, 'table')[0];
  if (!table) {
    // Google Sheets, one cell: <span data-sheets-value=…>text</span>.
    const span1 = findSpan(root);
    if (source !== 'google-sheets' || !span1) return null;
    const cell = readCell(span1, {}, ctx);
    return {
      source,
      rows: [[cell]],
      merges: [],
      hiddenRows: [],
      hiddenColumns: [],
      separators: null,
    };
  }

  const rows: (HtmlCell | null)[][] = [];
  const occupied: boolean[][] = [];
  const hiddenCell: boolean[][] = [];
  const merges: CellRange[] = [];
  const hiddenRows: number[] = [];
  const layoutRows: number[] = [];
  let width = 0;
  const trs = rowsOf(table);
  trs.forEach((tr, r) => {
    rows[r] ??= [];
    occupied[r] ??= [];
    hiddenCell[r] ??= [];
    let c = 0;
    let content = false;
    for (const td of tr.children) {
      if (typeof td === 'string' || (td.tag !== 'td' && td.tag !== 'th')) continue;
      while (occupied[r][c]) c++;
      const style = styleOf(td, sheet);
      const overflow = /colspan/i.test(style['mso-ignore'] ?? '');
      const rs = Math.min(span(td.attrs.rowspan), trs.length - r);
      // Overflowing text keeps its columns (Excel writes no cells there) but merges nothing.
      const cs = span(td.attrs.colspan);
      const cell = readCell(td, style, ctx);
      if (cell) content = true;
      rows[r][c] = cell;
      hiddenCell[r][c] = isHidden(style);
      for (let i = r; i < r + rs; i++) {
        occupied[i] ??= [];
        rows[i] ??= [];
        hiddenCell[i] ??= [];
        for (let j = c; j < c + cs; j++) {
          occupied[i][j] = true;
          if (i !== r || j !== c) hiddenCell[i][j] = hiddenCell[r][c];
        }
      }
      if (rs > 1 || (cs > 1 && !overflow))
        merges.push({ top: r, left: c, bottom: r + rs - 1, right: c + (overflow ? 0 : cs - 1) });
      c += cs;
      width = Math.max(width, c);
    }
    if (isHidden(styleOf(tr, sheet))) (content ? hiddenRows : layoutRows).push(r);
  });
  for (const row of rows) {
    for (let c = 0; c < width; c++) row[c] ??= null;
    row.length = width;
  }
  // Columns whose every cell is hidden (display:none) were hidden in the sheet.
  const hiddenColumns: number[] = [];
  for (let c = 0; c < width; c++) {
    const cells = hiddenCell.filter((row, r) => !layoutRows.includes(r) && row[c] !== undefined);
    if (cells.length > 0 && cells.every((row) => row[c])) hiddenColumns.push(c);
  }

  let separators: Separators | null = null;
  const decimal = sheet.table['mso-displayed-decimal-separator'];
  if (decimal === ',' || decimal === '.') {
    const group = sheet.table['mso-displayed-thousand-separator'];
    separators = { decimal, group: group === undefined ? null : group };
  } else if (ctx.lcids.size > 0) {
    const [lcid] = [...ctx.lcids].sort((a, b) => b[1] - a[1])[0];
    separators = lcidSeparators(lcid);
  }

  const result: HtmlTable = { source, rows, merges, hiddenRows, hiddenColumns, separators };
  return layoutRows.length > 0 ? dropRows(result, layoutRows) : result;
}

function findSpan(node: HtmlElement): HtmlElement | null {
  for (const child of node.children) {
    if (typeof child === 'string') continue;
    if (child.attrs['data-sheets-value'] !== undefined) return child;
    const inner = findSpan(child);
    if (inner) return inner;
  }
  return null;
}

/** The table without some rows; merges shrink, indices of hidden rows follow. */
export function dropRows(table: HtmlTable, drop: readonly number[]): HtmlTable {
  if (drop.length === 0) return table;
  const gone = new Set(drop);
  const newIndex: number[] = [];
  let k = 0;
  for (let r = 0; r < table.rows.length; r++) newIndex[r] = gone.has(r) ? -1 : k++;
  const mapDown = (r: number) => {
    for (let i = r; i < table.rows.length; i++) if (newIndex[i] >= 0) return newIndex[i];
    return k;
  };
  const mapUp = (r: number) => {
    for (let i = r; i >= 0; i--) if (newIndex[i] >= 0) return newIndex[i];
    return -1;
  };
  const merges = table.merges.flatMap((m) => {
    const top = mapDown(m.top);
    const bottom = mapUp(m.bottom);
    if (bottom < top) return [];
    // A merge whose anchor row is dropped loses its value with it.
    if (newIndex[m.top] < 0) return [];
    return bottom === top && m.left === m.right ? [] : [{ ...m, top, bottom }];
  });
  return {
    ...table,
    rows: table.rows.filter((_, r) => !gone.has(r)),
    merges,
    hiddenRows: table.hiddenRows.filter((r) => !gone.has(r)).map((r) => newIndex[r]),
  };
}

/** The table without some columns. */
export function dropColumns(table: HtmlTable, drop: readonly number[]): HtmlTable {
  if (drop.length === 0) return table;
  const gone = new Set(drop);
  const width = table.rows[0]?.length ?? 0;
  const newIndex: number[] = [];
  let k = 0;
  for (let c = 0; c < width; c++) newIndex[c] = gone.has(c) ? -1 : k++;
  const merges = table.merges.flatMap((m) => {
    if (newIndex[m.left] < 0) return [];
    let right = m.right;
    while (right > m.left && newIndex[right] < 0) right--;
    const out = { ...m, left: newIndex[m.left], right: newIndex[right] };
    return out.top === out.bottom && out.left === out.right ? [] : [out];
  });
  return {
    ...table,
    rows: table.rows.map((row) => row.filter((_, c) => !gone.has(c))),
    merges,
    hiddenColumns: table.hiddenColumns.filter((c) => !gone.has(c)).map((c) => newIndex[c]),
  };
}
