/**
 * A structural change of one table, recorded as the difference of two snapshots
 * (table-snapshot.ts) and undone or redone by writing one side over the other.
 *
 * Writing is a difference, not a rewrite: renaming a table of 100 000 rows touches one row of
 * `tables`, inserting a row touches the rows below it, and only cells that differ are written.
 */
import type { CellValue, Column, Row, RowRole } from '../../shared/model';
import { encodeCell, sameCellValue } from './cell-values';
import type { Db } from './sqlite';
import {
  readColumns,
  readRowHeads,
  rowHead,
  sameColumn,
  sameList,
  sameRowHead,
  type RowHead,
  type TableSnapshot,
} from './table-snapshot';

/** A change of one table: from one snapshot to another; null is "no such table". */
export interface TableTransition {
  from: TableSnapshot | null;
  to: TableSnapshot | null;
}

/**
 * One side of a recorded table change, kept small: a table of 50 000 rows renamed is a few
 * bytes, not two copies of its cells. The columns and rows are left out when they are the same
 * on both sides; `cells` holds only this side's non-empty cells that differ on the other side
 * (a cell of a removed row, a value that a going-back changed). Every other cell is the same on
 * both sides, so it needs no writing either way.
 */
export interface TableSide {
  name: string;
  title: string;
  unit: string;
  position: number;
  columns?: Column[];
  /** Recorded before the basis of a role was kept, a row has none: its role was set. */
  rows?: RowHead[];
  /**
   * Instead of `rows`, when only a stretch of rows differs (rows inserted, removed or moved, a
   * role changed): this side's rows are the other side's with the `remove` rows from index `at`
   * replaced by `insert`. Inserting a row into a table of 50,000 records one row, not two lists
   * of 50,000. (Documents of the released Biểu 0.1.0, schema version 3, never hold one; that
   * version opens any later document read-only.)
   */
  rowSplice?: RowSplice;
  cells: [rowId: number, columnId: number, value: CellValue][];
}

export interface RowSplice {
  at: number;
  remove: number;
  insert: RowHead[];
}

/**
 * The stretch of rows where `mine` differs from `other`, when it is at most half of them (else
 * the whole list says it as shortly): the rows before and after it are the same on both sides.
 */
function rowSplice(mine: readonly RowHead[], other: readonly RowHead[]): RowSplice | null {
  const shorter = Math.min(mine.length, other.length);
  let before = 0;
  while (before < shorter && sameRowHead(mine[before], other[before])) before++;
  let after = 0;
  while (
    after < shorter - before &&
    sameRowHead(mine[mine.length - 1 - after], other[other.length - 1 - after])
  )
    after++;
  const insert = mine.slice(before, mine.length - after);
  const remove = other.length - after - before;
  if (insert.length + remove > Math.max(mine.length, other.length) / 2) return null;
  return { at: before, remove, insert };
}

export interface TableChange {
  tableId: number;
  from: TableSide | null;
  to: TableSide | null;
}

/** The recorded form of a transition; null when the two snapshots are the same table. */
export function tableChange(t: TableTransition): TableChange | null {
  const { from, to } = t;
  const tableId = (from ?? to)?.id;
  if (tableId === undefined) return null;
  // This side's non-empty cells whose value on the other side differs (or does not exist).
  // Indexed by numeric ids, not string keys: tables of 100 000 rows go through here.
  const differing = (mine: TableSnapshot | null, other: TableSnapshot | null) => {
    const out: [number, number, CellValue][] = [];
    if (!mine) return out;
    const otherRows = new Map(other?.rows.map((r) => [r.id, r]) ?? []);
    const otherColumn = new Map(other?.columns.map((c, i) => [c.id, i]) ?? []);
    const columnMap = mine.columns.map((c) => otherColumn.get(c.id));
    for (const r of mine.rows) {
      const cells = r.cells;
      let o: Row | undefined | null = null;
      for (let ci = 0; ci < cells.length; ci++) {
        const v = cells[ci];
        if (v === null) continue;
        if (o === null) o = otherRows.get(r.id);
        const oi = columnMap[ci];
        const theirs = o && oi !== undefined ? o.cells[oi] : null;
        if (!sameCellValue(theirs, v)) out.push([r.id, mine.columns[ci].id, v]);
      }
    }
    return out;
  };
  // Each side's row heads, made once: a table of 50,000 rows compares and records them.
  const heads = new Map<TableSnapshot, RowHead[]>();
  const rowsOf = (x: TableSnapshot) => {
    let h = heads.get(x);
    if (!h) heads.set(x, (h = x.rows.map(rowHead)));
    return h;
  };
  const sameColumns = from && to && sameList(from.columns, to.columns, sameColumn);
  const sameRows = from && to && sameList(rowsOf(from), rowsOf(to), sameRowHead);
  const rowsSide = (x: TableSnapshot, other: TableSnapshot | null) => {
    if (sameRows) return {};
    const splice = other && rowSplice(rowsOf(x), rowsOf(other));
    return splice ? { rowSplice: splice } : { rows: rowsOf(x) };
  };
  const side = (x: TableSnapshot | null, other: TableSnapshot | null): TableSide | null =>
    x && {
      name: x.name,
      title: x.title,
      unit: x.unit,
      position: x.position,
      ...(sameColumns ? {} : { columns: x.columns }),
      ...rowsSide(x, other),
      cells: differing(x, other),
    };
  const change = { tableId, from: side(from, to), to: side(to, from) };
  const header = (x: TableSide | null) => x && [x.name, x.title, x.unit, x.position];
  if (
    from &&
    to &&
    sameColumns &&
    sameRows &&
    change.from!.cells.length === 0 &&
    change.to!.cells.length === 0 &&
    JSON.stringify(header(change.from)) === JSON.stringify(header(change.to))
  ) {
    return null;
  }
  return change;
}

