/**
 * "Quay lại thời điểm này": go back to the moment right after a batch of the history (0: before
 * the first one) as ONE new action. Every applied batch after it is reverted (or, for a batch
 * that was undone, the undone batches up to it are reapplied), and the net change — what the
 * steps touched, read before and after applying them — is recorded as one batch, which undo
 * reverts like any other.
 */
import { UserError, type ChangeSet } from '../../shared/api';
import { sameCellValue } from './cell-values';
import {
  commitChange,
  recordCommitted,
  withRuleTables,
  type RecordedPlan,
  type Writer,
} from './commit';
import { readMetaKeys } from './document-meta';
import { batchEdits, batchesInState, batchStructure, getBatch, type CellChange } from './edit-log';
import { applyBatch, cellAccess, type Direction } from './history';
import { readRuleRow, ruleRowKey } from './rule-rows';
import type { Db } from './sqlite';
import { tableChange, type TableChange } from './table-changes';
import { readTable, readTableOrder } from './table-snapshot';

type Step = { id: number; direction: Direction };

/** The batches to apply, in order, to reach the moment after `batchId`, and the sentence. */
function stepsTo(db: Db, batchId: number): { steps: Step[]; label: string } {
  const undo = (ids: number[]) => ids.reverse().map((id) => ({ id, direction: 'undo' as const }));
  if (batchId === 0) {
    return {
      steps: undo(batchesInState(db, 'done')),
      label: 'Quay lại trạng thái ban đầu của tài liệu',
    };
  }
  const target = getBatch(db, batchId);
  if (!target) {
    throw new UserError(
      `Không có thao tác số ${batchId} trong lịch sử của tài liệu; không có gì thay đổi.`,
      'not-found',
    );
  }
  const named = `thao tác «${target.label ?? `số ${batchId}`}»`;
  if (target.state === 'discarded') {
    throw new UserError(
      `Không thể quay lại sau ${named}: thao tác này đã bị bỏ khi có thao tác mới sau lần hoàn tác.`,
      'bad-input',
    );
  }
  return {
    steps:
      target.state === 'done'
        ? undo(batchesInState(db, 'done', batchId))
        : batchesInState(db, 'undone')
            .filter((id) => id <= batchId)
            .map((id) => ({ id, direction: 'redo' as const })),
    label: `Quay lại thời điểm sau ${named}`,
  };
}

/** What the steps touch: tables, the order, metadata keys, rule rows, cells of other tables. */
function touched(db: Db, steps: readonly Step[]) {
  const tableIds = new Set<number>();
  const metaKeys = new Set<string>();
  const ruleKeys = new Set<string>();
  let orderTouched = false;
  const cellKeys = new Map<string, { tableId: number; rowId: number; columnId: number }>();
  for (const { id } of steps) {
    for (const r of batchStructure(db, id)) {
      if (r.kind === 'table') tableIds.add(r.tableId);
      else if (r.kind === 'order') orderTouched = true;
      else if (r.kind === 'rules') ruleKeys.add(ruleRowKey((r.after ?? r.before)!));
      else for (const k of [...Object.keys(r.before), ...Object.keys(r.after)]) metaKeys.add(k);
    }
    for (const e of batchEdits(db, id)) {
      if (e.tableId !== null) {
        cellKeys.set(`${e.rowId}:${e.columnId}`, {
          tableId: e.tableId,
          rowId: e.rowId,
          columnId: e.columnId,
        });
      }
    }
  }
  const cells = cellAccess(db);
  const capture = () => ({
    tables: new Map([...tableIds].map((id) => [id, readTable(db, id)])),
    order: orderTouched || tableIds.size > 0 ? readTableOrder(db) : [],
    meta: readMetaKeys(db, metaKeys),
    rules: new Map([...ruleKeys].map((k) => [k, readRuleRow(db, k)])),
    cells: new Map(
      [...cellKeys]
        .filter(([, c]) => !tableIds.has(c.tableId))
        .map(([k, c]) => [k, cells.read(c.rowId, c.columnId)]),
    ),
  });
  return { tableIds, ruleKeys, cellKeys, capture };
}

export function revertTo(w: Writer, batchId: number): ChangeSet {
  const { db } = w;
  return commitChange(w, () => {
    const { steps, label } = stepsTo(db, batchId);
    if (steps.length === 0) return null;

    const { tableIds, ruleKeys, cellKeys, capture } = touched(db, steps);
    const before = capture();
    for (const step of steps) applyBatch(db, step.id, step.direction);
    const after = capture();

    const tables: TableChange[] = [];
    for (const id of tableIds) {
      const change = tableChange({
        from: before.tables.get(id) ?? null,
        to: after.tables.get(id) ?? null,
      });
      if (change) tables.push(change);
    }
    const changes: CellChange[] = [];
    for (const [key, old] of before.cells) {
      const now = after.cells.get(key) ?? null;
      if (!sameCellValue(old, now)) {
        changes.push({ ...cellKeys.get(key)!, oldValue: old, newValue: now });
      }
    }
    const plan: RecordedPlan = { label, tables };
    if (JSON.stringify(before.order) !== JSON.stringify(after.order)) {
      plan.order = { before: before.order, after: after.order };
    }
    if (JSON.stringify(before.meta) !== JSON.stringify(after.meta)) {
      plan.meta = { before: before.meta, after: after.meta };
    }
    const rules = [...ruleKeys]
      .map((k) => ({ before: before.rules.get(k) ?? null, after: after.rules.get(k) ?? null }))
      .filter((r) => JSON.stringify(r.before) !== JSON.stringify(r.after));
    if (rules.length > 0) plan.rules = rules;
    // Already there (the steps cancel out, e.g. an earlier going back): no action.
    if (tables.length === 0 && changes.length === 0 && !plan.order && !plan.meta && !plan.rules) {
      return null;
    }
    // The state is already the target: only record it. Batches that were reapplied here live
    // on inside this one, so the redo chain is over.
    const id = recordCommitted(w, label, changes, plan);
    return {
      batchId: id,
      changes: changes.map((c) => ({
        tableId: c.tableId!,
        rowId: c.rowId,
        columnId: c.columnId,
        value: c.newValue,
      })),
      structureChanged: withRuleTables(
        db,
        tables.filter((t) => t.to).map((t) => t.tableId),
        rules,
      ),
    };
  });
}
