/**
 * The check engine: compiles a table into rules, keeps an index from each cell to the rules that
 * read it, evaluates the rules and turns failures into findings with causes and suggestions.
 *
 * `checkTable` is the one-shot form (CLI, import). `CheckSession` is the live form (the grid):
 * after an edit, `recheckCells` re-runs only the rules that read the edited cells. A change to
 * the table's structure (rows, roles, columns, formulas) needs a new session.
 *
 * Built for a national table (10,600 communes × 13 columns, ~150,000 rules): rules are numbered
 * and their results live in flat typed arrays; the cell → rules index is one array of rule
 * numbers sliced per cell; the session keeps each cell's figure, so an edit re-evaluates a sum
 * from its previous value in O(1); whether a rule reads a text is a count kept per rule, not a
 * scan of its cells. Nothing is allocated for a rule that holds: findings, messages and addresses
 * are built only for the rules that fail, and kept until their result changes.
 */
import { decimalsNeeded } from '../numbers';
import { roundTo } from './rounding';
import { cellAddress, sheetLayout } from '../layout';
import { columnLetter, type CellValue, type Table } from '../model';
import { problemFinding } from './problems';
import { classifyCause, isOffByOne, OFF_BY_ONE_PATTERN, unitFactor, type Mismatch } from './causes';
import { FINDING_KINDS, type Cause, type Finding, type Severity } from './finding';
import { liesAmongMembers, verdictOn, type ClaimTally, type Verdict } from './evidence';
import { mismatchMessage, notANumberMessage, suggestionReason } from './messages';
import {
  isText,
  type CellRef,
  type CellSource,
  type Compared,
  type Evaluation,
  type Flag,
  type Claim,
  type Rule,
} from './rule';
import { compileRules, DEFAULT_RULE_KINDS, type RuleKind } from './rules';
import { findSuggestions, type CandidateCache, type CandidateFix } from './suggestions';
import type { CompileProblem } from './table-context';
import type { FormulaProposal } from './proposal';
import { familyId } from './rule-list';

export type { Finding } from './finding';

export interface CheckOptions {
  /**
   * The A1 address of a cell; by default the address it has on the exported sheet
   * (shared/layout.ts). The importer passes the source file's own addresses.
   */
  addressOf?: (rowIndex: number, colIndex: number) => string;
  /**
   * The A1 address of a column's entry in the code row, where a formula problem is shown; by
   * default its place on the exported sheet. The importer passes the source file's own.
   */
  codeRowAddressOf?: (colIndex: number) => string;
  /** The sheet named in findings; by default the table's name. */
  sheet?: string;
  /** The kinds of rules to compile; by default all of them. */
  kinds?: readonly RuleKind[];
  /** Search one-cell suggestions for failures (default true). */
  suggestions?: boolean;
  /**
   * Cells whose value is not known: formulas whose result the file never saved, kept empty by
   * the importer. A rule reading one is not evaluated (like a rule reading a text), instead of
   * taking the blank for 0; a value written into the cell later makes it known.
   */
  unevaluated?: Iterable<CellRef>;
  /**
   * Rule families turned off in the rules view (rule-list.ts: "code-row:1", "total-row:17"):
   * their rules are not compiled.
   */
  disabledRules?: ReadonlySet<string>;
  /**
   * The table is Biểu's own reading of a sheet that no person has confirmed (`bieu check` on a
   * workbook): a code row or header that fails on many rows may be read wrong, and its failures
   * are "Cần xem". In a document, the person accepted the reading, and the layout is stated.
   */
  layoutUnconfirmed?: boolean;
}

/** A cell to re-check, with its new value when the session should write it into the table. */
export type CellChange = CellRef & { value?: CellValue };

/** A finding with the table position of the cell it is about, for the grid. */
export interface LocatedFinding {
  finding: Finding;
  target: CellRef;
  reads: readonly CellRef[];
}

const KIND_ORDER = new Map(FINDING_KINDS.map((k, i) => [k, i]));

