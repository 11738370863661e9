/**
 * Checks across the tables of a document (links between tables, user rules): the same
 * quantity in two tables agrees per unit — each commune, and the totals — matched by unit key
 * (units-of-table.ts). A link says "column c of table X equals column d of table Y"; a user rule
 * says the same, or more, in the column-code notation ("B2.6 = B1.11", user-rule.ts). Both are
 * compiled into one form, a document rule: a relation between two formulas over cells of one or
 * more tables, checked on every unit the tables share (or on every row, for a rule within one
 * table).
 *
 * `checkDocument` is the one-shot form; `DocumentSession` the live one: it holds a CheckSession
 * per table, and after an edit re-evaluates the table's own rules and, across tables, only the
 * units of the edited rows.
 *
 * Which side is wrong? A link knows only that two figures differ. When one of them is also read
 * by a failing rule of its own table (a row that no longer adds up) and the other is not, the
 * finding is put on that one; else on the link's `to` side. When the two figures are one typing
 * slip apart (swapped digits, one digit), the other figure is suggested.
 */
import { isFigureColumn, type Table } from '../model';
import { cellAddress, sheetLayout } from '../layout';
import { decimalsNeeded, formatNumber } from '../numbers';
import { TOTAL_KEY } from '../units';
import { classifyCause, digitString, isAdjacentSwap } from './causes';
import { damerauLevenshtein } from './edit-distance';
import { CheckSession, type CellChange, type CheckOptions } from './engine';
import type { Cause, Finding, Severity } from './finding';
import { evaluateFormula, formulaCodes, hasDivision, type FormulaNode } from './formula';
import { clean } from './linear-rule';
import { documentMismatchMessage, documentProblemMessage, slipSuggestionReason } from './messages';
import type { FormulaProposal } from './proposal';
import { halfUnit, isText, sumTolerance, type Comparison } from './rule';
import { roundTo } from './rounding';
import { tableUnits, type TableUnits } from './units-of-table';
import { resolveTable } from './table-names';
import { parseUserRule } from './user-rule';

/** A column of a table of the document: the table by name (or code, "B2"), the column by code or index. */
export interface ColumnRef {
  table: string;
  column: string | number;
}

/** Column `to.column` of table `to.table` equals column `from.column` of `from.table`, unit by unit. */
export interface TableLink {
  from: ColumnRef;
  to: ColumnRef;
  /** 'error' for a rule of the document (default); 'warning' for a link found, not accepted. */
  severity?: Severity;
}

/** A rule typed in the column-code notation, within a table or across tables (user-rule.ts). */
export interface UserRule {
  text: string;
  /** The table the rule is typed in: unqualified codes ("6 = 1+2") are its columns. */
  table?: string;
  severity?: Severity;
}

export interface DocumentOptions {
  /** Options per table: addresses, sheet names (the source file's own for Excel input). */
  tableOptions?: (table: Table, index: number) => CheckOptions;
  /** Rules typed by the user. */
  userRules?: readonly UserRule[];
  /**
   * Also check the links `discoverLinks` proposes, as warnings: for `bieu check` on an Excel
   * file, where no one is there to accept them.
   */
  discover?: boolean;
  /** Search suggestions (default true). */
  suggestions?: boolean;
}

/** A link the figures suggest: two columns that agree on most of the units two tables share. */
export interface LinkProposal {
  link: TableLink;
  /** Units both tables have (totals included), units where both cells hold figures, where they agree. */
  sharedUnits: number;
  compared: number;
  agreeing: number;
  disagreements: LinkDisagreement[];
  /** In Vietnamese, for the rules view. */
  message: string;
}

export interface LinkDisagreement {
  unit: string;
  /** The unit as the `to` table writes it. */
  label: string | null;
  fromValue: number;
  toValue: number;
  /** The unit's row in the `from` table and in the `to` table (indexes). */
  fromRow: number;
  toRow: number;
  cause: Cause;
  /**
   * When one figure is a typing slip of the other: the change that makes them agree, and which
   * side of the link it is on.
   */
  suggestion: { table: string; cell: string; value: number; side: 'from' | 'to' } | null;
}

// ---------------------------------------------------------------------------------------------
// Document rules

interface DocRef {
  table: number;
  col: number;
}

