/**
 * What a collected table says of where its figures came from, for the table view: the hover note
 * of each figure a commune's file brought (which file, sheet and cell, when) and each unit's state
 * — received from which file and when, or not yet — kept in the document by the collect itself
 * (the `collect.sources` call), so it holds after a restart, an undo or a corrected file.
 */
import type { CallOutput } from '../../shared/api';
import { unitRows } from '../../shared/collect/unit-rows';
import type { Table } from '../../shared/model';
import { t } from '../i18n';
import { formatDateTime } from '../shell/format-time';

export type CellSources = CallOutput<'collect.sources'>;
type Source = CellSources[number];

/** The hover note of each collected figure: row id → column index → the sentence. */
export function sourceNotes(table: Table, sources: CellSources): Map<number, Map<number, string>> {
  const columnIndex = new Map(table.columns.map((c, i) => [c.id, i]));
  const notes = new Map<number, Map<number, string>>();
  for (const s of sources) {
    const col = columnIndex.get(s.columnId);
    if (col === undefined) continue;
    const row = notes.get(s.rowId) ?? new Map<number, string>();
    row.set(col, sourceNote(s));
    notes.set(s.rowId, row);
  }
  return notes;
}

/** A returned file as people name it: its name, not the folder it was saved in. */
export const fileName = (file: string) => file.split(/[\\/]/).pop() ?? file;

export function sourceNote(s: Source): string {
  return t('collect.source', {
    file: fileName(s.file),
    sheet: s.sheet.trim(),
    cell: s.cell,
    time: formatDateTime(s.time),
  });
}

export interface UnitState {
  unit: string;
  rowId: number;
  /** The file the unit's figures last came from, and when; null: nothing received yet. */
  file: string | null;
  time: string | null;
}

/**
 * Every unit of the table, received (its newest file) or not. Null when no figure of the table
 * came from a file: a table that is typed, not collected, has no units to account for.
 */
export function unitStates(table: Table, sources: CellSources): UnitState[] | null {
  if (sources.length === 0) return null;
  const newest = new Map<number, Source>();
  for (const s of sources) {
    const seen = newest.get(s.rowId);
    if (!seen || seen.time < s.time) newest.set(s.rowId, s);
  }
  return unitRows(table).map((u) => {
    const rowId = table.rows[u.rowIndex].id;
    const s = newest.get(rowId);
    return { unit: u.name, rowId, file: s ? fileName(s.file) : null, time: s?.time ?? null };
  });
}
