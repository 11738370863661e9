/**
 * Formulas a table states without a code row: a column headed "Tổng" / "Tổng cộng" / "Tổng chi"
 * next to the columns it adds up ("Số lượt KCB" › Tổng cộng | Ngoại trú | Nội trú; or a last
 * column "Tổng" after every figure column). A formula is proposed only when the figures already
 * agree with it on (nearly) every row, and the preview says so: it is a reading of the table,
 * never a correction of it.
 */
import { isRateColumn } from '../checks/table-context';
import type { CellValue, Column, RowRole } from '../model';
import { isTotalHeader } from '../table-words';

type DraftColumn = Omit<Column, 'id'>;

export interface InferredFormula {
  column: number;
  formula: string;
  /** In Vietnamese, for the preview. */
  doubt: string;
}

/** Share of checked rows that must already agree before a formula is proposed. */
const AGREEMENT = 0.9;

function sameHeaderPath(a: readonly string[], b: readonly string[]): boolean {
  return a.length === b.length && a.every((w, i) => w === b[i]);
}

function candidates(
  columns: readonly DraftColumn[],
  t: number,
  additive: readonly boolean[],
): number[][] {
  const total = columns[t];
  const out: number[][] = [];
  const sides = (group: number[]): void => {
    const before = group.filter((c) => c < t);
    const after = group.filter((c) => c > t);
    // The total stands at one end of its parts.
    if (after.length >= 2 && before.length === 0) out.push(after);
    else if (before.length >= 2 && after.length === 0) out.push(before);
  };
  if (total.headerPath.length > 0) {
    sides(
      columns.flatMap((c, i) =>
        i !== t && additive[i] && sameHeaderPath(c.headerPath, total.headerPath) ? [i] : [],
      ),
    );
  } else {
    sides(
      columns.flatMap((c, i) => (i !== t && additive[i] && !isTotalHeader(c.label) ? [i] : [])),
    );
  }
  return out;
}

function agreement(
  rows: readonly { role: RowRole; cells: readonly CellValue[] }[],
  t: number,
  parts: readonly number[],
  decimals: number,
): { checked: number; agreeing: number } {
  let checked = 0;
  let agreeing = 0;
  for (const row of rows) {
    if (row.role === 'group') continue;
    const stated = row.cells[t];
    if (typeof stated !== 'number') continue;
    let sum = 0;
    let readable = true;
    for (const p of parts) {
      const v = row.cells[p];
      if (typeof v === 'number') sum += v;
      else if (v !== null) readable = false;
    }
    if (!readable) continue;
    checked++;
    const tolerance = Math.max(1e-9 * Math.abs(stated), decimals > 0 ? 0.5 * 10 ** -decimals : 0);
    if (Math.abs(stated - sum) <= tolerance) agreeing++;
  }
  return { checked, agreeing };
}

export function inferTotalFormulas(
  columns: readonly DraftColumn[],
  rows: readonly { role: RowRole; cells: readonly CellValue[] }[],
  columnNames: readonly string[],
): InferredFormula[] {
  const additive = columns.map((c) => c.type !== 'text' && !isRateColumn(c));
  const found: InferredFormula[] = [];
  columns.forEach((column, t) => {
    if (!additive[t] || column.formula || !isTotalHeader(column.label)) return;
    for (const parts of candidates(columns, t, additive)) {
      const { checked, agreeing } = agreement(rows, t, parts, column.decimals);
      if (checked < 2 || agreeing < checked * AGREEMENT) continue;
      const formula = parts.map((p) => columns[p].code).join('+');
      const tail =
        agreeing === checked
          ? `đúng ở cả ${checked} dòng`
          : `đúng ở ${agreeing}/${checked} dòng, các dòng còn lại sẽ được báo`;
      found.push({
        column: t,
        formula,
        doubt: `${columnNames[t]}: không có dòng mã cột, Biểu hiểu cột này là tổng «${column.code}=${formula}» (${tail}).`,
      });
      return;
    }
  });
  return found;
}
