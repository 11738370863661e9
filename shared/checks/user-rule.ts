/**
 * User rules: typed in the statisticians' column-code notation, within a table or across tables.
 *
 *   B2.6 = B1.11                 column 6 of table B2 equals column 11 of table B1, unit by unit
 *   B2.1 = B1.3 + B1.4           … the sum of two columns of another table
 *   PL1.(5) <= B1.2              a bound: "<=", "≤", "=<"; ">=", "≥", "=>"
 *   [Dân số].6 = [CDHT theo nhóm].9      tables named in full, in brackets (or «…», "…")
 *   7 = 6/3*100                  in the rules view of one table: its own codes, as in the code row
 *
 * A reference is TABLE.CODE: TABLE a table's code (B2, PL01: letters then digits; see
 * table-names.ts) or its name in brackets; CODE a column code ("6", "(6)", "A"). Without a table a
 * code belongs to the table the rule is typed in: "(6)" always, a bare "6" when that table has a
 * column 6 (else it is the number 6, as in "*100"). Operators as in the code row: + − × (*, x, ×,
 * ·) ÷ (/, :), brackets, numbers with a decimal comma. Errors are said in Vietnamese with the
 * position of the character (1-based).
 */
import type { FormulaNode } from './formula';

export interface UserRuleRef {
  /** The table as written (code or name), or null for the table the rule is typed in. */
  table: string | null;
  /** The column code, without brackets. */
  column: string;
}

export interface UserRuleAst {
  relation: '=' | '<=' | '>=';
  /** Formulas whose codes are indexes into `refs` ("0", "1" …). */
  lhs: FormulaNode;
  rhs: FormulaNode;
  refs: UserRuleRef[];
}

export type UserRuleParse =
  { ok: true; rule: UserRuleAst } | { ok: false; error: { message: string; position: number } };

export interface UserRuleOptions {
  /** The codes of the table the rule is typed in, if any: a bare integer among them is a code. */
  codes?: Iterable<string>;
}

type Token =
  | { t: 'num'; text: string; value: number; integer: boolean; pos: number }
  | { t: 'ref'; table: string | null; column: string; pos: number }
  | { t: 'op'; op: '+' | '-' | '*' | '/'; text: string; pos: number }
  | { t: 'rel'; rel: '=' | '<=' | '>='; text: string; pos: number }
  | { t: 'open'; close: string; text: string; pos: number }
  | { t: 'close'; text: string; pos: number }
  | { t: 'end'; pos: number };

class Failure extends Error {
  constructor(
    message: string,
    readonly position: number,
  ) {
    super(message);
  }
}

const OPERATORS: Record<string, '+' | '-' | '*' | '/'> = {
  '+': '+',
  '-': '-',
  '\u2212': '-',
  '\u2013': '-',
  '*': '*',
  '\u00D7': '*',
  '\u00B7': '*',
  '/': '/',
  ':': '/',
  '\u00F7': '/',
};

const RELATIONS: [string, '=' | '<=' | '>='][] = [
  ['<=', '<='],
  ['=<', '<='],
  ['\u2264', '<='],
  ['>=', '>='],
  ['=>', '>='],
  ['\u2265', '>='],
  ['=', '='],
];

const QUOTES: Record<string, string> = { '[': ']', '«': '»', '"': '"', '“': '”' };

/** A column code after "TABLE.": "6", "(6)", "A" (digits, or up to three letters). */
function readCode(text: string, i: number): { code: string; end: number } | null {
  const paren = /^\(\s*(\d+|\p{L}{1,3})\s*\)/u.exec(text.slice(i));
  if (paren) return { code: paren[1], end: i + paren[0].length };
  const bare = /^(?:\d+|\p{L}{1,3}(?![\p{L}\p{N}]))/u.exec(text.slice(i));
  return bare ? { code: bare[0], end: i + bare[0].length } : null;
}

