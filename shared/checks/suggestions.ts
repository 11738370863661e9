/**
 * One-cell suggestions: where a single cell change would satisfy every broken rule that reads the
 * cell and break none that holds, offer it (docs/domain.md: a one-click suggestion).
 *
 * Each failing rule proposes, for every cell it reads, the value that would make it hold. A
 * candidate is kept when every failing rule reading that cell holds with it and no holding rule
 * fails; a failing rule then takes the best kept candidate among its cells: the one that fixes the
 * most failures, then one within a single Damerau–Levenshtein edit of the stated digits (a typing
 * slip), then its own stated cell. So a swapped detail figure that breaks both its row formula and
 * its group's subtotal gets the same suggestion on both findings.
 */
import { roundTo } from './rounding';
import { digitString, isAdjacentSwap } from './causes';
import { damerauLevenshtein } from './edit-distance';
import {
  isText,
  type CellRef,
  type CellSource,
  type Compared,
  type Evaluation,
  type Rule,
} from './rule';

export interface CandidateFix {
  cell: CellRef;
  value: number;
  /** The cell's current figure; null when it is blank. */
  from: number | null;
  /** How many failing rules the change fixes. */
  fixes: number;
  /** How the new digits relate to the stated ones when they are one slip apart. */
  slip: 'transposition' | 'typo' | null;
}

/**
 * What the search needs from the engine. Rules are named by their index in `rules`, so the
 * engine can keep their results in flat arrays.
 */
export interface SuggestionSearch {
  rules: readonly Rule[];
  source: CellSource;
  /** The indexes of the rules that read a cell. */
  readers(row: number, col: number): ArrayLike<number>;
  /** The rule's current evaluation. */
  current(rule: number): Evaluation;
  /** True when the rule currently fails (cheaper than `current`). */
  fails(rule: number): boolean;
  /** Evaluates a rule against a source, honouring the engine's text blocking. */
  evaluate(rule: number, source: CellSource): Evaluation;
  decimalsOf(col: number): number;
  /**
   * Whether a person could mean `value` in this cell: not a negative figure in a column that
   * holds none (a count), not a figure in the blank cell of a heading row.
   */
  proposable(row: number, col: number, value: number, from: number | null): boolean;
}

function isCompared(e: Evaluation): e is Compared {
  return e.status === 'pass' || e.status === 'fail';
}

function withValue(source: CellSource, cell: CellRef, value: number): CellSource {
  const at = (row: number, col: number) => row === cell.row && col === cell.col;
  return {
    raw: (row, col) => (at(row, col) ? value : source.raw(row, col)),
    number: (row, col) => (at(row, col) ? value : source.number(row, col)),
  };
}

function slipBetween(from: number | null, to: number, decimals: number): CandidateFix['slip'] {
  if (from === null || Math.sign(from) !== Math.sign(to)) return null;
  const a = digitString(from, decimals);
  const b = digitString(to, decimals);
  if (isAdjacentSwap(a, b)) return 'transposition';
  return damerauLevenshtein(a, b) === 1 ? 'typo' : null;
}

/** Rounds a solved value to the column's decimals; cheap when it already is (the usual case). */
function toDecimals(value: number, decimals: number): number {
  const scale = 10 ** decimals;
  const scaled = value * scale;
  const whole = Math.round(scaled);
  return Math.abs(scaled - whole) < 1e-7 ? whole / scale : roundTo(value, decimals);
}

