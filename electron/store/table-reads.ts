/**
 * Reading the document's tables: the list with their sizes, a table by id or by name (as the
 * model's Table, or as a snapshot with its place for a structural edit), and the names in use.
 */
import path from 'node:path';
import { UserError } from '../../shared/api';
import type { TableSummary } from '../../shared/model';
import type { Db } from './sqlite';
import { readTable, readTableShape, type TableSnapshot } from './table-snapshot';

export function listTables(db: Db): TableSummary[] {
  return db
    .prepare(
      `SELECT t.id, t.name,
              (SELECT count(*) FROM rows r WHERE r.table_id = t.id) AS rowCount,
              (SELECT count(*) FROM columns c WHERE c.table_id = t.id) AS columnCount
         FROM tables t ORDER BY t.position, t.id`,
    )
    .all() as TableSummary[];
}

export function tableNames(db: Db): Set<string> {
  return new Set(db.prepare(`SELECT name FROM tables`).pluck().all() as string[]);
}

export function tableIdByName(db: Db, name: string): number | null {
  return (db.prepare(`SELECT id FROM tables WHERE name = ?`).pluck().get(name) as number) ?? null;
}

/** A table with its cells, or a UserError naming the id and the document. */
export function requireTable(db: Db, tableId: number, docPath: string): TableSnapshot {
  return found(readTable(db, tableId), tableId, docPath);
}

/** A table's shape, every cell empty (table-snapshot.ts readTableShape), or a UserError. */
export function requireTableShape(db: Db, tableId: number, docPath: string): TableSnapshot {
  return found(readTableShape(db, tableId), tableId, docPath);
}

function found(t: TableSnapshot | null, tableId: number, docPath: string): TableSnapshot {
  if (!t) {
    throw new UserError(
      `Không tìm thấy bảng số ${tableId} trong tài liệu «${path.basename(docPath)}»; không có gì thay đổi.`,
      'not-found',
    );
  }
  return t;
}

/** The position after the last table's. */
export function nextTablePosition(db: Db): number {
  return db.prepare(`SELECT coalesce(max(position) + 1, 0) FROM tables`).pluck().get() as number;
}
