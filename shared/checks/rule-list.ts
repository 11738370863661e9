/**
 * The rules of a table as a person sees them in the rules view (in the app): the
 * engine checks one rule per cell (a row formula on every row, a total in every column), but a
 * person thinks of "1=2+3" from the code row, the "Cộng" row of a group, the "Chia ra" under a
 * header. A rule family is that unit: an id stable across edits (column codes, row ids), where
 * it comes from, and its text in the column-code notation where there is one. A family is what
 * is turned off (CheckOptions.disabledRules) and what the rules view lists.
 */
import { codeRowText, type Table } from '../model';
import type { Rule, RuleDescription } from './rule';

/** Where a rule comes from. */
export type RuleOrigin =
  'code-row' | 'header' | 'total-row' | 'outline' | 'threshold' | 'data' | 'link' | 'user';

export const RULE_ORIGINS: readonly RuleOrigin[] = [
  'code-row',
  'header',
  'total-row',
  'outline',
  'threshold',
  'data',
  'link',
  'user',
];

/** Where each kind of rule comes from, said to the user. */
export const ORIGIN_NAMES: Record<RuleOrigin, string> = {
  'code-row': 'Dòng mã cột',
  header: 'Tiêu đề cột',
  'total-row': 'Dòng tổng',
  outline: 'Số thứ tự các mục',
  threshold: 'Cột kết quả «Đạt/Chưa đạt»',
  data: 'Kiểm tra số liệu',
  link: 'Liên kết giữa hai biểu',
  user: 'Quy tắc do người dùng nhập',
};

export interface RuleFamily {
  /** Unique within the table, stable across edits: "code-row:1", "total-row:17". */
  id: string;
  origin: RuleOrigin;
  /** The rule in the column-code notation ("1=2+3", "4≤1"), or a short sentence. */
  text: string;
}

function rowId(table: Table, row: number): number {
  return table.rows[row]?.id ?? row;
}

function quoted(label: string | null): string {
  return label ? `«${label}»` : '';
}

/** The family a compiled rule belongs to (its id only: cheap, for filtering). */
export function familyId(rule: Rule, table: Table): string {
  const d = rule.description;
  switch (d.kind) {
    case 'row-formula':
    case 'ratio':
      return `code-row:${d.columnCode}`;
    case 'column-total':
      return `${d.role === 'item' ? 'outline' : 'total-row'}:${rowId(table, rule.target.row)}`;
    case 'header-sum':
      return `header:${d.relation}:${d.columnCode}`;
    case 'row-part':
      return `outline-part:${rowId(table, d.wholeRow)}`;
    case 'row-fact':
      return d.what === 'duplicate-code' ? `duplicate-code:${d.columnCode}` : d.what;
    case 'threshold':
      return `threshold:${d.columnCode}`;
    case 'not-a-number':
      return 'not-a-number';
  }
}

function originOf(d: RuleDescription): RuleOrigin {
  switch (d.kind) {
    case 'row-formula':
    case 'ratio':
      return 'code-row';
    case 'header-sum':
      return 'header';
    case 'column-total':
      return d.role === 'item' ? 'outline' : 'total-row';
    case 'row-part':
      return 'outline';
    case 'threshold':
      return 'threshold';
    case 'row-fact':
      return d.what === 'numbering' ? 'outline' : 'data';
    case 'not-a-number':
      return 'data';
  }
}

function textOf(rule: Rule, table: Table, rowLabel: (row: number) => string | null): string {
  const d = rule.description;
  switch (d.kind) {
    case 'row-formula':
    case 'ratio': {
      const column = table.columns.find((c) => c.code === d.columnCode);
      return column ? codeRowText(column) : d.columnCode;
    }
    case 'header-sum': {
      const parts = d.partCodes.join('+');
      if (d.relation === 'sum') return `${d.totalCode}=${parts} (tiêu đề «${d.header}»)`;
      if (d.relation === 'at-most') return `${d.columnCode}≤${d.totalCode} (tiêu đề «${d.header}»)`;
      return `${d.totalCode}≥${parts} (tiêu đề «${d.header}»)`;
    }
    case 'column-total': {
      const label = quoted(d.rowLabel ?? rowLabel(rule.target.row));
      if (d.role === 'item') return `Mục ${label} = ${(d.covers.items ?? []).join(' + ')}`;
      const what =
        d.covers.what === 'group'
          ? `tổng các dòng của nhóm${d.covers.groupLabel ? ` «${d.covers.groupLabel}»` : ''}`
          : d.covers.what === 'details'
            ? 'tổng các dòng chi tiết'
            : d.covers.what === 'block'
              ? 'tổng các dòng bên dưới'
              : d.covers.subtotalLabel
                ? `tổng các dòng «${d.covers.subtotalLabel}»`
                : 'tổng các dòng cộng của từng nhóm';
      const top = d.covers.topLevelOnly ? ' (các mục cấp trên cùng)' : '';
      return `Dòng ${label || 'tổng'} = ${what}${top}`;
    }
    case 'row-part':
      return `Các dòng «Trong đó» của dòng ${quoted(d.wholeLabel)} ≤ dòng đó`;
    case 'threshold':
      return `Kết quả «Đạt/Chưa đạt» đúng với chỉ tiêu của cột ${d.columnCode}`;
    case 'row-fact':
      switch (d.what) {
        case 'numbering':
          return `Số thứ tự các mục theo thứ tự 1 → 1.1 → 1.1.1 (cột ${d.columnCode})`;
        case 'duplicate-code':
          return `Mỗi đơn vị một mã riêng (cột ${d.columnCode})`;
        case 'magnitude':
          return 'Số liệu hai năm liền nhau không chênh nhau quá 1.000 lần (ghi nhầm đơn vị tính)';
        case 'error-value':
          return 'Không ô nào báo lỗi công thức (#VALUE!, #REF! …)';
      }
      break;
    case 'not-a-number':
      return 'Ô ở cột số liệu phải là số';
  }
  return '';
}

export interface ListedFamily extends RuleFamily {
  /** How many checks (cells × rows) the engine makes for it. */
  checks: number;
  /** The codes of the columns its checks state a value in ("1", "2" …), in table order. */
  columns: string[];
}

/** The families of a table's compiled rules, in the order they first appear. */
export function listFamilies(
  rules: readonly Rule[],
  table: Table,
  rowLabel: (row: number) => string | null,
): ListedFamily[] {
  const byId = new Map<string, ListedFamily & { cols: Set<number> }>();
  for (const rule of rules) {
    const id = familyId(rule, table);
    let family = byId.get(id);
    if (!family) {
      family = {
        id,
        origin: originOf(rule.description),
        text: textOf(rule, table, rowLabel),
        checks: 0,
        columns: [],
        cols: new Set(),
      };
      byId.set(id, family);
    }
    family.checks++;
    family.cols.add(rule.target.col);
  }
  return [...byId.values()].map(({ cols, ...family }) => ({
    ...family,
    columns: [...cols]
      .sort((a, b) => a - b)
      .map((c) => table.columns[c]?.code.trim() || String(c + 1)),
  }));
}
