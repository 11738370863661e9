/**
 * Rules the engine proposes rather than checks: what the figures suggest the table means, for a
 * person to accept or dismiss (the rules view). A proposal is not a finding and is never counted;
 * accepted, it becomes a rule of the table or the document and is checked like any other.
 */

/** A column headed "Tổng" / "Cộng" without a formula whose figures are the sum of other columns. */
export interface FormulaProposal {
  kind: 'header-sum';
  table: string;
  /** The total column (index). */
  column: number;
  code: string;
  /** The right-hand side in column-code notation ("2+3"): accepted, the column's formula. */
  formula: string;
  /** Rows where both sides are figures, and those where the sum holds. */
  checked: number;
  agreeing: number;
  /** Row indexes where it does not hold: findings once the proposal is accepted. */
  disagreeing: number[];
  /** In Vietnamese, for the rules view. */
  message: string;
}
