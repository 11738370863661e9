/**
 * Writing cells: typed figures, a paste, an import onto existing tables. Every edit is checked
 * before anything is written — its row and column belong to its table, its value is one a cell
 * can hold — by one check, worded for the action (typing names the table and the cell, a paste
 * names the pasted cell); the first bad edit is named and nothing is changed.
 *
 * A paste that needs new rows is one structural batch (the rows and their cells together, so
 * one undo takes both back); any other cell write is one batch of cell changes.
 */
import { UserError, type CellEdit, type ChangeSet, type PasteInput } from '../../shared/api';
import type { CellValue } from '../../shared/model';
import { writeWithOneSum } from './cell-checksum';
import { cellValueOf, decodeCell, sameCellValue } from './cell-values';
import { commitPlan, recordCommitted, undoState, type StructurePlan, type Writer } from './commit';
import { chunkedInsert, type CellChange } from './edit-log';
import type { Db } from './sqlite';
import { insertRows } from './row-edits';
import { tableName, type IdSource } from './structure-edits';
import { requireTable } from './table-reads';
import type { TableSnapshot } from './table-snapshot';
import { inWriteTransaction } from './write-lock';

/** The rows and columns an edit may name. */
interface EditTarget {
  rows: ReadonlySet<number>;
  columns: { has(columnId: number): boolean };
}

/** What to say of a bad edit, in the words of the action that brought it. */
interface EditWords {
  row(rowId: number): UserError;
  column(columnId: number): UserError;
  value(rowId: number | undefined, columnId: number): UserError;
}

/** The value an edit writes, once its row (when it names one) and column are the table's. */
function checkedValue(
  target: EditTarget,
  rowId: number | undefined,
  columnId: number,
  value: unknown,
  words: EditWords,
): CellValue {
  if (rowId !== undefined && !target.rows.has(rowId)) throw words.row(rowId);
  if (!target.columns.has(columnId)) throw words.column(columnId);
  const checked = cellValueOf(value);
  if (checked === undefined) throw words.value(rowId, columnId);
  return checked;
}

/**
 * Set cells as one user action: one transaction, one edit batch. Every edit must name a
 * table, and a row and column of that same table; otherwise nothing is changed. Cells whose
 * value does not change are skipped (and if none changes, no batch is recorded). When a cell
 * appears twice, the last value wins. A new edit ends the redo chain.
 */
export function setCells(w: Writer, edits: readonly CellEdit[], label?: string): ChangeSet {
  const { db } = w;
  const applied = inWriteTransaction(
    db,
    w.docPath,
    (): { batchId: number | null; changes: CellEdit[] } => {
      const wanted = validateEdits(db, edits);
      const old = readOldValues(db, wanted);
      const changes: CellChange[] = [];
      const applied: CellEdit[] = [];
      for (let i = 0; i < wanted.length; i++) {
        const e = wanted[i];
        if (sameCellValue(old[i], e.value)) continue;
        changes.push({
          tableId: e.tableId,
          rowId: e.rowId,
          columnId: e.columnId,
          oldValue: old[i],
          newValue: e.value,
        });
        applied.push(e);
      }
      if (changes.length === 0) return { batchId: null, changes: [] };
      const batchId = recordCommitted(w, label ?? null, changes, null);
      writeWithOneSum(db, changes, () => writeCells(db, applied));
      return { batchId, changes: applied };
    },
  );
  if (applied.batchId !== null) w.afterBatch();
  return { ...applied, ...undoState(db), structureChanged: [], tableListChanged: false };
}

const pasted = (i: number) => `ô dán thứ ${i + 1}`;

/**
 * A paste as ONE user action: when it needs new rows, they are inserted (empty detail rows
 * before row `atIndex`, default the end) and the cells written in one transaction and one
 * structural batch, so one undo takes back both; with no new rows it is a plain cell batch.
 * Every edit names an existing row (`rowId`) or a new one (`newRow`), and a column of the
 * table; otherwise nothing is changed.
 */
