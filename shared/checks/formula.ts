/**
 * The column-code notation of the code row: "1=2+3+4+5", "7=6/3*100", "(3)=(1)-(2)", "9=1+2+...+8".
 * It is the statisticians' own way to state a table's arithmetic; Biểu parses it, shows it and
 * lets people type it.
 *
 * A bare integer is a column code or a constant ("100" in "6/3*100"). With the table's codes
 * known, a bare integer that is a code is a code; one that is not is a constant in a product or
 * quotient and an error in a sum (a typed "1=2+33" in a 9-column table is a mistake, not "+33").
 * Without the codes, integers below 100 are codes. A code in parentheses, "(3)", is always a code.
 */

export type FormulaNode =
  | { type: 'code'; code: string }
  | { type: 'constant'; value: number }
  | { type: 'negate'; operand: FormulaNode }
  | { type: 'binary'; op: '+' | '-' | '*' | '/'; left: FormulaNode; right: FormulaNode };

export interface FormulaError {
  /** In Vietnamese, for the person who typed the formula. */
  message: string;
  /** 1-based character position in the text, 0 when the error concerns the whole text. */
  position: number;
}

export type FormulaParseResult =
  { ok: true; ast: FormulaNode } | { ok: false; error: FormulaError };

export type CodeRowEntryResult =
  | {
      ok: true;
      /** The column's own code, without parentheses: "1", "A". */
      code: string;
      /** The right-hand side, or null for an entry without "=" ("2"). */
      formula: FormulaNode | null;
      /** The right-hand side as written, trimmed ("2+3+4+5"); null without "=". */
      text: string | null;
    }
  | { ok: false; error: FormulaError };

export interface FormulaOptions {
  /** The table's column codes; when given, codes are resolved against them. */
  codes?: Iterable<string>;
}

// ---------------------------------------------------------------------------------------------
// Tokens

type Token =
  | { t: 'num'; text: string; value: number; decimal: boolean; pos: number }
  | { t: 'op'; op: '+' | '-' | '*' | '/'; text: string; pos: number }
  | { t: 'open'; close: ')' | ']'; text: string; pos: number }
  | { t: 'close'; text: string; pos: number }
  | { t: 'ellipsis'; text: string; pos: number }
  | { t: 'end'; pos: number };

const OPERATORS: Record<string, '+' | '-' | '*' | '/'> = {
  '+': '+',
  '-': '-',
  '\u2212': '-', // −
  '\u2013': '-', // – (Word turns " - " into an en dash)
  '*': '*',
  x: '*',
  X: '*',
  '\u00D7': '*', // ×
  '\u00B7': '*', // ·
  '/': '/',
  ':': '/',
  '\u00F7': '/', // ÷
};

class ParseFailure extends Error {
  constructor(
    message: string,
    readonly position: number,
  ) {
    super(message);
  }
}

function tokenize(text: string): Token[] {
  const tokens: Token[] = [];
  let i = 0;
  while (i < text.length) {
    const c = text[i];
    const pos = i + 1;
    if (/\s/.test(c)) {
      i++;
      continue;
    }
    const number = /^\d+(?:[.,]\d+)?/.exec(text.slice(i));
    if (number) {
      const raw = number[0];
      tokens.push({
        t: 'num',
        text: raw,
        value: Number(raw.replace(',', '.')),
        decimal: /[.,]/.test(raw),
        pos,
      });
      i += raw.length;
      continue;
    }
    const dots = /^(?:\.{2,}|\u2026)/.exec(text.slice(i));
    if (dots) {
      tokens.push({ t: 'ellipsis', text: dots[0], pos });
      i += dots[0].length;
      continue;
    }
    if (c in OPERATORS) {
      tokens.push({ t: 'op', op: OPERATORS[c], text: c, pos });
    } else if (c === '(' || c === '[') {
      tokens.push({ t: 'open', close: c === '(' ? ')' : ']', text: c, pos });
    } else if (c === ')' || c === ']') {
      tokens.push({ t: 'close', text: c, pos });
    } else if (c === '=') {
      throw new ParseFailure(`Dấu «=» chỉ được viết một lần, sau mã cột (vị trí ${pos})`, pos);
    } else {
      throw new ParseFailure(`Ký tự «${c}» không dùng được trong công thức (vị trí ${pos})`, pos);
    }
    i++;
  }
  tokens.push({ t: 'end', pos: text.length + 1 });
  return tokens;
}

// ---------------------------------------------------------------------------------------------
// Parser: recursive descent, then literals are resolved into codes or constants.

