/**
 * The document's metadata in the file (the `meta` table, key → text): reading it, writing the
 * values a change sets, and planning a change (pure) as the edit log records it, with the keys'
 * names from the catalogue (shared/document-meta.ts) in its sentence.
 */
import { UserError } from '../../shared/api';
import { metaName } from '../../shared/document-meta';
import type { StructurePlan } from './commit';
import type { Db } from './sqlite';

export type MetaValues = Record<string, string | null>;

export function readMeta(db: Db): Record<string, string> {
  const rows = db.prepare(`SELECT key, value FROM meta ORDER BY key`).all() as {
    key: string;
    value: string;
  }[];
  return Object.fromEntries(rows.map((r) => [r.key, r.value]));
}

/** The values of some keys, null for a key not stored. */
export function readMetaKeys(db: Db, keys: ReadonlySet<string>): MetaValues {
  const get = db.prepare(`SELECT value FROM meta WHERE key = ?`);
  const out: MetaValues = {};
  for (const k of [...keys].sort()) {
    out[k] = (get.get(k) as { value: string } | undefined)?.value ?? null;
  }
  return out;
}

/** Write values; null removes the key. */
export function writeMeta(db: Db, values: MetaValues): void {
  const upsert = db.prepare(
    `INSERT INTO meta (key, value) VALUES (?, ?) ON CONFLICT(key) DO UPDATE SET value = excluded.value`,
  );
  const remove = db.prepare(`DELETE FROM meta WHERE key = ?`);
  for (const [key, value] of Object.entries(values)) {
    if (value === null) remove.run(key);
    else upsert.run(key, value);
  }
}

/** Refuse a change naming an empty key or a value that is not text, before anything is read. */
export function checkMetaEntries(entries: MetaValues): void {
  for (const [key, value] of Object.entries(entries)) {
    if (key.trim() === '')
      throw new UserError('Tên mục thông tin không được để trống.', 'bad-input');
    if (value !== null && typeof value !== 'string') {
      throw new UserError(`Giá trị của mục «${key}» phải là chữ.`, 'bad-input');
    }
  }
}

/**
 * A change of metadata as the edit log keeps it: the keys that really change, before and after,
 * with a sentence naming them; null when nothing changes.
 */
export function metaPlan(
  before: MetaValues,
  entries: MetaValues,
  label?: string,
): StructurePlan | null {
  const after = { ...before, ...entries };
  const changed = Object.keys(entries).filter((k) => before[k] !== after[k]);
  if (changed.length === 0) return null;
  const pick = (m: MetaValues) => Object.fromEntries(changed.map((k) => [k, m[k]]));
  return {
    label: label ?? `Sửa thông tin tài liệu (${changed.map(metaName).join(', ')})`,
    tables: [],
    meta: { before: pick(before), after: pick(after) },
  };
}
