/**
 * A unit code used twice: in a column of codes ("Mã CS", "Mã số", "Mã tỉnh") whose codes are
 * otherwise one per row, two rows with the same code are two units under one identity — the
 * figures of one of them go to the other's account wherever the code is matched (a real facility list:
 * "BVĐK Bắc Hà" coded 10004 like "BVĐK Bảo Yên", where the sequence calls for 10005). Reported
 * on the later row, as a warning, while the two cells still hold the same code; where the codes
 * run in sequence, the free code one digit away is named.
 */
import { damerauLevenshtein } from '../edit-distance';
import { isCodeHeader } from '../../table-words';
import {
  CellFactRule,
  NOTHING_TO_SAY,
  type CellSource,
  type Evaluation,
  type Rule,
  type RuleKind,
} from '../rule';
import type { TableContext } from '../table-context';
import type { CellValue } from '../../model';
import { columnName } from './header-sum';

/** A code as written: 10004 and "10004" are the same code, "01" is not "1". */
function codeOf(v: CellValue): string | null {
  if (typeof v === 'number') return Number.isFinite(v) ? String(v) : null;
  if (typeof v === 'string' && v.trim() !== '') return v.trim().normalize('NFC').toUpperCase();
  return null;
}

/** Codes must be one per row on all but a few rows (one, or at most 1 in 10) to be identities. */
const REPEAT_SHARE = 0.1;
const MIN_CODES = 5;

class DuplicateCodeRule extends CellFactRule implements Rule {
  readonly kind = 'duplicate-code' as const;
  constructor(
    row: number,
    private readonly first: number,
    col: number,
    columnCode: string,
    private readonly firstLabel: string | null,
    private readonly free: string | null,
  ) {
    super('duplicate-code', 'duplicate-code', row, col, columnCode);
  }
  override forEachRead(visit: (row: number, col: number) => void): void {
    visit(this.row, this.col);
    visit(this.first, this.col);
  }
  evaluate(cells: CellSource): Evaluation {
    const code = codeOf(cells.raw(this.row, this.col));
    if (code === null || code !== codeOf(cells.raw(this.first, this.col))) return NOTHING_TO_SAY;
    const whose = this.firstLabel ? ` («${this.firstLabel}»)` : '';
    const guess = this.free ? `; theo thứ tự các mã, có lẽ là «${this.free}»` : '';
    return {
      status: 'flag',
      text: code,
      severity: 'warning',
      message: `Mã «${code}» đã dùng ở ô {0}${whose}: mỗi đơn vị phải có một mã riêng${guess}`,
      cells: [{ row: this.first, col: this.col }],
      evidence: `các mã khác của cột ${this.columnCode} mỗi mã chỉ dùng cho một dòng`,
    };
  }
}

/** Between the codes of the rows around, a free code one digit from the duplicate (10005 for 10004). */
function freeCode(codes: (string | null)[], row: number, used: Set<string>): string | null {
  const code = codes[row]!;
  const before = codes
    .slice(0, row)
    .reverse()
    .find((c) => c !== null);
  const after = codes.slice(row + 1).find((c) => c !== null);
  if (!before || !after || !/^\d+$/.test(before) || !/^\d+$/.test(after) || !/^\d+$/.test(code))
    return null;
  const lo = Number(before);
  const hi = Number(after);
  if (hi - lo > 20) return null;
  for (let m = lo + 1; m < hi; m++) {
    const text = String(m).padStart(code.length, '0');
    if (!used.has(text) && damerauLevenshtein(text, code) === 1) return text;
  }
  return null;
}

export function duplicateCodeRules(context: TableContext): Rule[] {
  const { table } = context;
  const outlineColumn = context.outline().numberColumn;
  const rules: Rule[] = [];
  table.columns.forEach((column, col) => {
    if (column.type !== 'text' || col === outlineColumn) return;
    if (!isCodeHeader(column.label)) return;
    const codes = table.rows.map((row) => (row.role === 'detail' ? codeOf(row.cells[col]) : null));
    // Codes are compared between totals: a unit listed again below a total ("Toàn quốc / Vùng /
    // Lào Cai / Chênh so toàn quốc" under a ranked list) is a comparison, not a second unit.
    const segments: string[][] = [[]];
    codes.forEach((code, r) => {
      const role = table.rows[r].role;
      if (role === 'total' || role === 'subtotal') segments.push([]);
      if (code !== null) segments[segments.length - 1].push(code);
    });
    const filled = segments.reduce((n, s) => n + s.length, 0);
    const repeats = segments.reduce((n, s) => n + s.length - new Set(s).size, 0);
    const used = new Set(segments.flat());
    if (filled < MIN_CODES || repeats > Math.max(1, REPEAT_SHARE * filled)) return;
    const firstRow = new Map<string, number>();
    codes.forEach((code, r) => {
      const role = table.rows[r].role;
      if (role === 'total' || role === 'subtotal') firstRow.clear();
      if (code === null) return;
      const first = firstRow.get(code);
      if (first === undefined) {
        firstRow.set(code, r);
        return;
      }
      rules.push(
        new DuplicateCodeRule(
          r,
          first,
          col,
          columnName(column, col),
          context.rowLabel(first),
          freeCode(codes, r, used),
        ),
      );
    });
  });
  return rules;
}

export const duplicateCodeKind: RuleKind = {
  name: 'duplicate-code',
  compile: duplicateCodeRules,
};