/** A bare number before we know whether it is a code or a constant. */
type Raw =
  | { type: 'literal'; text: string; value: number; decimal: boolean; pos: number }
  | { type: 'code'; code: string; pos: number }
  | { type: 'constant'; value: number }
  | { type: 'negate'; operand: Raw }
  | { type: 'binary'; op: '+' | '-' | '*' | '/'; left: Raw; right: Raw };

class Parser {
  private i = 0;
  constructor(private readonly tokens: Token[]) {}

  private peek(): Token {
    return this.tokens[this.i];
  }
  private next(): Token {
    return this.tokens[this.i++];
  }

  parseAll(): Raw {
    if (this.peek().t === 'end') throw new ParseFailure('Công thức trống', 0);
    const node = this.expression();
    const rest = this.peek();
    if (rest.t === 'close') {
      throw new ParseFailure(`Dấu đóng ngoặc «${rest.text}» thừa (vị trí ${rest.pos})`, rest.pos);
    }
    if (rest.t !== 'end') {
      throw new ParseFailure(
        `Thiếu phép tính trước «${tokenText(rest)}» (vị trí ${rest.pos})`,
        rest.pos,
      );
    }
    return node;
  }

  private expression(): Raw {
    let left = this.term(true);
    let last = left;
    for (;;) {
      const tok = this.peek();
      if (tok.t !== 'op' || (tok.op !== '+' && tok.op !== '-')) return left;
      this.next();
      if (tok.op === '+' && this.peek().t === 'ellipsis') {
        const dots = this.next();
        const plus = this.next();
        if (plus.t !== 'op' || plus.op !== '+') {
          throw ellipsisError(dots.pos);
        }
        const end = this.term();
        for (const code of expandRange(last, end, dots.pos)) {
          left = { type: 'binary', op: '+', left, right: code };
        }
        left = { type: 'binary', op: '+', left, right: end };
        last = end;
        continue;
      }
      const right = this.term();
      left = { type: 'binary', op: tok.op, left, right };
      last = tok.op === '+' ? right : { type: 'negate', operand: right };
    }
  }

  /** A leading minus is allowed only at the start of an expression ("-2+3", "(−1)×100"):
   *  "2+-3" or "2++3" is a slip, not a formula anyone means. */
  private term(signed = false): Raw {
    let left = signed ? this.unary() : this.primary();
    for (;;) {
      const tok = this.peek();
      if (tok.t !== 'op' || (tok.op !== '*' && tok.op !== '/')) return left;
      this.next();
      left = { type: 'binary', op: tok.op, left, right: this.primary() };
    }
  }

  private unary(): Raw {
    const tok = this.peek();
    if (tok.t === 'op' && tok.op === '-') {
      this.next();
      return { type: 'negate', operand: this.primary() };
    }
    return this.primary();
  }

  private primary(): Raw {
    const tok = this.next();
    switch (tok.t) {
      case 'num':
        return {
          type: 'literal',
          text: tok.text,
          value: tok.value,
          decimal: tok.decimal,
          pos: tok.pos,
        };
      case 'open': {
        // "(3)": the notation's explicit column code.
        const inner = this.tokens[this.i];
        const after = this.tokens[this.i + 1];
        if (tok.close === ')' && inner.t === 'num' && !inner.decimal && after.t === 'close') {
          this.i += 2;
          if (after.text !== ')') throw new ParseFailure(closeMismatch(tok, after), after.pos);
          return { type: 'code', code: inner.text, pos: inner.pos };
        }
        const node = this.expression();
        const close = this.next();
        if (close.t !== 'close') {
          throw new ParseFailure(
            `Thiếu dấu đóng ngoặc «${tok.close}» cho dấu mở ngoặc ở vị trí ${tok.pos}`,
            close.pos,
          );
        }
        if (close.text !== tok.close) throw new ParseFailure(closeMismatch(tok, close), close.pos);
        return node;
      }
      case 'end':
        throw new ParseFailure(`Công thức thiếu số hạng ở cuối (vị trí ${tok.pos})`, tok.pos);
      case 'op':
        throw new ParseFailure(
          `Thiếu số hạng trước dấu «${tok.text}» (vị trí ${tok.pos})`,
          tok.pos,
        );
      case 'close':
        throw new ParseFailure(
          `Dấu đóng ngoặc «${tok.text}» không đúng chỗ (vị trí ${tok.pos})`,
          tok.pos,
        );
      case 'ellipsis':
        throw ellipsisError(tok.pos);
    }
  }
}

function tokenText(tok: Token): string {
  return tok.t === 'end' ? '' : tok.text;
}

function closeMismatch(open: { text: string; pos: number; close: string }, close: Token): string {
  return `Dấu mở ngoặc «${open.text}» ở vị trí ${open.pos} phải đóng bằng «${open.close}», không phải «${tokenText(close)}»`;
}