function tokenize(text: string): Token[] {
  const tokens: Token[] = [];
  let i = 0;
  const refAfter = (table: string, dot: number, pos: number): void => {
    const code = readCode(text, dot + 1);
    if (!code) {
      throw new Failure(
        `Thiếu mã cột sau «${table}.» (vị trí ${dot + 2}); ví dụ ${table}.6`,
        dot + 2,
      );
    }
    tokens.push({ t: 'ref', table, column: code.code, pos });
    i = code.end;
  };
  while (i < text.length) {
    const c = text[i];
    const pos = i + 1;
    if (/\s/.test(c)) {
      i++;
      continue;
    }
    // A table named in full: [Dân số].6, «Dân số».6, "Dân số".6 (a "[" not followed by "].code"
    // is a bracket).
    if (c in QUOTES) {
      const close = text.indexOf(QUOTES[c], i + 1);
      const named = close > i && text[close + 1] === '.';
      if (c !== '[' || named) {
        const name = text.slice(i + 1, close < 0 ? text.length : close).trim();
        if (close < 0)
          throw new Failure(`Thiếu «${QUOTES[c]}» đóng tên biểu mở ở vị trí ${pos}`, pos);
        if (!named) {
          throw new Failure(
            `Sau tên biểu «${name}» phải có dấu chấm và mã cột, ví dụ [${name}].6 (vị trí ${close + 2})`,
            close + 2,
          );
        }
        refAfter(name, close + 1, pos);
        continue;
      }
    }
    const rel = RELATIONS.find(([s]) => text.startsWith(s, i));
    if (rel) {
      tokens.push({ t: 'rel', rel: rel[1], text: rel[0], pos });
      i += rel[0].length;
      continue;
    }
    const number = /^\d+(?:[,.]\d+)?/.exec(text.slice(i));
    if (number && !/^\d+[\p{L}]/u.test(text.slice(i))) {
      const raw = number[0];
      tokens.push({
        t: 'num',
        text: raw,
        value: Number(raw.replace(',', '.')),
        integer: !/[,.]/.test(raw),
        pos,
      });
      i += raw.length;
      continue;
    }
    const word = /^[\p{L}][\p{L}\p{N}_]*|^\d+[\p{L}][\p{L}\p{N}_]*/u.exec(text.slice(i));
    if (word) {
      const name = word[0];
      const end = i + name.length;
      if (text[end] === '.') {
        refAfter(name, end, pos);
        continue;
      }
      if (name === 'x' || name === 'X') {
        tokens.push({ t: 'op', op: '*', text: name, pos });
        i = end;
        continue;
      }
      throw new Failure(
        `«${name}» (vị trí ${pos}): viết tên biểu, dấu chấm rồi mã cột, ví dụ ${name}.6`,
        pos,
      );
    }
    if (c in OPERATORS) tokens.push({ t: 'op', op: OPERATORS[c], text: c, pos });
    else if (c === '(' || c === '[')
      tokens.push({ t: 'open', close: c === '(' ? ')' : ']', text: c, pos });
    else if (c === ')' || c === ']') tokens.push({ t: 'close', text: c, pos });
    else throw new Failure(`Ký tự «${c}» không dùng được trong quy tắc (vị trí ${pos})`, pos);
    i++;
  }
  tokens.push({ t: 'end', pos: text.length + 1 });
  return tokens;
}

class Parser {
  private i = 0;
  readonly refs: UserRuleRef[] = [];
  private readonly index = new Map<string, number>();

  constructor(
    private readonly tokens: Token[],
    private readonly codes: Set<string> | null,
  ) {}

  private peek(): Token {
    return this.tokens[this.i];
  }
  private next(): Token {
    return this.tokens[this.i++];
  }

  private ref(table: string | null, column: string): FormulaNode {
    const key = `${table ?? ''}\u0000${column}`;
    let at = this.index.get(key);
    if (at === undefined) {
      at = this.refs.length;
      this.index.set(key, at);
      this.refs.push({ table, column });
    }
    return { type: 'code', code: String(at) };
  }

