/**
 * Damage as a disk or a copy leaves it: one bit flipped inside the pages that hold the cells.
 * Which flips SQLite's own checks see depends on where the bit lands, so the helper tries the
 * bits of those pages in order on an in-memory copy and returns the first one of the kind asked
 * for: a flip `quick_check` lets through but `integrity_check` catches, or one both let through
 * although a stored figure changed.
 */
import fs from 'node:fs';
import Database from 'better-sqlite3';

export type FlipKind = 'integrity-only' | 'silent';

function cellsOf(db: Database.Database): string {
  try {
    return JSON.stringify(db.prepare(`SELECT * FROM cells ORDER BY row_id, column_id`).all());
  } catch {
    return 'unreadable';
  }
}

function check(db: Database.Database, pragma: string): string {
  return (db.pragma(pragma) as Record<string, string>[]).map((r) => Object.values(r)[0]).join(';');
}

/** The file's bytes as an in-memory database (its header set to rollback mode to be loadable). */
function load(bytes: Buffer): Database.Database {
  const copy = Buffer.from(bytes);
  copy[18] = 1;
  copy[19] = 1;
  return new Database(copy);
}

/**
 * Flip, in the closed document `file`, the first bit of its cells pages whose damage is of
 * `kind`; returns the byte offset and bit, the file changed on disk.
 */
export function flipCellBit(file: string, kind: FlipKind): { offset: number; bit: number } {
  const bytes = fs.readFileSync(file);
  const db = load(bytes);
  const pageSize = db.pragma('page_size', { simple: true }) as number;
  const pages = db
    .prepare(`SELECT pageno FROM dbstat WHERE name = 'cells' AND pagetype = 'leaf' ORDER BY pageno`)
    .pluck()
    .all() as number[];
  const healthy = cellsOf(db);
  db.close();
  for (const page of pages) {
    const start = (page - 1) * pageSize;
    // The cells themselves: from where the page's cell content area begins (its header says)
    // to the end of the page.
    const content = start + (bytes.readUInt16BE(start + 5) || 65536);
    for (let offset = content; offset < start + pageSize; offset++) {
      for (let bit = 0; bit < 8; bit++) {
        const damaged = Buffer.from(bytes);
        damaged[offset] ^= 1 << bit;
        let wanted = false;
        try {
          const probe = load(damaged);
          const cells = cellsOf(probe);
          wanted =
            cells !== healthy &&
            cells !== 'unreadable' &&
            check(probe, 'quick_check') === 'ok' &&
            (check(probe, 'integrity_check') === 'ok') === (kind === 'silent');
          probe.close();
        } catch {
          continue;
        }
        if (wanted) {
          fs.writeFileSync(file, damaged);
          return { offset, bit };
        }
      }
    }
  }
  throw new Error(`no ${kind} bit flip found in ${file}`);
}