export function paste(w: Writer, p: PasteInput, ids: IdSource): ChangeSet {
  if (p.appendRows === 0) {
    const edits = p.edits.map((e, i): CellEdit => {
      if (e.rowId === undefined || e.newRow !== undefined) {
        throw new UserError(
          `${pasted(i)} phải chỉ một dòng có sẵn (rowId), vì không thêm dòng nào; không ô nào được ghi.`,
          'bad-input',
        );
      }
      return { tableId: p.tableId, rowId: e.rowId, columnId: e.columnId, value: e.value };
    });
    return setCells(w, edits, p.label);
  }
  return commitPlan(w, () => pasteRowsPlan(requireTable(w.db, p.tableId, w.docPath), p, ids));
}

/** The plan of a paste that adds rows (pure): the table with its new rows and pasted cells. */
export function pasteRowsPlan(t: TableSnapshot, p: PasteInput, ids: IdSource): StructurePlan {
  const target: EditTarget = {
    rows: new Set(t.rows.map((r) => r.id)),
    columns: new Set(t.columns.map((c) => c.id)),
  };
  const columnIndex = new Map(t.columns.map((c, i) => [c.id, i]));
  const wanted = p.edits.map((e, i) => {
    const unchanged = '; không có gì thay đổi.';
    if ((e.rowId === undefined) === (e.newRow === undefined)) {
      throw new UserError(
        `${pasted(i)} phải chỉ đúng một dòng: một dòng có sẵn (rowId) hoặc một dòng mới (newRow)${unchanged}`,
        'bad-input',
      );
    }
    if (e.newRow !== undefined && e.newRow >= p.appendRows) {
      throw new UserError(
        `${pasted(i)} chỉ dòng mới thứ ${e.newRow + 1}, nhưng chỉ thêm ${p.appendRows} dòng${unchanged}`,
        'bad-input',
      );
    }
    const value = checkedValue(target, e.rowId, e.columnId, e.value, {
      row: (rowId) =>
        new UserError(
          `Dòng số ${rowId} (${pasted(i)}) không có trong biểu ${tableName(t)}${unchanged}`,
          'not-found',
        ),
      column: (columnId) =>
        new UserError(
          `Cột số ${columnId} (${pasted(i)}) không có trong biểu ${tableName(t)}${unchanged}`,
          'not-found',
        ),
      value: () =>
        new UserError(
          `Giá trị của ${pasted(i)} không hợp lệ: một ô chỉ chứa số hữu hạn, chữ hoặc để trống${unchanged}`,
          'bad-input',
        ),
    });
    return { rowId: e.rowId, newRow: e.newRow, ci: columnIndex.get(e.columnId)!, value };
  });
  const at = Math.max(0, Math.min(p.atIndex ?? t.rows.length, t.rows.length));
  const inserted = insertRows(t, at, p.appendRows, 'detail', ids);
  const table = inserted.table;
  const byId = new Map(table.rows.map((r) => [r.id, r]));
  for (const e of wanted) {
    const row = e.newRow !== undefined ? table.rows[at + e.newRow] : byId.get(e.rowId!)!;
    row.cells[e.ci] = e.value;
  }
  return { label: p.label ?? inserted.label, tables: [{ from: t, to: table }] };
}

/**
 * Check every edit before anything is written, naming the first bad one, and collapse repeated
 * cells to their last value (in the place of its last occurrence).
 */
