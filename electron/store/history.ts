/**
 * Undo, redo and the history panel, read from the edit log in the file (edit-log.ts), so they
 * work the same after the document is closed and reopened. Undo reverts the newest applied batch
 * and redo reapplies the batch undone most recently, each as one transaction; applying a batch
 * is shared with going back to a moment (revert.ts).
 */
import type { CellEdit, ChangeSet, HistoryEntry } from '../../shared/api';
import type { CellValue } from '../../shared/model';
import { decodeCell } from './cell-values';
import { commitChange, withRuleTables, type RuleChange, type Writer } from './commit';
import { writeMeta } from './document-meta';
import {
  batchEdits,
  batchStructure,
  nextRedoBatch,
  nextUndoBatch,
  setBatchState,
  type EditBatch,
} from './edit-log';
import { ruleRowKey, writeRuleRow } from './rule-rows';
import type { Db } from './sqlite';
import { cellWriter, writeTableChanges, type TableChange } from './table-changes';
import { writeTableOrder } from './table-snapshot';

export type Direction = 'undo' | 'redo';

/** At most this many cells per history entry: a paste of 10 000 cells is one line anyway. */
const HISTORY_CELLS_PER_ENTRY = 500;

/** Undo the newest applied batch, or redo the batch undone most recently. */
export function replay(w: Writer, direction: Direction): ChangeSet {
  const { db } = w;
  return commitChange(w, () => {
    const batchId = direction === 'undo' ? nextUndoBatch(db) : nextRedoBatch(db);
    if (batchId === null) return null;
    const applied = applyBatch(db, batchId, direction);
    setBatchState(db, batchId, direction === 'undo' ? 'undone' : 'done');
    return { batchId, ...applied };
  });
}

/**
 * Apply one batch forwards (redo) or backwards (undo), without touching its state. Structure
 * first, then cells: a batch holds cells only of tables its structure records do not cover.
 * Columns and rows are synced from what the file holds now, not from what the log assumes.
 */
export function applyBatch(
  db: Db,
  batchId: number,
  direction: Direction,
): { changes: CellEdit[]; structureChanged: number[] } {
  const records = batchStructure(db, batchId);
  const target = <T>(r: { before: T; after: T }) => (direction === 'undo' ? r.before : r.after);
  const tables: TableChange[] = [];
  for (const r of records) {
    if (r.kind !== 'table') continue;
    tables.push(
      direction === 'undo'
        ? { tableId: r.tableId, from: r.after, to: r.before }
        : { tableId: r.tableId, from: r.before, to: r.after },
    );
  }
  writeTableChanges(db, tables);
  const rules: RuleChange[] = [];
  for (const r of records) {
    if (r.kind === 'order') writeTableOrder(db, target(r));
    if (r.kind === 'meta') writeMeta(db, target(r));
    if (r.kind === 'rules') {
      writeRuleRow(db, ruleRowKey((r.after ?? r.before)!), target(r));
      rules.push(r);
    }
  }

  const cellEdits = batchEdits(db, batchId);
  // Undo walks the batch backwards so the first old value of a cell is the one that stays.
  if (direction === 'undo') cellEdits.reverse();
  const cells = cellAccess(db);
  const changes: CellEdit[] = [];
  for (const e of cellEdits) {
    // A row or column removed since the edit has nothing left to restore.
    if (e.tableId === null) continue;
    const value = direction === 'undo' ? e.oldValue : e.newValue;
    cells.write(e.rowId, e.columnId, value);
    changes.push({ tableId: e.tableId, rowId: e.rowId, columnId: e.columnId, value });
  }
  return {
    changes,
    structureChanged: withRuleTables(
      db,
      tables.filter((t) => t.to).map((t) => t.tableId),
      rules,
    ),
  };
}

/** The history panel's view of the log (pure): who, when, what, newest first. */
export function historyEntries(batches: readonly EditBatch[]): HistoryEntry[] {
  return batches.map((b) => {
    const cells = b.edits
      .filter((e): e is typeof e & { tableId: number } => e.tableId !== null)
      .slice(0, HISTORY_CELLS_PER_ENTRY);
    const label =
      b.label ??
      (b.edits.length === 1
        ? 'Sửa một ô'
        : b.edits.length > 0
          ? `Sửa ${b.edits.length} ô`
          : 'Thay đổi tài liệu');
    return {
      batchId: b.id,
      time: b.time,
      user: b.user,
      label,
      state: b.state,
      cells,
      structural: b.structural ? label : null,
    };
  });
}

/** Prepared reads and writes of single cells; an empty cell is an absent row. */
export function cellAccess(db: Db) {
  const select = db.prepare(`SELECT num, text FROM cells WHERE row_id = ? AND column_id = ?`);
  return {
    read(rowId: number, columnId: number): CellValue {
      const c = select.get(rowId, columnId) as
        { num: number | null; text: string | null } | undefined;
      return c ? decodeCell(c.num, c.text) : null;
    },
    write: cellWriter(db),
  };
}
