/**
 * Small tables as the store's pure plans take them (TableSnapshot), written out by hand (table
 * n: columns n1, n2 …, rows n01, n02 …), and an id source that hands out ids from 1000 on, so a
 * test can say which ids new items get.
 */
import type { CellValue, Column, RowRole } from '../../../shared/model';
import type { IdKind, TableSnapshot } from '../../../electron/store/table-snapshot';

/** A table "name" with columns A (text) and 1, 2, … (integers), and rows of `cells`. */
export function snapshot(
  name: string,
  rows: { role?: RowRole; cells: CellValue[] }[],
  options: { id?: number; position?: number; codes?: string[]; columns?: Partial<Column>[] } = {},
): TableSnapshot {
  const id = options.id ?? 1;
  const width = rows[0]?.cells.length ?? options.codes?.length ?? 2;
  const codes = options.codes ?? ['A', ...Array.from({ length: width - 1 }, (_, i) => `${i + 1}`)];
  return {
    id,
    name,
    title: '',
    unit: '',
    position: options.position ?? 0,
    columns: codes.map((code, i) => ({
      id: id * 10 + i + 1,
      code,
      label: i === 0 ? 'Tên đơn vị' : `Chỉ tiêu ${code}`,
      headerPath: [],
      type: i === 0 ? 'text' : 'integer',
      decimals: 0,
      formula: null,
      ...options.columns?.[i],
    })),
    rows: rows.map((r, i) => ({
      id: id * 100 + i + 1,
      role: r.role ?? 'detail',
      unitKey: null,
      cells: r.cells,
    })),
  };
}

/** Fresh ids from 1000 on for each kind, as the store's id sequences would give them. */
export function idSource(): (kind: IdKind, count: number) => number {
  const next: Record<IdKind, number> = { tables: 1000, columns: 1000, rows: 1000 };
  return (kind, count) => {
    const first = next[kind];
    next[kind] += count;
    return first;
  };
}

/** The UserError message a function throws (or fails the test). */
export function refusal(fn: () => unknown): string {
  try {
    fn();
  } catch (err) {
    return (err as Error).message;
  }
  throw new Error('expected a refusal');
}