function ellipsisError(pos: number): ParseFailure {
  return new ParseFailure(
    `Dấu «...» phải nằm giữa hai mã cột trong một tổng, ví dụ 1+2+...+8 (vị trí ${pos})`,
    pos,
  );
}

/** The codes strictly between `from` and `to` in "from+...+to". */
function expandRange(from: Raw, to: Raw, pos: number): Raw[] {
  const a = rangeEnd(from);
  const b = rangeEnd(to);
  if (a === null || b === null || b <= a) throw ellipsisError(pos);
  const codes: Raw[] = [];
  for (let n = a + 1; n < b; n++) codes.push({ type: 'code', code: String(n), pos });
  return codes;
}

function rangeEnd(node: Raw): number | null {
  if (node.type === 'code' && /^\d+$/.test(node.code)) return Number(node.code);
  if (node.type === 'literal' && !node.decimal) return node.value;
  return null;
}

function normalizeCode(code: string): string {
  return code.replace(/[\s()]/g, '');
}

function resolve(node: Raw, inProduct: boolean, codes: Set<string> | null): FormulaNode {
  switch (node.type) {
    case 'constant':
      return node;
    case 'code':
      if (codes && !codes.has(node.code)) {
        throw new ParseFailure(
          `Mã cột «${node.code}» không có trong biểu (vị trí ${node.pos})`,
          node.pos,
        );
      }
      return { type: 'code', code: node.code };
    case 'negate':
      return { type: 'negate', operand: resolve(node.operand, inProduct, codes) };
    case 'binary': {
      const product = node.op === '*' || node.op === '/';
      return {
        type: 'binary',
        op: node.op,
        left: resolve(node.left, product, codes),
        right: resolve(node.right, product, codes),
      };
    }
    case 'literal': {
      if (node.decimal) return { type: 'constant', value: node.value };
      const code = String(Number(node.text));
      if (codes) {
        if (codes.has(code)) return { type: 'code', code };
        if (inProduct) return { type: 'constant', value: node.value };
        throw new ParseFailure(
          `Mã cột «${node.text}» không có trong biểu (vị trí ${node.pos})`,
          node.pos,
        );
      }
      return node.value < 100 ? { type: 'code', code } : { type: 'constant', value: node.value };
    }
  }
}

/** Parses the right-hand side of a code-row entry ("2+3+4+5", "(5)/(4)*100"). */
export function parseFormula(text: string, options: FormulaOptions = {}): FormulaParseResult {
  const codes = options.codes ? new Set([...options.codes].map(normalizeCode)) : null;
  try {
    const raw = new Parser(tokenize(text)).parseAll();
    return { ok: true, ast: resolve(raw, false, codes) };
  } catch (e) {
    if (e instanceof ParseFailure)
      return { ok: false, error: { message: e.message, position: e.position } };
    throw e;
  }
}

/** Parses a whole code-row entry: "1=2+3+4+5" → code "1", the formula, text "2+3+4+5"; "2" → code "2". */
export function parseCodeRowEntry(entry: string, options: FormulaOptions = {}): CodeRowEntryResult {
  const eq = entry.indexOf('=');
  const left = normalizeCode(eq < 0 ? entry : entry.slice(0, eq));
  if (left === '') {
    return {
      ok: false,
      error: {
        message: eq < 0 ? 'Mã cột trống' : 'Thiếu mã cột trước dấu «=»',
        position: eq < 0 ? 0 : eq + 1,
      },
    };
  }
  if (!/^[\p{L}\p{N}.]+$/u.test(left)) {
    return { ok: false, error: { message: `Mã cột «${left}» không hợp lệ`, position: 1 } };
  }
  if (eq < 0) return { ok: true, code: left, formula: null, text: null };
  const rhs = entry.slice(eq + 1);
  const text = rhs.trim();
  if (text === '') {
    return {
      ok: false,
      error: { message: `Thiếu công thức sau dấu «=» của cột ${left}`, position: eq + 1 },
    };
  }
  const parsed = parseFormula(rhs, options);
  if (!parsed.ok) {
    const shift = parsed.error.position > 0 ? eq + 1 : 0;
    return { ok: false, error: { ...parsed.error, position: parsed.error.position + shift } };
  }
  if (formulaCodes(parsed.ast).includes(left)) {
    return {
      ok: false,
      error: { message: `Cột ${left} không thể tính từ chính nó`, position: eq + 2 },
    };
  }
  return { ok: true, code: left, formula: parsed.ast, text };
}

// ---------------------------------------------------------------------------------------------
// What a formula says

