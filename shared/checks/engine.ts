/**
 * The check engine: compiles a table into rules, keeps an index from each cell to the rules that
 * read it, evaluates the rules and turns failures into findings with causes and suggestions.
 *
 * `checkTable` is the one-shot form (CLI, import). `CheckSession` is the live form (the grid):
 * after an edit, `recheckCells` re-runs only the rules that read the edited cells. A change to
 * the table's structure (rows, roles, columns, formulas) needs a new session.
 */
import { decimalsNeeded, roundDecimal } from '../numbers';
import { cellAddress, sheetLayout } from '../layout';
import type { CellValue, Table } from '../model';
import { classifyCause, hasOffByOnePattern, type Mismatch } from './causes';
import { FINDING_KINDS, type Finding, type Severity } from './finding';
import { mismatchMessage, notANumberMessage, suggestionReason } from './messages';
import { cellKey, isText, type CellRef, type CellSource, type Evaluation, type Rule } from './rule';
import { compileRules, DEFAULT_RULE_KINDS, type RuleKind } from './rules';
import { findSuggestions, type CandidateCache, type CandidateFix } from './suggestions';
import type { CompileProblem } from './table-context';

export type { Finding } from './finding';

export interface CheckOptions {
  /**
   * The A1 address of a cell; by default the address it has on the exported sheet
   * (shared/layout.ts). The importer passes the source file's own addresses.
   */
  addressOf?: (rowIndex: number, colIndex: number) => string;
  /** The sheet named in findings; by default the table's name. */
  sheet?: string;
  /** The kinds of rules to compile; by default all of them. */
  kinds?: readonly RuleKind[];
  /** Search one-cell suggestions for failures (default true). */
  suggestions?: boolean;
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

export class CheckSession {
  readonly rules: readonly Rule[];
  /** Parts of the table's definition that could not be compiled into rules. */
  readonly problems: readonly CompileProblem[];
  private readonly index = new Map<number, Rule[]>();
  private readonly results = new Map<Rule, Evaluation>();
  /** Rules whose result is a finding: a failed comparison or a flag. */
  private readonly reported = new Set<Rule>();
  private readonly suggestions = new Map<Rule, CandidateFix>();
  private readonly candidates: CandidateCache = new Map();
  private readonly addresses = new Map<Rule, string[]>();
  private readonly address: (row: number, col: number) => string;
  private readonly sheet: string;
  private readonly source: CellSource;
  private readonly suggest: boolean;
  private located: LocatedFinding[] = [];

  /** The session reads `table` as it is; it writes into it only the values passed to recheckCells. */
  constructor(
    readonly table: Table,
    options: CheckOptions = {},
  ) {
    const compiled = compileRules(table, options.kinds ?? DEFAULT_RULE_KINDS);
    this.rules = compiled.rules;
    this.problems = compiled.problems;
    const layout = sheetLayout(table);
    this.address = options.addressOf ?? ((row, col) => cellAddress(layout, row, col));
    this.sheet = options.sheet ?? table.name;
    this.suggest = options.suggestions ?? true;
    this.source = {
      raw: (row, col) => table.rows[row]?.cells[col] ?? null,
      number: (row, col) => {
        const v = table.rows[row]?.cells[col];
        return typeof v === 'number' ? v : 0;
      },
    };
    for (const rule of this.rules) {
      for (const cell of rule.reads) {
        const key = cellKey(cell.row, cell.col);
        const list = this.index.get(key);
        if (!list) this.index.set(key, [rule]);
        else if (list[list.length - 1] !== rule) list.push(rule);
      }
      this.update(rule);
    }
    this.suggestFor(this.reported);
    this.refresh();
  }

  /** The rules that read a cell (as input or as the stated value). */
  rulesReading(row: number, col: number): readonly Rule[] {
    return this.index.get(cellKey(row, col)) ?? [];
  }

  /** The current findings, ordered by row, then column, then kind. */
  findings(): Finding[] {
    return this.located.map((l) => l.finding);
  }

  /** The current findings with the table positions of their cells. */
  locatedFindings(): readonly LocatedFinding[] {
    return this.located;
  }

  /**
   * Re-runs the rules that read the given cells. A change carrying `value` is first written into
   * the table; without it the session reads the value the caller already put there.
   */
  recheckCells(cells: readonly CellChange[]): Finding[] {
    const affected = new Set<Rule>();
    for (const cell of cells) {
      if (cell.value !== undefined) {
        const row = this.table.rows[cell.row];
        if (!row || cell.col < 0 || cell.col >= this.table.columns.length) {
          throw new RangeError(`Ô (${cell.row}, ${cell.col}) nằm ngoài biểu`);
        }
        row.cells[cell.col] = cell.value;
      }
      for (const rule of this.rulesReading(cell.row, cell.col)) affected.add(rule);
    }
    for (const rule of affected) this.update(rule);
    // A failing rule's suggestion depends on the rules reading its cells: re-run the search for
    // the failing rules that share a cell with a re-evaluated rule, and forget the candidates
    // found at those cells.
    const near = new Set<Rule>();
    for (const rule of affected) {
      for (const cell of rule.reads) {
        this.candidates.delete(cellKey(cell.row, cell.col));
        for (const other of this.rulesReading(cell.row, cell.col)) {
          if (this.reported.has(other)) near.add(other);
        }
      }
    }
    this.suggestFor(near);
    this.refresh();
    return this.findings();
  }