/** A rule's result, as stored per rule. */
const PASS = 0;
const FAIL = 1;
const SKIP_TEXT = 2;
const SKIP_DIVISION = 3;
const FLAG = 4;
const NOT_EVALUATED = 5;
const SKIP_BLANK = 6;

const SKIPPED_TEXT: Evaluation = { status: 'skip', reason: 'text' };
const SKIPPED_BLANK: Evaluation = { status: 'skip', reason: 'blank' };

/** A rule's part in the tallies of its claims. */
const NO_PART = 0;
const HOLDS = 1;
const FAILS = 2;
const SKIPPED_DIVISION: Evaluation = { status: 'skip', reason: 'division-by-zero' };

export class CheckSession {
  readonly rules: readonly Rule[];
  /** Parts of the table's definition that could not be compiled into rules. */
  readonly problems: readonly CompileProblem[];
  /**
   * The problems as findings (kind row-formula, severity warning, on the code row): findings()
   * lists them first.
   */
  readonly problemFindings: readonly Finding[];
  /** Rules the figures suggest, for a person to accept; never findings, never counted. */
  readonly proposals: readonly FormulaProposal[];

  private readonly columnCount: number;
  private readonly rowCount: number;
  /** Cell → rules: the rules reading cell c are readIds[readStart[c] .. readEnd[c]). */
  private readonly readStart: Int32Array;
  private readonly readEnd: Int32Array;
  private readonly readIds: Int32Array;
  /** Per rule: its result, and for a comparison the three figures. */
  private readonly status: Uint8Array;
  private readonly stated: Float64Array;
  private readonly exact: Float64Array;
  private readonly expected: Float64Array;
  private readonly flags = new Map<number, Flag>();
  /** Per rule: how many of the cells it reads hold text, or a value not known (unevaluated). */
  private readonly textCount: Int32Array;
  /** Per cell: its figure as the session last read it (0 for a blank or a text), and if text. */
  private readonly values: Float64Array;
  private readonly textCell: Uint8Array;
  /** Per cell: 1 when its value is not known (a formula without a saved result). */
  private readonly unknownCell: Uint8Array;
  /** Per cell: 1 when it is blank. A blank stated figure states nothing: it is not 0. */
  private readonly blankCell: Uint8Array;
  /** Per rule: the cell index of its target, for the blank test. */
  private readonly targetCell: Int32Array;

  /** The claims of the rules (rule.ts `Claim`), and per rule its first two, or -1. */
  private readonly claims: Claim[] = [];
  private readonly claimA: Int32Array;
  private readonly claimB: Int32Array;
  /** Per claim: how many of its instances hold (and say something), and how many fail. */
  private readonly holds: Int32Array;
  private readonly fails: Int32Array;
  /** Per rule: its part in the tallies (NO_PART, HOLDS, FAILS). */
  private readonly part: Uint8Array;
  /** Per reported rule: the verdict its finding was built with. */
  private readonly verdicts = new Map<number, Verdict>();

  /** Rules whose result is a finding: a failed comparison or a flag. */
  private readonly reported = new Set<number>();
  private readonly suggestions = new Map<number, CandidateFix>();
  private readonly candidates: CandidateCache = new Map();
  private readonly built = new Map<number, LocatedFinding>();
  private readonly addresses = new Map<number, string[]>();
  private offByOne = false;
  private located: LocatedFinding[] | null = null;

  private readonly address: (row: number, col: number) => string;
  private readonly sheet: string;
  private readonly source: CellSource;
  private readonly suggest: boolean;
  private readonly layoutUnconfirmed: boolean;