interface DocRule {
  kind: 'cross-table' | 'user-rule';
  severity: Severity;
  /** The rule as typed, for user rules; null for links. */
  text: string | null;
  refs: DocRef[];
  /** Formulas whose codes are indexes into `refs` ("0", "1" …). */
  lhs: FormulaNode;
  rhs: FormulaNode;
  relation: '=' | '<=' | '>=';
  /** The ref stating the checked value: the first one of the left-hand side. */
  target: number;
  /** Why a link no one accepted is checked: "hai cột khớp nhau ở 167/170 đơn vị". */
  basis: string | null;
  /** The other ref when both sides are a single cell (a link): it may be the one to blame. */
  other: number | null;
  tables: number[];
  ratio: boolean;
}

type Outcome =
  | { status: 'pass' | 'skip' }
  | {
      status: 'fail';
      /** The ref the finding is put on, and the value the rule gives it. */
      at: number;
      actual: number;
      expected: number;
      exact: number;
    };

function refNode(i: number): FormulaNode {
  return { type: 'code', code: String(i) };
}

function columnIndex(table: Table, column: string | number): number {
  if (typeof column === 'number') return column >= 0 && column < table.columns.length ? column : -1;
  const want = column.replace(/[\s()]/g, '');
  return table.columns.findIndex((c) => c.code.replace(/[\s()]/g, '') === want);
}

function columnCode(table: Table, col: number): string {
  const code = table.columns[col].code.trim();
  return code !== '' ? code : String(col + 1);
}

export class DocumentSession {
  readonly sessions: CheckSession[];
  private readonly units: TableUnits[];
  private readonly rules: DocRule[] = [];
  /** Problems of links and user rules, as findings. */
  private readonly ruleProblems: Finding[] = [];
  /** Failing units by `${rule}|${unit}`, with the table position of the finding's cell. */
  private readonly results = new Map<
    string,
    { finding: Finding; table: number; row: number; col: number }
  >();
  private readonly addresses: ((row: number, col: number) => string)[];
  private readonly sheets: string[];
  private readonly suggest: boolean;
  private linkProposals: LinkProposal[] | null = null;

  constructor(
    readonly tables: readonly Table[],
    readonly links: readonly TableLink[] = [],
    private readonly options: DocumentOptions = {},
  ) {
    this.suggest = options.suggestions ?? true;
    this.sessions = tables.map((t, i) => {
      const own = options.tableOptions?.(t, i) ?? {};
      return new CheckSession(t, { suggestions: this.suggest, ...own });
    });
    this.addresses = tables.map((t, i) => {
      const own = options.tableOptions?.(t, i)?.addressOf;
      if (own) return own;
      const layout = sheetLayout(t);
      return (row, col) => cellAddress(layout, row, col);
    });
    this.sheets = tables.map((t, i) => options.tableOptions?.(t, i)?.sheet ?? t.name);
    this.units = tables.map(tableUnits);
    for (const link of links) this.addLink(link, link.severity ?? 'error');
    for (const rule of options.userRules ?? []) this.addUserRule(rule);
    if (options.discover) {
      // With no one to accept them, only links the figures establish firmly are checked: two
      // columns that agree on most units but not nearly all are two quantities, not one.
      for (const p of this.proposals().links) {
        if (!firmlyEstablished(p)) continue;
        this.addLink(p.link, 'warning', `hai cột khớp nhau ở ${p.agreeing}/${p.compared} đơn vị`);
      }
    }
    this.rules.forEach((_, i) => this.evaluateRule(i));
  }

  /** Every finding: each table's own, in table order, then the rules across tables. */
  findings(): Finding[] {
    const across = [...this.results.values()]
      .sort((a, b) => a.table - b.table || a.row - b.row || a.col - b.col)
      .map((r) => r.finding);
    const all = [...this.sessions.flatMap((s) => s.findings()), ...this.ruleProblems, ...across];
    // Two rules across tables may fail at the same cell: keep ids unique for the UI.
    const seen = new Map<string, number>();
    return all.map((f) => {
      const n = (seen.get(f.id) ?? 0) + 1;
      seen.set(f.id, n);
      return n === 1 ? f : { ...f, id: `${f.id}#${n}` };
    });
  }

