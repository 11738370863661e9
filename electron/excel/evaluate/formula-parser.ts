/**
 * Excel formulas as workbooks written by programs carry them without saved results: parsed into
 * a small tree — numbers, text, booleans, cell references and ranges of the same sheet, the
 * operators (+ − × ÷ ^ & % and comparisons, with Excel's precedence) and function calls. What it
 * cannot read (another sheet's reference, a name, an array) is a FormulaUnsupported error: the
 * cell stays unevaluated and is named in the import's doubts, never read as 0.
 */
import { decodeAddress } from '../xlsx/cell-address';

export type Node =
  | { kind: 'number'; value: number }
  | { kind: 'text'; value: string }
  | { kind: 'bool'; value: boolean }
  | { kind: 'ref'; row: number; col: number }
  | { kind: 'range'; top: number; left: number; bottom: number; right: number }
  | { kind: 'unary'; op: '-' | '+' | '%'; arg: Node }
  | { kind: 'binary'; op: string; left: Node; right: Node }
  | { kind: 'call'; name: string; args: Node[] };

export class FormulaUnsupported extends Error {}

const TOKEN =
  /\s*(?:(\d+(?:\.\d*)?(?:[eE][+-]?\d+)?|\.\d+)|("(?:[^"]|"")*")|(\$?[A-Za-z]{1,3}\$?\d+(?::\$?[A-Za-z]{1,3}\$?\d+)?)(?![\w(!])|([A-Za-z_][\w.]*)\s*\(|(TRUE|FALSE)\b|(<>|<=|>=|[-+*/^&%=<>(),:;!'[\]{}]))/iy;

interface Token {
  type: 'num' | 'str' | 'ref' | 'fn' | 'bool' | 'op';
  text: string;
}

function tokenize(formula: string): Token[] {
  const out: Token[] = [];
  TOKEN.lastIndex = 0;
  let at = 0;
  while (at < formula.length) {
    if (/^\s*$/.test(formula.slice(at))) break;
    TOKEN.lastIndex = at;
    const m = TOKEN.exec(formula);
    if (!m) throw new FormulaUnsupported(`không đọc được «${formula.slice(at, at + 10)}»`);
    at = TOKEN.lastIndex;
    if (m[1] !== undefined) out.push({ type: 'num', text: m[1] });
    else if (m[2] !== undefined)
      out.push({ type: 'str', text: m[2].slice(1, -1).replace(/""/g, '"') });
    else if (m[3] !== undefined) out.push({ type: 'ref', text: m[3] });
    else if (m[4] !== undefined) out.push({ type: 'fn', text: m[4].toUpperCase() });
    else if (m[5] !== undefined) out.push({ type: 'bool', text: m[5].toUpperCase() });
    else {
      if ("!'[]{}".includes(m[6])) throw new FormulaUnsupported('tham chiếu trang khác hoặc mảng');
      out.push({ type: 'op', text: m[6] });
    }
  }
  return out;
}

function address(text: string): { row: number; col: number } {
  const a = decodeAddress(text.replace(/\$/g, ''));
  if (!a) throw new FormulaUnsupported(`địa chỉ «${text}»`);
  return { row: a.row - 1, col: a.col - 1 };
}

const BINARY: Record<string, number> = {
  '=': 1,
  '<>': 1,
  '<': 1,
  '>': 1,
  '<=': 1,
  '>=': 1,
  '&': 2,
  '+': 3,
  '-': 3,
  '*': 4,
  '/': 4,
  '^': 5,
};

export function parseFormula(formula: string): Node {
  const tokens = tokenize(formula.replace(/^=/, ''));
  let i = 0;
  const peek = () => tokens[i];
  const expect = (text: string) => {
    if (peek()?.text !== text) throw new FormulaUnsupported(`thiếu «${text}»`);
    i++;
  };
  const primary = (): Node => {
    const t = tokens[i++];
    if (!t) throw new FormulaUnsupported('công thức dừng giữa chừng');
    if (t.type === 'num') return { kind: 'number', value: Number(t.text) };
    if (t.type === 'str') return { kind: 'text', value: t.text };
    if (t.type === 'bool') return { kind: 'bool', value: t.text === 'TRUE' };
    if (t.type === 'ref') {
      const [a, b] = t.text.split(':');
      const from = address(a);
      if (!b) return { kind: 'ref', ...from };
      const to = address(b);
      return {
        kind: 'range',
        top: Math.min(from.row, to.row),
        left: Math.min(from.col, to.col),
        bottom: Math.max(from.row, to.row),
        right: Math.max(from.col, to.col),
      };
    }
    if (t.type === 'fn') {
      const args: Node[] = [];
      if (peek()?.text !== ')') {
        for (;;) {
          args.push(expression(0));
          if (peek()?.text === ',' || peek()?.text === ';') i++;
          else break;
        }
      }
      expect(')');
      return { kind: 'call', name: t.text, args };
    }
    if (t.text === '(') {
      const inner = expression(0);
      expect(')');
      return inner;
    }
    if (t.text === '-' || t.text === '+') return { kind: 'unary', op: t.text, arg: unary() };
    throw new FormulaUnsupported(`«${t.text}» không đúng chỗ`);
  };
  const unary = (): Node => {
    let node = primary();
    while (peek()?.text === '%') {
      i++;
      node = { kind: 'unary', op: '%', arg: node };
    }
    return node;
  };
  const expression = (min: number): Node => {
    let left = unary();
    for (;;) {
      const t = peek();
      const level = t && t.type === 'op' ? BINARY[t.text] : undefined;
      if (level === undefined || level <= min - 1 || level < min) break;
      i++;
      // ^ is left-associative in Excel, like the others.
      const right = expression(level + 1);
      left = { kind: 'binary', op: t.text, left, right };
    }
    return left;
  };
  const tree = expression(0);
  if (i !== tokens.length) throw new FormulaUnsupported(`thừa «${tokens[i].text}»`);
  return tree;
}
