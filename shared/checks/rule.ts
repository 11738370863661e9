/**
 * What a rule is: the unit the engine evaluates. A rule names the cells it reads and the cell that
 * states the checked value, so the engine can index cells to rules and re-run only the rules an
 * edit touches; it can say what value a cell would need for it to hold, which is how suggestions
 * are found. Rule kinds (./kinds) build rules; rules.ts compiles a table with them.
 */
import type { CellValue } from '../model';
import type { FormulaNode } from './formula';
import type { FindingKind, Severity } from './finding';
import type { TableContext } from './table-context';

/** A cell of the table by 0-based row and column index. */
export interface CellRef {
  readonly row: number;
  readonly col: number;
}

/** A cell as a single number, for maps and sets (Excel has at most 16,384 columns). */
export function cellKey(row: number, col: number): number {
  return row * 16384 + col;
}

/** A stored value the checks treat as text; a blank or whitespace-only string is a blank. */
export function isText(value: unknown): value is string {
  return typeof value === 'string' && value.trim() !== '';
}

/** A cell that holds nothing: no figure, no text. */
export function isBlank(value: unknown): boolean {
  return (
    value === null || value === undefined || (typeof value === 'string' && value.trim() === '')
  );
}

/** What a rule sees of the table while it is evaluated. */
export interface CellSource {
  /** The cell as stored. */
  raw(row: number, col: number): CellValue;
  /**
   * The cell as a figure: a blank counts as 0. The engine evaluates a rule that does not accept
   * text only when none of its cells holds text, so a rule never sees a text here.
   */
  number(row: number, col: number): number;
}

/** A comparison the rule made: the stated figure against the computed one. */
export interface Compared {
  status: 'pass' | 'fail';
  /** The figure the table states in the target cell. */
  stated: number;
  /** The unrounded computed value. */
  exact: number;
  /**
   * The value the target should hold: `exact`, or for a rate `exact` rounded to its decimals.
   * Only a failed comparison needs it exactly; a passing one may leave it `exact`.
   */
  expected: number;
}

export type Evaluation =
  | Compared
  /**
   * Not evaluated: a cell it reads holds text, the formula divides by zero, or the cell that
   * states the checked figure is blank (a blank total states nothing; it is not 0).
   */
  | { status: 'skip'; reason: 'text' | 'division-by-zero' | 'blank' }
  /** The rule's own finding without a comparison (a text in a figure column). */
  | Flag;

/**
 * A finding without figures: a text in a figure column (only `text`, the cell's content), or a
 * fact about the table's rows that no comparison states — an item number out of sequence, a
 * unit code used twice, a figure a thousand times its neighbour — with its own sentence and
 * severity.
 */
export interface Flag {
  status: 'flag';
  text: string;
  /**
   * The sentence; by default the not-a-number sentence about `text`. "{0}", "{1}" … stand for
   * the addresses of `cells` (rules do not know addresses; the engine fills them in).
   */
  message?: string;
  cells?: readonly CellRef[];
  /** By default 'error'. */
  severity?: Severity;
  /** Why Biểu believes it (Finding.evidence): "cột này là số ở 48/50 ô". */
  evidence?: string;
  /**
   * The finding's kind when it is not the rule's: one rule per figure cell says both "not a
   * number" and "a figure in another unit" (a rule per cell for each would double the rules of
   * a national table). Such a flag is its own evidence, not an instance of the rule's claims.
   */
  kind?: FindingKind;
}

/** How a rule compares, for the classification of causes. */
export interface Comparison {
  /**
   * 'sum': exact linear arithmetic; 'ratio': a division checked against printed precision;
   * 'formula': another formula against printed precision; 'bound': an inequality (a part at most
   * its total), where only a sign flip, swapped digits or rounding explain a miss — any figure
   * on the right side of the bound would do, so a one-digit "typo" says nothing.
   */
  shape: 'sum' | 'ratio' | 'formula' | 'bound';
  /** Decimals of the target column. */
  decimals: number;
  /** Every figure the rule reads is in a column of whole numbers. */
  integers: boolean;
  /** The largest difference the printed rounding of the figures read could explain. */
  roundingSlack: number;
}

