/**
 * A finding: what a check reports, as plain data (DESIGN.md "Checks"). The same shape goes to the
 * grid, the checks panel, the CLI's --json output and the tests.
 */

export type Severity = 'error' | 'warning' | 'info';

/**
 * What a finding is about. A problem of a table's definition is a finding too, with no figures
 * (expected/actual/difference null): a code-row formula that does not parse or names a missing
 * code is a `row-formula` warning on the code row (problems.ts); a user rule that does not parse
 * or names a missing table or column is a `user-rule` warning (document.ts).
 */
export type FindingKind =
  | 'row-formula'
  | 'column-total'
  | 'ratio'
  | 'header-sum'
  | 'cross-table'
  | 'threshold'
  | 'not-a-number'
  | 'user-rule';

/** The likely reason a stated figure differs from the computed one. */
export type Cause = 'rounding' | 'truncation' | 'transposition' | 'typo' | 'sign' | null;

export const SEVERITIES: readonly Severity[] = ['error', 'warning', 'info'];
export const FINDING_KINDS: readonly FindingKind[] = [
  'row-formula',
  'column-total',
  'ratio',
  'header-sum',
  'cross-table',
  'threshold',
  'not-a-number',
  'user-rule',
];
export const CAUSES: readonly Exclude<Cause, null>[] = [
  'rounding',
  'truncation',
  'transposition',
  'typo',
  'sign',
];

/** One cell change that would satisfy every broken rule reading that cell and break none. */
export interface Suggestion {
  /** A1 address of the cell to change. */
  cell: string;
  value: number;
  /** Why, in Vietnamese. */
  reason: string;
}

export interface Finding {
  /** `${table}:${kind}:${cell}`: stable across re-checks, so a UI can follow a finding. */
  id: string;
  severity: Severity;
  kind: FindingKind;
  cause: Cause;
  table: string;
  /** The sheet: the source file's sheet for Excel input, else the table's name. */
  sheet: string;
  /** A1 address of the cell that states the checked value (the total, the rate, the formula column). */
  cell: string;
  /** Every cell the rule reads, the stated cell first. */
  cells: string[];
  /** What the rule computes (a rate rounded to the column's decimals); null when nothing is compared. */
  expected: number | null;
  /** What the table states; null when nothing is compared (e.g. a text in a figure column). */
  actual: number | null;
  /** actual − expected; null when nothing is compared. */
  difference: number | null;
  /** One Vietnamese sentence: what should equal what, both values, the difference, the cause. */
  message: string;
  suggestion: Suggestion | null;
}
