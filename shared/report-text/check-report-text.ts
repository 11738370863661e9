/**
 * The arithmetic a report's sentences state, checked: a total with its parts in parentheses
 * ("21 hộ (14 hộ nghèo, 4 hộ cận nghèo, 2 hộ thoát nghèo)") or in a "Trong đó:" list that may run
 * over the following list items ("Tổng kinh phí … là 791.232.965 đồng. Trong đó: Năm 2022:
 * 522.897.965 đồng; Năm 2023: 268.335.000 đồng"), a rate "X/Y …, đạt P%", "đạt P% (giao G%,
 * vượt V%)", and a change "A …, giảm N so với … (B)". A sentence whose arithmetic holds gives nothing, and so does every number that is
 * not a figure (figures.ts). "Trong đó" means "of which": parts adding up to less than the total
 * by more than a slip would are a partial list, not an error.
 */
import { formatNumber } from '../numbers';
import { figuresIn, type Figure } from './figures';
import { sentencesOf, type Sentence } from './sentences';

/** A finding about a sentence of the report, in the shape of the checks' findings. */
export interface TextFinding {
  id: string;
  severity: 'error';
  kind: 'text';
  cause: null;
  table: string;
  sheet: string;
  cell: string;
  cells: string[];
  /** The paragraph's number and the sentence, as the report has them. */
  paragraph: number;
  sentence: string;
  expected: number;
  actual: number;
  difference: number;
  message: string;
  suggestion: null;
  /** Where the figures read stand in the sentence, to highlight them. */
  figures: { start: number; end: number }[];
}

/** Parts short of the total by more than this share are taken for a partial list. */
const PARTIAL_SHARE = 0.05;

const show = (value: number, decimals: number) => formatNumber(value, decimals);
const round = (value: number, decimals: number) => Number(value.toFixed(decimals));

function finding(
  sentence: Sentence,
  stated: Figure | { value: number; decimals: number; start: number; end: number },
  expected: number,
  what: string,
  figures: { start: number; end: number }[],
): TextFinding {
  const difference = round(stated.value - expected, Math.max(stated.decimals, 6));
  const sign = difference > 0 ? '+' : '−';
  return {
    id: `text:${sentence.paragraph}:${stated.start}`,
    severity: 'error',
    kind: 'text',
    cause: null,
    table: '',
    sheet: '',
    cell: '',
    cells: [],
    paragraph: sentence.paragraph,
    sentence: sentence.text,
    expected,
    actual: stated.value,
    difference,
    message: `Đoạn ${sentence.paragraph}: ${what} = ${show(expected, stated.decimals)}, câu văn ghi ${show(stated.value, stated.decimals)} (lệch ${sign}${show(Math.abs(difference), stated.decimals)}).`,
    suggestion: null,
    figures,
  };
}

/**
 * A finding on a figure stated inside a matched phrase ("đạt 95,2% (giao 90%, vượt 4,2%)"): the
 * figure is the phrase's group `group`, found from the phrase's end so that an equal figure
 * earlier in it is not taken; the whole phrase is marked.
 */
function phraseFinding(
  sentence: Sentence,
  m: RegExpMatchArray,
  group: number,
  value: number,
  decimals: number,
  expected: number,
  what: string,
): TextFinding {
  const start = m.index! + m[0].lastIndexOf(m[group]);
  return finding(
    sentence,
    { value, decimals, start, end: start + m[group].length },
    expected,
    what,
    [{ start: m.index!, end: m.index! + m[0].length }],
  );
}

/** Whether parts summing to `sum` contradict the total they break down. */
function contradicts(total: number, sum: number, decimals: number): boolean {
  const diff = round(total - sum, decimals);
  if (diff === 0) return false;
  return diff < 0 || diff <= total * PARTIAL_SHARE;
}

/** The parts of a breakdown: the first figure of each piece with the total's unit. */
function partsOf(pieces: string[], offset: number[], total: Figure): Figure[] | null {
  const parts: Figure[] = [];
  for (let i = 0; i < pieces.length; i++) {
    // A label before a colon ("Năm 2022:") is not a part's figure.
    const colon = pieces[i].indexOf(':');
    const body = colon >= 0 && colon < 40 ? pieces[i].slice(colon + 1) : pieces[i];
    const skip = pieces[i].length - body.length;
    const figure = figuresIn(body).find(
      (f) => f.percent === total.percent && (f.unit === total.unit || f.unit === ''),
    );
    if (!figure) return null;
    parts.push({
      ...figure,
      start: figure.start + offset[i] + skip,
      end: figure.end + offset[i] + skip,
    });
  }
  return parts.length >= 2 ? parts : null;
}

