/**
 * Every sentence the checks say, in Vietnamese: what should equal what, the two values, the
 * difference and the likely cause. Numbers are written the Vietnamese way (formatNumber), with
 * no more decimals hidden than the stated figure has.
 */
import { decimalsNeeded, formatNumber } from '../numbers';
import { formatFormula } from './formula';
import type { Cause } from './finding';
import type { Comparison, RuleDescription, TotalCoverage } from './rule';

/** At least the column's decimals, more if the value has them (up to 6): nothing is hidden. */
function shown(value: number, decimals: number): string {
  return formatNumber(value, Math.max(decimals, decimalsNeeded(value, 6)));
}

function signed(value: number, decimals: number): string {
  const text = shown(value, decimals);
  return value > 0 ? `+${text}` : text;
}

const CAUSE_NOTE: Record<Exclude<Cause, null>, string> = {
  truncation: 'cắt bớt thay vì làm tròn',
  transposition: 'có thể hai chữ số liền nhau bị đảo chỗ',
  typo: 'có thể gõ nhầm một chữ số',
  sign: 'có thể nhầm dấu âm/dương',
  rounding: 'chênh lệch do làm tròn',
};

/** "(lệch −1)", "(lệch +36; có thể hai chữ số liền nhau bị đảo chỗ)", "(cắt bớt thay vì làm tròn)". */
function differenceNote(difference: number, decimals: number, cause: Cause): string {
  if (cause === 'truncation') return `(${CAUSE_NOTE.truncation})`;
  const lech = `lệch ${signed(difference, decimals)}`;
  return cause ? `(${lech}; ${CAUSE_NOTE[cause]})` : `(${lech})`;
}

/** "(vượt 90; có thể hai chữ số liền nhau bị đảo chỗ)", "(thiếu 10)": how far past a bound. */
function boundNote(over: number, decimals: number, cause: Cause): string {
  const how = `${over > 0 ? 'vượt' : 'thiếu'} ${shown(Math.abs(over), decimals)}`;
  return cause && cause !== 'truncation' ? `(${how}; ${CAUSE_NOTE[cause]})` : `(${how})`;
}

function coverageText(covers: TotalCoverage): string {
  const subtotals = covers.subtotalLabel
    ? `các dòng «${covers.subtotalLabel}»`
    : 'các dòng cộng của từng nhóm';
  switch (covers.what) {
    case 'group':
      return 'tổng các dòng trong nhóm';
    case 'subtotals':
      return `tổng ${subtotals}`;
    case 'subtotals-and-details':
      return `tổng ${subtotals} và các dòng không thuộc nhóm nào`;
    case 'details':
      return covers.topLevelOnly ? 'tổng các mục cấp trên cùng' : 'tổng các dòng chi tiết';
    case 'children':
      return `tổng các mục con ${(covers.items ?? []).join(', ')}`;
    case 'block':
      return `tổng ${covers.rows} dòng bên dưới nó`;
  }
}

/** "tổng các dòng trong nhóm (chỉ các mục cấp trên cùng, không tính mục con và dòng «Trong đó»)". */
function coverage(covers: TotalCoverage): string {
  const text = coverageText(covers);
  return covers.topLevelOnly &&
    covers.what !== 'details' &&
    covers.what !== 'children' &&
    covers.what !== 'block'
    ? `${text} (chỉ các mục cấp trên cùng, không tính mục con và dòng «Trong đó»)`
    : text;
}

export interface MismatchFacts {
  actual: number;
  expected: number;
  exact: number;
  comparison: Comparison;
  cause: Cause;
}

