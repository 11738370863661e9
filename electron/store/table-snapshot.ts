/**
 * A table as one value: its structure, its cells and its place among the document's tables.
 * A structural edit is planned as a snapshot before and after, recorded as the difference of the
 * two (TableChange, in the edit log), and undone or redone by writing one side over the other.
 * Ids are part of it, so a cell edit made after a structural change still names the same row and
 * column after an undo and a redo.
 *
 * Writing is a difference, not a rewrite: renaming a table of 100 000 rows touches one row of
 * `tables`, inserting a row touches the rows below it, and only cells that differ are written.
 */
import type { CellValue, Column, Row, RowRole, Table } from '../../shared/model';
import { decodeCell, encodeCell, sameCellValue } from './cell-values';
import type { Db } from './sqlite';

export interface TableSnapshot extends Table {
  /** The table's position among the document's tables (gaps allowed; order by position, id). */
  position: number;
}

/** Read a table with its columns, rows and cells; null when there is no table with this id. */
export function readTable(db: Db, tableId: number): TableSnapshot | null {
  const table = db
    .prepare(`SELECT id, name, title, unit, position FROM tables WHERE id = ?`)
    .get(tableId) as
    { id: number; name: string; title: string; unit: string; position: number } | undefined;
  if (!table) return null;
  const columns: Column[] = (
    db
      .prepare(
        `SELECT id, code, label, header_path, type, decimals, formula
           FROM columns WHERE table_id = ? ORDER BY position`,
      )
      .all(tableId) as (Omit<Column, 'headerPath'> & { header_path: string })[]
  ).map(({ header_path, ...c }) => ({ ...c, headerPath: JSON.parse(header_path) as string[] }));
  const columnIndex = new Map(columns.map((c, i) => [c.id, i]));

  const rows: Row[] = (
    db
      .prepare(`SELECT id, role, unit_key FROM rows WHERE table_id = ? ORDER BY position`)
      .all(tableId) as { id: number; role: RowRole; unit_key: string | null }[]
  ).map((r) => ({
    id: r.id,
    role: r.role,
    unitKey: r.unit_key,
    cells: new Array<CellValue>(columns.length).fill(null),
  }));
  const rowById = new Map(rows.map((r) => [r.id, r]));

  const cells = db
    .prepare(
      `SELECT c.row_id, c.column_id, c.num, c.text
         FROM cells c JOIN rows r ON r.id = c.row_id WHERE r.table_id = ?`,
    )
    .all(tableId) as {
    row_id: number;
    column_id: number;
    num: number | null;
    text: string | null;
  }[];
  for (const c of cells) {
    const row = rowById.get(c.row_id);
    const index = columnIndex.get(c.column_id);
    if (row && index !== undefined) row.cells[index] = decodeCell(c.num, c.text);
  }
  return { ...table, columns, rows };
}

export type IdKind = 'tables' | 'columns' | 'rows';

/**
 * Hand out `count` fresh ids of a kind, never used before in this document (not even by a
 * column or row that was removed since). Returns the first; the others follow it.
 */