  /** Rules the figures suggest: formulas of "Tổng" columns, and links between tables. */
  proposals(): { formulas: FormulaProposal[]; links: LinkProposal[] } {
    this.linkProposals ??= discoverLinks(this.tables, {
      exclude: this.links,
      suspect: (t, row, col) => this.suspect(t, row, col),
    });
    return { formulas: this.sessions.flatMap((s) => [...s.proposals]), links: this.linkProposals };
  }

  /** Re-checks after cells of one table changed (see CheckSession.recheckCells). */
  recheckCells(table: number | string, changes: readonly CellChange[]): Finding[] {
    const t = typeof table === 'number' ? table : this.tableIndex(table);
    if (t < 0) throw new RangeError(`Không có biểu «${table}»`);
    this.sessions[t].recheckCells(changes);
    this.linkProposals = null;
    const target = this.tables[t];
    if (changes.some((c) => target.columns[c.col]?.type === 'text')) {
      // A unit's name changed: the matching of units changes with it.
      this.units[t] = tableUnits(target);
      this.rules.forEach((rule, i) => {
        if (rule.tables.includes(t)) this.evaluateRule(i);
      });
      return this.findings();
    }
    const again = new Set<string>();
    this.rules.forEach((rule, i) => {
      if (!rule.tables.includes(t)) return;
      for (const c of changes) {
        if (!rule.refs.some((ref) => ref.table === t && ref.col === c.col)) continue;
        const unit = rule.tables.length === 1 ? `#${c.row}` : this.units[t].keyOf[c.row];
        if (unit !== null) again.add(`${i}|${unit}`);
      }
    });
    // Which side of a failing link is to blame depends on the tables' own findings.
    for (const key of this.results.keys()) again.add(key);
    for (const key of again) {
      const bar = key.indexOf('|');
      this.evaluateUnit(Number(key.slice(0, bar)), key.slice(bar + 1));
    }
    return this.findings();
  }

  // -------------------------------------------------------------------------------------------

  private tableIndex(name: string): number {
    return this.tables.findIndex((t) => t.name === name);
  }

  private resolve(ref: ColumnRef): DocRef | string {
    return resolveColumn(this.tables, ref);
  }

  private problem(
    kind: 'cross-table' | 'user-rule',
    text: string,
    message: string,
    table?: string,
  ) {
    const name = table ?? '';
    this.ruleProblems.push({
      id: `${name}:${kind}:${text}`,
      severity: 'warning',
      kind,
      cause: null,
      table: name,
      sheet: name,
      cell: '',
      cells: [],
      expected: null,
      actual: null,
      difference: null,
      message: documentProblemMessage(text, message),
      evidence: '',
      suggestion: null,
    });
  }

  private addLink(link: TableLink, severity: Severity, basis: string | null = null): void {
    const text = `${link.to.table}.${link.to.column} = ${link.from.table}.${link.from.column}`;
    const to = this.resolve(link.to);
    const from = this.resolve(link.from);
    if (typeof to === 'string' || typeof from === 'string') {
      this.problem('cross-table', text, typeof to === 'string' ? to : (from as string));
      return;
    }
    this.rules.push({
      kind: 'cross-table',
      severity,
      text: null,
      refs: [to, from],
      lhs: refNode(0),
      rhs: refNode(1),
      relation: '=',
      target: 0,
      other: 1,
      tables: to.table === from.table ? [to.table] : [to.table, from.table],
      ratio: false,
      basis,
    });
  }

  private addUserRule(rule: UserRule): void {
    const compiled = compileUserRule(this.tables, rule);
    if ('problem' in compiled) {
      this.problem('user-rule', rule.text.trim(), compiled.problem, compiled.table);
      return;
    }
    this.rules.push(compiled.rule);
  }

  /** The units a rule is checked on: rows of its table, or the unit keys all its tables share. */
  private unitsOf(rule: DocRule): string[] {
    if (rule.tables.length === 1) {
      const t = rule.tables[0];
      return this.tables[t].rows.flatMap((row, r) => (row.role === 'group' ? [] : [`#${r}`]));
    }
    const [first, ...rest] = rule.tables;
    const keys: string[] = [];
    for (const key of this.units[first].rowOf.keys()) {
      if (rest.every((t) => this.units[t].rowOf.has(key))) keys.push(key);
    }
    return keys;
  }