/**
 * Write table changes as one step: each table goes from its side `from` to its side `to`.
 * Removals go first and names are cleared before any is set, so swapping two tables' names
 * (possible when several actions are undone at once) never trips the unique name.
 */
export function writeTableChanges(db: Db, changes: readonly TableChange[]): void {
  const remove = db.prepare(`DELETE FROM tables WHERE id = ?`);
  const setName = db.prepare(`UPDATE tables SET name = ? WHERE id = ?`);
  for (const c of changes) if (!c.to) remove.run(c.tableId);
  for (const c of changes) {
    if (c.from && c.to && c.from.name !== c.to.name) setName.run(`\u0000${c.tableId}`, c.tableId);
  }
  for (const c of changes) {
    if (!c.to) continue;
    if (!c.from) insertTable(db, c.tableId, c.to);
    else updateTable(db, c.tableId, c.from, c.to);
  }
}

function insertTable(db: Db, tableId: number, t: TableSide): void {
  if (!t.columns || !t.rows) throw new Error(`A new table ${tableId} needs its columns and rows`);
  db.prepare(`INSERT INTO tables (id, name, title, unit, position) VALUES (?, ?, ?, ?, ?)`).run(
    tableId,
    t.name,
    t.title,
    t.unit,
    t.position,
  );
  const insertColumn = columnInsert(db);
  t.columns.forEach((c, i) => insertColumn(tableId, i, c));
  const insertRow = rowInsert(db);
  t.rows.forEach((r, i) => insertRow(tableId, i, r));
  const write = cellWriter(db);
  for (const [rowId, columnId, v] of t.cells) write(rowId, columnId, v);
}

function updateTable(db: Db, tableId: number, from: TableSide, to: TableSide): void {
  db.prepare(`UPDATE tables SET name = ?, title = ?, unit = ?, position = ? WHERE id = ?`).run(
    to.name,
    to.title,
    to.unit,
    to.position,
    tableId,
  );

  // Columns and rows share one pattern: remove what is gone, park what moves on a negative
  // position (positions are unique per table and SQLite checks them row by row), then put
  // every changed item in place and insert the new ones. What is there now is read from the
  // file rather than trusted from the log.
  if (to.columns) {
    const update = db.prepare(
      `UPDATE columns SET position = ?, code = ?, label = ?, header_path = ?, type = ?,
              decimals = ?, formula = ?, formula_basis = ? WHERE id = ?`,
    );
    syncItems(
      db,
      'columns',
      tableId,
      readColumns(db, tableId),
      to.columns,
      sameColumn,
      (position, c) => update.run(position, ...columnFields(c), c.id),
      columnInsert(db),
    );
  }
  if (to.rows) {
    const update = db.prepare(
      `UPDATE rows SET position = ?, role = ?, role_basis = ?, unit_key = ? WHERE id = ?`,
    );
    syncItems(
      db,
      'rows',
      tableId,
      readRowHeads(db, tableId),
      to.rows,
      sameRowHead,
      (position, r) => update.run(position, r.role, r.roleBasis ?? null, r.unitKey, r.id),
      rowInsert(db),
    );
  }

  if (to.rowSplice) spliceRows(db, tableId, to.rowSplice);

  // Cells: removed rows and columns took theirs along (ON DELETE CASCADE). A cell listed on the
  // old side only is empty on the new side; one listed on the new side gets its value.
  const target = new Set(to.cells.map(([r, c]) => `${r}:${c}`));
  const remove = db.prepare(`DELETE FROM cells WHERE row_id = ? AND column_id = ?`);
  for (const [rowId, columnId] of from.cells) {
    if (!target.has(`${rowId}:${columnId}`)) remove.run(rowId, columnId);
  }
  const write = cellWriter(db);
  for (const [rowId, columnId, v] of to.cells) write(rowId, columnId, v);
}

