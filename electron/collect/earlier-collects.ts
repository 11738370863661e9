/**
 * What earlier collects left in the document (store/cell-sources.ts), as the planner asks for it:
 * the cells whose figure a file brought (a new figure there is the unit's correction, not a
 * conflict) and the file each unit was last received from (its status stays with the document).
 */
import type { CollectOptions } from '../../shared/collect/plan-collect';
import type { Table } from '../../shared/model';
import type { DocumentStore } from '../store/document-store';

export function earlierCollects(
  store: DocumentStore,
  table: Table,
): Pick<CollectOptions, 'collectedBefore' | 'receivedBefore'> {
  const sources = store.cellSources(table.id);
  const sourced = new Set(sources.map((s) => `${s.rowId}:${s.columnId}`));
  // The newest file wins when a unit's figures came in more than once.
  const byTime = [...sources].sort((a, b) => a.time.localeCompare(b.time));
  const fileOfRow = new Map(byTime.map((s) => [s.rowId, s.file]));
  return {
    collectedBefore: (row: number, col: number) =>
      sourced.has(`${table.rows[row].id}:${table.columns[col].id}`),
    receivedBefore: (row: number) => fileOfRow.get(table.rows[row].id) ?? null,
  };
}