/** What rows a total row covers, for its message. */
export interface TotalCoverage {
  /**
   * 'children': the items numbered under an item (1.1, 1.2 under 1); 'block': the rows below a
   * heading down to the next heading of its form (heading-blocks.ts).
   */
  what: 'group' | 'subtotals' | 'details' | 'subtotals-and-details' | 'children' | 'block';
  rows: number;
  /** The label of the group a subtotal closes ("II. Khu vực nông thôn"). */
  groupLabel: string | null;
  /** The label shared by the covered subtotal rows ("Cộng"), null when they differ. */
  subtotalLabel: string | null;
  /**
   * The rows are numbered in levels (1 → 1.1, "- …", "Trong đó: …"): only the items of the top
   * level are added, never their sub-items or the "Trong đó" rows.
   */
  topLevelOnly?: boolean;
  /** For 'children': the item numbers added ("1.4.1", "1.4.2"). */
  items?: readonly string[];
}

/** What a rule says, for its message; plain data so messages.ts holds every sentence. */
export type RuleDescription =
  | { kind: 'row-formula' | 'ratio'; columnCode: string; formula: FormulaNode }
  | {
      kind: 'column-total';
      columnCode: string;
      /** 'item': an item whose value is the sum of its numbered sub-items (1 = 1.1 + 1.2). */
      role: 'subtotal' | 'total' | 'item';
      rowLabel: string | null;
      covers: TotalCoverage;
    }
  | {
      /** A "Trong đó" row (or the sum of several) at most the row it is part of. */
      kind: 'row-part';
      /** 'at-most': a part at most its row; 'at-least': the row at least the sum of its parts. */
      relation: 'at-most' | 'at-least';
      /** The row the parts are part of (row index). */
      wholeRow: number;
      columnCode: string;
      /** The "Trong đó" row's label, or null for the sum of several. */
      partLabel: string | null;
      parts: number;
      wholeLabel: string | null;
    }
  | {
      /** A fact about rows without a comparison: item numbers, codes used twice, magnitudes. */
      kind: 'row-fact';
      what: 'numbering' | 'duplicate-code' | 'magnitude' | 'error-value';
      columnCode: string;
    }
  | {
      kind: 'header-sum';
      /**
       * 'sum': the total equals the parts ("Chia ra"); 'at-most': a part is at most the total
       * ("Trong đó"), stated in the part; 'at-least': the total is at least the sum of the parts.
       */
      relation: 'sum' | 'at-most' | 'at-least';
      /** The code of the column stating the checked value. */
      columnCode: string;
      /** The header that says it ("Chia ra", "Trong đó"). */
      header: string;
      totalCode: string;
      partCodes: readonly string[];
    }
  | {
      kind: 'threshold';
      /** The code of the value column. */
      columnCode: string;
      direction: 'at-least' | 'at-most';
      /** The result as the table states it ("Đạt"). */
      result: string;
    }
  | { kind: 'not-a-number'; columnCode: string };

/**
 * What a rule is an instance of: a claim about the table, checked on every row (a code-row
 * formula), every column (a total row) or every total row (a column). A claim is either stated
 * by the table — its code row, its header words, a row role its author set — or inferred: read
 * from a label ("Cộng") or found in the numbers, and then believed only as far as the table's
 * own numbers establish it. The engine counts, for every claim, the instances that hold and
 * those that fail (evidence.ts), so a finding can say how strong its evidence is.
 */
export interface Claim {
  readonly basis: 'stated' | 'inferred';
  /** The claim in Vietnamese, for the evidence line: "dòng mã cột ghi «1=2+3»". */
  readonly said: string;
  /** What one instance is, to count them: "dòng", "cột", "dòng tổng", "mục". */
  readonly over: string;
  /**
   * Stated by the table's layout as Biểu read it (its code row, its header words) rather than
   * by a person: a misread layout shows as a claim that fails almost everywhere.
   */
  readonly fromLayout?: boolean;
}