  private rowOf(rule: DocRule, table: number, unit: string): number | undefined {
    if (rule.tables.length === 1) return Number(unit.slice(1));
    return this.units[table].rowOf.get(unit);
  }

  private evaluateRule(i: number): void {
    for (const key of [...this.results.keys()])
      if (key.startsWith(`${i}|`)) this.results.delete(key);
    for (const unit of this.unitsOf(this.rules[i])) this.evaluateUnit(i, unit);
  }

  private evaluateUnit(i: number, unit: string): void {
    const key = `${i}|${unit}`;
    this.results.delete(key);
    const rule = this.rules[i];
    const rows = rule.refs.map((ref) => this.rowOf(rule, ref.table, unit));
    if (rows.some((r) => r === undefined)) return;
    const outcome = this.compare(rule, rows as number[]);
    if (outcome.status !== 'fail') return;
    const at = rule.refs[outcome.at];
    this.results.set(key, {
      finding: this.finding(rule, rows as number[], unit, outcome),
      table: at.table,
      row: rows[outcome.at] as number,
      col: at.col,
    });
  }

  private cell(ref: DocRef, row: number): number | string | null {
    return this.tables[ref.table].rows[row]?.cells[ref.col] ?? null;
  }

  private compare(rule: DocRule, rows: number[]): Outcome {
    let blanks = 0;
    for (let k = 0; k < rule.refs.length; k++) {
      const v = this.cell(rule.refs[k], rows[k]);
      if (isText(v)) return { status: 'skip' }; // reported as not-a-number by its table
      // A formula whose result the file never saved is not a 0.
      if (this.sessions[rule.refs[k].table].isUnevaluated(rows[k], rule.refs[k].col))
        return { status: 'skip' };
      if (typeof v !== 'number') blanks++;
    }
    if (blanks === rule.refs.length) return { status: 'skip' }; // nothing stated on either side
    const valueOf = (code: string) => {
      const k = Number(code);
      const v = this.cell(rule.refs[k], rows[k]);
      return typeof v === 'number' ? v : 0;
    };
    const left = evaluateFormula(rule.lhs, valueOf);
    const right = evaluateFormula(rule.rhs, valueOf);
    if (left === null || right === null) return { status: 'skip' };
    const decimals = this.decimalsOf(rule.refs[rule.target]);
    const finer = rule.refs.some((r) => this.decimalsOf(r) > decimals);
    const slack = sumTolerance(right, decimals) + (rule.ratio || finer ? halfUnit(decimals) : 0);
    const ok =
      rule.relation === '='
        ? Math.abs(left - right) <= slack
        : rule.relation === '<='
          ? left <= right + slack
          : left >= right - slack;
    if (ok) return { status: 'pass' };
    const expected = rule.ratio || finer ? roundTo(right, decimals) : clean(right);
    let outcome: Outcome = {
      status: 'fail',
      at: rule.target,
      actual: left,
      expected,
      exact: right,
    };
    // A link: put the finding on the side its own table also finds fault with.
    if (rule.other !== null && rule.relation === '=') {
      const t = rule.refs[rule.target];
      const o = rule.refs[rule.other];
      const tRow = rows[rule.target];
      const oRow = rows[rule.other];
      if (this.suspect(o.table, oRow, o.col) && !this.suspect(t.table, tRow, t.col)) {
        outcome = { status: 'fail', at: rule.other, actual: right, expected: left, exact: left };
      }
    }
    return outcome;
  }

  private decimalsOf(ref: DocRef): number {
    return this.tables[ref.table].columns[ref.col].decimals;
  }

  /** True when a failing rule of the cell's own table reads it. */
  private suspect(table: number, row: number, col: number): boolean {
    for (const l of this.sessions[table].locatedFindings()) {
      if (l.finding.kind === 'not-a-number') continue;
      if (l.reads.some((c) => c.row === row && c.col === col)) return true;
    }
    return false;
  }

