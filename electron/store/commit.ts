/**
 * The commit machinery: how any change reaches the file. A structural action is planned first
 * (pure: snapshots in, a plan out — table-plans.ts, rule-plans.ts, structure-edits.ts,
 * document-meta.ts), then written and logged as ONE batch of the edit log in ONE transaction
 * that holds SQLite's write lock from its start (write-lock.ts). What the change did comes back
 * as a ChangeSet the renderer applies without reloading.
 */
import type { CellEdit, ChangeSet } from '../../shared/api';
import { writeMeta, type MetaValues } from './document-meta';
import {
  discardRedoChain,
  nextRedoBatch,
  nextUndoBatch,
  recordBatch,
  type CellChange,
  type RuleRow,
  type StructureRecord,
} from './edit-log';
import { ruleRowKey, ruleRowTables, writeRuleRow } from './rule-rows';
import type { Db } from './sqlite';
import type { StructureEdit } from './structure-edits';
import { listTables } from './table-reads';
import {
  tableChange,
  writeTableChanges,
  type TableChange,
  type TableTransition,
} from './table-changes';
import { readTableOrder, writeTableOrder, type TableSnapshot } from './table-snapshot';
import { inWriteTransaction } from './write-lock';

/** A rule row of the document before and after (null: no such row on that side). */
export interface RuleChange {
  before: RuleRow | null;
  after: RuleRow | null;
}

/** What one structural action changes, before it is written and logged. */
export interface StructurePlan {
  label: string;
  tables: TableTransition[];
  order?: { before: [number, number][]; after: [number, number][] };
  meta?: { before: MetaValues; after: MetaValues };
  /** Rows of the document's rules (links, user rules, rules turned off), before and after. */
  rules?: RuleChange[];
}

/** A plan as the edit log keeps it: each table as the difference of its two sides. */
export type RecordedPlan = Omit<StructurePlan, 'tables'> & { tables: TableChange[] };

/** An open, writable document as the modules that change it need it. */
export interface Writer {
  readonly db: Db;
  /** For the sentences that name the document. */
  readonly docPath: string;
  /** Who is editing, for the edit log. */
  readonly user: string;
  /** After each batch recorded (the backup schedule counts them). */
  afterBatch(): void;
}

/** What a change wrote, before it is described as a ChangeSet. */
interface Committed {
  batchId: number;
  changes: CellEdit[];
  structureChanged: number[];
}

/** A plan that changes one table into the edited one. */
export function single(from: TableSnapshot, edit: StructureEdit): StructurePlan {
  return { label: edit.label, tables: [{ from, to: edit.table }] };
}

export function undoState(db: Db): { canUndo: boolean; canRedo: boolean } {
  return { canUndo: nextUndoBatch(db) !== null, canRedo: nextRedoBatch(db) !== null };
}

/**
 * Run a change in one transaction and describe it as a ChangeSet; `tableListChanged` is
 * whether the table list (names, order, sizes) now reads differently.
 */
export function commitChange(w: Writer, change: () => Committed | null): ChangeSet {
  let listChanged = false;
  const result = inWriteTransaction(w.db, w.docPath, () => {
    const before = JSON.stringify(listTables(w.db));
    const r = change();
    listChanged = r !== null && JSON.stringify(listTables(w.db)) !== before;
    return r;
  });
  if (result) w.afterBatch();
  return {
    batchId: result?.batchId ?? null,
    changes: result?.changes ?? [],
    structureChanged: result?.structureChanged ?? [],
    tableListChanged: listChanged,
    ...undoState(w.db),
  };
}

/**
 * Write a structural plan and log it as one batch, in one transaction. The plan is made inside
 * the transaction, from what the file holds then; a plan that changes nothing records nothing.
 */
export function commitPlan(w: Writer, plan: () => StructurePlan | null): ChangeSet {
  const { db } = w;
  return commitChange(w, () => {
    const p = plan();
    if (!p) return null;
    const tables = p.tables.map(tableChange).filter((c): c is TableChange => c !== null);
    const rules = (p.rules ?? []).filter(
      (r) => JSON.stringify(r.before) !== JSON.stringify(r.after),
    );
    if (tables.length === 0 && !p.order && !p.meta && rules.length === 0) return null;
    writeTableChanges(db, tables);
    if (p.order) writeTableOrder(db, p.order.after);
    if (p.meta) writeMeta(db, p.meta.after);
    for (const r of rules) writeRuleRow(db, ruleRowKey((r.after ?? r.before)!), r.after);
    const batchId = recordCommitted(w, p.label, [], { ...p, tables, rules });
    return {
      batchId,
      changes: [],
      structureChanged: withRuleTables(
        db,
        tables.filter((t) => t.to).map((t) => t.tableId),
        rules,
      ),
    };
  });
}

/**
 * Record an action (its cell changes and structure records) as the edit log's newest batch: now,
 * by this user. A new action ends the redo chain.
 */
export function recordCommitted(
  w: Writer,
  label: string | null,
  changes: readonly CellChange[],
  plan: RecordedPlan | null,
): number {
  discardRedoChain(w.db);
  return recordBatch(
    w.db,
    { time: new Date().toISOString(), user: w.user, label },
    changes,
    plan ? planRecords(plan) : [],
  );
}

function planRecords(plan: RecordedPlan): StructureRecord[] {
  const records: StructureRecord[] = plan.tables.map((t) => ({
    kind: 'table',
    tableId: t.tableId,
    before: t.from,
    after: t.to,
  }));
  if (plan.order) records.push({ kind: 'order', ...plan.order });
  if (plan.meta) records.push({ kind: 'meta', ...plan.meta });
  for (const r of plan.rules ?? []) records.push({ kind: 'rules', ...r });
  return records;
}

/**
 * The tables to check again after rules changed: those of the changed rules (every table for a
 * rule of the whole document), added to the tables whose structure changed.
 */
export function withRuleTables(
  db: Db,
  structureChanged: number[],
  rules: readonly RuleChange[],
): number[] {
  const ids = new Set(structureChanged);
  for (const r of rules) {
    const tables = ruleRowTables((r.after ?? r.before)!);
    const existing = new Set(readTableOrder(db).map(([id]) => id));
    for (const id of tables ?? existing) if (existing.has(id)) ids.add(id);
  }
  return [...ids];
}