export interface Rule {
  /** Unique within the table: `${kind}:${row}:${col}` of the target. */
  readonly key: string;
  readonly kind: FindingKind;
  /** The cell that states the checked value. */
  readonly target: CellRef;
  /** Every cell the rule reads, the target first. */
  readonly reads: readonly CellRef[];
  /** When true the rule is evaluated even if a cell it reads holds text (it is about text). */
  readonly acceptsText?: boolean;
  /** How the rule compares; null for rules that do not compare figures. */
  readonly comparison: Comparison | null;
  readonly description: RuleDescription;
  /**
   * The claims this rule is an instance of, the main one first (a total row's cell is an
   * instance of "this row adds up" and of "this column adds up"). None: the rule stands alone
   * (a text in a figure column, a flag) and is judged by its own severity.
   */
  readonly claims?: readonly Claim[];
  evaluate(cells: CellSource): Evaluation;
  /**
   * The value `cell` would need for the rule to hold, the other cells unchanged; null when the
   * rule cannot say (a denominator, a cell with no weight).
   */
  solveFor?(cell: CellRef, cells: CellSource, current: Compared): number | null;
  /**
   * The evaluation after `cell` changes from `from` to `to`, given the current one. A fast path
   * for rules over many cells (a grand total over thousands of communes), so trying a candidate
   * value costs O(1) instead of a full re-evaluation.
   */
  reevaluate?(current: Compared, cell: CellRef, from: number, to: number): Evaluation;
  /**
   * Calls `visit` for every cell the rule reads, the target first, in the order of `reads`,
   * without building CellRef objects. The engine indexes a national table's rules (hundreds of
   * thousands of cells) through it; rules that have it may build `reads` only when asked.
   */
  forEachRead?(visit: (row: number, col: number) => void): void;
}

/**
 * The base of the engine's own rules: the cells read are given by `forEachRead`, and `reads` is
 * built from it the first time someone asks (a grid tooltip, the exporter), not for every rule
 * of every check.
 */
export abstract class CompactRule {
  private readList: CellRef[] | null = null;

  abstract forEachRead(visit: (row: number, col: number) => void): void;

  get reads(): readonly CellRef[] {
    if (!this.readList) {
      const list: CellRef[] = [];
      this.forEachRead((row, col) => list.push({ row, col }));
      this.readList = list;
    }
    return this.readList;
  }
}

/** What a fact about one cell says while the cell no longer shows it. */
export const NOTHING_TO_SAY: Evaluation = { status: 'pass', stated: 0, exact: 0, expected: 0 };

type RowFact = Extract<RuleDescription, { kind: 'row-fact' }>['what'];

/**
 * A fact about one cell, not a comparison: an Excel error value, an item number out of
 * sequence, a code used twice. The rule is its cell; each kind says only when the fact holds
 * (`evaluate`) and, when it reads more than its cell, what else (`forEachRead`).
 */
export abstract class CellFactRule extends CompactRule {
  abstract readonly kind: FindingKind;
  readonly acceptsText = true;
  readonly comparison = null;

  constructor(
    /** The rule's key name: "numbering", "sequence" … (one per kind of fact on a cell). */
    private readonly keyName: string,
    private readonly what: RowFact,
    readonly row: number,
    readonly col: number,
    readonly columnCode: string,
  ) {
    super();
  }
  get key(): string {
    return `${this.keyName}:${this.row}:${this.col}`;
  }
  get target(): CellRef {
    return { row: this.row, col: this.col };
  }
  get description(): RuleDescription {
    return { kind: 'row-fact', what: this.what, columnCode: this.columnCode };
  }
  forEachRead(visit: (row: number, col: number) => void): void {
    visit(this.row, this.col);
  }
}

/** A kind of check: compiles a table (as analysed) into rules. */
export interface RuleKind {
  readonly name: string;
  compile(context: TableContext): Rule[];
}

/** Tolerance for floating-point noise: 1e-9 relative to the size of the value. */
export function floatTolerance(exact: number): number {
  return 1e-9 * Math.max(1, Math.abs(exact));
}

/**
 * What an exact sum tolerates: floating-point noise relative to its size (0,03 on 7,5·10^13 đồng
 * is noise, not an error), and on columns with decimals 0,005 of a unit of the last printed digit
 * (a sum of 300 figures with 3 decimals carries noise far below 0,001, never a real slip).
 */
export function sumTolerance(exact: number, decimals: number): number {
  const noise = floatTolerance(exact);
  return decimals > 0 ? Math.max(noise, 0.005 * 10 ** -decimals) : noise;
}

/** Half a unit of the last printed digit: a value shown with k decimals is within it of exact. */
export function halfUnit(decimals: number): number {
  return 0.5 * 10 ** -decimals;
}
