/**
 * Vietnamese number notation: the one parser and formatter for typing, paste, import and the CLI.
 *
 * "." groups thousands, "," is the decimal mark, "−" (U+2212) marks negatives: "2.133", "16,70",
 * "16.342,932". Figures from an English-locale Excel arrive as "2,133" / "16.70"; the caller says
 * which convention a column uses (decided from the column as a whole, see `ambiguousVi`), this
 * module never guesses cell by cell.
 *
 * Rounding works on the shortest decimal string of a double (the digits a person typed), not on
 * its binary value, so 1.005 rounds to 1,01 as it does on paper — `toFixed` would give 1,00.
 */

export type NumberConvention = 'vi' | 'en';

export type ParsedNumber =
  | { kind: 'number'; value: number; decimals: number }
  | { kind: 'empty' }
  | { kind: 'text'; text: string };

const MINUS = '\u2212';

// ---------------------------------------------------------------------------------------------
// Formatting

/** A non-negative decimal as digit strings: 12.5 → { int: "12", frac: "5" }. */
interface DecimalDigits {
  negative: boolean;
  int: string;
  frac: string;
}

/** The shortest round-trip decimal digits of a finite double, without exponent notation. */
function decimalDigits(value: number): DecimalDigits {
  const negative = value < 0 || Object.is(value, -0);
  const text = Math.abs(value).toString();
  const exp = text.indexOf('e');
  if (exp < 0) {
    const [int, frac = ''] = text.split('.');
    return { negative, int, frac };
  }
  const mantissa = text.slice(0, exp);
  const power = Number(text.slice(exp + 1));
  const [mInt, mFrac = ''] = mantissa.split('.');
  const digits = mInt + mFrac;
  // Position of the decimal point counted from the start of `digits`.
  const point = mInt.length + power;
  if (point <= 0) return { negative, int: '0', frac: '0'.repeat(-point) + digits };
  if (point >= digits.length)
    return { negative, int: digits + '0'.repeat(point - digits.length), frac: '' };
  return { negative, int: digits.slice(0, point), frac: digits.slice(point) };
}

/** Adds one unit to the last digit of a digit string ("199" → "200", "99" → "100"). */
function incrementDigits(digits: string): string {
  const out = digits.split('');
  let i = out.length - 1;
  while (i >= 0) {
    if (out[i] === '9') {
      out[i] = '0';
      i--;
    } else {
      out[i] = String(Number(out[i]) + 1);
      return out.join('');
    }
  }
  return '1' + out.join('');
}

/** Rounds half away from zero (or truncates) at `decimals`, on the decimal digits. */
function roundDigits(value: number, decimals: number, mode: 'round' | 'truncate'): DecimalDigits {
  const d = decimalDigits(value);
  if (d.frac.length <= decimals) return { ...d, frac: d.frac.padEnd(decimals, '0') };
  const kept = d.int + d.frac.slice(0, decimals);
  const next = d.frac.charCodeAt(decimals) - 48;
  const rounded = mode === 'round' && next >= 5 ? incrementDigits(kept) : kept;
  const intLength = rounded.length - decimals;
  return {
    negative: d.negative,
    int: rounded.slice(0, intLength).replace(/^0+(?=\d)/, ''),
    frac: rounded.slice(intLength),
  };
}

function isZero(d: DecimalDigits): boolean {
  return /^0*$/.test(d.int + d.frac);
}

function digitsToNumber(d: DecimalDigits): number {
  if (isZero(d)) return 0;
  const n = Number(`${d.int}${d.frac ? '.' + d.frac : ''}`);
  return d.negative ? -n : n;
}

function clampDecimals(decimals: number): number {
  return Math.min(20, Math.max(0, Math.floor(decimals)));
}

/** `value` rounded half away from zero at `decimals`, as a number (1.005, 2 → 1.01). */
export function roundDecimal(value: number, decimals: number): number {
  if (!Number.isFinite(value)) return value;
  return digitsToNumber(roundDigits(value, clampDecimals(decimals), 'round'));
}

/** `value` cut (not rounded) at `decimals`: 88.888…, 2 → 88.88. */
export function truncateDecimal(value: number, decimals: number): number {
  if (!Number.isFinite(value)) return value;
  return digitsToNumber(roundDigits(value, clampDecimals(decimals), 'truncate'));
}

/**
 * How many decimals a value needs to be written exactly (up to `max`): 16.7 → 1, 2133 → 0.
 * Useful to show a stated figure without hiding digits the column format would round away.
 */
export function decimalsNeeded(value: number, max = 10): number {
  if (!Number.isFinite(value)) return 0;
  const d = roundDigits(value, max, 'round');
  return d.frac.replace(/0+$/, '').length;
}

/**
 * Vietnamese notation with exactly `decimals` decimals: 2133 → "2.133", (16.7, 2) → "16,70",
 * (16342.932, 3) → "16.342,932", −1 → "−1". Rounds half away from zero.
 */