function split(text: string, by: RegExp, base: number): { pieces: string[]; offset: number[] } {
  const pieces: string[] = [];
  const offset: number[] = [];
  let at = 0;
  for (const piece of text.split(by)) {
    const found = text.indexOf(piece, at);
    if (piece.trim() !== '') {
      pieces.push(piece);
      offset.push(base + found);
    }
    at = found + piece.length;
  }
  return { pieces, offset };
}

/** "N đơn vị (a X, b Y, …)": the figure just before the parentheses and the parts inside. */
function parenthesised(sentence: Sentence): TextFinding[] {
  const out: TextFinding[] = [];
  const figures = figuresIn(sentence.text);
  for (const open of sentence.text.matchAll(/\(([^()]*)\)/g)) {
    const before = figures.filter((f) => f.end <= open.index!);
    const total = before[before.length - 1];
    if (!total || open.index! - total.end > 40) continue;
    // The words between the total and "(" must not hold another figure's sentence.
    if (/[.;]/.test(sentence.text.slice(total.end, open.index!))) continue;
    const inner = open[1];
    if (/\b(giao|vượt|đạt|tăng|giảm|so với|chiếm|bằng)\b/iu.test(inner)) continue;
    const { pieces, offset } = split(inner, /[,;]/, open.index! + 1);
    const parts = partsOf(pieces, offset, total);
    if (!parts || total.unit === '') continue;
    const decimals = Math.max(total.decimals, ...parts.map((p) => p.decimals));
    const sum = round(
      parts.reduce((s, p) => s + p.value, 0),
      decimals,
    );
    if (!contradicts(total.value, sum, decimals)) continue;
    out.push(
      finding(sentence, total, sum, parts.map((p) => show(p.value, p.decimals)).join(' + '), [
        total,
        ...parts,
      ]),
    );
  }
  return out;
}

/** "X/Y …, đạt P%": the rate is X / Y × 100 at P's decimals. */
function rates(sentence: Sentence): TextFinding[] {
  const out: TextFinding[] = [];
  const NUM = String.raw`(\d{1,3}(?:\.\d{3})+(?:,\d+)?|\d+(?:,\d+)?)`;
  const re = new RegExp(
    `${NUM}\\s*/\\s*${NUM}(?![\\d/])[^.;()]{0,60}?đạt\\s+(?:tỷ lệ\\s+)?${NUM}\\s*%`,
    'giu',
  );
  const parse = (s: string) => Number(s.replace(/\./g, '').replace(',', '.'));
  for (const m of sentence.text.matchAll(re)) {
    const x = parse(m[1]);
    const y = parse(m[2]);
    if (y === 0) continue;
    const decimals = m[3].split(',')[1]?.length ?? 0;
    const p = parse(m[3]);
    const expected = round((x / y) * 100, decimals);
    if (round(p, decimals) === expected) continue;
    out.push(phraseFinding(sentence, m, 3, p, decimals, expected, `${m[1]} / ${m[2]} × 100`));
  }
  return out;
}

/** "đạt P% (giao G%, vượt V%)": V is P − G (or G − P when it falls short). */
function againstPlan(sentence: Sentence): TextFinding[] {
  const out: TextFinding[] = [];
  const NUM = String.raw`(\d+(?:,\d+)?)`;
  const re = new RegExp(
    `đạt\\s+${NUM}\\s*%\\s*\\(\\s*(?:chỉ tiêu\\s+)?giao\\s+${NUM}\\s*%\\s*[,;]\\s*(vượt|thấp hơn|giảm|chưa đạt|không đạt)\\s+${NUM}\\s*%`,
    'giu',
  );
  const parse = (s: string) => Number(s.replace(',', '.'));
  for (const m of sentence.text.matchAll(re)) {
    const [p, g, v] = [parse(m[1]), parse(m[2]), parse(m[4])];
    const decimals = Math.max(...[m[1], m[2], m[4]].map((s) => s.split(',')[1]?.length ?? 0));
    const over = m[3].toLowerCase() === 'vượt';
    const expected = round(over ? p - g : g - p, decimals);
    if (round(v, decimals) === expected) continue;
    const what = over ? `${m[1]}% − ${m[2]}%` : `${m[2]}% − ${m[1]}%`;
    out.push(phraseFinding(sentence, m, 4, v, decimals, expected, what));
  }
  return out;
}

/**
 * "A …, tăng/giảm N so với … (B)": a change stated with both of its figures. N is A − B (tăng) or
 * B − A (giảm) in A's unit; N in percent of a count is the change relative to B; between two
 * rates it is the difference in points. A figure is read only when the sentence gives both ends
 * — "tăng 5,2% so với năm 2022" alone states nothing to check.
 */