  private finding(
    rule: DocRule,
    rows: number[],
    unit: string,
    outcome: Extract<Outcome, { status: 'fail' }>,
  ): Finding {
    const at = rule.refs[outcome.at];
    const atRow = rows[outcome.at];
    const table = this.tables[at.table];
    const decimals = this.decimalsOf(at);
    const address = this.addresses[at.table](atRow, at.col);
    const qualified = (k: number) => {
      const ref = rule.refs[k];
      const a = this.addresses[ref.table](rows[k], ref.col);
      return ref.table === at.table ? a : `'${this.sheets[ref.table]}'!${a}`;
    };
    const cells = [
      address,
      ...rule.refs.flatMap((_, k) => (k === outcome.at ? [] : [qualified(k)])),
    ];
    const shape: Comparison['shape'] =
      rule.relation !== '=' ? 'bound' : rule.ratio ? 'ratio' : 'sum';
    const comparison: Comparison = {
      shape,
      decimals,
      integers: rule.refs.every((r) => this.decimalsOf(r) === 0),
      roundingSlack: rule.ratio ? 10 ** -decimals : 0,
    };
    const cause = classifyCause({
      kind: rule.kind,
      actual: outcome.actual,
      expected: outcome.expected,
      exact: outcome.exact,
      comparison,
    });
    const describe = (k: number) => {
      const ref = rule.refs[k];
      return `cột ${columnCode(this.tables[ref.table], ref.col)} của biểu «${this.tables[ref.table].name}»`;
    };
    const single = outcome.at === rule.target ? rule.lhs.type === 'code' : true;
    const otherSide =
      rule.other !== null
        ? describe(outcome.at === rule.target ? rule.other : rule.target)
        : rule.text
          ? `vế phải`
          : '';
    const labels = this.units[at.table].labelOf;
    const unitLabel = unit === TOTAL_KEY ? (labels[atRow] ?? 'Tổng cộng') : labels[atRow];
    const places = Math.max(
      decimalsNeeded(outcome.actual),
      decimalsNeeded(outcome.expected),
      decimals,
    );
    const slip =
      this.suggest &&
      rule.relation === '=' &&
      single &&
      Math.sign(outcome.actual) === Math.sign(outcome.expected)
        ? slipBetween(outcome.actual, outcome.expected, decimals)
        : null;
    // A link found in the figures holds on nearly every unit; a unit where it fails by no typing
    // slip may be a real difference (another period, another definition): to review, not an error.
    const severity: Severity =
      rule.basis && cause !== 'transposition' && cause !== 'typo' ? 'review' : rule.severity;
    return {
      id: `${table.name}:${rule.kind}:${address}`,
      severity,
      kind: rule.kind,
      cause,
      table: table.name,
      sheet: this.sheets[at.table],
      cell: address,
      cells,
      expected: outcome.expected,
      actual: outcome.actual,
      difference: roundTo(outcome.actual - outcome.expected, places),
      message: documentMismatchMessage({
        kind: rule.kind,
        relation: rule.relation,
        stated: single ? describe(outcome.at) : 'vế trái',
        other: otherSide,
        text: rule.text,
        unit: unitLabel,
        actual: outcome.actual,
        expected: outcome.expected,
        decimals,
        cause,
      }),
      evidence: rule.basis
        ? `Biểu nhận ra từ số liệu: ${rule.basis}`
        : rule.kind === 'user-rule'
          ? `quy tắc do người dùng nhập «${rule.text ?? ''}»`
          : 'liên kết giữa hai biểu đã được nhận',
      suggestion: slip
        ? {
            cell: address,
            value: outcome.expected,
            reason: slipSuggestionReason(address, outcome.actual, outcome.expected, decimals, slip),
          }
        : null,
    };
  }
}

/** A column of the document named by a link or a rule, or a Vietnamese sentence saying why not. */
function resolveColumn(tables: readonly Table[], ref: ColumnRef): DocRef | string {
  const t = resolveTable(tables, ref.table);
  if (typeof t === 'string') return t;
  const col = columnIndex(tables[t], ref.column);
  if (col < 0) return `biểu «${tables[t].name}» không có cột ${ref.column}`;
  if (!isFigureColumn(tables[t].columns[col])) {
    return `cột ${ref.column} của biểu «${tables[t].name}» là cột chữ, không phải cột số liệu`;
  }
  return { table: t, col };
}

type CompiledUserRule =
  | { rule: DocRule }
  | {
      problem: string;
      /** Where in the text (1-based) when the text does not parse. */
      position: number | null;
      /** The table the rule is typed in, as named. */
      table?: string;
    };

