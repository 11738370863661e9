/**
 * Computing the formulas a workbook saved without results, on the sheet's own grid, the way
 * Excel would: references read the cells' values (an empty cell is 0, or "" to text), a formula
 * that reads another unsaved formula computes that one first, a cycle or anything unsupported
 * leaves the cell unevaluated (formula-parser.ts), and so does an error value. Functions: SUM, AVERAGE, MIN, MAX, COUNT, ABS,
 * ROUND, ROUNDUP, ROUNDDOWN, IF, AND, OR, SUMIF (one criterion).
 */
import type { GridCell, SheetGrid } from '../../../shared/import/sheet-grid';
import { FormulaUnsupported, parseFormula, type Node } from './formula-parser';

type Value = number | string | boolean | { error: string };

class Cycle extends Error {}

const isError = (v: unknown): v is { error: string } =>
  typeof v === 'object' && v !== null && 'error' in v;

function toNumber(v: Value): number {
  if (isError(v)) throw v;
  if (typeof v === 'number') return v;
  if (typeof v === 'boolean') return v ? 1 : 0;
  if (v === '') return 0;
  const n = Number(v);
  if (Number.isNaN(n)) throw { error: '#VALUE!' };
  return n;
}

function toText(v: Value): string {
  if (isError(v)) throw v;
  if (typeof v === 'boolean') return v ? 'TRUE' : 'FALSE';
  return typeof v === 'number' ? String(Number(v.toPrecision(15))) : v;
}

function roundTo(x: number, digits: number, mode: 'round' | 'up' | 'down'): number {
  const f = 10 ** digits;
  const scaled = Math.abs(x) * f;
  const r =
    mode === 'round'
      ? Math.round(Number(scaled.toPrecision(15)))
      : mode === 'up'
        ? Math.ceil(Number(scaled.toPrecision(15)))
        : Math.floor(Number(scaled.toPrecision(15)));
  return (Math.sign(x) * r) / f;
}

/** Excel's comparison operators, between two numbers or two texts already lower-cased. */
function compare<T extends number | string>(op: string, x: T, y: T): boolean {
  switch (op) {
    case '=':
      return x === y;
    case '<>':
      return x !== y;
    case '<':
      return x < y;
    case '>':
      return x > y;
    case '<=':
      return x <= y;
    case '>=':
      return x >= y;
  }
  return false;
}

function matches(value: Value, criterion: Value): boolean {
  if (typeof criterion === 'string') {
    const m = /^(<>|<=|>=|<|>|=)?(.*)$/.exec(criterion)!;
    const op = m[1] ?? '=';
    const target = m[2];
    const n = Number(target);
    if (target !== '' && !Number.isNaN(n) && typeof value === 'number') {
      return compare(op, value, n);
    }
    const text = toText(value).toLowerCase();
    return op === '<>' ? text !== target.toLowerCase() : text === target.toLowerCase();
  }
  return value === criterion;
}

export interface EvaluationOutcome {
  /** Addresses of the cells computed, and those that could not be. */
  computed: number;
  failed: number;
}

