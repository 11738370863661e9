/**
 * The edit log: one batch per user action, one edit per cell with its old and new value, and
 * for a structural action (tables, columns, rows, table order, metadata) its structure records.
 * Undo and redo read it rather than any in-memory stack, which is why they survive closing the
 * document and why the log doubles as an audit trail (who changed what when, from what).
 *
 * A batch is 'done' (applied), 'undone' (reverted, can be redone) or 'discarded' (undone and
 * then cut off by a new edit: kept for the record, never reapplied). Undone batches are always
 * the newest ones, so the next redo is the undone batch with the lowest id.
 */
import type { CellValue } from '../../shared/model';
import { decodeCell } from './cell-values';
import type { Db } from './sqlite';
import type { TableSide } from './table-changes';

type BatchState = 'done' | 'undone' | 'discarded';

interface EditRecord {
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
  /** True when the batch changed structure, table order or metadata (see StructureRecord). */
  structural: boolean;
}

/**
 * The structural part of a batch (schema version 2). A table as its two sides, before and after
 * (null: the table did not exist on that side; see TableSide for what each side holds); the
 * order as every table's [id, position]; metadata as the changed keys' values (null: absent).
 */
export type StructureRecord =
  | { kind: 'table'; tableId: number; before: TableSide | null; after: TableSide | null }
  | { kind: 'order'; before: [number, number][]; after: [number, number][] }
  | {
      kind: 'meta';
      before: Record<string, string | null>;
      after: Record<string, string | null>;
    }
  /** A rule of the document (schema version 3): a link, a user rule or a rule turned off. */
  | { kind: 'rules'; before: RuleRow | null; after: RuleRow | null };

/** One row of the document's rules (schema version 3), as the edit log keeps it. */
export type RuleRow =
  | {
      entity: 'link';
      id: number;
      fromTableId: number;
      fromColumnId: number;
      toTableId: number;
      toColumnId: number;
      state: 'accepted' | 'dismissed';
    }
  | { entity: 'user-rule'; id: number; tableId: number | null; text: string; position: number }
  | { entity: 'disabled'; ruleId: string };

export interface CellChange {
  /** The table of the cell, kept in the log for the history once the row is gone. */
  tableId?: number;
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
  structure: readonly StructureRecord[] = [],
): number {
  const { lastInsertRowid } = db
    .prepare(`INSERT INTO edit_batches (time, user, label, state) VALUES (?, ?, ?, 'done')`)
    .run(batch.time, batch.user, batch.label);
  const batchId = Number(lastInsertRowid);
  const insertStructure = db.prepare(
    `INSERT INTO structure_changes (batch_id, kind, table_id, before, after) VALUES (?, ?, ?, ?, ?)`,
  );
  const json = (v: unknown) => (v === null ? null : JSON.stringify(v));
  for (const r of structure) {
    insertStructure.run(
      batchId,
      r.kind,
      r.kind === 'table' ? r.tableId : null,
      json(r.before),
      json(r.after),
    );
  }
  // Many edits per statement: a paste of 300,000 cells is one batch, and one INSERT per edit
  // spends most of its time crossing into SQLite rather than writing.
  const insert = chunkedInsert(
    db,
    `INSERT INTO edits (batch_id, table_id, row_id, column_id, old_num, old_text, new_num, new_text)
     VALUES `,
    8,
  );
  for (const c of changes) {
    const o = c.oldValue;
    const n = c.newValue;
    insert.params.push(
      batchId,
      c.tableId ?? null,
      c.rowId,
      c.columnId,
      typeof o === 'number' ? o : null,
      typeof o === 'string' ? o : null,
      typeof n === 'number' ? n : null,
      typeof n === 'string' ? n : null,
    );
    insert.rowDone();
  }
  insert.flush();
  return batchId;
}

/** Rows per multi-row statement; 8 values each stays far below SQLite's parameter limit. */
const ROWS_PER_STATEMENT = 128;

/**
 * A multi-row INSERT (or upsert: `tail` follows the VALUES list) fed one row at a time (push
 * its `width` values onto `params`, then rowDone()), run every ROWS_PER_STATEMENT rows and at
 * flush(). Only for rows that cannot conflict with each other (no two with the same key).
 */
export function chunkedInsert(
  db: Db,
  head: string,
  width: number,
  tail = '',
): { params: unknown[]; rowDone(): void; flush(): void } {
  const tuple = `(${new Array(width).fill('?').join(', ')})`;
  const statement = (rows: number) =>
    db.prepare(`${head}${new Array(rows).fill(tuple).join(', ')} ${tail}`);
  let full: ReturnType<typeof statement> | null = null;
  const params: unknown[] = [];
  return {
    params,
    rowDone() {
      if (params.length >= width * ROWS_PER_STATEMENT) {
        full ??= statement(ROWS_PER_STATEMENT);
        full.run(params);
        params.length = 0;
      }
    },
    flush() {
      if (params.length === 0) return;
      statement(params.length / width).run(params);
      params.length = 0;
    },
  };
}

/** A batch's structural records in the order they were recorded. */
export function batchStructure(db: Db, batchId: number): StructureRecord[] {
  const rows = db
    .prepare(
      `SELECT kind, table_id, before, after FROM structure_changes WHERE batch_id = ? ORDER BY id`,
    )
    .all(batchId) as {
    kind: StructureRecord['kind'];
    table_id: number | null;
    before: string | null;
    after: string | null;
  }[];
  const parse = (text: string | null) => (text === null ? null : JSON.parse(text));
  return rows.map((r) => {
    if (r.kind === 'table' || r.kind === 'rules') {
      return r.kind === 'table'
        ? { kind: 'table', tableId: r.table_id!, before: parse(r.before), after: parse(r.after) }
        : { kind: 'rules', before: parse(r.before), after: parse(r.after) };
    }
    return {
      kind: r.kind,
      before: parse(r.before) ?? {},
      after: parse(r.after) ?? {},
    } as StructureRecord;
  });
}

export function getBatch(
  db: Db,
  batchId: number,
): { id: number; time: string; label: string | null; state: BatchState } | null {
  return (
    (db.prepare(`SELECT id, time, label, state FROM edit_batches WHERE id = ?`).get(batchId) as
      { id: number; time: string; label: string | null; state: BatchState } | undefined) ?? null
  );
}

/** Ids of the batches in a state, in id order (ascending). */
export function batchesInState(db: Db, state: BatchState, afterId = 0): number[] {
  return (
    db
      .prepare(`SELECT id FROM edit_batches WHERE state = ? AND id > ? ORDER BY id`)
      .all(state, afterId) as { id: number }[]
  ).map((r) => r.id);
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
  const batches = (
    db
      .prepare(
        `SELECT b.id, b.time, b.user, b.label, b.state,
                EXISTS (SELECT 1 FROM structure_changes s WHERE s.batch_id = b.id) AS structural
           FROM edit_batches b ORDER BY b.id DESC LIMIT ?`,
      )
      .all(Math.max(0, Math.floor(limit))) as (Omit<EditBatch, 'edits' | 'structural'> & {
      structural: number;
    })[]
  ).map((b) => ({ ...b, structural: b.structural === 1 }));
  if (batches.length === 0) return [];
  const byBatch = new Map<number, EditRecord[]>(batches.map((b) => [b.id, []]));
  // The history names the table the cell was in when edited, even if its row is gone since.
  const edits = db
    .prepare(
      `SELECT e.batch_id, coalesce(e.table_id, r.table_id) AS table_id,
              e.row_id, e.column_id, e.old_num, e.old_text, e.new_num, e.new_text
         FROM edits e LEFT JOIN rows r ON r.id = e.row_id
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