/** The sentence for a rule whose stated figure differs from the computed one. */
export function mismatchMessage(rule: RuleDescription, m: MismatchFacts): string {
  const k = m.comparison.decimals;
  const difference = m.actual - m.expected;
  const tail = `đang ghi ${shown(m.actual, k)} ${differenceNote(difference, k, m.cause)}`;
  switch (rule.kind) {
    case 'row-formula':
    case 'ratio': {
      if (m.comparison.shape === 'sum') {
        return `Cột ${rule.columnCode} phải bằng ${formatFormula(rule.formula, 'codes')} = ${shown(m.expected, k)}; ${tail}`;
      }
      // A rounded result: show the exact value and what it rounds to ("6,6667 → 6,67").
      const exact = formatNumber(
        m.exact,
        Math.max(k, Math.min(k + 2, decimalsNeeded(m.exact, k + 2))),
      );
      const rounded = formatNumber(m.expected, k);
      const value = exact === rounded ? rounded : `${exact} → ${rounded}`;
      const lead =
        rule.kind === 'ratio'
          ? `Tỷ lệ ở cột ${rule.columnCode} phải là`
          : `Cột ${rule.columnCode} phải bằng`;
      const formula = formatFormula(rule.formula, rule.kind === 'ratio' ? 'plain' : 'codes');
      return `${lead} ${formula} = ${value}; ${tail}`;
    }
    case 'column-total': {
      const label = rule.rowLabel ? ` «${rule.rowLabel}»` : '';
      const row =
        rule.role === 'item'
          ? `Mục${label}`
          : rule.role === 'total'
            ? `Dòng tổng${label}`
            : `Dòng${label || ' cộng'}${rule.covers.groupLabel ? ` của nhóm «${rule.covers.groupLabel}»` : ''}`;
      return `${row} cột ${rule.columnCode} phải bằng ${coverage(rule.covers)} = ${shown(m.expected, k)}; ${tail}`;
    }
    case 'row-part': {
      const note = boundNote(m.actual - m.expected, k, m.cause);
      const stated = `đang ghi ${shown(m.actual, k)} ${note}`;
      if (rule.relation === 'at-least') {
        const whole = rule.wholeLabel ? `Dòng «${rule.wholeLabel}»` : 'Dòng';
        return `${whole} cột ${rule.columnCode} phải ít nhất bằng tổng ${rule.parts} dòng «Trong đó» của nó = ${shown(m.expected, k)}; ${stated}`;
      }
      const whole = rule.wholeLabel ? `dòng «${rule.wholeLabel}»` : 'dòng mà nó thuộc về';
      const part = `Dòng${rule.partLabel ? ` «${rule.partLabel}»` : ' «Trong đó»'}`;
      return `${part} cột ${rule.columnCode} không được lớn hơn ${whole} = ${shown(m.expected, k)}; ${stated}`;
    }
    case 'row-fact':
      return `Cột ${rule.columnCode} đang ghi ${shown(m.actual, k)}`;
    case 'header-sum': {
      const parts = rule.partCodes.map((c) => `(${c})`).join('+');
      const group = `các cột «${rule.header}»`;
      if (rule.relation === 'sum') {
        return `Cột ${rule.columnCode} phải bằng tổng ${group} ${parts} = ${shown(m.expected, k)}; ${tail}`;
      }
      const over = m.actual - m.expected;
      const note = boundNote(over, k, m.cause);
      if (rule.relation === 'at-most') {
        return `Cột ${rule.columnCode} («${rule.header}») không được lớn hơn cột ${rule.totalCode} = ${shown(m.expected, k)}; đang ghi ${shown(m.actual, k)} ${note}`;
      }
      return `Cột ${rule.columnCode} phải ít nhất bằng tổng ${group} ${parts} = ${shown(m.expected, k)}; đang ghi ${shown(m.actual, k)} ${note}`;
    }
    case 'threshold': {
      const op = rule.direction === 'at-least' ? '≥' : '≤';
      const target = `chỉ tiêu ${op} ${shown(m.expected, k)}`;
      const value = `cột ${rule.columnCode} = ${shown(m.actual, k)}`;
      const met = rule.direction === 'at-least' ? m.actual >= m.expected : m.actual <= m.expected;
      if (met) return `Kết quả ghi «${rule.result}» nhưng ${value} đã đạt ${target}`;
      const gap = Math.abs(m.actual - m.expected);
      const how = rule.direction === 'at-least' ? 'thiếu' : 'vượt';
      return `Kết quả ghi «${rule.result}» nhưng ${value} chưa đạt ${target} (${how} ${shown(gap, k)})`;
    }
    case 'not-a-number':
      return `Cột ${rule.columnCode} đang ghi ${shown(m.actual, k)}`;
  }
}