function validateEdits(db: Db, edits: readonly CellEdit[]): CellEdit[] {
  const unwritten = '; không ô nào được ghi.';
  const tables = new Map<number, EditTarget & { words: EditWords }>();
  const tableInfo = (tableId: number) => {
    let t = tables.get(tableId);
    if (!t) {
      const name = db.prepare(`SELECT name FROM tables WHERE id = ?`).pluck().get(tableId) as
        string | undefined;
      if (name === undefined) {
        throw new UserError(
          `Không tìm thấy bảng số ${tableId} trong tài liệu${unwritten}`,
          'not-found',
        );
      }
      const ids = (sql: string) => new Set(db.prepare(sql).pluck().all(tableId) as number[]);
      t = {
        rows: ids(`SELECT id FROM rows WHERE table_id = ?`),
        columns: ids(`SELECT id FROM columns WHERE table_id = ?`),
        words: {
          row: (rowId) =>
            new UserError(
              `Dòng số ${rowId} không có trong bảng «${name}»${unwritten}`,
              'not-found',
            ),
          column: (columnId) =>
            new UserError(
              `Cột số ${columnId} không có trong bảng «${name}»${unwritten}`,
              'not-found',
            ),
          value: (rowId, columnId) =>
            new UserError(
              `Giá trị ghi vào bảng «${name}» (dòng số ${rowId}, cột số ${columnId}) không hợp lệ: ` +
                `một ô chỉ chứa số hữu hạn, chữ hoặc để trống${unwritten}`,
              'bad-input',
            ),
        },
      };
      tables.set(tableId, t);
    }
    return t;
  };

  // Where each cell already is in `out`, by row then column: small integer keys, where one
  // string key per cell would cost more than the rest of the check for a 300,000-cell paste.
  const at = new Map<number, Map<number, number>>();
  const out: (CellEdit | null)[] = [];
  let dropped = 0;
  let lastTableId = NaN;
  let t: ReturnType<typeof tableInfo> | null = null;
  for (const e of edits) {
    if (e.tableId !== lastTableId || !t) {
      t = tableInfo(e.tableId);
      lastTableId = e.tableId;
    }
    const value = checkedValue(t, e.rowId, e.columnId, e.value, t.words);
    // A repeated cell: the last value wins, in the place of its last occurrence.
    let inRow = at.get(e.rowId);
    if (!inRow) at.set(e.rowId, (inRow = new Map()));
    const earlier = inRow.get(e.columnId);
    if (earlier !== undefined) {
      out[earlier] = null;
      dropped++;
    }
    inRow.set(e.columnId, out.length);
    out.push({ tableId: e.tableId, rowId: e.rowId, columnId: e.columnId, value });
  }
  return dropped === 0 ? (out as CellEdit[]) : out.filter((e): e is CellEdit => e !== null);
}

/**
 * The stored values of the cells about to be set, in the order of `edits` (validated: no cell
 * twice). One query per row touched rather than per cell: a 10,000 × 30 paste reads 10,000 rows.
 */
function readOldValues(db: Db, edits: readonly CellEdit[]): CellValue[] {
  const old = new Array<CellValue>(edits.length).fill(null);
  const byRow = new Map<number, number[]>();
  for (let i = 0; i < edits.length; i++) {
    const list = byRow.get(edits[i].rowId);
    if (list) list.push(i);
    else byRow.set(edits[i].rowId, [i]);
  }
  const rowCells = db.prepare(`SELECT column_id, num, text FROM cells WHERE row_id = ?`).raw(true);
  for (const [rowId, indices] of byRow) {
    const stored = rowCells.all(rowId) as [number, number | null, string | null][];
    if (stored.length === 0) continue;
    if (stored.length * indices.length > 1024) {
      const byColumn = new Map(stored.map((c) => [c[0], c]));
      for (const i of indices) {
        const c = byColumn.get(edits[i].columnId);
        if (c) old[i] = decodeCell(c[1], c[2]);
      }
      continue;
    }
    for (const i of indices) {
      const columnId = edits[i].columnId;
      for (const c of stored) {
        if (c[0] === columnId) {
          old[i] = decodeCell(c[1], c[2]);
          break;
        }
      }
    }
  }
  return old;
}

/**
 * Write validated edits (no cell twice): a number into num as a REAL, text into text, an empty
 * cell as no row. Many cells per statement, as for the edit log.
 */
function writeCells(db: Db, edits: readonly CellEdit[]): void {
  const upsert = chunkedInsert(
    db,
    `INSERT INTO cells (row_id, column_id, num, text) VALUES `,
    4,
    `ON CONFLICT(row_id, column_id) DO UPDATE SET num = excluded.num, text = excluded.text`,
  );
  let remove: ReturnType<typeof db.prepare<[number, number]>> | null = null;
  for (const e of edits) {
    const v = e.value;
    if (v === null) {
      remove ??= db.prepare(`DELETE FROM cells WHERE row_id = ? AND column_id = ?`);
      remove.run(e.rowId, e.columnId);
      continue;
    }
    upsert.params.push(
      e.rowId,
      e.columnId,
      typeof v === 'number' ? v : null,
      typeof v === 'number' ? null : v,
    );
    upsert.rowDone();
  }
  upsert.flush();
}
