/**
 * How far a failing rule is to be believed, and so what its finding is.
 *
 * Every comparison rule is an instance of a claim about the table (rule.ts `Claim`): a code-row
 * formula holds on every row, a "Cộng" row adds up its group in every column, a column adds up
 * in every total row. The engine tallies, for each claim, the instances that hold and those that
 * fail — only instances that say something: a total of zeros over blank rows holds trivially and
 * proves nothing. A failing instance is then judged:
 *
 * - a STATED claim (the code row, the "Chia ra" / "Trong đó" headers, a row role the author set)
 *   is always checked: its failure is the rule's own severity, and the evidence line says who
 *   states it and where else it holds;
 * - an INFERRED claim (a role read from a label, a relation found in the numbers) is believed as
 *   far as the table's numbers establish it. Established — it holds in a clear majority of its
 *   instances, at least three — its failures are errors; weakly established — some instances
 *   hold, not many — they are "Cần xem" (review: shown apart, never counted as errors); not
 *   established — it holds almost nowhere — Biểu stays silent: the label lied, or the column is
 *   not something a total adds.
 *
 * A cell of a total row is an instance of two claims: the row adds up (across its columns) and
 * the column adds up (across the table's total rows). A column that adds up in other total rows
 * makes a failure there an error; a column that never adds up is not additive (unit prices, years
 * built, averages without the word "bình quân") and stays silent; a column with no other total
 * row is judged by its row, unless its stated total lies among its members like an average does.
 */
import { formatNumber } from '../numbers';
import type { Severity } from './finding';
import type { Claim } from './rule';

export interface ClaimTally {
  /** Instances that hold and say something (not a zero total of blanks). */
  holds: number;
  /** Instances that fail. */
  fails: number;
}

export interface Verdict {
  /** null: the claim is not established; the failure is not reported. */
  severity: Severity | null;
  /** Why Biểu believes the claim, in Vietnamese (Finding.evidence). */
  evidence: string;
}

/** A claim established: it holds in at least this share of its instances, and this many. */
const ESTABLISHED_SHARE = 0.75;
const ESTABLISHED_HOLDS = 3;
/** A claim weakly established: shown as "Cần xem". */
const WEAK_SHARE = 0.5;
/** A column adds up when it does in this share of the table's total rows, at least two. */
const ADDITIVE_SHARE = 0.6;

function count(n: number): string {
  return formatNumber(n, 0);
}

/** "đúng ở 41/43 dòng" */
function tallyText(claim: Claim, tally: ClaimTally): string {
  const n = tally.holds + tally.fails;
  return `đúng ở ${count(tally.holds)}/${count(n)} ${claim.over}`;
}

function line(claim: Claim, tally: ClaimTally, main: boolean): string {
  const n = tally.holds + tally.fails;
  const base =
    main && claim.basis === 'inferred' ? `Biểu nhận ra từ số liệu: ${claim.said}` : claim.said;
  return n > 1 ? `${base}, ${tallyText(claim, tally)}` : base;
}

function share(t: ClaimTally): number {
  const n = t.holds + t.fails;
  return n === 0 ? 0 : t.holds / n;
}

/** One inferred claim: established, weakly, or not at all (it fails wherever it is tried). */
function strength(t: ClaimTally): 'established' | 'weak' | 'none' {
  if (t.holds >= ESTABLISHED_HOLDS && share(t) >= ESTABLISHED_SHARE) return 'established';
  if (t.holds >= 1 && share(t) >= WEAK_SHARE) return 'weak';
  return 'none';
}

/** What the engine knows of one failing rule besides the tallies of its claims. */
export interface Failure {
  /** The severity of the failure when its claim is believed (a rounding slip: a warning). */
  base: Severity;
  /** The difference is a typing slip: two digits swapped, one digit wrong, the sign flipped. */
  slip: boolean;
  /**
   * The stated figure is the computed one read in another unit (×100, ×1.000, ÷100, ÷1.000),
   * to every printed digit: a unit slip, and proof the columns were read right.
   */
  unitFactor?: number | null;
  /** The layout is Biểu's reading, not yet confirmed by a person (CheckOptions). */
  layoutUnconfirmed?: boolean;
  /** How many failing rules one change of one cell would make hold (0: no such change). */
  oneFixFor: number;
  /** The stated total lies among its members, as an average does (asked only when it matters). */
  looksLikeAverage(): boolean;
}

/**
 * The verdict on a failing rule. A slip in the digits is evidence too: a figure that differs
 * from the computed one by two swapped digits was meant to be it.
 */
