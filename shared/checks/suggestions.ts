/**
 * One-cell suggestions: where a single cell change would satisfy every broken rule that reads the
 * cell and break none that holds, offer it (DOMAIN.md: "that change as a one-click suggestion").
 *
 * Each failing rule proposes, for every cell it reads, the value that would make it hold. A
 * candidate is kept when every failing rule reading that cell holds with it and no holding rule
 * fails; a failing rule then takes the best kept candidate among its cells: the one that fixes the
 * most failures, then one within a single Damerau–Levenshtein edit of the stated digits (a typing
 * slip), then its own stated cell. So a swapped detail figure that breaks both its row formula and
 * its group's subtotal gets the same suggestion on both findings.
 */
import { roundDecimal } from '../numbers';
import { digitString, isAdjacentSwap } from './causes';
import { damerauLevenshtein } from './edit-distance';
import {
  cellKey,
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

/** What the search needs from the engine. */
export interface SuggestionSearch {
  source: CellSource;
  rulesReading(cell: CellRef): readonly Rule[];
  /** The rule's current evaluation. */
  current(rule: Rule): Evaluation;
  /** Evaluates a rule against a source, honouring the engine's text blocking. */
  evaluate(rule: Rule, source: CellSource): Evaluation;
  decimalsOf(col: number): number;
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
  return Math.abs(scaled - whole) < 1e-7 ? whole / scale : roundDecimal(value, decimals);
}

function tryCandidate(
  search: SuggestionSearch,
  cell: CellRef,
  from: number | null,
  value: number,
): CandidateFix | null {
  const before = from ?? 0;
  const rules = search.rulesReading(cell);
  let fixes = 0;
  // Rules with an O(1) re-evaluation first: they reject most candidates before any full one.
  for (const rule of rules) {
    const current = search.current(rule);
    if (!isCompared(current) || !rule.reevaluate) continue;
    const next = rule.reevaluate(current, cell, before, value);
    if (next.status === 'fail' || next.status === 'flag') return null;
    if (current.status === 'fail') fixes++;
  }
  let substituted: CellSource | null = null;
  for (const rule of rules) {
    const current = search.current(rule);
    if (isCompared(current) && rule.reevaluate) continue; // done above
    if (current.status === 'skip' && current.reason === 'text') continue; // still blocked
    substituted ??= withValue(search.source, cell, value);
    const next = search.evaluate(rule, substituted);
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
 * Kept candidates by cell (cellKey). What a cell's candidates are depends only on the cell's value
 * and on the rules reading it, so a session may keep this between edits and drop the entries of
 * the cells read by the rules an edit re-evaluated.
 */
export type CandidateCache = Map<number, CandidateFix[]>;

const NONE: CandidateFix[] = [];

/**
 * The best one-cell change for each of `rules` that fails and has one. Candidates are gathered
 * cell by cell (what each failing rule reading the cell would need there), so a rule's
 * suggestion depends only on the rules around its own cells: the engine re-runs the search for
 * just the failing rules near an edit.
 */
export function findSuggestions(
  rules: Iterable<Rule>,
  search: SuggestionSearch,
  atCell: CandidateCache = new Map(),
): Map<Rule, CandidateFix> {
  const candidatesAt = (cell: CellRef): CandidateFix[] => {
    const key = cellKey(cell.row, cell.col);
    const cached = atCell.get(key);
    if (cached) return cached;
    let kept = NONE;
    const raw = search.source.raw(cell.row, cell.col);
    if (!isText(raw)) {
      const from = typeof raw === 'number' ? raw : null;
      const tried: number[] = [];
      for (const rule of search.rulesReading(cell)) {
        const current = search.current(rule);
        if (current.status !== 'fail' || !rule.solveFor) continue;
        const solved = rule.solveFor(cell, search.source, current);
        if (solved === null || !Number.isFinite(solved)) continue;
        const value = toDecimals(solved, search.decimalsOf(cell.col));
        if (value === (from ?? 0) || tried.includes(value)) continue;
        tried.push(value);
        const fix = tryCandidate(search, cell, from, value);
        if (fix) kept = kept === NONE ? [fix] : [...kept, fix];
      }
    }
    atCell.set(key, kept);
    return kept;
  };

  const best = new Map<Rule, CandidateFix>();
  for (const rule of rules) {
    if (search.current(rule).status !== 'fail') continue;
    let choice: CandidateFix | null = null;
    for (const cell of rule.reads) {
      for (const fix of candidatesAt(cell)) {
        if (!choice || better(fix, choice, rule.target) < 0) choice = fix;
      }
    }
    if (choice) best.set(rule, choice);
  }
  return best;
}