/** A user rule as a document rule, or why it cannot be checked. */
function compileUserRule(tables: readonly Table[], rule: UserRule): CompiledUserRule {
  const text = rule.text.trim();
  const home = rule.table === undefined ? null : resolveTable(tables, rule.table);
  if (typeof home === 'string') return { problem: home, position: null, table: rule.table };
  const homeName = home === null ? undefined : tables[home].name;
  const parsed = parseUserRule(text, {
    codes: home === null ? undefined : tables[home].columns.map((c) => c.code),
  });
  if (!parsed.ok) {
    return { problem: parsed.error.message, position: parsed.error.position, table: homeName };
  }
  const { lhs: left, rhs: right, refs: written, relation } = parsed.rule;
  const refs: DocRef[] = [];
  const slot = new Map<string, number>();
  const resolved: number[] = [];
  for (const ref of written) {
    const table = ref.table ?? homeName;
    if (table === undefined) {
      return {
        problem: `mã cột ${ref.column} không rõ thuộc biểu nào (viết B1.${ref.column})`,
        position: null,
      };
    }
    const r = resolveColumn(tables, { table, column: ref.column });
    if (typeof r === 'string') return { problem: r, position: null, table: homeName };
    const key = `${r.table}:${r.col}`;
    if (!slot.has(key)) {
      slot.set(key, refs.length);
      refs.push(r);
    }
    resolved.push(slot.get(key)!);
  }
  const renumber = (node: FormulaNode): FormulaNode => {
    switch (node.type) {
      case 'code':
        return refNode(resolved[Number(node.code)]);
      case 'constant':
        return node;
      case 'negate':
        return { type: 'negate', operand: renumber(node.operand) };
      case 'binary':
        return {
          type: 'binary',
          op: node.op,
          left: renumber(node.left),
          right: renumber(node.right),
        };
    }
  };
  const lhs = renumber(left);
  const rhs = renumber(right);
  const lhsRefs = formulaCodes(lhs).map(Number);
  const rhsRefs = formulaCodes(rhs).map(Number);
  const target = lhsRefs[0] ?? rhsRefs[0];
  if (target === undefined) {
    return { problem: 'quy tắc không đọc ô nào của biểu', position: null, table: homeName };
  }
  return {
    rule: {
      kind: 'user-rule',
      severity: rule.severity ?? 'error',
      text,
      refs,
      lhs: lhsRefs.length > 0 ? lhs : rhs,
      rhs: lhsRefs.length > 0 ? rhs : lhs,
      relation: lhsRefs.length > 0 || relation === '=' ? relation : relation === '<=' ? '>=' : '<=',
      target,
      other: lhs.type === 'code' && rhs.type === 'code' ? rhsRefs[0] : null,
      tables: [...new Set(refs.map((r) => r.table))],
      ratio: hasDivision(lhs) || hasDivision(rhs),
      basis: null,
    },
  };
}

/**
 * Why a user rule cannot be checked in these tables — it does not parse (with the 1-based
 * position), names a table or column the document lacks, or a text column — or null when it
 * can. The rules view says it before the rule is stored.
 */
export function userRuleProblem(
  tables: readonly Table[],
  rule: UserRule,
): { message: string; position: number | null } | null {
  const compiled = compileUserRule(tables, rule);
  return 'problem' in compiled ? { message: compiled.problem, position: compiled.position } : null;
}

/** The tables a user rule reads (indexes), or [] when it cannot be checked. */
export function userRuleTables(tables: readonly Table[], rule: UserRule): number[] {
  const compiled = compileUserRule(tables, rule);
  return 'rule' in compiled ? compiled.rule.tables : [];
}

/** 'transposition' or 'typo' when b's digits are one typing slip from a's. */
function slipBetween(a: number, b: number, decimals: number): 'transposition' | 'typo' | null {
  const x = digitString(a, decimals);
  const y = digitString(b, decimals);
  if (isAdjacentSwap(x, y)) return 'transposition';
  return damerauLevenshtein(x, y) === 1 ? 'typo' : null;
}

/** Checks the tables of a document, their links and user rules: every finding. */
export function checkDocument(
  tables: readonly Table[],
  links: readonly TableLink[] = [],
  options: DocumentOptions = {},
): Finding[] {
  return new DocumentSession(tables, links, options).findings();
}

