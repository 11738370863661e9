/**
 * Putting an imported table's figures onto a table the document already has: columns matched by
 * their header (the whole header path, else the lowest label when it is unique), never by code
 * alone — a sheet without a code row gets codes 1, 2, 3 … like every other, so equal codes say
 * nothing; rows matched by unit (normalised name), totals with totals. Only
 * figure cells are written, and only where both sides match — what does not match is reported,
 * never guessed.
 */
import { isFigureColumn, type Column, type Row, type Table } from '../model';
import { normalizeUnitName } from '../units';
import type { TableDraft } from './detect-tables';

export interface MappedEdit {
  rowIndex: number;
  columnIndex: number;
  value: number | string | null;
}

export interface Mapping {
  edits: MappedEdit[];
  /** What could not be placed, in Vietnamese. */
  notes: string[];
}

function labelKey(c: Pick<Column, 'label' | 'headerPath'>): string {
  return [...c.headerPath, c.label]
    .join(' / ')
    .normalize('NFC')
    .toLowerCase()
    .replace(/\s+/g, ' ')
    .trim();
}

/**
 * The matching key of each row: its unit, the grand total with the grand total, and subtotals
 * ("Cộng", which name no unit) by their order — the k-th group's subtotal with the k-th.
 */
function rowKeys(rows: readonly Pick<Row, 'role' | 'unitKey'>[]): (string | null)[] {
  let subtotal = 0;
  return rows.map((row) => {
    if (row.role === 'total') return '__total__';
    if (row.role === 'subtotal') return `__subtotal__:${subtotal++}`;
    if (row.role === 'group') return null;
    return row.unitKey ? normalizeUnitName(row.unitKey) : null;
  });
}

export function mapOntoTable(target: Table, incoming: TableDraft): Mapping {
  const notes: string[] = [];
  const byPath = new Map(target.columns.map((c, i) => [labelKey(c), i]));
  const lowest = new Map<string, number | null>();
  target.columns.forEach((c, i) => {
    const key = labelKey({ label: c.label, headerPath: [] });
    lowest.set(key, lowest.has(key) ? null : i); // null: the label is not unique
  });
  const columnPairs: [number, number][] = [];
  const unmatchedColumns: string[] = [];
  incoming.columns.forEach((c, from) => {
    if (!isFigureColumn(c)) return;
    const to =
      byPath.get(labelKey(c)) ??
      lowest.get(labelKey({ label: c.label, headerPath: [] })) ??
      undefined;
    if (to === undefined || !isFigureColumn(target.columns[to]))
      unmatchedColumns.push(c.label || c.code);
    else columnPairs.push([from, to]);
  });
  if (unmatchedColumns.length) {
    notes.push(`Không khớp cột nào của biểu «${target.name}» cho: ${unmatchedColumns.join(', ')}.`);
  }

  const rowsByKey = new Map<string, number>();
  rowKeys(target.rows).forEach((key, i) => {
    if (key !== null) rowsByKey.set(key, i);
  });
  const unmatchedRows: string[] = [];
  const edits: MappedEdit[] = [];
  const incomingKeys = rowKeys(incoming.rows);
  incoming.rows.forEach((r, i) => {
    if (r.role === 'group') return;
    const key = incomingKeys[i];
    const to = key === null ? undefined : rowsByKey.get(key);
    if (to === undefined) {
      unmatchedRows.push(r.unitKey ?? `dòng ${i + 1}`);
      return;
    }
    for (const [from, col] of columnPairs)
      edits.push({ rowIndex: to, columnIndex: col, value: r.cells[from] });
  });
  if (unmatchedRows.length) {
    const shown = unmatchedRows.slice(0, 5).join(', ');
    notes.push(
      `${unmatchedRows.length} dòng không khớp đơn vị nào của biểu «${target.name}» và không được ghi: ${shown}${unmatchedRows.length > 5 ? ', …' : ''}.`,
    );
  }
  return { edits, notes };
}
