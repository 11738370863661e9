/**
 * Which row of a table is which unit, for rules across tables: the same commune, district or
 * total in two tables is matched by its key (shared/units.ts) — the row's `unitKey` when the
 * importer or the template set one, else the name in the table's unit column. Every grand total
 * is `TOTAL_KEY`; a subtotal "Cộng" is keyed by the group it closes ("cộng|lộc ninh").
 */
import type { Table } from '../model';
import { isTotalLabel, normalizeUnitName, TOTAL_KEY } from '../units';

export interface TableUnits {
  /** Unit key → row index; keys found on more than one row are left out (ambiguous). */
  rowOf: Map<string, number>;
  /** Row index → unit key (null for group rows and rows without a name). */
  keyOf: (string | null)[];
  /** Row index → the unit's name as the table writes it, for messages. */
  labelOf: (string | null)[];
  /** The column holding the unit names, or -1. */
  nameColumn: number;
}

/** The text column with the most names in it (letters, not STT numbers) on detail rows. */
export function unitNameColumn(table: Table): number {
  let best = -1;
  let bestCount = 0;
  table.columns.forEach((column, c) => {
    if (column.type !== 'text') return;
    let count = 0;
    for (const row of table.rows) {
      if (row.role !== 'detail') continue;
      const v = row.cells[c];
      if (typeof v === 'string' && /\p{L}{2}/u.test(v)) count++;
    }
    if (count > bestCount) {
      best = c;
      bestCount = count;
    }
  });
  return best;
}

function rowText(table: Table, r: number, preferred: number): string | null {
  const cells = table.rows[r].cells;
  const at = preferred >= 0 ? cells[preferred] : null;
  if (typeof at === 'string' && at.trim() !== '') return at.trim();
  // Labels of total rows often sit in the STT column ("Tổng cộng" across A:B).
  for (let c = 0; c < cells.length; c++) {
    const v = cells[c];
    if (table.columns[c]?.type === 'text' && typeof v === 'string' && /\p{L}/u.test(v))
      return v.trim();
  }
  return null;
}

export function tableUnits(table: Table): TableUnits {
  const nameColumn = unitNameColumn(table);
  const keyOf: (string | null)[] = [];
  const labelOf: (string | null)[] = [];
  let groupLabel: string | null = null;
  table.rows.forEach((row, r) => {
    const label = rowText(table, r, nameColumn);
    labelOf.push(label);
    if (row.role === 'group') {
      groupLabel = label;
      keyOf.push(null);
      return;
    }
    if (row.role === 'total') {
      keyOf.push(TOTAL_KEY);
      return;
    }
    if (row.role === 'subtotal') {
      if (label && !isTotalLabel(label)) keyOf.push(normalizeUnitName(label) || null);
      else keyOf.push(groupLabel ? `cộng|${normalizeUnitName(groupLabel)}` : null);
      return;
    }
    const key = row.unitKey
      ? normalizeUnitName(row.unitKey)
      : label
        ? normalizeUnitName(label)
        : '';
    keyOf.push(key === '' || key === TOTAL_KEY ? null : key);
  });
  const rowOf = new Map<string, number>();
  const twice = new Set<string>();
  keyOf.forEach((key, r) => {
    if (key === null) return;
    if (rowOf.has(key)) twice.add(key);
    else rowOf.set(key, r);
  });
  for (const key of twice) rowOf.delete(key);
  return { rowOf, keyOf, labelOf, nameColumn };
}