function changes(sentence: Sentence): TextFinding[] {
  const out: TextFinding[] = [];
  const text = sentence.text;
  const figures = figuresIn(text);
  for (const m of text.matchAll(/(?<![\p{L}])(tăng|giảm)\s+(?:thêm\s+|được\s+)?/giu)) {
    const at = m.index!;
    const change = figures.find((f) => f.start === at + m[0].length);
    if (!change) continue;
    const compared = /^[^.;()\d]{0,12}?\s*so với\b/iu.exec(text.slice(change.end));
    if (!compared) continue;
    const after = change.end + compared[0].length;
    // The figure now: the last one of the clause before "tăng/giảm", with a unit.
    const before = figures.filter((f) => f.end <= at && !/[.;]/.test(text.slice(f.end, at)));
    const now = before[before.length - 1];
    if (!now || now.unit === '' || at - now.end > 60) continue;
    // The figure compared with: the first one after "so với" with the same unit, in this clause.
    const then = figures.find(
      (f) => f.start >= after && f.start - after <= 60 && !/[.;]/.test(text.slice(after, f.start)),
    );
    if (!then || then.unit !== now.unit || then.percent !== now.percent) continue;
    const up = m[1].toLowerCase() === 'tăng';
    const relative = change.percent && !now.percent;
    if (!relative && change.unit !== now.unit) continue;
    if (relative && then.value === 0) continue;
    const decimals = relative
      ? change.decimals
      : Math.max(change.decimals, now.decimals, then.decimals);
    const delta = up ? now.value - then.value : then.value - now.value;
    const expected = round(relative ? (delta / then.value) * 100 : delta, decimals);
    if (round(change.value, decimals) === expected) continue;
    const [a, b] = up ? [now, then] : [then, now];
    const what = relative
      ? `(${a.text} − ${b.text}) / ${then.text} × 100`
      : `${a.text}${now.percent ? '%' : ''} − ${b.text}${now.percent ? '%' : ''}`;
    out.push(finding(sentence, change, expected, what, [now, change, then]));
  }
  return out;
}

/** A list item continuing a "Trong đó:" list: "- …", "+ …", "• …", or "Năm 2023: …". */
const LIST_ITEM = /^\s*(?:[-+•–]|[\p{L}\d][^:.]{0,40}:)/u;

/**
 * "… là T đơn vị. Trong đó: a …; b …" — the total is the last figure before "Trong đó" in the
 * paragraph, the parts its list, on the same line or the list items that follow.
 */
function ofWhich(paragraphs: string[]): TextFinding[] {
  const out: TextFinding[] = [];
  paragraphs.forEach((text, i) => {
    const at = text.search(/trong\s+đó\s*:/iu);
    if (at < 0) return;
    const colon = text.indexOf(':', at);
    const head = text.slice(0, at);
    const sentences = sentencesOf(head, i + 1);
    const last = sentences[sentences.length - 1];
    if (!last) return;
    const totals = figuresIn(last.text).filter((f) => f.unit !== '');
    const total = totals[totals.length - 1];
    if (!total) return;
    let list = text.slice(colon + 1);
    for (let k = i + 1; k < paragraphs.length && LIST_ITEM.test(paragraphs[k]); k++)
      list += `\n${paragraphs[k]}`;
    const { pieces, offset } = split(list, /[;\n]/, 0);
    const parts = partsOf(pieces, offset, total);
    if (!parts) return;
    const decimals = Math.max(total.decimals, ...parts.map((p) => p.decimals));
    const sum = round(
      parts.reduce((s, p) => s + p.value, 0),
      decimals,
    );
    if (!contradicts(total.value, sum, decimals)) return;
    const sentence: Sentence = { paragraph: i + 1, text: `${last.text} Trong đó: ${list.trim()}` };
    out.push(
      finding(sentence, total, sum, parts.map((p) => show(p.value, p.decimals)).join(' + '), [
        total,
      ]),
    );
  });
  return out;
}

/** Every arithmetic slip stated in the report's paragraphs (1-based paragraph numbers). */
export function checkReportText(paragraphs: readonly string[]): TextFinding[] {
  const out: TextFinding[] = [];
  paragraphs.forEach((paragraph, i) => {
    for (const sentence of sentencesOf(paragraph, i + 1)) {
      out.push(
        ...parenthesised(sentence),
        ...rates(sentence),
        ...againstPlan(sentence),
        ...changes(sentence),
      );
    }
  });
  out.push(...ofWhich([...paragraphs]));
  return out;
}