  /** The session reads `table` as it is; it writes into it only the values passed to recheckCells. */
  constructor(
    readonly table: Table,
    options: CheckOptions = {},
  ) {
    const compiled = compileRules(table, options.kinds ?? DEFAULT_RULE_KINDS);
    const off = options.disabledRules;
    this.rules =
      off && off.size > 0
        ? compiled.rules.filter((rule) => !off.has(familyId(rule, table)))
        : compiled.rules;
    this.problems = compiled.problems;
    this.proposals = compiled.proposals;
    const layout = sheetLayout(table);
    this.address = options.addressOf ?? ((row, col) => cellAddress(layout, row, col));
    this.sheet = options.sheet ?? table.name;
    this.suggest = options.suggestions ?? true;
    this.layoutUnconfirmed = options.layoutUnconfirmed ?? false;
    const codeRowAddress =
      options.codeRowAddressOf ?? ((col: number) => `${columnLetter(col)}${layout.codeRow}`);
    this.problemFindings = compiled.problems.map((p) =>
      problemFinding(table, this.sheet, p, codeRowAddress),
    );

    const columns = (this.columnCount = table.columns.length);
    const rowCount = (this.rowCount = table.rows.length);
    const cells = rowCount * columns;
    const values = (this.values = new Float64Array(cells));
    const textCell = (this.textCell = new Uint8Array(cells));
    const blankCell = (this.blankCell = new Uint8Array(cells));
    for (let r = 0; r < rowCount; r++) {
      const row = table.rows[r].cells;
      for (let c = 0; c < columns; c++) {
        const v = row[c];
        if (typeof v === 'number') values[r * columns + c] = v;
        else if (isText(v)) textCell[r * columns + c] = 1;
        else blankCell[r * columns + c] = 1;
      }
    }
    this.source = {
      raw: (row, col) => table.rows[row]?.cells[col] ?? null,
      number: (row, col) => values[row * columns + col],
    };

    // The index: every rule's cells read once into one flat list (rule by rule, in order), then
    // sorted by cell with a counting pass — no per-rule arrays, one call of forEachRead per rule.
    const n = this.rules.length;
    const inside = (row: number, col: number) =>
      row >= 0 && row < rowCount && col >= 0 && col < columns;
    let readCells = new Int32Array(Math.max(16, n * 2));
    let readRules = new Int32Array(readCells.length);
    let reads = 0;
    let current = 0;
    const collect = (row: number, col: number): void => {
      if (!inside(row, col)) return;
      if (reads === readCells.length) {
        const grownCells = new Int32Array(reads * 2);
        grownCells.set(readCells);
        readCells = grownCells;
        const grownRules = new Int32Array(reads * 2);
        grownRules.set(readRules);
        readRules = grownRules;
      }
      readCells[reads] = row * columns + col;
      readRules[reads++] = current;
    };
    for (current = 0; current < n; current++) forEachRead(this.rules[current], collect);
    const start = (this.readStart = new Int32Array(cells + 1));
    for (let i = 0; i < reads; i++) start[readCells[i] + 1]++;
    for (let c = 0; c < cells; c++) start[c + 1] += start[c];
    const end = (this.readEnd = start.slice(0, cells));
    const ids = (this.readIds = new Int32Array(start[cells]));
    for (let i = 0; i < reads; i++) {
      const c = readCells[i];
      const id = readRules[i];
      const at = end[c];
      if (at > start[c] && ids[at - 1] === id) continue; // a rule reading a cell twice
      ids[at] = id;
      end[c] = at + 1;
    }

    const targetCell = (this.targetCell = new Int32Array(n).fill(-1));
    const claimA = (this.claimA = new Int32Array(n).fill(-1));
    const claimB = (this.claimB = new Int32Array(n).fill(-1));
    const claimIndex = new Map<Claim, number>();
    const indexOf = (claim: Claim): number => {
      let k = claimIndex.get(claim);
      if (k === undefined) {
        k = this.claims.length;
        claimIndex.set(claim, k);
        this.claims.push(claim);
      }
      return k;
    };
    for (let id = 0; id < n; id++) {
      const rule = this.rules[id];
      const ruleClaims = rule.claims;
      if (!rule.comparison && !ruleClaims) continue;
      const t = rule.target;
      if (inside(t.row, t.col)) targetCell[id] = t.row * columns + t.col;
      if (ruleClaims && ruleClaims.length > 0) {
        claimA[id] = indexOf(ruleClaims[0]);
        if (ruleClaims.length > 1) claimB[id] = indexOf(ruleClaims[1]);
      }
    }
    this.holds = new Int32Array(this.claims.length);
    this.fails = new Int32Array(this.claims.length);
    this.part = new Uint8Array(n);

    this.status = new Uint8Array(n).fill(NOT_EVALUATED);
    this.stated = new Float64Array(n);
    this.exact = new Float64Array(n);
    this.expected = new Float64Array(n);
    this.textCount = new Int32Array(n);
    const unknown = (this.unknownCell = new Uint8Array(cells));
    for (const cell of options.unevaluated ?? []) {
      if (inside(cell.row, cell.col)) unknown[cell.row * columns + cell.col] = 1;
    }
    for (let c = 0; c < cells; c++) {
      if (!textCell[c] && !unknown[c]) continue;
      for (let i = start[c]; i < end[c]; i++) this.textCount[ids[i]]++;
    }
    for (let id = 0; id < n; id++) this.update(id);
    this.suggestFor(this.reported);
  }