export function allocateIds(db: Db, kind: IdKind, count: number): number {
  const { live } = db.prepare(`SELECT coalesce(max(id), 0) AS live FROM ${kind}`).get() as {
    live: number;
  };
  const seq = db.prepare(`SELECT last FROM id_sequences WHERE name = ?`).get(kind) as
    { last: number } | undefined;
  const first = Math.max(live, seq?.last ?? 0) + 1;
  db.prepare(
    `INSERT INTO id_sequences (name, last) VALUES (?, ?)
     ON CONFLICT(name) DO UPDATE SET last = excluded.last`,
  ).run(kind, first + count - 1);
  return first;
}

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
  rows?: { id: number; role: RowRole; unitKey: string | null }[];
  cells: [rowId: number, columnId: number, value: CellValue][];
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
      const o = otherRows.get(r.id);
      r.cells.forEach((v, ci) => {
        if (v === null) return;
        const oi = columnMap[ci];
        const theirs = o && oi !== undefined ? o.cells[oi] : null;
        if (!sameCellValue(theirs, v)) out.push([r.id, mine.columns[ci].id, v]);
      });
    }
    return out;
  };
  const rowsOf = (x: TableSnapshot) =>
    x.rows.map((r) => ({ id: r.id, role: r.role, unitKey: r.unitKey }));
  const sameColumns = from && to && JSON.stringify(from.columns) === JSON.stringify(to.columns);
  const sameRows = from && to && JSON.stringify(rowsOf(from)) === JSON.stringify(rowsOf(to));
  const side = (x: TableSnapshot | null, other: TableSnapshot | null): TableSide | null =>
    x && {
      name: x.name,
      title: x.title,
      unit: x.unit,
      position: x.position,
      ...(sameColumns ? {} : { columns: x.columns }),
      ...(sameRows ? {} : { rows: rowsOf(x) }),
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
    const current = (
      db
        .prepare(
          `SELECT id, code, label, header_path, type, decimals, formula
             FROM columns WHERE table_id = ? ORDER BY position`,
        )
        .all(tableId) as (Omit<Column, 'headerPath'> & { header_path: string })[]
    ).map(({ header_path, ...c }) => ({ ...c, headerPath: JSON.parse(header_path) as string[] }));
    const update = db.prepare(
      `UPDATE columns SET position = ?, code = ?, label = ?, header_path = ?, type = ?,
              decimals = ?, formula = ? WHERE id = ?`,
    );
    syncItems(
      db,
      'columns',
      tableId,
      current,
      to.columns,
      (a, b) => JSON.stringify(a) === JSON.stringify(b),
      (position, c) =>
        update.run(
          position,
          c.code,
          c.label,
          JSON.stringify(c.headerPath),
          c.type,
          c.decimals,
          c.formula,
          c.id,
        ),
      columnInsert(db),
    );
  }
  if (to.rows) {
    const current = (
      db
        .prepare(`SELECT id, role, unit_key FROM rows WHERE table_id = ? ORDER BY position`)
        .all(tableId) as { id: number; role: RowRole; unit_key: string | null }[]
    ).map((r) => ({ id: r.id, role: r.role, unitKey: r.unit_key }));
    const update = db.prepare(`UPDATE rows SET position = ?, role = ?, unit_key = ? WHERE id = ?`);
    syncItems(
      db,
      'rows',
      tableId,
      current,
      to.rows,
      (a, b) => a.role === b.role && a.unitKey === b.unitKey,
      (position, r) => update.run(position, r.role, r.unitKey, r.id),
      rowInsert(db),
    );
  }

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

function columnInsert(db: Db) {
  const stmt = db.prepare(
    `INSERT INTO columns (id, table_id, position, code, label, header_path, type, decimals, formula)
     VALUES (?, ?, ?, ?, ?, ?, ?, ?, ?)`,
  );
  return (tableId: number, position: number, c: Column) =>
    stmt.run(
      c.id,
      tableId,
      position,
      c.code,
      c.label,
      JSON.stringify(c.headerPath),
      c.type,
      c.decimals,
      c.formula,
    );
}

function rowInsert(db: Db) {
  const stmt = db.prepare(
    `INSERT INTO rows (id, table_id, position, role, unit_key) VALUES (?, ?, ?, ?, ?)`,
  );
  return (tableId: number, position: number, r: Pick<Row, 'id' | 'role' | 'unitKey'>) =>
    stmt.run(r.id, tableId, position, r.role, r.unitKey);
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

/** Every table's [id, position], in document order. */
export function readTableOrder(db: Db): [number, number][] {
  return (
    db.prepare(`SELECT id, position FROM tables ORDER BY position, id`).all() as {
      id: number;
      position: number;
    }[]
  ).map((r) => [r.id, r.position]);
}

export function writeTableOrder(db: Db, order: readonly [number, number][]): void {
  const set = db.prepare(`UPDATE tables SET position = ? WHERE id = ?`);
  for (const [id, position] of order) set.run(position, id);
}