  /** A rule is not evaluated when a cell it reads holds text (unless it is about text). */
  private evaluate(rule: Rule, source: CellSource): Evaluation {
    if (!rule.acceptsText) {
      for (const cell of rule.reads) {
        if (isText(source.raw(cell.row, cell.col))) return { status: 'skip', reason: 'text' };
      }
    }
    return rule.evaluate(source);
  }

  private update(rule: Rule): void {
    const result = this.evaluate(rule, this.source);
    this.results.set(rule, result);
    if (result.status === 'fail' || result.status === 'flag') this.reported.add(rule);
    else {
      this.reported.delete(rule);
      this.suggestions.delete(rule);
    }
  }

  private suggestFor(rules: Iterable<Rule>): void {
    if (!this.suggest) return;
    const failing = [...rules].filter((r) => this.results.get(r)!.status === 'fail');
    for (const rule of failing) this.suggestions.delete(rule);
    const found = findSuggestions(
      failing,
      {
        source: this.source,
        rulesReading: (cell) => this.rulesReading(cell.row, cell.col),
        current: (rule) => this.results.get(rule)!,
        evaluate: (rule, source) => this.evaluate(rule, source),
        decimalsOf: (col) => this.table.columns[col]?.decimals ?? 0,
      },
      this.candidates,
    );
    for (const [rule, fix] of found) this.suggestions.set(rule, fix);
  }

  /** Rebuilds the findings from the current results; causes depend on the table as a whole. */
  private refresh(): void {
    const mismatches = new Map<Rule, Mismatch>();
    for (const rule of this.reported) {
      const r = this.results.get(rule)!;
      if (r.status === 'fail' && rule.comparison) {
        mismatches.set(rule, {
          kind: rule.kind,
          actual: r.stated,
          expected: r.expected,
          exact: r.exact,
          comparison: rule.comparison,
        });
      }
    }
    const offByOnePattern = hasOffByOnePattern([...mismatches.values()]);

    const located: LocatedFinding[] = [];
    for (const rule of this.reported) {
      const r = this.results.get(rule)!;
      const m = mismatches.get(rule);
      if (m) {
        const cause = classifyCause(m, { offByOnePattern });
        const c = m.comparison;
        const severity: Severity =
          cause === 'rounding' && c.shape === 'sum' && !c.integers ? 'warning' : 'error';
        const places = Math.max(decimalsNeeded(m.actual), decimalsNeeded(m.expected), c.decimals);
        located.push(
          this.locate(rule, {
            severity,
            cause,
            expected: m.expected,
            actual: m.actual,
            difference: roundDecimal(m.actual - m.expected, places),
            message: mismatchMessage(rule.description, { ...m, cause }),
            suggestion: this.suggestion(this.suggestions.get(rule)),
          }),
        );
      } else if (r.status === 'flag') {
        located.push(
          this.locate(rule, {
            severity: 'error',
            cause: null,
            expected: null,
            actual: null,
            difference: null,
            message: notANumberMessage(this.address(rule.target.row, rule.target.col), r.text),
            suggestion: null,
          }),
        );
      }
    }
    located.sort(
      (a, b) =>
        a.target.row - b.target.row ||
        a.target.col - b.target.col ||
        KIND_ORDER.get(a.finding.kind)! - KIND_ORDER.get(b.finding.kind)!,
    );
    this.located = located;
  }

  private locate(
    rule: Rule,
    facts: Pick<
      Finding,
      'severity' | 'cause' | 'expected' | 'actual' | 'difference' | 'message' | 'suggestion'
    >,
  ): LocatedFinding {
    const cell = this.address(rule.target.row, rule.target.col);
    let cells = this.addresses.get(rule);
    if (!cells) {
      cells = rule.reads.map((c) => this.address(c.row, c.col));
      this.addresses.set(rule, cells);
    }
    const finding: Finding = {
      id: `${this.table.name}:${rule.kind}:${cell}`,
      severity: facts.severity,
      kind: rule.kind,
      cause: facts.cause,
      table: this.table.name,
      sheet: this.sheet,
      cell,
      cells: [...cells],
      expected: facts.expected,
      actual: facts.actual,
      difference: facts.difference,
      message: facts.message,
      suggestion: facts.suggestion,
    };
    return { finding, target: rule.target, reads: rule.reads };
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

/** Checks a table once: every finding, ordered by row, then column. */
export function checkTable(table: Table, options: CheckOptions = {}): Finding[] {
  return new CheckSession(table, options).findings();
}
