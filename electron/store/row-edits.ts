/**
 * The structural edits of a table's rows (pure, as structure-edits.ts): insert empty rows of a
 * role, remove, move, and change a row's role or unit key.
 */
import type { CellValue, Row, RowRole } from '../../shared/model';
import {
  ROW_ROLE_NAMES,
  clamp,
  clone,
  rowIndexOf,
  rowName,
  tableName,
  type IdSource,
  type StructureEdit,
} from './structure-edits';
import type { TableSnapshot } from './table-snapshot';

export function insertRows(
  t: TableSnapshot,
  atIndex: number,
  count: number,
  role: RowRole,
  ids: IdSource,
): StructureEdit {
  const at = clamp(atIndex, t.rows.length);
  const first = ids('rows', count);
  const table = clone(t);
  const rows: Row[] = Array.from({ length: count }, (_, i) => ({
    id: first + i,
    role,
    unitKey: null,
    cells: new Array<CellValue>(t.columns.length).fill(null),
  }));
  table.rows.splice(at, 0, ...rows);
  const where = at === t.rows.length ? 'cuối' : `trước dòng ${at + 1}`;
  return {
    table,
    label:
      count === 1
        ? `Chèn một ${ROW_ROLE_NAMES[role]} vào ${where} biểu ${tableName(t)}`
        : `Chèn ${count} ${ROW_ROLE_NAMES[role]} vào ${where} biểu ${tableName(t)}`,
  };
}

export function removeRows(t: TableSnapshot, rowIds: readonly number[]): StructureEdit {
  const indexes = [...new Set(rowIds.map((id) => rowIndexOf(t, id)))].sort((a, b) => a - b);
  const gone = new Set(indexes.map((i) => t.rows[i].id));
  const table = clone(t);
  table.rows = table.rows.filter((r) => !gone.has(r.id));
  return {
    table,
    label:
      indexes.length === 1
        ? `Xóa ${rowName(t, indexes[0])} khỏi biểu ${tableName(t)}`
        : `Xóa ${indexes.length} dòng khỏi biểu ${tableName(t)}`,
  };
}

export function moveRow(t: TableSnapshot, rowId: number, toIndex: number): StructureEdit {
  const from = rowIndexOf(t, rowId);
  const to = clamp(toIndex, t.rows.length - 1);
  const table = clone(t);
  const [row] = table.rows.splice(from, 1);
  table.rows.splice(to, 0, row);
  return {
    table,
    label: `Chuyển ${rowName(t, from)} của biểu ${tableName(t)} đến vị trí ${to + 1}`,
  };
}

/** What a person may change of a row: its role, its unit key. */
export type RowPatch = { role?: RowRole; unitKey?: string | null };

/**
 * Change rows as one change: the rows selected in the grid given one role are one step of the
 * history, undone at once.
 */
export function updateRows(
  t: TableSnapshot,
  rowIds: readonly number[],
  patch: RowPatch,
): StructureEdit {
  const indexes = [...new Set(rowIds.map((id) => rowIndexOf(t, id)))].sort((a, b) => a - b);
  const table = clone(t);
  const changed = indexes.map((i) => patchRow(table.rows[i], patch));
  if (indexes.length === 1) {
    const said = changed[0].length ? ` ${changed[0].join(', ')}` : '';
    return { table, label: `Đổi ${rowName(t, indexes[0])} của biểu ${tableName(t)}${said}` };
  }
  const what = patch.role !== undefined ? ` thành ${ROW_ROLE_NAMES[patch.role]}` : '';
  return { table, label: `Đổi ${indexes.length} dòng của biểu ${tableName(t)}${what}` };
}

export function updateRow(t: TableSnapshot, rowId: number, patch: RowPatch): StructureEdit {
  return updateRows(t, [rowId], patch);
}

/** Apply the patch to the row in place; what changed, in words for the history. */
function patchRow(row: Row, patch: RowPatch): string[] {
  const changed: string[] = [];
  if (patch.role !== undefined) {
    if (patch.role !== row.role) {
      row.role = patch.role;
      changed.push(`thành ${ROW_ROLE_NAMES[patch.role]}`);
    } else if (row.roleBasis) {
      changed.push(`xác nhận là ${ROW_ROLE_NAMES[row.role]}`);
    }
    // A person set the role: it is no longer read from a label.
    delete row.roleBasis;
  }
  if (patch.unitKey !== undefined) {
    const key = patch.unitKey?.trim() ? patch.unitKey.trim() : null;
    if (key !== row.unitKey) {
      row.unitKey = key;
      changed.push(key ? `mã đơn vị «${key}»` : 'bỏ mã đơn vị');
    }
  }
  return changed;
}
