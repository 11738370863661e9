/**
 * The figures a sentence of a report states, written the Vietnamese way ("791.232.965",
 * "16.342,932", "62,52%"), each with the word after it (its unit: "hộ", "đồng", "triệu đồng",
 * "%") — and what is not a figure of the report's arithmetic, so that no check reads it:
 * document numbers ("số 1522/BGDĐT-TCCB"), dates ("10/4/2023", "ngày 5 tháng 3"), periods
 * ("2021-2025", "giai đoạn 2021 - 2025"), years ("năm 2023"), ages ("6-10 tuổi"), ranks
 * ("lần thứ 4", "thứ 2"), item numbers ("1.", "a)"), times ("14 giờ").
 */

export interface Figure {
  value: number;
  /** Decimals as written ("62,52" → 2). */
  decimals: number;
  /** The figure's text as written, and where it stands in the sentence. */
  text: string;
  start: number;
  end: number;
  percent: boolean;
  /** The word or two after the figure, lower case ("hộ", "triệu đồng"), "" for none. */
  unit: string;
}

/** A number the Vietnamese way: thousands with dots, decimals with a comma. */
const NUMBER = /(?<![\p{L}\p{N}/.,-])(\d{1,3}(?:\.\d{3})+|\d+)(?:,(\d+))?(?![\p{N}/]|\.\d|-\d)/gu;

const UNITS = [
  'triệu đồng',
  'tỷ đồng',
  'nghìn đồng',
  'đồng',
  'hộ',
  'người',
  'nhân khẩu',
  'lao động',
  'trẻ',
  'học sinh',
  'xã',
  'thôn',
  'cơ sở',
  'công trình',
  'ha',
  'tấn',
  'km',
  'm2',
  'con',
  'lượt',
  'trường',
  'lớp',
  'cháu',
  'em',
];

/** Words just before a number that make it a label, not a figure. */
const NOT_BEFORE =
  /(?:\bsố|\bnăm|\bngày|\btháng|\bthứ|\blần thứ|\bquý|\bkhóa|\bkhoá|\bđiều|\bkhoản|\bmục|\bchương|\bphụ lục|\bbiểu|\bbảng|\bđợt|\btuổi từ|\bgiai đoạn|\bnghị định|\bquyết định|\bthông tư|\bcông văn|\bkế hoạch|\btờ trình|\bchỉ thị|\bnghị quyết)\s*$/iu;

/** Words just after a number that make it something other than a counted figure. */
const NOT_AFTER = /^\s*(?:tuổi|giờ|phút|tháng|năm\b(?!\s*\d)|\/|-\s*\d|–\s*\d)/iu;

function unitAfter(rest: string): { unit: string; percent: boolean } {
  const r = rest.replace(/^\s+/, '');
  if (r.startsWith('%')) return { unit: '%', percent: true };
  const lower = r.toLowerCase();
  for (const u of UNITS) {
    if (lower.startsWith(u) && !/^[\p{L}]/u.test(lower.slice(u.length)))
      return { unit: u, percent: false };
  }
  return { unit: '', percent: false };
}

export function figuresIn(sentence: string): Figure[] {
  const out: Figure[] = [];
  for (const m of sentence.matchAll(NUMBER)) {
    const start = m.index!;
    const end = start + m[0].length;
    const before = sentence.slice(Math.max(0, start - 24), start);
    const after = sentence.slice(end, end + 12);
    if (NOT_BEFORE.test(before)) continue;
    if (NOT_AFTER.test(after)) continue;
    // A period written with a dash before it ("2021-2025"): the second year.
    if (/[-–]\s*$/.test(before) && /\d\s*[-–]\s*$/.test(before)) continue;
    // A list's item number at the start ("1. Kết quả", "2) …").
    if (/^\s*$/.test(sentence.slice(0, start)) && /^[.)]\s/.test(sentence.slice(end))) continue;
    const integer = Number(m[1].replace(/\./g, ''));
    const decimals = m[2]?.length ?? 0;
    const value = decimals ? Number(`${integer}.${m[2]}`) : integer;
    const { unit, percent } = unitAfter(sentence.slice(end));
    out.push({ value, decimals, text: m[0], start, end, percent, unit });
  }
  return out;
}
