/**
 * A checksum of every cell of a document, kept in the document itself (schema version 4), so a
 * damaged figure is caught before anyone edits it. SQLite's own checks cannot see it: a bit
 * flipped inside a stored number still leaves a well-formed page, and Biểu would show 65820 where
 * 19207 was typed.
 *
 * Each cell has a 32-bit hash of its row, column and value; the document keeps the sum of all of
 * them and their count. The sum is updated by triggers in the same transaction as the cell, so
 * every way of writing a cell (a paste, an undo, a table restored from the edit log, a cascade
 * when a row goes) keeps it true, and a crash leaves it as true as the cells. Checking it is one
 * pass over the cells on open.
 *
 * The hash is part of the file format: changing it would make every existing document look
 * damaged. It only has to tell a changed cell from the stored one, not resist an attacker.
 */
import type { Db } from './sqlite';

/** The SQL function the triggers call; every connection registers it (sqlite.ts). */
const CELL_HASH_FUNCTION = 'bieu_cell_hash';

const float = new Float64Array(1);
const words = new Uint32Array(float.buffer);

function mix(state: number, value: number): number {
  const x = Math.imul(state ^ value, 0x01000193);
  return x ^ (x >>> 15);
}

/** The hash of one stored cell: its row and column, and `num` or `text` as stored. */
export function cellHash(
  rowId: number,
  columnId: number,
  num: number | null,
  text: string | null,
): number {
  let x = mix(mix(0x811c9dc5, rowId), columnId);
  if (num !== null) {
    // The bits of the double itself: the smallest change of a figure changes the hash.
    float[0] = num;
    x = mix(mix(mix(x, 0x1b873593), words[0]), words[1]);
  } else if (text !== null) {
    x = mix(x, 0x9e3779b9);
    for (let i = 0; i < text.length; i++) x = mix(x, text.charCodeAt(i));
    x = mix(x, text.length);
  }
  x = Math.imul(x ^ (x >>> 16), 0x85ebca6b);
  x = Math.imul(x ^ (x >>> 13), 0xc2b2ae35);
  return (x ^ (x >>> 16)) >>> 0;
}

/**
 * Make the hash callable from SQL on this connection. It answers a BigInt so SQLite keeps the
 * sum an exact INTEGER (a JavaScript number would come back as a REAL and round).
 */
export function registerCellHash(db: Db): void {
  db.function(CELL_HASH_FUNCTION, { deterministic: true }, (row, column, num, text) =>
    BigInt(
      cellHash(
        Number(row),
        Number(column),
        num === null ? null : Number(num),
        text === null ? null : String(text),
      ),
    ),
  );
}

/** The triggers that keep the sum true for any single write of a cell. */
const CELL_CHECKSUM_TRIGGERS = `
  CREATE TRIGGER cell_checksum_insert AFTER INSERT ON cells BEGIN
    UPDATE cell_checksum
       SET sum = sum + ${CELL_HASH_FUNCTION}(NEW.row_id, NEW.column_id, NEW.num, NEW.text),
           count = count + 1;
  END;
  CREATE TRIGGER cell_checksum_delete AFTER DELETE ON cells BEGIN
    UPDATE cell_checksum
       SET sum = sum - ${CELL_HASH_FUNCTION}(OLD.row_id, OLD.column_id, OLD.num, OLD.text),
           count = count - 1;
  END;
  CREATE TRIGGER cell_checksum_update AFTER UPDATE ON cells BEGIN
    UPDATE cell_checksum
       SET sum = sum - ${CELL_HASH_FUNCTION}(OLD.row_id, OLD.column_id, OLD.num, OLD.text)
                     + ${CELL_HASH_FUNCTION}(NEW.row_id, NEW.column_id, NEW.num, NEW.text);
  END;
`;

/** The triggers and the first sum, as the schema migration creates them. */
export const CELL_CHECKSUM_SQL = `
  CREATE TABLE cell_checksum (
    id    INTEGER PRIMARY KEY CHECK (id = 1),
    sum   INTEGER NOT NULL,
    count INTEGER NOT NULL
  );
  INSERT INTO cell_checksum (id, sum, count)
    SELECT 1, coalesce(sum(${CELL_HASH_FUNCTION}(row_id, column_id, num, text)), 0), count(*)
      FROM cells;${CELL_CHECKSUM_TRIGGERS}`;

/**
 * From this many cells on, a batch keeps the sum itself: the triggers would call the hash and
 * rewrite the checksum row once per cell, more work than writing the cells (a paste of 300,000
 * cells). Below it, setting the triggers aside and back would cost more than it saves.
 */
const ONE_SUM_FROM = 512;

/** A cell written by a batch: what it held and what it holds now (null: no cell). */
export interface CellWrite {
  rowId: number;
  columnId: number;
  oldValue: number | string | null;
  newValue: number | string | null;
}

function hashOf(rowId: number, columnId: number, value: number | string): number {
  return typeof value === 'number'
    ? cellHash(rowId, columnId, value, null)
    : cellHash(rowId, columnId, null, value);
}

/**
 * Run `write`, which writes exactly `writes` (inside the caller's transaction), and keep the
 * checksum true with one update for the whole batch instead of one per cell: the triggers are
 * set aside while it writes and put back before the transaction ends, so a crash, or a failing
 * write, leaves both the cells and the triggers as they were.
 */
export function writeWithOneSum(db: Db, writes: readonly CellWrite[], write: () => void): void {
  if (writes.length < ONE_SUM_FROM || !hasChecksum(db)) {
    write();
    return;
  }
  db.exec(`DROP TRIGGER cell_checksum_insert;
    DROP TRIGGER cell_checksum_delete;
    DROP TRIGGER cell_checksum_update;`);
  write();
  // Exact in a double up to 2^53: at most 2^21 hashes of 32 bits are added before carrying.
  let sum = 0n;
  let part = 0;
  let count = 0;
  for (let i = 0; i < writes.length; i++) {
    const w = writes[i];
    if (w.oldValue !== null) {
      part -= hashOf(w.rowId, w.columnId, w.oldValue);
      count--;
    }
    if (w.newValue !== null) {
      part += hashOf(w.rowId, w.columnId, w.newValue);
      count++;
    }
    if ((i & 0xfffff) === 0xfffff) {
      sum += BigInt(part);
      part = 0;
    }
  }
  sum += BigInt(part);
  db.prepare(`UPDATE cell_checksum SET sum = sum + ?, count = count + ? WHERE id = 1`).run(
    sum,
    count,
  );
  db.exec(CELL_CHECKSUM_TRIGGERS);
}

/**
 * Whether the cells still add up to the stored checksum: true or false, or null for a document
 * from before the checksum (schema version 3 or older, opened without being migrated).
 */
export function cellChecksumHolds(db: Db): boolean | null {
  if (!hasChecksum(db)) return null;
  // Compared inside SQLite, where both sums are exact 64-bit integers.
  const holds = db
    .prepare(
      `SELECT coalesce(sum(${CELL_HASH_FUNCTION}(row_id, column_id, num, text)), 0) =
                (SELECT sum FROM cell_checksum WHERE id = 1)
              AND count(*) = (SELECT count FROM cell_checksum WHERE id = 1)
         FROM cells`,
    )
    .pluck()
    .get() as number | null | undefined;
  return holds === 1;
}

/** Whether the document keeps a checksum (schema version 4 and later). */
function hasChecksum(db: Db): boolean {
  return (
    db
      .prepare(`SELECT 1 FROM sqlite_master WHERE type = 'table' AND name = 'cell_checksum'`)
      .get() !== undefined
  );
}