export function formatNumber(value: number, decimals: number): string {
  if (Number.isNaN(value)) return 'NaN';
  if (!Number.isFinite(value)) return value > 0 ? '∞' : `${MINUS}∞`;
  const d = roundDigits(value, clampDecimals(decimals), 'round');
  const int = d.int.replace(/\B(?=(\d{3})+$)/g, '.');
  const body = d.frac ? `${int},${d.frac}` : int;
  return d.negative && !isZero(d) ? MINUS + body : body;
}

// ---------------------------------------------------------------------------------------------
// Parsing

/** Full-width forms (typed with a Vietnamese or CJK IME) and their ASCII counterparts. */
function toHalfWidth(text: string): string {
  return text.replace(/[\uFF05\uFF08\uFF09\uFF0B-\uFF0E\uFF10-\uFF19]/g, (c) =>
    String.fromCharCode(c.charCodeAt(0) - 0xfee0),
  );
}

/** Dashes that, alone in a cell, mean "nothing here" (zero or not applicable). */
const DASH_ONLY = /^[-\u2010\u2012\u2013\u2014\u2015\u2212]$/;
/** Signs before the digits: hyphen-minus, minus sign, en dash (Word's autocorrect of "-"). */
const LEADING_SIGN = /^([-+\u2212\u2013])\s*/;

interface Marks {
  group: '.' | ',';
  decimal: ',' | '.';
}

const MARKS: Record<NumberConvention, Marks> = {
  vi: { group: '.', decimal: ',' },
  en: { group: ',', decimal: '.' },
};

/**
 * The integer part's digits, or null when its grouping is not valid: plain digits, or groups of
 * three after a first group of one to three digits, all separated by the same mark (the
 * convention's group mark, or a single space of any kind).
 */
function integerDigits(text: string, group: string): string | null {
  if (/^\d+$/.test(text)) return text;
  const separators = text.match(/[^\d]/g);
  if (!separators) return null;
  const spaced = separators.every((s) => /\s/.test(s));
  const marked = separators.every((s) => s === group);
  if (!spaced && !marked) return null;
  const groups = text.split(/[^\d]/);
  const [first, ...rest] = groups;
  if (!/^[1-9]\d{0,2}$/.test(first)) return null;
  if (!rest.every((g) => /^\d{3}$/.test(g))) return null;
  return groups.join('');
}

/** Parses the unsigned figure ("1.234,5"), or null. */
function unsignedFigure(text: string, marks: Marks): { value: number; decimals: number } | null {
  const parts = text.split(marks.decimal);
  if (parts.length > 2) return null;
  const [intText, fracText] = parts;
  if (fracText !== undefined && !/^\d+$/.test(fracText)) return null;
  const int = integerDigits(intText, marks.group);
  if (int === null) return null;
  const value = Number(fracText === undefined ? int : `${int}.${fracText}`);
  if (!Number.isFinite(value)) return null;
  return { value, decimals: fracText?.length ?? 0 };
}

/**
 * Reads a figure as a person wrote it. vi (default): "2.133" → 2133, "16,70" → 16.7 (2
 * decimals), "1 234 567", "(123)" / "−123" / "-123" → −123, "16,70%" → 16.7 (the value as
 * written). en: "2,133" → 2133, "16.70" → 16.7. "", spaces, "-", "–", "—" → empty. Anything else
 * ("khoảng 150", "1.234 người", "12a", "1.23.4") is text, kept exactly as given.
 */
export function parseNumber(text: string, convention: NumberConvention = 'vi'): ParsedNumber {
  const asText: ParsedNumber = { kind: 'text', text };
  let s = toHalfWidth(text).trim();
  if (s === '') return { kind: 'empty' };
  if (DASH_ONLY.test(s)) return { kind: 'empty' };

  let negative = false;
  let percent = false;
  const stripPercent = () => {
    if (!percent && s.endsWith('%')) {
      percent = true;
      s = s.slice(0, -1).trimEnd();
    }
  };
  stripPercent();
  if (s.startsWith('(') && s.endsWith(')')) {
    negative = true;
    s = s.slice(1, -1).trim();
    stripPercent();
  }
  const sign = LEADING_SIGN.exec(s);
  if (sign) {
    if (negative) return asText; // "(−5)": two ways of saying negative is not a figure we trust
    negative = sign[1] !== '+';
    s = s.slice(sign[0].length);
  }
  const figure = unsignedFigure(s, MARKS[convention]);
  if (!figure) return asText;
  const value = negative && figure.value !== 0 ? -figure.value : figure.value;
  return { kind: 'number', value, decimals: figure.decimals };
}

/**
 * True when `text` is a number in both conventions but a different one in each ("1.234" is 1234
 * in vi and 1.234 in en; "1,234" the other way round). A column made of such strings needs its
 * convention decided from the column as a whole and the document's locale.
 */
export function ambiguousVi(text: string): boolean {
  const vi = parseNumber(text, 'vi');
  const en = parseNumber(text, 'en');
  return vi.kind === 'number' && en.kind === 'number' && vi.value !== en.value;
}