  rule(): UserRuleAst {
    if (this.peek().t === 'end') throw new Failure('Quy tắc trống', 0);
    if (this.peek().t === 'rel')
      throw new Failure(`Thiếu vế trái trước dấu «${(this.peek() as { text: string }).text}»`, 1);
    const lhs = this.expression();
    const rel = this.next();
    if (rel.t !== 'rel') {
      const where = rel.t === 'end' ? 'ở cuối' : `trước «${tokenText(rel)}» (vị trí ${rel.pos})`;
      throw new Failure(
        rel.t === 'close'
          ? `Dấu đóng ngoặc «${rel.text}» thừa (vị trí ${rel.pos})`
          : `Quy tắc cần dấu «=», «≤» hoặc «≥» giữa hai vế: thiếu ${where}`,
        rel.pos,
      );
    }
    if (this.peek().t === 'end') throw new Failure(`Thiếu vế phải sau dấu «${rel.text}»`, rel.pos);
    const rhs = this.expression();
    const rest = this.peek();
    if (rest.t === 'rel')
      throw new Failure(`Quy tắc chỉ có một dấu so sánh (vị trí ${rest.pos})`, rest.pos);
    if (rest.t === 'close')
      throw new Failure(`Dấu đóng ngoặc «${rest.text}» thừa (vị trí ${rest.pos})`, rest.pos);
    if (rest.t !== 'end') {
      throw new Failure(
        `Thiếu phép tính trước «${tokenText(rest)}» (vị trí ${rest.pos})`,
        rest.pos,
      );
    }
    return { relation: rel.rel, lhs, rhs, refs: this.refs };
  }

  private expression(): FormulaNode {
    let left = this.term(true);
    for (;;) {
      const tok = this.peek();
      if (tok.t !== 'op' || (tok.op !== '+' && tok.op !== '-')) return left;
      this.next();
      left = { type: 'binary', op: tok.op, left, right: this.term(false) };
    }
  }

  private term(signed: boolean): FormulaNode {
    let left = this.unary(signed);
    for (;;) {
      const tok = this.peek();
      if (tok.t !== 'op' || (tok.op !== '*' && tok.op !== '/')) return left;
      this.next();
      left = { type: 'binary', op: tok.op, left, right: this.unary(false) };
    }
  }

  private unary(signed: boolean): FormulaNode {
    const tok = this.peek();
    if (signed && tok.t === 'op' && tok.op === '-') {
      this.next();
      return { type: 'negate', operand: this.primary() };
    }
    return this.primary();
  }

  private primary(): FormulaNode {
    const tok = this.next();
    switch (tok.t) {
      case 'ref':
        return this.ref(tok.table, tok.column);
      case 'num':
        if (tok.integer && this.codes?.has(String(Number(tok.text)))) {
          return this.ref(null, String(Number(tok.text)));
        }
        return { type: 'constant', value: tok.value };
      case 'open': {
        // "(6)": a column code of the table the rule is typed in.
        const inner = this.tokens[this.i];
        const after = this.tokens[this.i + 1];
        if (tok.close === ')' && inner.t === 'num' && inner.integer && after.t === 'close') {
          this.i += 2;
          return this.ref(null, String(Number(inner.text)));
        }
        const node = this.expression();
        const close = this.next();
        if (close.t !== 'close' || close.text !== tok.close) {
          throw new Failure(
            `Thiếu dấu đóng ngoặc «${tok.close}» cho dấu mở ngoặc ở vị trí ${tok.pos}`,
            close.pos,
          );
        }
        return node;
      }
      case 'end':
        throw new Failure(`Quy tắc thiếu số hạng ở cuối (vị trí ${tok.pos})`, tok.pos);
      case 'rel':
        throw new Failure(`Thiếu số hạng trước dấu «${tok.text}» (vị trí ${tok.pos})`, tok.pos);
      case 'op':
        throw new Failure(`Thiếu số hạng trước dấu «${tok.text}» (vị trí ${tok.pos})`, tok.pos);
      case 'close':
        throw new Failure(
          `Dấu đóng ngoặc «${tok.text}» không đúng chỗ (vị trí ${tok.pos})`,
          tok.pos,
        );
    }
  }
}

function tokenText(tok: Token): string {
  switch (tok.t) {
    case 'end':
      return '';
    case 'ref':
      return `${tok.table ? `${tok.table}.` : ''}${tok.column}`;
    default:
      return tok.text;
  }
}

/** Parses a user rule; an error says in Vietnamese what is wrong and where. */
export function parseUserRule(text: string, options: UserRuleOptions = {}): UserRuleParse {
  const codes = options.codes
    ? new Set([...options.codes].map((c) => c.replace(/[\s()]/g, '')))
    : null;
  try {
    return { ok: true, rule: new Parser(tokenize(text), codes).rule() };
  } catch (e) {
    if (e instanceof Failure)
      return { ok: false, error: { message: e.message, position: e.position } };
    throw e;
  }
}
