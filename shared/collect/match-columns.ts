/**
 * Which column of a returned table is which column of the district table. A commune fills in the
 * district's form, but may insert a column, move one, or retype a header; so a figure column is
 * found by its header (the whole header path, else its lowest label when that label is unique on
 * both sides), and only then by its code — and by code only when the returned table has a code
 * row of its own (a sheet without one gets codes 1, 2, 3 … that say nothing).
 */
import { isFigureColumn, type Column } from '../model';
import type { DetectedTable } from '../import/detect-tables';
import { norm } from '../table-words';

export interface ColumnPair {
  /** The district table's column. */
  to: number;
  /** The returned table's column. */
  from: number;
}

export interface ColumnMatch {
  pairs: ColumnPair[];
  /** The district's figure columns the returned table lacks, by code. */
  missing: string[];
}

type Header = Pick<Column, 'label' | 'headerPath'>;

const pathKey = (c: Header) => norm([...c.headerPath, c.label].join(' / '));
const labelKey = (c: Header) => norm(c.label);

/** Key → the one column index that has it; a key on two columns finds nothing. */
function uniqueIndex<T>(items: readonly T[], key: (item: T) => string): Map<string, number> {
  const seen = new Map<string, number>();
  const twice = new Set<string>();
  items.forEach((item, i) => {
    const k = key(item);
    if (k === '') return;
    if (seen.has(k)) twice.add(k);
    else seen.set(k, i);
  });
  for (const k of twice) seen.delete(k);
  return seen;
}

export function matchColumns(
  district: readonly Omit<Column, 'id'>[],
  returned: Pick<DetectedTable, 'table' | 'codeRow'>,
): ColumnMatch {
  const theirs = returned.table.columns;
  const used = new Set<number>();
  const ways: ((c: Omit<Column, 'id'>) => number | undefined)[] = [
    (c) => uniqueIndex(theirs, pathKey).get(pathKey(c)),
    (c) =>
      uniqueIndex(district, labelKey).has(labelKey(c))
        ? uniqueIndex(theirs, labelKey).get(labelKey(c))
        : undefined,
    (c) => (returned.codeRow === null ? undefined : uniqueIndex(theirs, (t) => t.code).get(c.code)),
  ];
  const pairs: ColumnPair[] = [];
  const missing: string[] = [];
  district.forEach((column, to) => {
    if (!isFigureColumn(column)) return;
    for (const way of ways) {
      const from = way(column);
      if (from !== undefined && !used.has(from) && isFigureColumn(theirs[from])) {
        used.add(from);
        pairs.push({ to, from });
        return;
      }
    }
    missing.push(column.code);
  });
  return { pairs, missing };
}

/**
 * The table of a returned file that is the district's form: the one whose figure columns match
 * the most district columns (at least half of them), the same title breaking a tie. Null when no
 * table of the file is the form.
 */
export function pickTable<T extends Pick<DetectedTable, 'table' | 'codeRow'>>(
  district: { title: string; columns: readonly Omit<Column, 'id'>[] },
  tables: readonly T[],
): { detected: T; columns: ColumnMatch } | null {
  const figures = district.columns.filter(isFigureColumn).length;
  let best: { detected: T; columns: ColumnMatch; score: number } | null = null;
  for (const detected of tables) {
    const columns = matchColumns(district.columns, detected);
    if (columns.pairs.length === 0 || columns.pairs.length * 2 < figures) continue;
    const sameTitle = norm(detected.table.title) === norm(district.title) ? 0.5 : 0;
    const score = columns.pairs.length + sameTitle;
    if (!best || score > best.score) best = { detected, columns, score };
  }
  return best && { detected: best.detected, columns: best.columns };
}