  /** True when the cell's value is not known (see CheckOptions.unevaluated). */
  isUnevaluated(row: number, col: number): boolean {
    const c = this.cellIndex(row, col);
    return c >= 0 && this.unknownCell[c] === 1;
  }

  /** The rules that read a cell (as input or as the stated value). */
  rulesReading(row: number, col: number): readonly Rule[] {
    const c = this.cellIndex(row, col);
    if (c < 0) return [];
    const result: Rule[] = [];
    for (let i = this.readStart[c]; i < this.readEnd[c]; i++)
      result.push(this.rules[this.readIds[i]]);
    return result;
  }

  /** The current findings: the table's problems (code row), then by row, column and kind. */
  findings(): Finding[] {
    const cells = this.locatedFindings().map((l) => l.finding);
    return this.problemFindings.length > 0 ? [...this.problemFindings, ...cells] : cells;
  }

  /** The current findings about cells (not the problems), with the table positions of their cells. */
  locatedFindings(): readonly LocatedFinding[] {
    this.located ??= this.build();
    return this.located;
  }

  /**
   * Re-runs the rules that read the given cells. A change carrying `value` is first written into
   * the table; without it the session reads the value the caller already put there.
   */
  recheckCells(cells: readonly CellChange[]): Finding[] {
    // Rule → the one changed cell it reads (for an O(1) re-evaluation), or null for several.
    const affected = new Map<number, { cell: CellRef; from: number; to: number } | null>();
    for (const change of cells) {
      const c = this.cellIndex(change.row, change.col);
      if (change.value !== undefined) {
        if (c < 0) throw new RangeError(`Ô (${change.row}, ${change.col}) nằm ngoài biểu`);
        this.table.rows[change.row].cells[change.col] = change.value;
      }
      if (c < 0) continue;
      const raw = this.table.rows[change.row].cells[change.col];
      // A value written into a cell whose value was not known makes it known: the rules reading
      // it are evaluated again, from scratch.
      const wasUnknown = this.unknownCell[c] === 1;
      if (wasUnknown) this.unknownCell[c] = 0;
      const text = isText(raw) ? 1 : 0;
      const to = typeof raw === 'number' ? raw : 0;
      const from = this.values[c];
      const wasText = this.textCell[c];
      const wasBlank = this.blankCell[c];
      const blank = text || typeof raw === 'number' ? 0 : 1;
      this.blankCell[c] = blank;
      // A text replaced by another text still changes the not-a-number finding's message; a 0
      // made blank (or a blank made 0) no longer states (or now states) a figure.
      if (
        !wasUnknown &&
        from === to &&
        wasText === text &&
        wasBlank === blank &&
        !text &&
        !Object.is(from, NaN)
      )
        continue;
      this.values[c] = to;
      this.textCell[c] = text;
      const blocked = wasText || wasUnknown ? 1 : 0;
      const sameKind = blocked === text;
      for (let i = this.readStart[c]; i < this.readEnd[c]; i++) {
        const id = this.readIds[i];
        if (!sameKind) this.textCount[id] += text - blocked;
        affected.set(
          id,
          affected.has(id) || !sameKind || text
            ? null
            : { cell: { row: change.row, col: change.col }, from, to },
        );
      }
    }
    if (affected.size === 0) return this.findings();

    for (const [id, one] of affected) {
      if (one) this.reevaluate(id, one.cell, one.from, one.to);
      else this.update(id);
    }
    // A failing rule's suggestion depends on the rules reading its cells: re-run the search for
    // the failing rules that share a cell with a re-evaluated rule, and forget the candidates
    // found at those cells.
    if (this.suggest) {
      const near = new Set<number>();
      const visit = (row: number, col: number): void => {
        const c = row * this.columnCount + col;
        if (c < 0 || c >= this.values.length) return;
        this.candidates.delete(c);
        for (let i = this.readStart[c]; i < this.readEnd[c]; i++) {
          const id = this.readIds[i];
          if (this.status[id] === FAIL) near.add(id);
        }
      };
      for (const id of affected.keys()) forEachRead(this.rules[id], visit);
      this.suggestFor(near);
    }
    return this.findings();
  }