/** The codes a formula reads, each once, in order of appearance. */
export function formulaCodes(ast: FormulaNode): string[] {
  const seen: string[] = [];
  const walk = (n: FormulaNode): void => {
    if (n.type === 'code') {
      if (!seen.includes(n.code)) seen.push(n.code);
    } else if (n.type === 'negate') walk(n.operand);
    else if (n.type === 'binary') {
      walk(n.left);
      walk(n.right);
    }
  };
  walk(ast);
  return seen;
}

/** True when the formula divides: its result is a ratio, checked against printed precision. */
export function hasDivision(ast: FormulaNode): boolean {
  if (ast.type === 'binary')
    return ast.op === '/' || hasDivision(ast.left) || hasDivision(ast.right);
  if (ast.type === 'negate') return hasDivision(ast.operand);
  return false;
}

/** The value of the formula, or null when it divides by zero. */
export function evaluateFormula(
  ast: FormulaNode,
  valueOf: (code: string) => number,
): number | null {
  const ev = (n: FormulaNode): number | null => {
    switch (n.type) {
      case 'code':
        return valueOf(n.code);
      case 'constant':
        return n.value;
      case 'negate': {
        const v = ev(n.operand);
        return v === null ? null : -v;
      }
      case 'binary': {
        const l = ev(n.left);
        const r = ev(n.right);
        if (l === null || r === null) return null;
        switch (n.op) {
          case '+':
            return l + r;
          case '-':
            return l - r;
          case '*':
            return l * r;
          case '/':
            return r === 0 ? null : l / r;
        }
      }
    }
  };
  const v = ev(ast);
  return v === null || !Number.isFinite(v) ? null : v;
}

export interface LinearForm {
  /** Coefficient of each code; a code whose terms cancel keeps a 0 coefficient. */
  coefficients: Map<string, number>;
  constant: number;
}

/**
 * The formula as Σ coefficient·code + constant, or null when it is not linear (a product of two
 * codes, a division by a code). Sums, differences and scaling by constants are linear.
 */
export function linearForm(ast: FormulaNode): LinearForm | null {
  switch (ast.type) {
    case 'code':
      return { coefficients: new Map([[ast.code, 1]]), constant: 0 };
    case 'constant':
      return { coefficients: new Map(), constant: ast.value };
    case 'negate': {
      const f = linearForm(ast.operand);
      return f && scale(f, -1);
    }
    case 'binary': {
      const l = linearForm(ast.left);
      const r = linearForm(ast.right);
      if (!l || !r) return null;
      switch (ast.op) {
        case '+':
          return add(l, r, 1);
        case '-':
          return add(l, r, -1);
        case '*':
          if (l.coefficients.size === 0) return scale(r, l.constant);
          if (r.coefficients.size === 0) return scale(l, r.constant);
          return null;
        case '/':
          if (r.coefficients.size === 0 && r.constant !== 0) return scale(l, 1 / r.constant);
          return null;
      }
    }
  }
}

function scale(f: LinearForm, k: number): LinearForm {
  const coefficients = new Map<string, number>();
  for (const [code, c] of f.coefficients) coefficients.set(code, c * k);
  return { coefficients, constant: f.constant * k };
}

function add(a: LinearForm, b: LinearForm, sign: 1 | -1): LinearForm {
  const coefficients = new Map(a.coefficients);
  for (const [code, c] of b.coefficients)
    coefficients.set(code, (coefficients.get(code) ?? 0) + sign * c);
  return { coefficients, constant: a.constant + sign * b.constant };
}

const PRECEDENCE = { '+': 1, '-': 1, '*': 2, '/': 2 } as const;

/**
 * Writes a formula back for a message. 'codes' puts codes in parentheses, as sums are written
 * in reports ("(2)+(3)+(4)"); 'plain' writes codes bare with × for products ("5/4×100").
 */
export function formatFormula(ast: FormulaNode, style: 'codes' | 'plain' = 'codes'): string {
  const constant = (v: number) => String(v).replace('.', ',');
  const write = (n: FormulaNode, parentPrec: number, rightSide: boolean): string => {
    switch (n.type) {
      case 'code':
        return style === 'codes' ? `(${n.code})` : n.code;
      case 'constant':
        return constant(n.value);
      case 'negate':
        return `\u2212${write(n.operand, 3, false)}`;
      case 'binary': {
        const p = PRECEDENCE[n.op];
        const op = n.op === '*' ? '\u00D7' : n.op === '-' ? '\u2212' : n.op;
        const s = `${write(n.left, p, false)}${op}${write(n.right, p, true)}`;
        // The tree is left-associative, so an equal-precedence right operand was bracketed.
        const needs = p < parentPrec || (rightSide && p === parentPrec);
        return needs ? `(${s})` : s;
      }
    }
  };
  return write(ast, 0, false);
}