function syncItems<T extends { id: number }>(
  db: Db,
  kind: 'columns' | 'rows',
  tableId: number,
  from: readonly T[],
  to: readonly T[],
  same: (a: T, b: T) => boolean,
  update: (position: number, item: T) => void,
  insert: (tableId: number, position: number, item: T) => void,
): void {
  const target = new Map(to.map((item, i) => [item.id, i]));
  const remove = db.prepare(`DELETE FROM ${kind} WHERE id = ?`);
  const park = db.prepare(`UPDATE ${kind} SET position = ? WHERE id = ?`);
  const current = new Map<number, { index: number; item: T }>();
  from.forEach((item, index) => {
    if (!target.has(item.id)) remove.run(item.id);
    else current.set(item.id, { index, item });
  });
  for (const [id, { index }] of current) {
    if (target.get(id) !== index) park.run(-1 - index, id);
  }
  to.forEach((item, index) => {
    const was = current.get(item.id);
    if (!was) insert(tableId, index, item);
    else if (was.index !== index || !same(was.item, item)) update(index, item);
  });
}

/**
 * Replace the `remove` rows from index `at` of the table as the file holds it with `insert`:
 * the rows after them move by the difference in two statements (through negative positions,
 * as positions are unique and SQLite checks them row by row), and only the stretch itself is
 * synced row by row. Inserting a row into a table of 50,000 touches their positions in SQLite,
 * not 25,000 rows one statement at a time.
 */
function spliceRows(db: Db, tableId: number, splice: RowSplice): void {
  const { at, remove, insert } = splice;
  const stretch = db
    .prepare(
      `SELECT id, role, role_basis, unit_key, position FROM rows WHERE table_id = ?
        ORDER BY position LIMIT ? OFFSET ?`,
    )
    .all(tableId, remove + 1, at) as {
    id: number;
    role: RowRole;
    role_basis: string | null;
    unit_key: string | null;
    position: number;
  }[];
  // The first row after the stretch, if any, and where the stretch starts.
  const next = stretch.length > remove ? stretch.pop()! : null;
  const start =
    stretch[0]?.position ??
    next?.position ??
    ((db.prepare(`SELECT max(position) FROM rows WHERE table_id = ?`).pluck().get(tableId) as
      number | null) ?? -1) + 1;
  // The stretch first: the rows that leave it go, those that stay wait on -1 … -remove.
  const staying = new Set(insert.map((r) => r.id));
  const removeRow = db.prepare(`DELETE FROM rows WHERE id = ?`);
  const park = db.prepare(`UPDATE rows SET position = ? WHERE id = ?`);
  const parked = new Set<number>();
  stretch.forEach((r, i) => {
    if (!staying.has(r.id)) removeRow.run(r.id);
    else {
      park.run(-1 - i, r.id);
      parked.add(r.id);
    }
  });
  // Then the rows after it, by way of positions below every parked one.
  if (next) {
    const shift = start + insert.length - next.position;
    if (shift !== 0) {
      db.prepare(
        `UPDATE rows SET position = -(position + ?) - 1 - ? WHERE table_id = ? AND position >= ?`,
      ).run(shift, remove, tableId, next.position);
      db.prepare(
        `UPDATE rows SET position = -position - 1 - ? WHERE table_id = ? AND position < ?`,
      ).run(remove, tableId, -remove);
    }
  }
  // Every row of `insert` at its place, updated or inserted.
  const update = db.prepare(
    `UPDATE rows SET position = ?, role = ?, role_basis = ?, unit_key = ? WHERE id = ?`,
  );
  const insertRow = rowInsert(db);
  insert.forEach((r, i) => {
    if (parked.has(r.id)) update.run(start + i, r.role, r.roleBasis ?? null, r.unitKey, r.id);
    else insertRow(tableId, start + i, r);
  });
}

function columnInsert(db: Db) {
  const stmt = db.prepare(
    `INSERT INTO columns (id, table_id, position, code, label, header_path, type, decimals,
                          formula, formula_basis)
     VALUES (?, ?, ?, ?, ?, ?, ?, ?, ?, ?)`,
  );
  return (tableId: number, position: number, c: Column) =>
    stmt.run(c.id, tableId, position, ...columnFields(c));
}

/** A column's stored fields after its place: code … formula_basis, in the table's order. */
function columnFields(c: Column) {
  return [
    c.code,
    c.label,
    JSON.stringify(c.headerPath),
    c.type,
    c.decimals,
    c.formula,
    c.formulaBasis ?? null,
  ] as const;
}

function rowInsert(db: Db) {
  const stmt = db.prepare(
    `INSERT INTO rows (id, table_id, position, role, role_basis, unit_key)
     VALUES (?, ?, ?, ?, ?, ?)`,
  );
  return (tableId: number, position: number, r: RowHead) =>
    stmt.run(r.id, tableId, position, r.role, r.roleBasis ?? null, r.unitKey);
}

/** A prepared write of single cells: a value, or null for an empty cell (no row). */
export function cellWriter(db: Db) {
  const upsert = db.prepare(
    `INSERT INTO cells (row_id, column_id, num, text) VALUES (?, ?, ?, ?)
     ON CONFLICT(row_id, column_id) DO UPDATE SET num = excluded.num, text = excluded.text`,
  );
  const remove = db.prepare(`DELETE FROM cells WHERE row_id = ? AND column_id = ?`);
  return (rowId: number, columnId: number, value: CellValue) => {
    if (value === null) remove.run(rowId, columnId);
    else {
      const { num, text } = encodeCell(value);
      upsert.run(rowId, columnId, num, text);
    }
  };
}
