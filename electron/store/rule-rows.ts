/**
 * The rules a document stores (schema version 3): links between columns of its tables
 * (accepted, or dismissed proposals), rules typed by the user, and the derived rules turned
 * off. Read and written row by row, as the edit log records them (edit-log.ts RuleRow), so a
 * change of rules is undone and redone like any other structural change.
 */
import type { RuleRow } from './edit-log';
import type { Db } from './sqlite';

export type { RuleRow } from './edit-log';

export type LinkRow = Extract<RuleRow, { entity: 'link' }>;
export type UserRuleRow = Extract<RuleRow, { entity: 'user-rule' }>;

/** What identifies a rule row: "link:3", "user-rule:5", "disabled:12/code-row:1". */
export function ruleRowKey(row: RuleRow): string {
  return row.entity === 'disabled' ? `disabled:${row.ruleId}` : `${row.entity}:${row.id}`;
}

interface LinkRecord {
  id: number;
  from_table_id: number;
  from_column_id: number;
  to_table_id: number;
  to_column_id: number;
  state: 'accepted' | 'dismissed';
}

function linkRow(r: LinkRecord): LinkRow {
  return {
    entity: 'link',
    id: r.id,
    fromTableId: r.from_table_id,
    fromColumnId: r.from_column_id,
    toTableId: r.to_table_id,
    toColumnId: r.to_column_id,
    state: r.state,
  };
}

export function readLinks(db: Db): LinkRow[] {
  return (db.prepare(`SELECT * FROM links ORDER BY id`).all() as LinkRecord[]).map(linkRow);
}

export function readUserRules(db: Db): UserRuleRow[] {
  return (
    db
      .prepare(`SELECT id, table_id, text, position FROM user_rules ORDER BY position, id`)
      .all() as {
      id: number;
      table_id: number | null;
      text: string;
      position: number;
    }[]
  ).map((r) => ({
    entity: 'user-rule',
    id: r.id,
    tableId: r.table_id,
    text: r.text,
    position: r.position,
  }));
}

export function readDisabledRules(db: Db): Set<string> {
  return new Set(
    (db.prepare(`SELECT rule_id FROM disabled_rules`).all() as { rule_id: string }[]).map(
      (r) => r.rule_id,
    ),
  );
}

/** The row a key names as the file holds it now, or null. */
export function readRuleRow(db: Db, key: string): RuleRow | null {
  const colon = key.indexOf(':');
  const entity = key.slice(0, colon);
  const rest = key.slice(colon + 1);
  if (entity === 'link') {
    const r = db.prepare(`SELECT * FROM links WHERE id = ?`).get(Number(rest)) as
      LinkRecord | undefined;
    return r ? linkRow(r) : null;
  }
  if (entity === 'user-rule') {
    return readUserRules(db).find((r) => r.id === Number(rest)) ?? null;
  }
  const r = db.prepare(`SELECT rule_id FROM disabled_rules WHERE rule_id = ?`).get(rest) as
    { rule_id: string } | undefined;
  return r ? { entity: 'disabled', ruleId: r.rule_id } : null;
}

/** Make the file hold `row` under `key` (null: no such row). */
export function writeRuleRow(db: Db, key: string, row: RuleRow | null): void {
  const colon = key.indexOf(':');
  const entity = key.slice(0, colon);
  const rest = key.slice(colon + 1);
  if (entity === 'link') db.prepare(`DELETE FROM links WHERE id = ?`).run(Number(rest));
  else if (entity === 'user-rule')
    db.prepare(`DELETE FROM user_rules WHERE id = ?`).run(Number(rest));
  else db.prepare(`DELETE FROM disabled_rules WHERE rule_id = ?`).run(rest);
  if (!row) return;
  switch (row.entity) {
    case 'link':
      db.prepare(
        `INSERT INTO links (id, from_table_id, from_column_id, to_table_id, to_column_id, state)
         VALUES (?, ?, ?, ?, ?, ?)`,
      ).run(row.id, row.fromTableId, row.fromColumnId, row.toTableId, row.toColumnId, row.state);
      return;
    case 'user-rule':
      db.prepare(`INSERT INTO user_rules (id, table_id, text, position) VALUES (?, ?, ?, ?)`).run(
        row.id,
        row.tableId,
        row.text,
        row.position,
      );
      return;
    case 'disabled':
      db.prepare(`INSERT INTO disabled_rules (rule_id) VALUES (?)`).run(row.ruleId);
  }
}

/** The next id of a link or a user rule (AUTOINCREMENT: never one used before). */
export function nextRuleId(db: Db, entity: 'link' | 'user-rule'): number {
  const table = entity === 'link' ? 'links' : 'user_rules';
  const seq = db.prepare(`SELECT seq FROM sqlite_sequence WHERE name = ?`).get(table) as
    { seq: number } | undefined;
  const max = db.prepare(`SELECT max(id) AS m FROM ${table}`).get() as { m: number | null };
  return Math.max(seq?.seq ?? 0, max.m ?? 0) + 1;
}

/**
 * The tables whose checks a rule row changes: both tables of a link, the table of a user rule
 * or of a rule turned off; null for a rule of the whole document (every table).
 */
export function ruleRowTables(row: RuleRow): number[] | null {
  switch (row.entity) {
    case 'link':
      return [...new Set([row.fromTableId, row.toTableId])];
    case 'user-rule':
      return row.tableId === null ? null : [row.tableId];
    case 'disabled': {
      const m = /^(\d+)\//.exec(row.ruleId);
      return m ? [Number(m[1])] : null;
    }
  }
}
