/**
 * A finding: what a check reports, as plain data. The same shape goes to the grid, the checks
 * panel, the CLI's --json output, the exported findings sheet and the tests.
 *
 * This module is also the catalogue of what findings can say — their severities, kinds and
 * causes, each with its name in Vietnamese and English and the name the exported findings sheet
 * prints. Everything that lists kinds (the panel's filter, the export, the API schema) reads it
 * from here, so a kind is added in one place; a `Record` over the keys makes a forgotten name a
 * compile error.
 */

interface Names {
  /** The name in the Vietnamese UI (short: a filter entry, a group heading). */
  vi: string;
  /** The name in the English UI. */
  en: string;
}

/**
 * How sure a finding is, and what it counts as:
 * - error: a relation the table states (code row, "Chia ra"/"Trong đó" headers, a total row set
 *   by the user) or that its own numbers establish firmly, fails;
 * - warning: a fact worth a look that is not an arithmetic contradiction (a figure a thousand
 *   times its neighbours, an item number out of sequence, a code used twice);
 * - review ("Cần xem"): the evidence is weak (the relation holds in few places); shown apart and,
 *   like info, not counted as an error in the status bar, the CLI summary or its exit code;
 * - info: context only.
 */
export const SEVERITY_NAMES = {
  error: { vi: 'Lỗi', en: 'Error' },
  warning: { vi: 'Cảnh báo', en: 'Warning' },
  review: { vi: 'Cần xem', en: 'To review' },
  info: { vi: 'Thông tin', en: 'Info' },
} as const satisfies Record<string, Names>;

export type Severity = keyof typeof SEVERITY_NAMES;
export const SEVERITIES = Object.keys(SEVERITY_NAMES) as Severity[];

/** Severities that count as problems (status bar, CLI summary, exit code). */
export function isCounted(severity: Severity): boolean {
  return severity === 'error' || severity === 'warning';
}

interface KindNames extends Names {
  /** The name in the exported findings sheet ("Kết quả kiểm tra"). */
  report: string;
}

/**
 * What a finding is about. A problem of a table's definition is a finding too, with no figures
 * (expected/actual/difference null): a code-row formula that does not parse or names a missing
 * code is a `row-formula` warning on the code row (problems.ts); a user rule that does not parse
 * or names a missing table or column is a `user-rule` warning (document.ts).
 */
export const FINDING_KIND_NAMES = {
  'row-formula': { vi: 'Công thức dòng', en: 'Row formula', report: 'Công thức theo dòng' },
  'column-total': { vi: 'Dòng tổng', en: 'Total row', report: 'Dòng tổng cộng' },
  ratio: { vi: 'Tỷ lệ', en: 'Rate', report: 'Tỷ lệ' },
  'header-sum': { vi: 'Tiêu đề cột', en: 'Column header', report: 'Tổng theo tiêu đề cột' },
  'cross-table': {
    vi: 'Liên kết giữa các biểu',
    en: 'Between tables',
    report: 'Đối chiếu giữa các biểu',
  },
  threshold: { vi: 'Chỉ tiêu', en: 'Target', report: 'Ngưỡng chỉ tiêu' },
  'not-a-number': { vi: 'Không phải số', en: 'Not a number', report: 'Chữ trong cột số liệu' },
  'user-rule': { vi: 'Quy tắc người dùng', en: 'User rule', report: 'Quy tắc riêng' },
  inferred: {
    vi: 'Quan hệ từ số liệu',
    en: 'Relation in the figures',
    report: 'Quan hệ do số liệu cho thấy',
  },
  magnitude: { vi: 'Sai đơn vị tính', en: 'Wrong unit', report: 'Số ghi sai đơn vị tính' },
  numbering: { vi: 'Số thứ tự', en: 'Numbering', report: 'Số thứ tự, mã cột' },
  'duplicate-code': { vi: 'Mã trùng', en: 'Duplicate code', report: 'Mã dùng hai lần' },
  'error-value': { vi: 'Ô báo lỗi', en: 'Error value', report: 'Ô báo lỗi công thức' },
  text: { vi: 'Số liệu trong lời văn', en: 'Figures in the text', report: 'Số liệu trong lời văn' },
} as const satisfies Record<string, KindNames>;

export type FindingKind = keyof typeof FINDING_KIND_NAMES;
export const FINDING_KINDS = Object.keys(FINDING_KIND_NAMES) as FindingKind[];

/** The likely reason a stated figure differs from the computed one. */
export const CAUSE_NAMES = {
  rounding: { vi: 'Làm tròn', en: 'Rounding' },
  truncation: { vi: 'Cắt bớt thay vì làm tròn', en: 'Truncated, not rounded' },
  transposition: { vi: 'Đảo chỗ hai chữ số', en: 'Two digits swapped' },
  typo: { vi: 'Gõ nhầm một chữ số', en: 'One digit mistyped' },
  sign: { vi: 'Nhầm dấu âm/dương', en: 'Sign flipped' },
} as const satisfies Record<string, Names>;

export type Cause = keyof typeof CAUSE_NAMES | null;
export const CAUSES = Object.keys(CAUSE_NAMES) as Exclude<Cause, null>[];

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
  /**
   * Why Biểu believes the rule, in Vietnamese: who states it ("dòng mã cột ghi «1=2+3»", "tiêu
   * đề «Chia ra»") or how far the table's own numbers establish it ("quan hệ này đúng ở 41/43
   * dòng"). Empty for a finding that needs no belief (a text in a figure column says it itself).
   */
  evidence: string;
  suggestion: Suggestion | null;
}