  // -------------------------------------------------------------------------------------------

  private cellIndex(row: number, col: number): number {
    if (row < 0 || row >= this.rowCount || col < 0 || col >= this.columnCount) return -1;
    return row * this.columnCount + col;
  }

  /** A rule is not evaluated when a cell it reads holds text (unless it is about text). */
  private evaluate(id: number, source: CellSource): Evaluation {
    const rule = this.rules[id];
    if (!rule.acceptsText && this.textCount[id] > 0) return SKIPPED_TEXT;
    const target = this.targetCell[id];
    if (rule.comparison && target >= 0 && this.blankCell[target] === 1 && source === this.source)
      return SKIPPED_BLANK;
    return rule.evaluate(source);
  }

  /** The rule's current result as an Evaluation (built on demand: results live in arrays). */
  private current(id: number): Evaluation {
    switch (this.status[id]) {
      case PASS:
      case FAIL:
        return {
          status: this.status[id] === PASS ? 'pass' : 'fail',
          stated: this.stated[id],
          exact: this.exact[id],
          expected: this.expected[id],
        };
      case SKIP_TEXT:
        return SKIPPED_TEXT;
      case SKIP_DIVISION:
        return SKIPPED_DIVISION;
      case SKIP_BLANK:
        return SKIPPED_BLANK;
      case FLAG:
        return this.flags.get(id)!;
      default:
        return this.evaluate(id, this.source);
    }
  }

  private update(id: number): void {
    this.store(id, this.evaluate(id, this.source));
  }

  /** After one cell changed: from the previous sum when the rule can, else in full. */
  private reevaluate(id: number, cell: CellRef, from: number, to: number): void {
    const rule = this.rules[id];
    const status = this.status[id];
    const target = this.targetCell[id];
    const blank = target >= 0 && this.blankCell[target] === 1;
    if (
      rule.reevaluate &&
      !blank &&
      (status === PASS || status === FAIL) &&
      this.textCount[id] === 0
    ) {
      const next = rule.reevaluate(this.current(id) as Compared, cell, from, to);
      // A failure is reported with figures exactly as a full check computes them.
      if (next.status === 'pass') return this.store(id, next);
    }
    this.update(id);
  }

