/**
 * Where a cell's figure came from, when it came from a commune's file (`bieu collect`, Biểu ›
 * Tổng hợp từ các đơn vị…): the file, its sheet and cell, and when — so the district can answer
 * "who said 1.329?" months later, and a commune's corrected file is told from a clash with a
 * figure someone typed.
 *
 * A source belongs to the edit batch that wrote the figure (schema version 6, `cell_sources`),
 * not to the cell: undo, redo and "go back to this moment" need no bookkeeping of their own. A
 * cell's source is that of the newest applied batch that edited it, and only while the cell still
 * holds the figure that batch wrote — once someone types over it, or the figure is undone, the
 * cell has no file behind it.
 */
import type { CellEdit, ChangeSet } from '../../shared/api';
import { setCells } from './cell-writes';
import type { Writer } from './commit';
import type { Db } from './sqlite';
import { inWriteTransaction } from './write-lock';

export const CELL_SOURCES_SQL = `
  -- The returned file, sheet and cell each collected figure was read from, per edit batch.
  CREATE TABLE cell_sources (
    batch_id  INTEGER NOT NULL REFERENCES edit_batches(id) ON DELETE CASCADE,
    row_id    INTEGER NOT NULL,
    column_id INTEGER NOT NULL,
    file      TEXT NOT NULL,
    sheet     TEXT NOT NULL,
    cell      TEXT NOT NULL,
    PRIMARY KEY (batch_id, row_id, column_id)
  ) WITHOUT ROWID;
  -- A cell's newest edit is found without reading the whole edit log.
  CREATE INDEX edits_cell ON edits(row_id, column_id, batch_id);
`;

export interface SourcedEdit extends CellEdit {
  source: { file: string; sheet: string; cell: string };
}

export interface CellSource {
  rowId: number;
  columnId: number;
  file: string;
  sheet: string;
  cell: string;
  /** When the figure was written (ISO 8601), and by whom. */
  time: string;
  user: string;
}

/**
 * Set cells from a file as one undoable action (cell-writes.ts `setCells`) and remember, in the
 * same transaction, where each written figure came from.
 */
export function setCellsFrom(w: Writer, edits: readonly SourcedEdit[], label: string): ChangeSet {
  let wrote = false;
  // The batch's backup bookkeeping runs once the whole action is on disk, not inside it.
  const inner: Writer = { ...w, afterBatch: () => void (wrote = true) };
  const change = inWriteTransaction(w.db, w.docPath, () => {
    const done = setCells(
      inner,
      edits.map(({ source: _, ...e }) => e),
      label,
    );
    if (done.batchId !== null) {
      const insert = w.db.prepare(
        `INSERT OR REPLACE INTO cell_sources (batch_id, row_id, column_id, file, sheet, cell)
         VALUES (?, ?, ?, ?, ?, ?)`,
      );
      for (const e of edits)
        insert.run(done.batchId, e.rowId, e.columnId, e.source.file, e.source.sheet, e.source.cell);
    }
    return done;
  });
  if (wrote) w.afterBatch();
  return change;
}

/** The source of every cell of a table whose figure still is the one a file brought. */
export function readCellSources(db: Db, tableId: number): CellSource[] {
  // A document older than version 6 opened read-only (not migrated) has no sources yet.
  const has = db.prepare(`SELECT 1 FROM sqlite_master WHERE name = 'cell_sources'`).get();
  if (!has) return [];
  return db
    .prepare(
      `SELECT s.row_id AS rowId, s.column_id AS columnId, s.file, s.sheet, s.cell,
              b.time, b.user
         FROM rows r
         JOIN cells c ON c.row_id = r.id
         JOIN edits e ON e.row_id = c.row_id AND e.column_id = c.column_id
         JOIN edit_batches b ON b.id = e.batch_id AND b.state = 'done'
         JOIN cell_sources s
           ON s.batch_id = e.batch_id AND s.row_id = e.row_id AND s.column_id = e.column_id
        WHERE r.table_id = ?
          AND e.new_num IS c.num AND e.new_text IS c.text
          AND e.batch_id = (SELECT max(e2.batch_id) FROM edits e2
                              JOIN edit_batches b2 ON b2.id = e2.batch_id AND b2.state = 'done'
                             WHERE e2.row_id = e.row_id AND e2.column_id = e.column_id)
        ORDER BY r.position, s.column_id`,
    )
    .all(tableId) as CellSource[];
}