// ---------------------------------------------------------------------------------------------
// Discovery

/** Share of the smaller table's units both tables must have. */
const UNIT_OVERLAP = 0.6;
/** Share of compared units, and how many with a non-zero figure, where two columns must agree. */
const COLUMN_AGREEMENT = 0.75;
/** A link no one accepted is checked only when its columns agree on this share of the units… */
const DISCOVERED_AGREEMENT = 0.9;

/**
 * …or when every unit where they disagree is one typing slip apart (two digits swapped, one
 * digit wrong): two columns that differ on a quarter of the units in arbitrary ways are two
 * quantities, not one quantity with slips. Totals follow their units and are not asked.
 */
function firmlyEstablished(p: LinkProposal): boolean {
  if (p.agreeing >= DISCOVERED_AGREEMENT * p.compared) return true;
  const units = p.disagreements.filter((d) => d.unit !== TOTAL_KEY);
  return units.length > 0 && units.every((d) => d.cause === 'transposition' || d.cause === 'typo');
}
const MIN_AGREEING = 3;

export interface DiscoverOptions {
  /** Links already in the document: not proposed again. */
  exclude?: readonly TableLink[];
  /** Whether a failing rule of the cell's own table reads it (decides where a slip is fixed). */
  suspect?: (table: number, row: number, col: number) => boolean;
  /** Addresses per table (by default the exported layout's). */
  addressOf?: (table: number, row: number, col: number) => string;
}

/**
 * Links the figures suggest: for two tables sharing most of their units (60 % of the smaller
 * table's), each pair of figure columns that agree on at least 75 % of the units where both
 * hold a figure, and on at least 3 units with a figure other than zero. The disagreements are
 * listed, with a suggestion where one figure is a typing slip of the other.
 */
export function discoverLinks(
  tables: readonly Table[],
  options: DiscoverOptions = {},
): LinkProposal[] {
  const units = tables.map(tableUnits);
  const layouts = tables.map((t) => sheetLayout(t));
  const addressOf =
    options.addressOf ??
    ((t: number, row: number, col: number) => cellAddress(layouts[t], row, col));
  let sessions: (CheckSession | null)[] | null = null;
  const suspect =
    options.suspect ??
    ((t: number, row: number, col: number) => {
      sessions ??= tables.map(() => null);
      const s = (sessions[t] ??= new CheckSession(structuredClone(tables[t]), {
        suggestions: false,
      }));
      return s
        .locatedFindings()
        .some(
          (l) =>
            l.finding.kind !== 'not-a-number' &&
            l.reads.some((c) => c.row === row && c.col === col),
        );
    });
  const excluded = new Set(
    (options.exclude ?? []).flatMap((l) => {
      const a = `${l.from.table}.${l.from.column}`;
      const b = `${l.to.table}.${l.to.column}`;
      return [`${a}|${b}`, `${b}|${a}`];
    }),
  );
  const proposals: LinkProposal[] = [];
  for (let a = 0; a < tables.length; a++) {
    for (let b = a + 1; b < tables.length; b++) {
      const shared = [...units[a].rowOf.keys()].filter((k) => units[b].rowOf.has(k));
      const smaller = Math.min(units[a].rowOf.size, units[b].rowOf.size);
      if (shared.length < MIN_AGREEING || shared.length < UNIT_OVERLAP * smaller) continue;
      const figures = (t: number) =>
        tables[t].columns.flatMap((c, i) => (isFigureColumn(c) ? [i] : []));
      const pairs: { proposal: LinkProposal; ca: number; cb: number }[] = [];
      for (const ca of figures(a)) {
        for (const cb of figures(b)) {
          const proposal = comparePair(tables, units, shared, a, ca, b, cb, suspect, addressOf);
          if (!proposal) continue;
          const { from, to } = proposal.link;
          if (excluded.has(`${from.table}.${from.column}|${to.table}.${to.column}`)) continue;
          pairs.push({ proposal, ca, cb });
        }
      }
      // A column is the same quantity as at most one column of the other table: where it agrees
      // with two (two columns of the other table equal on many units), the better agreement wins.
      const rate = (p: LinkProposal) => p.agreeing / p.compared;
      pairs.sort((x, y) => rate(y.proposal) - rate(x.proposal) || x.ca - y.ca || x.cb - y.cb);
      const usedA = new Set<number>();
      const usedB = new Set<number>();
      const kept: typeof pairs = [];
      for (const pair of pairs) {
        if (usedA.has(pair.ca) || usedB.has(pair.cb)) continue;
        usedA.add(pair.ca);
        usedB.add(pair.cb);
        kept.push(pair);
      }
      kept.sort((x, y) => x.ca - y.ca || x.cb - y.cb);
      for (const { proposal } of kept) proposals.push(proposal);
    }
  }
  return proposals;
}