export function verdictOn(
  claims: readonly Claim[] | undefined,
  tallies: readonly ClaimTally[],
  failure: Failure,
): Verdict {
  const { base } = failure;
  if (!claims || claims.length === 0) return { severity: base, evidence: '' };
  const [main, other] = claims;
  let evidence = claims.map((c, i) => line(c, tallies[i], i === 0)).join('; ');
  if (failure.unitFactor) {
    // However often the relation fails elsewhere, a figure that is the computed one ×100 to the
    // last digit is that figure in the wrong unit, not a misread table.
    return { severity: base, evidence: `${evidence}; ${unitSlipText(failure.unitFactor)}` };
  }
  if (main.basis === 'stated') {
    const t = tallies[0];
    // A code row or header that fails on most rows is more likely read wrong than wrong; so is
    // one that fails, by no typing slip, on more than one row in ten: real tables are not that
    // wrong that often in one relation, a misread layout is.
    if (
      main.fromLayout &&
      failure.layoutUnconfirmed &&
      t.fails >= 3 &&
      (t.holds < t.fails || (!failure.slip && t.fails * 10 > t.holds + t.fails))
    ) {
      return {
        severity: 'review',
        evidence: `${evidence}; có thể Biểu đọc sai bố cục của biểu`,
      };
    }
    return { severity: base, evidence };
  }
  // Two rules that fail and agree on the one value a single cell should hold: a slip in that
  // cell, not a relation that is not there (an item and its parent both off by the same figure).
  // Only while the relation holds more often than it fails for other reasons.
  const believedWithFix = (t: ClaimTally) =>
    t.holds >= 1 && (share(t) >= WEAK_SHARE || t.fails - failure.oneFixFor < t.holds);
  if (failure.oneFixFor >= 2 && tallies.some(believedWithFix)) {
    evidence += `; sửa một ô thì cả ${count(failure.oneFixFor)} kiểm tra đang sai đều đúng`;
    return { severity: base, evidence };
  }
  const believed = (s: 'established' | 'weak' | 'only'): Verdict => {
    if (s === 'established') return { severity: base, evidence };
    if (failure.slip) return { severity: base, evidence: `${evidence}; chênh lệch là lỗi gõ` };
    return { severity: 'review', evidence };
  };
  if (!other) {
    // A difference within the rounding of the figures, in a relation the table does not state:
    // nothing a person would correct.
    if (main.basis === 'inferred' && base === 'warning') return { severity: null, evidence };
    const s = strength(tallies[0]);
    if (s === 'none') return lone(tallies[0]) ? believed('only') : { severity: null, evidence };
    return believed(s);
  }
  // A cell of a total row: the row across columns (main), the column across total rows (other).
  const row = tallies[0];
  const column = tallies[1];
  if (column.holds >= 2 && share(column) >= ADDITIVE_SHARE) {
    return row.holds >= 1 ? { severity: base, evidence } : believed('weak');
  }
  if (column.holds === 0 && column.fails >= 2) return { severity: null, evidence };
  // The column adds up in half of the table's total rows or more; this row fails in most columns.
  if (share(row) < WEAK_SHARE && column.holds >= 2 && share(column) >= WEAK_SHARE)
    return believed('weak');
  if (row.holds >= 2 && share(row) >= ADDITIVE_SHARE) {
    return failure.looksLikeAverage() ? { severity: null, evidence } : { severity: base, evidence };
  }
  if (row.holds >= 1 && share(row) >= WEAK_SHARE) {
    return failure.looksLikeAverage() ? { severity: null, evidence } : believed('weak');
  }
  // Nothing else in the table to judge by: only the label says it.
  if (lone(row) && column.fails <= 1 && !failure.looksLikeAverage()) return believed('only');
  return { severity: null, evidence };
}

function unitSlipText(factor: number): string {
  const times = factor >= 1 ? factor : 1 / factor;
  const shown = formatNumber(times, 0);
  return factor === 100
    ? 'số ghi bằng đúng 1/100 số tính: có thể ghi phân số thay cho phần trăm'
    : factor === 0.01
      ? 'số ghi gấp đúng 100 lần số tính: có thể ghi phần trăm thay cho phân số'
      : factor > 1
        ? `số ghi bằng đúng 1/${shown} số tính: có thể nhầm đơn vị`
        : `số ghi gấp đúng ${shown} lần số tính: có thể nhầm đơn vị`;
}

/** The failing instance is the claim's only one: nothing else in the table speaks for or against. */
function lone(t: ClaimTally): boolean {
  return t.holds === 0 && t.fails === 1;
}

/**
 * A stated total that lies within the range of its members (at least two of them non-zero) is
 * what an average, a price or a year looks like, not a sum.
 */
export function liesAmongMembers(stated: number, members: readonly number[]): boolean {
  const present = members.filter((v) => v !== 0);
  if (present.length < 2) return false;
  let lo = Infinity;
  let hi = -Infinity;
  for (const v of present) {
    lo = Math.min(lo, v);
    hi = Math.max(hi, v);
  }
  return stated >= lo && stated <= hi;
}