  private store(id: number, e: Evaluation): void {
    const before = this.status[id];
    let after: number;
    switch (e.status) {
      case 'pass':
      case 'fail':
        after = e.status === 'pass' ? PASS : FAIL;
        this.stated[id] = e.stated;
        this.exact[id] = e.exact;
        this.expected[id] = e.expected;
        break;
      case 'skip':
        after = e.reason === 'text' ? SKIP_TEXT : e.reason === 'blank' ? SKIP_BLANK : SKIP_DIVISION;
        break;
      case 'flag':
        after = FLAG;
        this.flags.set(id, e);
        break;
    }
    this.status[id] = after;
    this.tally(id, after);
    const was = before === FAIL || before === FLAG;
    const is = after === FAIL || after === FLAG;
    if (!was && !is) return;
    if (is) this.reported.add(id);
    else {
      this.reported.delete(id);
      this.suggestions.delete(id);
      this.verdicts.delete(id);
      if (before === FLAG) this.flags.delete(id);
    }
    this.built.delete(id);
    this.located = null;
  }

  /** Moves the rule's part in the tallies of its claims to what its new result says. */
  private tally(id: number, status: number): void {
    const a = this.claimA[id];
    if (a < 0) return;
    // An instance that holds says something unless it is blank, or a sum of zeros equal to zero.
    const target = this.targetCell[id];
    const trivial =
      (target >= 0 && this.blankCell[target] === 1) ||
      (this.rules[id].comparison !== null &&
        Math.abs(this.stated[id]) < 1e-12 &&
        Math.abs(this.exact[id]) < 1e-12);
    const ownFlag = status === FLAG && this.flags.get(id)?.kind !== undefined;
    const now = ownFlag
      ? NO_PART
      : status === FAIL || status === FLAG
        ? FAILS
        : status === PASS && !trivial
          ? HOLDS
          : NO_PART;
    const before = this.part[id];
    if (now === before) return;
    this.part[id] = now;
    const b = this.claimB[id];
    this.move(a, before, now);
    if (b >= 0) this.move(b, before, now);
    // A verdict reads the tallies: the findings are judged again when they are next asked for.
    this.located = null;
  }

  private move(k: number, before: number, now: number): void {
    if (before === HOLDS) this.holds[k]--;
    else if (before === FAILS) this.fails[k]--;
    if (now === HOLDS) this.holds[k]++;
    else if (now === FAILS) this.fails[k]++;
  }

  private tallyOf(k: number): ClaimTally {
    return { holds: this.holds[k], fails: this.fails[k] };
  }

  /** How far the failing rule is believed (evidence.ts). */
  private verdict(id: number, base: Severity, cause: Cause): Verdict {
    const rule = this.rules[id];
    const a = this.claimA[id];
    if (a < 0) return { severity: base, evidence: '' };
    const b = this.claimB[id];
    const tallies = b >= 0 ? [this.tallyOf(a), this.tallyOf(b)] : [this.tallyOf(a)];
    return verdictOn(rule.claims, tallies, {
      base,
      layoutUnconfirmed: this.layoutUnconfirmed,
      slip: cause === 'transposition' || cause === 'typo' || cause === 'sign',
      unitFactor: rule.comparison && cause === null ? unitFactor(this.mismatch(id)) : null,
      oneFixFor: this.suggestions.get(id)?.fixes ?? 0,
      looksLikeAverage: () => {
        const members: number[] = [];
        let first = true;
        forEachRead(rule, (row, col) => {
          if (first) first = false;
          else members.push(this.values[row * this.columnCount + col]);
        });
        return liesAmongMembers(this.stated[id], members);
      },
    });
  }

  /** A row with no figure at all is a heading: its blank cells are not for filling in. */
  private holdsFigures(row: number): boolean {
    const r = this.table.rows[row];
    return r !== undefined && r.role !== 'group' && r.cells.some((v) => typeof v === 'number');
  }

  /** Whether a column holds a negative figure anywhere (a difference, a balance), or only counts. */
  private holdsNegative(col: number): boolean {
    for (let r = 0; r < this.table.rows.length; r++)
      if (this.values[r * this.columnCount + col] < 0) return true;
    return false;
  }