function comparePair(
  tables: readonly Table[],
  units: TableUnits[],
  shared: string[],
  a: number,
  ca: number,
  b: number,
  cb: number,
  suspect: (table: number, row: number, col: number) => boolean,
  addressOf: (table: number, row: number, col: number) => string,
): LinkProposal | null {
  let compared = 0;
  let agreeing = 0;
  let nonzero = 0;
  const differ: { unit: string; ra: number; rb: number; va: number; vb: number }[] = [];
  const da = tables[a].columns[ca].decimals;
  const db = tables[b].columns[cb].decimals;
  const decimals = Math.min(da, db);
  for (const unit of shared) {
    const ra = units[a].rowOf.get(unit)!;
    const rb = units[b].rowOf.get(unit)!;
    const va = tables[a].rows[ra].cells[ca];
    const vb = tables[b].rows[rb].cells[cb];
    if (typeof va !== 'number' || typeof vb !== 'number') continue;
    compared++;
    const slack = sumTolerance(va, decimals) + (da !== db ? halfUnit(decimals) : 0);
    if (Math.abs(va - vb) <= slack) {
      agreeing++;
      if (va !== 0) nonzero++;
    } else differ.push({ unit, ra, rb, va, vb });
  }
  if (nonzero < MIN_AGREEING || agreeing < COLUMN_AGREEMENT * compared) return null;
  const from = { table: tables[a].name, column: columnCode(tables[a], ca) };
  const to = { table: tables[b].name, column: columnCode(tables[b], cb) };
  const disagreements: LinkDisagreement[] = differ.map((d) => {
    const comparison: Comparison = {
      shape: 'sum',
      decimals,
      integers: da === 0 && db === 0,
      roundingSlack: 0,
    };
    const cause = classifyCause({
      kind: 'cross-table',
      actual: d.vb,
      expected: d.va,
      exact: d.va,
      comparison,
    });
    const slip = Math.sign(d.va) === Math.sign(d.vb) ? slipBetween(d.vb, d.va, decimals) : null;
    let suggestion: LinkDisagreement['suggestion'] = null;
    if (slip) {
      // Fix the side its own table finds fault with; by default the `to` side.
      const blameA = suspect(a, d.ra, ca) && !suspect(b, d.rb, cb);
      suggestion = blameA
        ? { table: tables[a].name, cell: addressOf(a, d.ra, ca), value: d.vb, side: 'from' }
        : { table: tables[b].name, cell: addressOf(b, d.rb, cb), value: d.va, side: 'to' };
    }
    return {
      unit: d.unit,
      label: units[b].labelOf[d.rb],
      fromValue: d.va,
      toValue: d.vb,
      fromRow: d.ra,
      toRow: d.rb,
      cause,
      suggestion,
    };
  });
  const fmt = (v: number) => formatFigure(v, decimals);
  const listed = disagreements
    .slice(0, 5)
    .map((d) => `${d.label ?? d.unit} (${fmt(d.toValue)} và ${fmt(d.fromValue)})`)
    .join(', ');
  const more = disagreements.length > 5 ? ` và ${disagreements.length - 5} đơn vị khác` : '';
  const tail = disagreements.length === 0 ? '' : `; khác nhau ở ${listed}${more}`;
  return {
    link: { from, to },
    sharedUnits: shared.length,
    compared,
    agreeing,
    disagreements,
    message: `Cột ${to.column} của biểu «${to.table}» và cột ${from.column} của biểu «${from.table}» khớp nhau ở ${agreeing}/${compared} đơn vị${tail}. Nhận làm quy tắc của tài liệu?`,
  };
}

function formatFigure(value: number, decimals: number): string {
  return formatNumber(value, Math.max(decimals, decimalsNeeded(value, 6)));
}
