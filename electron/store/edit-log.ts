/**
 * The edit log: one batch per user action, one edit per cell with its old and new value.
 * Undo and redo read it rather than any in-memory stack, which is why they survive closing the
 * document and why the log doubles as an audit trail (who changed which cell when, from what).
 *
 * A batch is 'done' (applied), 'undone' (reverted, can be redone) or 'discarded' (undone and
 * then cut off by a new edit: kept for the record, never reapplied). Undone batches are always
 * the newest ones, so the next redo is the undone batch with the lowest id.
 */
import type { CellValue } from '../../shared/model';
import { decodeCell, encodeCell } from './cell-values';
import type { Db } from './sqlite';

export type BatchState = 'done' | 'undone' | 'discarded';

export interface EditRecord {
  /** The table the row belongs to; null if the row has since been removed. */
  tableId: number | null;
  rowId: number;
  columnId: number;
  oldValue: CellValue;
  newValue: CellValue;
}

export interface EditBatch {
  id: number;
  /** ISO 8601, UTC. */
  time: string;
  /** The operating-system user who made the change. */
  user: string;
  label: string | null;
  state: BatchState;
  edits: EditRecord[];
}

export interface CellChange {
  rowId: number;
  columnId: number;
  oldValue: CellValue;
  newValue: CellValue;
}

/**
 * Edits with the table their cell belongs to today; table_id is null when the row or column has
 * been removed since, so replay can skip what no longer exists.
 */
const SELECT_EDITS = `
  SELECT e.batch_id, CASE WHEN c.id IS NULL THEN NULL ELSE r.table_id END AS table_id,
         e.row_id, e.column_id, e.old_num, e.old_text, e.new_num, e.new_text
    FROM edits e
    LEFT JOIN rows r ON r.id = e.row_id
    LEFT JOIN columns c ON c.id = e.column_id AND c.table_id = r.table_id`;

interface EditRow {
  batch_id: number;
  table_id: number | null;
  row_id: number;
  column_id: number;
  old_num: number | null;
  old_text: string | null;
  new_num: number | null;
  new_text: string | null;
}

export function recordBatch(
  db: Db,
  batch: { time: string; user: string; label: string | null },
  changes: readonly CellChange[],
): number {
  const { lastInsertRowid } = db
    .prepare(`INSERT INTO edit_batches (time, user, label, state) VALUES (?, ?, ?, 'done')`)
    .run(batch.time, batch.user, batch.label);
  const batchId = Number(lastInsertRowid);
  const insert = db.prepare(
    `INSERT INTO edits (batch_id, row_id, column_id, old_num, old_text, new_num, new_text)
     VALUES (?, ?, ?, ?, ?, ?, ?)`,
  );
  for (const c of changes) {
    const o = encodeCell(c.oldValue);
    const n = encodeCell(c.newValue);
    insert.run(batchId, c.rowId, c.columnId, o.num, o.text, n.num, n.text);
  }
  return batchId;
}

/** A new edit after undo ends the redo chain; the undone batches stay as history. */
export function discardRedoChain(db: Db): void {
  db.prepare(`UPDATE edit_batches SET state = 'discarded' WHERE state = 'undone'`).run();
}

/** The batch the next undo reverts: the newest applied one. */
export function nextUndoBatch(db: Db): number | null {
  const row = db
    .prepare(`SELECT id FROM edit_batches WHERE state = 'done' ORDER BY id DESC LIMIT 1`)
    .get() as { id: number } | undefined;
  return row?.id ?? null;
}

/** The batch the next redo reapplies: the oldest undone one (undo went newest-first). */
export function nextRedoBatch(db: Db): number | null {
  const row = db
    .prepare(`SELECT id FROM edit_batches WHERE state = 'undone' ORDER BY id ASC LIMIT 1`)
    .get() as { id: number } | undefined;
  return row?.id ?? null;
}

export function setBatchState(db: Db, batchId: number, state: BatchState): void {
  db.prepare(`UPDATE edit_batches SET state = ? WHERE id = ?`).run(state, batchId);
}

/** A batch's edits in the order they were applied. */
export function batchEdits(db: Db, batchId: number): EditRecord[] {
  const rows = db
    .prepare(
      `${SELECT_EDITS}
        WHERE e.batch_id = ? ORDER BY e.id`,
    )
    .all(batchId) as EditRow[];
  return rows.map(toRecord);
}

/** The newest `limit` batches, newest first, each with its edits. */
export function readHistory(db: Db, limit: number): EditBatch[] {
  const batches = db
    .prepare(`SELECT id, time, user, label, state FROM edit_batches ORDER BY id DESC LIMIT ?`)
    .all(Math.max(0, Math.floor(limit))) as Omit<EditBatch, 'edits'>[];
  if (batches.length === 0) return [];
  const byBatch = new Map<number, EditRecord[]>(batches.map((b) => [b.id, []]));
  const edits = db
    .prepare(
      `${SELECT_EDITS}
        WHERE e.batch_id BETWEEN ? AND ? ORDER BY e.id`,
    )
    .all(batches[batches.length - 1].id, batches[0].id) as EditRow[];
  for (const e of edits) byBatch.get(e.batch_id)?.push(toRecord(e));
  return batches.map((b) => ({ ...b, edits: byBatch.get(b.id) ?? [] }));
}

function toRecord(e: EditRow): EditRecord {
  return {
    tableId: e.table_id,
    rowId: e.row_id,
    columnId: e.column_id,
    oldValue: decodeCell(e.old_num, e.old_text),
    newValue: decodeCell(e.new_num, e.new_text),
  };
}
