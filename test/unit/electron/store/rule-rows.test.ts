/**
 * The rules a document stores, row by row in a real file: a link, a typed rule and a rule turned
 * off are written, read back under their keys, and removed; a removed rule's id is never given
 * again (the edit log may still name it). The plans built on them are tested in
 * test/unit/electron/store/rule-plans.test.ts.
 */
import { describe, expect, it } from 'vitest';
import {
  nextRuleId,
  readDisabledRules,
  readLinks,
  readRuleRow,
  readUserRules,
  ruleRowKey,
  ruleRowTables,
  writeRuleRow,
  type RuleRow,
} from '../../../../electron/store/rule-rows';
import { useSampleWriter } from '../../helpers/writer';

const { writer } = useSampleWriter();

/** The two sample tables' ids and the first figure column of each. */
function sampleIds() {
  const { db } = writer();
  const tables = db.prepare(`SELECT id FROM tables ORDER BY position`).all() as { id: number }[];
  const column = (tableId: number) =>
    (
      db
        .prepare(`SELECT id FROM columns WHERE table_id = ? ORDER BY position DESC LIMIT 1`)
        .get(tableId) as { id: number }
    ).id;
  return tables.map((t) => ({ tableId: t.id, columnId: column(t.id) }));
}

describe('rule rows', () => {
  it('writes, reads back and removes each kind of rule under its key', () => {
    const { db } = writer();
    const [a, b] = sampleIds();
    const rows: RuleRow[] = [
      {
        entity: 'link',
        id: nextRuleId(db, 'link'),
        fromTableId: a.tableId,
        fromColumnId: a.columnId,
        toTableId: b.tableId,
        toColumnId: b.columnId,
        state: 'accepted',
      },
      {
        entity: 'user-rule',
        id: nextRuleId(db, 'user-rule'),
        tableId: a.tableId,
        text: '1 >= 2',
        position: 0,
      },
      { entity: 'disabled', ruleId: `${b.tableId}/code-row:1` },
    ];
    for (const row of rows) writeRuleRow(db, ruleRowKey(row), row);

    expect(readLinks(db)).toEqual([rows[0]]);
    expect(readUserRules(db)).toEqual([rows[1]]);
    expect(readDisabledRules(db)).toEqual(new Set([`${b.tableId}/code-row:1`]));
    for (const row of rows) expect(readRuleRow(db, ruleRowKey(row))).toEqual(row);

    for (const row of rows) writeRuleRow(db, ruleRowKey(row), null);
    for (const row of rows) expect(readRuleRow(db, ruleRowKey(row))).toBeNull();
    expect(readLinks(db)).toEqual([]);
  });

  it('rewrites a row in place under its key (a link turned from dismissed to accepted)', () => {
    const { db } = writer();
    const [a, b] = sampleIds();
    const link: RuleRow = {
      entity: 'link',
      id: 7,
      fromTableId: a.tableId,
      fromColumnId: a.columnId,
      toTableId: b.tableId,
      toColumnId: b.columnId,
      state: 'dismissed',
    };
    writeRuleRow(db, 'link:7', link);
    writeRuleRow(db, 'link:7', { ...link, state: 'accepted' });
    expect(readLinks(db)).toEqual([{ ...link, state: 'accepted' }]);
  });

  it('never gives a removed rule’s id again', () => {
    const { db } = writer();
    const [a] = sampleIds();
    const first = nextRuleId(db, 'user-rule');
    const rule: RuleRow = {
      entity: 'user-rule',
      id: first,
      tableId: a.tableId,
      text: '1 = 2 + 3',
      position: 0,
    };
    writeRuleRow(db, ruleRowKey(rule), rule);
    expect(nextRuleId(db, 'user-rule')).toBe(first + 1);
    writeRuleRow(db, ruleRowKey(rule), null);
    expect(nextRuleId(db, 'user-rule')).toBe(first + 1);
  });

  it('names the tables whose checks a rule changes; a rule of the whole document names none', () => {
    expect(
      ruleRowTables({
        entity: 'link',
        id: 1,
        fromTableId: 2,
        fromColumnId: 5,
        toTableId: 2,
        toColumnId: 6,
        state: 'accepted',
      }),
    ).toEqual([2]);
    expect(
      ruleRowTables({ entity: 'user-rule', id: 1, tableId: null, text: 'x', position: 0 }),
    ).toBeNull();
    expect(
      ruleRowTables({ entity: 'user-rule', id: 1, tableId: 4, text: 'x', position: 0 }),
    ).toEqual([4]);
    expect(ruleRowTables({ entity: 'disabled', ruleId: '12/code-row:1' })).toEqual([12]);
    expect(ruleRowTables({ entity: 'disabled', ruleId: 'link:3' })).toBeNull();
  });
});
