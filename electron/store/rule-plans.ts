/**
 * Changes of the document's rules — links between columns, rules typed by the user, rules turned
 * off — each one undoable batch of the edit log (structure records of kind 'rules'). The plans
 * are pure (the rows before and after); the functions below them read what they need, refuse a
 * change naming what does not exist, and commit the plan.
 */
import { UserError, type ChangeSet, type ColumnRefInfo } from '../../shared/api';
import { commitPlan, type StructurePlan, type Writer } from './commit';
import type { RuleRow } from './edit-log';
import { nextRuleId, readLinks, readRuleRow, type LinkRow, type UserRuleRow } from './rule-rows';
import { requireTable } from './table-reads';

// ---------------------------------------------------------------- plans (pure)

/**
 * Accept or dismiss a link between two columns. A link already stored for the same two columns
 * (either way round) changes state instead; `newId` gives the id of a new one.
 */
export function linkPlan(
  links: readonly LinkRow[],
  from: ColumnRefInfo,
  to: ColumnRefInfo,
  state: LinkRow['state'],
  label: string,
  newId: () => number,
): StructurePlan {
  const same = (a: ColumnRefInfo, b: ColumnRefInfo) =>
    a.tableId === b.tableId && a.columnId === b.columnId;
  const existing = links.find((l) => {
    const lFrom = { tableId: l.fromTableId, columnId: l.fromColumnId };
    const lTo = { tableId: l.toTableId, columnId: l.toColumnId };
    return (same(lFrom, from) && same(lTo, to)) || (same(lFrom, to) && same(lTo, from));
  });
  const after: LinkRow = existing
    ? { ...existing, state }
    : {
        entity: 'link',
        id: newId(),
        fromTableId: from.tableId,
        fromColumnId: from.columnId,
        toTableId: to.tableId,
        toColumnId: to.columnId,
        state,
      };
  return { label, tables: [], rules: [{ before: existing ?? null, after }] };
}

/** Rows of rules added (before: none) or removed (after: none). */
export function rulesPlan(label: string, added: RuleRow[], removed: RuleRow[]): StructurePlan {
  return {
    label,
    tables: [],
    rules: [
      ...added.map((after) => ({ before: null, after })),
      ...removed.map((before) => ({ before, after: null })),
    ],
  };
}

/** Turn a rule on (no 'disabled' row) or off (a 'disabled' row), from its row now. */
export function switchPlan(
  before: RuleRow | null,
  ruleId: string,
  enabled: boolean,
  label: string,
): StructurePlan {
  return {
    label,
    tables: [],
    rules: [{ before, after: enabled ? null : { entity: 'disabled', ruleId } }],
  };
}

// ---------------------------------------------------------------- changes of the document

export function setLink(
  w: Writer,
  from: ColumnRefInfo,
  to: ColumnRefInfo,
  state: LinkRow['state'],
  label: string,
): ChangeSet {
  for (const side of [from, to]) {
    const t = requireTable(w.db, side.tableId, w.docPath);
    if (!t.columns.some((c) => c.id === side.columnId)) {
      throw new UserError(
        `Cột số ${side.columnId} không có trong biểu «${t.name}»; không có gì thay đổi.`,
        'not-found',
      );
    }
  }
  return commitPlan(w, () =>
    linkPlan(readLinks(w.db), from, to, state, label, () => nextRuleId(w.db, 'link')),
  );
}

export function removeLink(w: Writer, id: number, label: string): ChangeSet {
  const existing = readRuleRow(w.db, `link:${id}`);
  if (!existing) throw new UserError(`Không có liên kết số ${id} trong tài liệu.`, 'not-found');
  return commitPlan(w, () => rulesPlan(label, [], [existing]));
}

/** Store a rule typed by the user (already checked by the caller); its id with the change. */
export function addUserRule(
  w: Writer,
  tableId: number | null,
  text: string,
  label: string,
): { id: number; changes: ChangeSet } {
  if (tableId !== null) requireTable(w.db, tableId, w.docPath);
  const id = nextRuleId(w.db, 'user-rule');
  const last = w.db.prepare(`SELECT max(position) FROM user_rules`).pluck().get() as number | null;
  const row: UserRuleRow = { entity: 'user-rule', id, tableId, text, position: (last ?? 0) + 1 };
  return { id, changes: commitPlan(w, () => rulesPlan(label, [row], [])) };
}

/** Remove a rule typed by the user, and its being turned off. */
export function removeUserRule(w: Writer, id: number, label: string): ChangeSet {
  const existing = readRuleRow(w.db, `user-rule:${id}`);
  if (!existing) {
    throw new UserError(`Không có quy tắc tự nhập số ${id} trong tài liệu.`, 'not-found');
  }
  const off = readRuleRow(w.db, `disabled:user:${id}`);
  return commitPlan(w, () => rulesPlan(label, [], off ? [existing, off] : [existing]));
}

/** Turn a rule on or off (its id as the rules view lists it). */
export function setRuleEnabled(
  w: Writer,
  ruleId: string,
  enabled: boolean,
  label: string,
): ChangeSet {
  const before = readRuleRow(w.db, `disabled:${ruleId}`);
  return commitPlan(w, () => switchPlan(before, ruleId, enabled, label));
}