  private suggestFor(ids: Iterable<number>): void {
    if (!this.suggest) return;
    const failing: number[] = [];
    for (const id of ids) if (this.status[id] === FAIL) failing.push(id);
    if (failing.length === 0) return;
    const found = findSuggestions(
      failing,
      {
        rules: this.rules,
        source: this.source,
        readers: (row, col) => {
          const c = this.cellIndex(row, col);
          return c < 0 ? [] : this.readIds.subarray(this.readStart[c], this.readEnd[c]);
        },
        current: (id) => this.current(id),
        fails: (id) => this.status[id] === FAIL,
        evaluate: (id, source) => this.evaluate(id, source),
        decimalsOf: (col) => this.table.columns[col]?.decimals ?? 0,
        proposable: (row, col, value, from) =>
          (from !== null || this.holdsFigures(row)) && (value >= 0 || this.holdsNegative(col)),
      },
      this.candidates,
      (row, col) => row * this.columnCount + col,
    );
    for (const id of failing) {
      const fix = found.get(id);
      const had = this.suggestions.get(id);
      if (fix === had || (fix && had && sameFix(fix, had))) continue;
      if (fix) this.suggestions.set(id, fix);
      else this.suggestions.delete(id);
      this.built.delete(id);
      this.located = null;
    }
  }

  /** The findings from the current results; a finding is rebuilt only when its rule changed. */
  private build(): LocatedFinding[] {
    // A miss of 1 on integer sums reads as rounding only when several row formulas show it.
    let ones = 0;
    for (const id of this.reported) {
      if (this.status[id] === FAIL && isOffByOne(this.mismatch(id))) ones++;
    }
    const offByOne = ones >= OFF_BY_ONE_PATTERN;
    if (offByOne !== this.offByOne) {
      this.offByOne = offByOne;
      this.built.clear();
    }
    const located: LocatedFinding[] = [];
    for (const id of this.reported) {
      let l = this.built.get(id);
      let verdict: Verdict | null = null;
      if (this.status[id] === FAIL) {
        verdict = this.judge(id);
        const had = this.verdicts.get(id);
        if (!had || had.severity !== verdict.severity || had.evidence !== verdict.evidence) {
          this.verdicts.set(id, verdict);
          l = undefined;
        }
        // Not established: the claim is not believed, the failure not reported.
        if (verdict.severity === null) continue;
      }
      if (this.status[id] === FLAG && this.claimA[id] >= 0) {
        // A flag of a claim (a text in a figure column): its evidence follows the tallies.
        const flag = this.flags.get(id)!;
        // A flag that says its own why is judged by it; the column's tally is not its evidence.
        verdict =
          flag.evidence !== undefined
            ? { severity: flag.severity ?? 'error', evidence: flag.evidence ?? '' }
            : this.verdict(id, flag.severity ?? 'error', null);
        const had = this.verdicts.get(id);
        if (!had || had.evidence !== verdict.evidence || had.severity !== verdict.severity) {
          this.verdicts.set(id, verdict);
          l = undefined;
        }
      }
      if (!l) {
        l = this.locate(id, verdict);
        this.built.set(id, l);
      }
      located.push(l);
    }
    located.sort(
      (a, b) =>
        a.target.row - b.target.row ||
        a.target.col - b.target.col ||
        KIND_ORDER.get(a.finding.kind)! - KIND_ORDER.get(b.finding.kind)!,
    );
    return located;
  }

  private mismatch(id: number): Mismatch {
    const rule = this.rules[id];
    return {
      kind: rule.kind,
      actual: this.stated[id],
      expected: this.expected[id],
      exact: this.exact[id],
      comparison: rule.comparison!,
    };
  }

  /** The verdict on a failing rule, from its cause and the evidence of its claims. */
  private judge(id: number): Verdict {
    const m = this.mismatch(id);
    const c = m.comparison;
    const cause = classifyCause(m, { offByOnePattern: this.offByOne });
    // A rounding slip is a warning.
    const base = cause === 'rounding' && c.shape === 'sum' && !c.integers ? 'warning' : 'error';
    return this.verdict(id, base, cause);
  }

