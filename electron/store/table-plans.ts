/**
 * The plans of actions on whole tables (pure, like structure-edits.ts for what happens inside a
 * table): adding tables, renaming, duplicating, moving and deleting one. Each takes what the
 * document holds now (snapshots, the order, the names in use) and fresh ids, and gives the plan
 * the commit machinery writes and logs as one batch, or null when nothing would change.
 * (Adding tables, at the end, checks them and commits its plan.)
 */
import { UserError, type ChangeSet } from '../../shared/api';
import { normaliseCellValue } from './cell-values';
import { commitPlan, type StructurePlan, type Writer } from './commit';
import { parseNewTables, type NewTable, type NewTableInput } from './new-table';
import { tableName, type IdSource } from './structure-edits';
import { nextTablePosition, tableNames } from './table-reads';
import type { TableSnapshot } from './table-snapshot';

type Order = [number, number][];

/** A table about to be stored, with fresh ids, at a position among the tables. */
export function newTableSnapshot(t: NewTable, position: number, ids: IdSource): TableSnapshot {
  const id = ids('tables', 1);
  const firstColumn = ids('columns', t.columns.length);
  const firstRow = ids('rows', t.rows.length);
  return {
    id,
    name: t.name,
    title: t.title,
    unit: t.unit,
    position,
    columns: t.columns.map((c, i) => ({ ...c, id: firstColumn + i })),
    rows: t.rows.map((r, i) => ({
      id: firstRow + i,
      role: r.role,
      ...(r.roleBasis ? { roleBasis: r.roleBasis } : {}),
      unitKey: r.unitKey,
      cells: r.cells.map((v) => {
        const n = normaliseCellValue(v);
        return n.ok ? n.value : null;
      }),
    })),
  };
}

/** Tables added after the others: one table ("Thêm biểu …") or an import ("Nhập 3 biểu: …"). */
export function addTablesPlan(
  added: readonly TableSnapshot[],
  label: string | undefined,
  kind: 'add' | 'import',
): StructurePlan {
  const names = added.map((t) => tableName(t)).join(', ');
  const said =
    kind === 'add'
      ? `Thêm biểu ${names}`
      : `Nhập ${added.length === 1 ? 'biểu' : `${added.length} biểu:`} ${names}`;
  return { label: label ?? said, tables: added.map((t) => ({ from: null, to: t })) };
}

/** A name no table of the document has yet: the wish, else "wish (2)", "wish (3)" … */
export function freeName(names: ReadonlySet<string>, wish: string): string {
  if (!names.has(wish)) return wish;
  for (let i = 2; ; i++) if (!names.has(`${wish} (${i})`)) return `${wish} (${i})`;
}

export function renamePlan(
  t: TableSnapshot,
  name: string,
  names: ReadonlySet<string>,
): StructurePlan | null {
  const wanted = name.trim();
  if (wanted === t.name) return null;
  if (names.has(wanted)) {
    throw new UserError(`Tài liệu đã có một biểu tên «${wanted}»; hãy chọn tên khác.`, 'bad-input');
  }
  return {
    label: `Đổi tên biểu ${tableName(t)} thành «${wanted}»`,
    tables: [{ from: t, to: { ...t, name: wanted } }],
  };
}

/** A copy of a table, with its cells and fresh ids, placed right after it. */
export function duplicatePlan(
  t: TableSnapshot,
  names: ReadonlySet<string>,
  order: Order,
  ids: IdSource,
): StructurePlan {
  const name = freeName(names, `${t.name} (bản sao)`);
  const copy: TableSnapshot = structuredClone({ ...t, name });
  copy.id = ids('tables', 1);
  const firstColumn = ids('columns', copy.columns.length);
  copy.columns.forEach((c, i) => (c.id = firstColumn + i));
  const firstRow = ids('rows', copy.rows.length);
  copy.rows.forEach((r, i) => (r.id = firstRow + i));
  const placed = order.map(([id]) => id);
  placed.splice(placed.indexOf(t.id) + 1, 0, copy.id);
  copy.position = placed.indexOf(copy.id);
  return {
    label: `Nhân bản biểu ${tableName(t)} thành «${name}»`,
    tables: [{ from: null, to: copy }],
    order: { before: order, after: placed.map((id, i): [number, number] => [id, i]) },
  };
}

/** Put a table at a place in the list of tables (0 = first; past the end = last). */
export function movePlan(t: TableSnapshot, order: Order, toIndex: number): StructurePlan | null {
  const placed = order.map(([id]) => id);
  const from = placed.indexOf(t.id);
  const to = Math.max(0, Math.min(toIndex, placed.length - 1));
  if (from === to) return null;
  placed.splice(from, 1);
  placed.splice(to, 0, t.id);
  return {
    label: `Chuyển biểu ${tableName(t)} đến vị trí ${to + 1}`,
    tables: [],
    order: { before: order, after: placed.map((id, i): [number, number] => [id, i]) },
  };
}

export function deletePlan(t: TableSnapshot): StructurePlan {
  return { label: `Xóa biểu ${tableName(t)}`, tables: [{ from: t, to: null }] };
}

/**
 * Add tables after the existing ones as one undoable batch, each checked first ("Thêm biểu …"
 * for one added from a template, "Nhập …" for an import): the new tables' ids and the change;
 * null when there are none.
 */
export function addNewTables(
  w: Writer,
  ids: IdSource,
  tables: readonly NewTableInput[],
  label: string | undefined,
  kind: 'add' | 'import',
): { ids: number[]; changes: ChangeSet } | null {
  const parsed = parseNewTables(tables, tableNames(w.db));
  if (parsed.length === 0) return null;
  let added: number[] = [];
  const changes = commitPlan(w, () => {
    const next = nextTablePosition(w.db);
    const snapshots = parsed.map((t, i) => newTableSnapshot(t, next + i, ids));
    added = snapshots.map((t) => t.id);
    return addTablesPlan(snapshots, label, kind);
  });
  return { ids: added, changes };
}