function tryCandidate(
  search: SuggestionSearch,
  cell: CellRef,
  from: number | null,
  value: number,
): CandidateFix | null {
  const before = from ?? 0;
  const readers = search.readers(cell.row, cell.col);
  let fixes = 0;
  // Rules with an O(1) re-evaluation first: they reject most candidates before any full one.
  for (let i = 0; i < readers.length; i++) {
    const id = readers[i];
    const rule = search.rules[id];
    if (!rule.reevaluate) continue;
    const current = search.current(id);
    if (!isCompared(current)) continue;
    const next = rule.reevaluate(current, cell, before, value);
    if (next.status === 'fail' || next.status === 'flag') return null;
    if (current.status === 'fail') fixes++;
  }
  let substituted: CellSource | null = null;
  for (let i = 0; i < readers.length; i++) {
    const id = readers[i];
    const rule = search.rules[id];
    const current = search.current(id);
    if (isCompared(current) && rule.reevaluate) continue; // done above
    if (current.status === 'skip' && current.reason === 'text') continue; // still blocked
    substituted ??= withValue(search.source, cell, value);
    const next = search.evaluate(id, substituted);
    if (next.status === 'fail' || next.status === 'flag') return null;
    if (current.status === 'fail') fixes++;
  }
  return { cell, value, from, fixes, slip: slipBetween(from, value, search.decimalsOf(cell.col)) };
}

function better(a: CandidateFix, b: CandidateFix, target: CellRef): number {
  if (a.fixes !== b.fixes) return b.fixes - a.fixes;
  if (!!a.slip !== !!b.slip) return a.slip ? -1 : 1;
  const aTarget = a.cell.row === target.row && a.cell.col === target.col;
  const bTarget = b.cell.row === target.row && b.cell.col === target.col;
  if (aTarget !== bTarget) return aTarget ? -1 : 1;
  return a.cell.row - b.cell.row || a.cell.col - b.cell.col;
}

/**
 * Kept candidates by cell (row × columns + column). What a cell's candidates are depends only on
 * the cell's value and on the rules reading it, so a session may keep this between edits and drop
 * the entries of the cells read by the rules an edit re-evaluated.
 */
export type CandidateCache = Map<number, CandidateFix[]>;

const NONE: CandidateFix[] = [];

/**
 * The best one-cell change for each of `rules` (indexes) that fails and has one. Candidates are
 * gathered cell by cell (what each failing rule reading the cell would need there), so a rule's
 * suggestion depends only on the rules around its own cells: the engine re-runs the search for
 * just the failing rules near an edit.
 */
export function findSuggestions(
  rules: Iterable<number>,
  search: SuggestionSearch,
  atCell: CandidateCache,
  cellIndex: (row: number, col: number) => number,
): Map<number, CandidateFix> {
  const candidatesAt = (row: number, col: number): CandidateFix[] => {
    const key = cellIndex(row, col);
    const cached = atCell.get(key);
    if (cached) return cached;
    let kept = NONE;
    const raw = search.source.raw(row, col);
    if (!isText(raw)) {
      const from = typeof raw === 'number' ? raw : null;
      const current = from ?? 0;
      let tried: number[] | null = null;
      let cell: CellRef | null = null;
      const readers = search.readers(row, col);
      for (let i = 0; i < readers.length; i++) {
        const id = readers[i];
        const rule = search.rules[id];
        if (!rule.solveFor || !search.fails(id)) continue;
        cell ??= { row, col };
        const solved = rule.solveFor(cell, search.source, search.current(id) as Compared);
        if (solved === null || !Number.isFinite(solved)) continue;
        const value = toDecimals(solved, search.decimalsOf(col));
        if (value === current || tried?.includes(value)) continue;
        if (!search.proposable(row, col, value, from)) continue;
        (tried ??= []).push(value);
        const fix = tryCandidate(search, cell, from, value);
        if (fix) kept = kept === NONE ? [fix] : [...kept, fix];
      }
    }
    atCell.set(key, kept);
    return kept;
  };

  const best = new Map<number, CandidateFix>();
  for (const id of rules) {
    if (!search.fails(id)) continue;
    const target = search.rules[id].target;
    const pick: { choice: CandidateFix | null } = { choice: null };
    const consider = (row: number, col: number): void => {
      for (const fix of candidatesAt(row, col)) {
        if (!pick.choice || better(fix, pick.choice, target) < 0) pick.choice = fix;
      }
    };
    const rule = search.rules[id];
    if (rule.forEachRead) rule.forEachRead(consider);
    else for (const cell of rule.reads) consider(cell.row, cell.col);
    if (pick.choice) best.set(id, pick.choice);
  }
  return best;
}