/** "Ô G15 ở cột số liệu chứa chữ «khoảng 150», không phải số". */
export function notANumberMessage(address: string, text: string): string {
  return `Ô ${address} ở cột số liệu chứa chữ «${text}», không phải số`;
}

export interface SuggestionFacts {
  address: string;
  /** The cell's current figure; null when it is blank. */
  from: number | null;
  to: number;
  decimals: number;
  /** How many failing checks the change fixes. */
  fixes: number;
  /** How the new digits relate to the old ones, when they are one slip apart. */
  slip: 'transposition' | 'typo' | null;
}

export function suggestionReason(s: SuggestionFacts): string {
  const from = s.from === null ? 'ô trống' : shown(s.from, s.decimals);
  const effect = s.fixes > 1 ? `cả ${s.fixes} kiểm tra đang sai đều đúng` : 'kiểm tra này đúng';
  const slip =
    s.slip === 'transposition'
      ? ' (hai chữ số liền nhau bị đảo chỗ)'
      : s.slip === 'typo'
        ? ' (chỉ khác một chữ số)'
        : '';
  return `Sửa ô ${s.address} từ ${from} thành ${shown(s.to, s.decimals)}${slip} thì ${effect}, không làm sai kiểm tra nào khác`;
}

// ---------------------------------------------------------------------------------------------
// Rules across tables

export interface DocumentMismatchFacts {
  /** 'cross-table': a link between two columns; 'user-rule': a rule someone typed. */
  kind: 'cross-table' | 'user-rule';
  relation: '=' | '<=' | '>=';
  /** The stated side: "cột 6 của biểu «Dân số …»". */
  stated: string;
  /** The other side: "cột 9 của biểu «CDHT theo nhóm»", or the rule's right-hand side. */
  other: string;
  /** The rule as typed, for user rules. */
  text: string | null;
  /** The unit (row) compared: "Thị trấn Lộc Ninh", "Tổng cộng". */
  unit: string | null;
  actual: number;
  expected: number;
  decimals: number;
  cause: Cause;
}

/**
 * "Cột 6 của biểu «Dân số …», dòng «Thị trấn Lộc Ninh», phải bằng cột 9 của biểu «CDHT theo
 * nhóm» = 1.239; đang ghi 1.329 (lệch +90; có thể hai chữ số liền nhau bị đảo chỗ)".
 */
export function documentMismatchMessage(f: DocumentMismatchFacts): string {
  const k = f.decimals;
  const where = f.unit ? `, dòng «${f.unit}»,` : '';
  const lead = f.kind === 'user-rule' && f.text ? `Theo quy tắc «${f.text}»: ` : '';
  const subject = lead ? f.stated : f.stated.charAt(0).toUpperCase() + f.stated.slice(1);
  const value = shown(f.expected, k);
  const stated = `đang ghi ${shown(f.actual, k)}`;
  switch (f.relation) {
    case '=':
      return `${lead}${subject}${where} phải bằng ${f.other} = ${value}; ${stated} ${differenceNote(f.actual - f.expected, k, f.cause)}`;
    case '<=':
      return `${lead}${subject}${where} không được lớn hơn ${f.other} = ${value}; ${stated} ${boundNote(f.actual - f.expected, k, f.cause)}`;
    case '>=':
      return `${lead}${subject}${where} phải ít nhất bằng ${f.other} = ${value}; ${stated} ${boundNote(f.actual - f.expected, k, f.cause)}`;
  }
}

/** Why a value one typing slip away from the other side is suggested. */
export function slipSuggestionReason(
  address: string,
  from: number,
  to: number,
  decimals: number,
  slip: 'transposition' | 'typo',
): string {
  const how = slip === 'transposition' ? 'hai chữ số liền nhau bị đảo chỗ' : 'chỉ khác một chữ số';
  return `Sửa ô ${address} từ ${shown(from, decimals)} thành ${shown(to, decimals)} (${how}) thì hai biểu khớp nhau`;
}

/** A rule across tables that cannot be checked: a missing table or column, a parse error. */
export function documentProblemMessage(text: string, problem: string): string {
  return `Quy tắc «${text}» không kiểm tra được: ${problem}`;
}