  private locate(id: number, verdict: Verdict | null): LocatedFinding {
    const rule = this.rules[id];
    if (this.status[id] === FLAG) {
      const flag = this.flags.get(id)!;
      return this.finding(id, {
        severity: verdict?.severity ?? flag.severity ?? 'error',
        evidence: verdict?.evidence ?? flag.evidence ?? '',
        cause: null,
        expected: null,
        actual: null,
        difference: null,
        message: flag.message
          ? flag.message.replace(/\{(\d+)\}/g, (_, k: string) => {
              const cell = flag.cells?.[Number(k)];
              return cell ? this.address(cell.row, cell.col) : '';
            })
          : notANumberMessage(this.address(rule.target.row, rule.target.col), flag.text),
        suggestion: null,
      });
    }
    const m = this.mismatch(id);
    const c = m.comparison;
    const cause = classifyCause(m, { offByOnePattern: this.offByOne });
    const judged = verdict ?? this.judge(id);
    const places = Math.max(decimalsNeeded(m.actual), decimalsNeeded(m.expected), c.decimals);
    return this.finding(id, {
      severity: judged.severity ?? 'review',
      evidence: judged.evidence,
      cause,
      expected: m.expected,
      actual: m.actual,
      difference: roundTo(m.actual - m.expected, places),
      message: mismatchMessage(rule.description, { ...m, cause }),
      suggestion: this.suggestion(this.suggestions.get(id)),
    });
  }

  private finding(
    id: number,
    facts: Pick<
      Finding,
      | 'severity'
      | 'evidence'
      | 'cause'
      | 'expected'
      | 'actual'
      | 'difference'
      | 'message'
      | 'suggestion'
    >,
  ): LocatedFinding {
    const rule = this.rules[id];
    const target = rule.target;
    const cell = this.address(target.row, target.col);
    let cells = this.addresses.get(id);
    if (!cells) {
      cells = rule.reads.map((c) => this.address(c.row, c.col));
      this.addresses.set(id, cells);
    }
    const kind = (this.status[id] === FLAG && this.flags.get(id)?.kind) || rule.kind;
    const finding: Finding = {
      id: `${this.table.name}:${kind}:${cell}`,
      severity: facts.severity,
      kind,
      cause: facts.cause,
      table: this.table.name,
      sheet: this.sheet,
      cell,
      cells: [...cells],
      expected: facts.expected,
      actual: facts.actual,
      difference: facts.difference,
      message: facts.message,
      evidence: facts.evidence,
      suggestion: facts.suggestion,
    };
    return { finding, target, reads: rule.reads };
  }

  private suggestion(fix: CandidateFix | undefined): Finding['suggestion'] {
    if (!fix) return null;
    const address = this.address(fix.cell.row, fix.cell.col);
    const decimals = this.table.columns[fix.cell.col]?.decimals ?? 0;
    return {
      cell: address,
      value: fix.value,
      reason: suggestionReason({
        address,
        from: fix.from,
        to: fix.value,
        decimals,
        fixes: fix.fixes,
        slip: fix.slip,
      }),
    };
  }
}

function forEachRead(rule: Rule, visit: (row: number, col: number) => void): void {
  if (rule.forEachRead) rule.forEachRead(visit);
  else for (const cell of rule.reads) visit(cell.row, cell.col);
}

function sameFix(a: CandidateFix, b: CandidateFix): boolean {
  return (
    a.cell.row === b.cell.row &&
    a.cell.col === b.cell.col &&
    a.value === b.value &&
    a.from === b.from &&
    a.fixes === b.fixes &&
    a.slip === b.slip
  );
}

/** Checks a table once: every finding, the table's problems first, then by row and column. */
export function checkTable(table: Table, options: CheckOptions = {}): Finding[] {
  return new CheckSession(table, options).findings();
}
