/**
 * A table as one value: its structure, its cells and its place among the document's tables, read
 * from the file in the model's shape. Ids are part of it, so a cell edit made after a structural
 * change still names the same row and column after an undo and a redo. A structural edit is
 * planned as a snapshot before and after (structure-edits.ts) and recorded as their difference
 * (table-changes.ts).
 */
import type { CellValue, Column, Row, RowRole, Table } from '../../shared/model';
import { decodeCell } from './cell-values';
import type { Db } from './sqlite';

export interface TableSnapshot extends Table {
  /** The table's position among the document's tables (gaps allowed; order by position, id). */
  position: number;
}

/**
 * Read a table with its columns and rows but every cell empty, for a structural edit that moves
 * or adds rows and columns without changing a cell (a row inserted, a column moved): its plan
 * and its record need the table's shape, and reading 650,000 cells only to find none changed
 * would be most of its time. Null when there is no table with this id.
 */
export function readTableShape(db: Db, tableId: number): TableSnapshot | null {
  return read(db, tableId, false);
}

/** Read a table with its columns, rows and cells; null when there is no table with this id. */
export function readTable(db: Db, tableId: number): TableSnapshot | null {
  return read(db, tableId, true);
}

function read(db: Db, tableId: number, withCells: boolean): TableSnapshot | null {
  const table = db
    .prepare(`SELECT id, name, title, unit, position FROM tables WHERE id = ?`)
    .get(tableId) as
    { id: number; name: string; title: string; unit: string; position: number } | undefined;
  if (!table) return null;
  const columns = readColumns(db, tableId);
  const columnIndex = new Map(columns.map((c, i) => [c.id, i]));

  const rows: Row[] = readRowHeads(db, tableId).map((r) => ({
    ...r,
    cells: new Array<CellValue>(columns.length).fill(null),
  }));
  if (!withCells) return { ...table, columns, rows };
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

/** A row without its cells: what a structural change records of it. */
export type RowHead = Omit<Row, 'cells'>;

/**
 * The table's columns in order, each built field by field in the model's order, with the
 * basis of its formula only when Biểu inferred it (absent: stated by the author).
 */
export function readColumns(db: Db, tableId: number): Column[] {
  const records = db
    .prepare(
      `SELECT id, code, label, header_path, type, decimals, formula, formula_basis
         FROM columns WHERE table_id = ? ORDER BY position`,
    )
    .all(tableId) as {
    id: number;
    code: string;
    label: string;
    header_path: string;
    type: Column['type'];
    decimals: number;
    formula: string | null;
    formula_basis: string | null;
  }[];
  return records.map((c) => ({
    id: c.id,
    code: c.code,
    label: c.label,
    headerPath: JSON.parse(c.header_path) as string[],
    type: c.type,
    decimals: c.decimals,
    formula: c.formula,
    ...(c.formula_basis === 'inferred' ? { formulaBasis: 'inferred' as const } : {}),
  }));
}

/** The table's rows in order without their cells, the basis of a role only when inferred. */
export function readRowHeads(db: Db, tableId: number): RowHead[] {
  const records = db
    .prepare(`SELECT id, role, role_basis, unit_key FROM rows WHERE table_id = ? ORDER BY position`)
    .raw()
    .all(tableId) as [
    id: number,
    role: RowRole,
    roleBasis: string | null,
    unitKey: string | null,
  ][];
  return records.map(([id, role, roleBasis, unitKey]) => rowHead({ id, role, roleBasis, unitKey }));
}

/** A row's head in the model's order; a role basis other than 'inferred' is no basis. */
export function rowHead(r: {
  id: number;
  role: RowRole;
  roleBasis?: string | null;
  unitKey: string | null;
}): RowHead {
  return {
    id: r.id,
    role: r.role,
    ...(r.roleBasis === 'inferred' ? { roleBasis: 'inferred' as const } : {}),
    unitKey: r.unitKey,
  };
}

export function sameColumn(a: Column, b: Column): boolean {
  return (
    a.id === b.id &&
    a.code === b.code &&
    a.label === b.label &&
    JSON.stringify(a.headerPath) === JSON.stringify(b.headerPath) &&
    a.type === b.type &&
    a.decimals === b.decimals &&
    a.formula === b.formula &&
    a.formulaBasis === b.formulaBasis
  );
}

export function sameRowHead(a: RowHead, b: RowHead): boolean {
  return (
    a.id === b.id && a.role === b.role && a.roleBasis === b.roleBasis && a.unitKey === b.unitKey
  );
}

export function sameList<T>(
  a: readonly T[],
  b: readonly T[],
  same: (x: T, y: T) => boolean,
): boolean {
  return a.length === b.length && a.every((x, i) => same(x, b[i]));
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