/** Computes every `uncached` formula of the grid in place; returns how many were and were not. */
export function evaluateSheet(grid: SheetGrid): EvaluationOutcome {
  const state = new Map<GridCell, 'busy' | Value | null>();
  let computed = 0;
  let failed = 0;

  const valueAt = (row: number, col: number): Value => {
    const cell = grid.cells[row]?.[col] ?? null;
    if (!cell) return '';
    if (cell.uncached && cell.formula) {
      const v = compute(cell);
      if (v === null) throw new FormulaUnsupported('ô phụ thuộc chưa tính được');
      return v;
    }
    if (cell.value === null) return '';
    return cell.value;
  };

  const rangeValues = (n: Extract<Node, { kind: 'range' }>): Value[] => {
    const out: Value[] = [];
    const bottom = Math.min(n.bottom, grid.cells.length - 1);
    for (let r = n.top; r <= bottom; r++) {
      const row = grid.cells[r];
      if (!row) continue;
      for (let c = n.left; c <= Math.min(n.right, row.length - 1); c++) {
        if (row[c]) out.push(valueAt(r, c));
      }
    }
    return out;
  };

  const numbersOf = (args: Node[]): number[] =>
    args.flatMap((a) =>
      a.kind === 'range'
        ? rangeValues(a).flatMap((v) => {
            if (isError(v)) throw v;
            return typeof v === 'number' ? [v] : [];
          })
        : [toNumber(evaluate(a))],
    );

  const evaluate = (n: Node): Value => {
    switch (n.kind) {
      case 'number':
      case 'text':
      case 'bool':
        return n.value;
      case 'ref':
        return valueAt(n.row, n.col);
      case 'range':
        throw new FormulaUnsupported('vùng ô đứng riêng');
      case 'unary': {
        const x = toNumber(evaluate(n.arg));
        return n.op === '-' ? -x : n.op === '%' ? x / 100 : x;
      }
      case 'binary': {
        const a = evaluate(n.left);
        const b = evaluate(n.right);
        switch (n.op) {
          case '&':
            return toText(a) + toText(b);
          case '+':
            return toNumber(a) + toNumber(b);
          case '-':
            return toNumber(a) - toNumber(b);
          case '*':
            return toNumber(a) * toNumber(b);
          case '/': {
            const d = toNumber(b);
            if (d === 0) throw { error: '#DIV/0!' };
            return toNumber(a) / d;
          }
          case '^':
            return toNumber(a) ** toNumber(b);
          default: {
            const [x, y] =
              typeof a === 'number' && typeof b === 'number'
                ? [a, b]
                : [toText(a).toLowerCase(), toText(b).toLowerCase()];
            return compare(n.op, x, y);
          }
        }
      }
      case 'call':
        return call(n.name, n.args);
    }
  };

  const call = (name: string, args: Node[]): Value => {
    switch (name) {
      case 'SUM':
        return numbersOf(args).reduce((s, x) => s + x, 0);
      case 'AVERAGE': {
        const xs = numbersOf(args);
        if (xs.length === 0) throw { error: '#DIV/0!' };
        return xs.reduce((s, x) => s + x, 0) / xs.length;
      }
      case 'MIN':
      case 'MAX': {
        const xs = numbersOf(args);
        return xs.length === 0 ? 0 : name === 'MIN' ? Math.min(...xs) : Math.max(...xs);
      }
      case 'COUNT':
        return numbersOf(args).length;
      case 'ABS':
        return Math.abs(toNumber(evaluate(args[0])));
      case 'ROUND':
      case 'ROUNDUP':
      case 'ROUNDDOWN': {
        const x = toNumber(evaluate(args[0]));
        const d = args[1] ? toNumber(evaluate(args[1])) : 0;
        return roundTo(x, d, name === 'ROUND' ? 'round' : name === 'ROUNDUP' ? 'up' : 'down');
      }
      case 'IF': {
        const test = evaluate(args[0]);
        const yes = typeof test === 'boolean' ? test : toNumber(test) !== 0;
        const branch = yes ? args[1] : args[2];
        return branch ? evaluate(branch) : yes;
      }
      case 'AND':
      case 'OR': {
        const xs = args.map((a) => toNumber(evaluate(a)) !== 0);
        return name === 'AND' ? xs.every(Boolean) : xs.some(Boolean);
      }
      case 'SUMIF': {
        const [range, criterion, sumRange] = args;
        if (range?.kind !== 'range' || (sumRange && sumRange.kind !== 'range'))
          throw new FormulaUnsupported('SUMIF không theo vùng');
        const target = evaluate(criterion);
        const sum = sumRange ?? range;
        let total = 0;
        for (let r = range.top; r <= range.bottom; r++) {
          for (let c = range.left; c <= range.right; c++) {
            if (!matches(valueAt(r, c), target)) continue;
            const v = valueAt(sum.top + r - range.top, sum.left + c - range.left);
            if (typeof v === 'number') total += v;
          }
        }
        return total;
      }
      default:
        throw new FormulaUnsupported(`hàm ${name}`);
    }
  };

  function compute(cell: GridCell): Value | null {
    const known = state.get(cell);
    if (known === 'busy') throw new Cycle();
    if (known !== undefined) return known;
    state.set(cell, 'busy');
    let result: Value | null;
    try {
      const v = evaluate(parseFormula(cell.formula!));
      result = typeof v === 'number' && !Number.isFinite(v) ? { error: '#NUM!' } : v;
    } catch (e) {
      if (isError(e)) result = e;
      else if (e instanceof FormulaUnsupported || e instanceof Cycle || e instanceof RangeError)
        result = null;
      else throw e;
    }
    state.set(cell, result);
    return result;
  }

  for (const row of grid.cells) {
    if (!row) continue;
    for (const cell of row) {
      if (!cell?.uncached || !cell.formula) continue;
      let v: Value | null;
      try {
        v = compute(cell);
      } catch {
        v = null;
      }
      // An error value (#DIV/0! over a template's empty cells) is no figure either: the cell
      // stays unevaluated, as one whose formula could not be computed.
      if (v === null || isError(v)) {
        failed++;
        continue;
      }
      cell.value = typeof v === 'boolean' ? (v ? 'TRUE' : 'FALSE') : v;
      delete cell.uncached;
      computed++;
    }
  }
  return { computed, failed };
}
