/**
 * The structural edits of a table's columns (pure, as structure-edits.ts): add, change, remove,
 * move, and put under a header group. A column code is unique in its table, the last column
 * stays, and a group covers consecutive columns.
 */
import { UserError, type ColumnSpec } from '../../shared/api';
import type { Column } from '../../shared/model';
import {
  clamp,
  clone,
  columnIndexOf,
  columnName,
  tableName,
  type IdSource,
  type StructureEdit,
} from './structure-edits';
import type { TableSnapshot } from './table-snapshot';

const COLUMN_TYPE_NAMES: Record<Column['type'], string> = {
  integer: 'số nguyên',
  decimal: 'số thập phân',
  percent: 'tỷ lệ %',
  text: 'chữ',
};

function assertUniqueCode(t: TableSnapshot, code: string, exceptColumnId: number | null): void {
  const clash = t.columns.find((c) => c.code === code && c.id !== exceptColumnId);
  if (clash) {
    throw new UserError(
      `Biểu ${tableName(t)} đã có cột mã «${code}» (${columnName(clash)}); mỗi cột cần một mã riêng.`,
      'bad-input',
    );
  }
}

function cleanFormula(formula: string | null): string | null {
  const f = formula?.trim() ?? '';
  return f === '' ? null : f;
}

export function addColumn(
  t: TableSnapshot,
  atIndex: number,
  spec: ColumnSpec,
  ids: IdSource,
): StructureEdit {
  const code = spec.code.trim();
  assertUniqueCode(t, code, null);
  const table = clone(t);
  const column: Column = {
    id: ids('columns', 1),
    code,
    label: spec.label,
    headerPath: [...spec.headerPath],
    type: spec.type,
    decimals: spec.decimals,
    formula: cleanFormula(spec.formula),
  };
  const at = clamp(atIndex, t.columns.length);
  table.columns.splice(at, 0, column);
  for (const r of table.rows) r.cells.splice(at, 0, null);
  return { table, label: `Thêm cột ${columnName(column)} vào biểu ${tableName(t)}` };
}

export function updateColumn(
  t: TableSnapshot,
  columnId: number,
  patch: Partial<ColumnSpec>,
): StructureEdit {
  const i = columnIndexOf(t, columnId);
  const table = clone(t);
  const before = t.columns[i];
  const after: Column = { ...before };
  const changed: string[] = [];
  if (patch.code !== undefined && patch.code.trim() !== before.code) {
    assertUniqueCode(t, patch.code.trim(), columnId);
    after.code = patch.code.trim();
    changed.push(`mã «${before.code}» → «${after.code}»`);
  }
  if (patch.label !== undefined && patch.label !== before.label) {
    after.label = patch.label;
    changed.push(`tên «${after.label}»`);
  }
  if (
    patch.headerPath !== undefined &&
    JSON.stringify(patch.headerPath) !== JSON.stringify(before.headerPath)
  ) {
    after.headerPath = [...patch.headerPath];
    changed.push('nhóm tiêu đề');
  }
  if (patch.type !== undefined && patch.type !== before.type) {
    // The cells keep what was typed: a type says how to read them, it never rewrites them.
    after.type = patch.type;
    changed.push(`kiểu ${COLUMN_TYPE_NAMES[after.type]}`);
  }
  if (patch.decimals !== undefined && patch.decimals !== before.decimals) {
    after.decimals = patch.decimals;
    changed.push(`${after.decimals} chữ số thập phân`);
  }
  if (patch.formula !== undefined) {
    const formula = cleanFormula(patch.formula);
    if (formula !== before.formula) {
      after.formula = formula;
      changed.push(formula ? `công thức ${after.code}=${formula}` : 'bỏ công thức');
    } else if (formula && before.formulaBasis) {
      changed.push(`xác nhận công thức ${after.code}=${formula}`);
    }
    // A person wrote the formula (or confirmed or removed it): it is no longer Biểu's guess.
    delete after.formulaBasis;
  }
  table.columns[i] = after;
  return {
    table,
    label:
      `Sửa cột ${columnName(before)} của biểu ${tableName(t)}` +
      (changed.length ? `: ${changed.join(', ')}` : ''),
  };
}

/**
 * Remove columns as one change: several columns deleted together (the grid's selection) are one
 * step of the history, undone at once. The last column of a table stays.
 */
export function removeColumns(t: TableSnapshot, columnIds: readonly number[]): StructureEdit {
  const indexes = [...new Set(columnIds.map((id) => columnIndexOf(t, id)))].sort((a, b) => a - b);
  if (indexes.length >= t.columns.length) {
    const last = t.columns[indexes[0]];
    throw new UserError(
      `Không thể xóa cột ${columnName(last)}: đây là cột cuối cùng của biểu ${tableName(t)}, ` +
        `mà một biểu cần ít nhất một cột.`,
      'bad-input',
    );
  }
  const gone = new Set(indexes);
  const table = clone(t);
  table.columns = table.columns.filter((_, i) => !gone.has(i));
  for (const r of table.rows) r.cells = r.cells.filter((_, i) => !gone.has(i));
  const names = indexes.map((i) => columnName(t.columns[i]));
  return {
    table,
    label:
      names.length === 1
        ? `Xóa cột ${names[0]} khỏi biểu ${tableName(t)}`
        : `Xóa ${names.length} cột (${names.join(', ')}) khỏi biểu ${tableName(t)}`,
  };
}

export function moveColumn(t: TableSnapshot, columnId: number, toIndex: number): StructureEdit {
  const from = columnIndexOf(t, columnId);
  const to = clamp(toIndex, t.columns.length - 1);
  const table = clone(t);
  const [column] = table.columns.splice(from, 1);
  table.columns.splice(to, 0, column);
  for (const r of table.rows) {
    const [v] = r.cells.splice(from, 1);
    r.cells.splice(to, 0, v);
  }
  return {
    table,
    label: `Chuyển cột ${columnName(column)} của biểu ${tableName(t)} đến vị trí ${to + 1}`,
  };
}

/**
 * Group consecutive columns under a new header level, or take them out of one.
 *
 * The new level goes directly below the groups the columns already share, which is the outermost
 * level when they share none: grouping "Đạt" and "Chưa đạt" inside "Nhóm I" gives
 * ["Nhóm I", "Nhóm mới"], not a group above "Nhóm I" that would cut it in two. Ungrouping
 * (group null) removes the innermost group the columns share. A group that would cut an
 * existing group in two is refused, as it could not be drawn as one merged header cell.
 */
export function groupColumns(
  t: TableSnapshot,
  columnIds: readonly number[],
  group: string | null,
): StructureEdit {
  const indexes = [...new Set(columnIds.map((id) => columnIndexOf(t, id)))].sort((a, b) => a - b);
  const first = indexes[0];
  const last = indexes[indexes.length - 1];
  if (last - first + 1 !== indexes.length) {
    throw new UserError(
      `Các cột cần gộp nhóm trong biểu ${tableName(t)} phải liền nhau; không có gì thay đổi.`,
      'bad-input',
    );
  }
  const selected = indexes.map((i) => t.columns[i]);
  const shared = commonPrefix(selected.map((c) => c.headerPath));
  const table = clone(t);
  const names = `${indexes.length} cột (${selected.map(columnName).join(', ')})`;

  if (group === null) {
    if (shared.length === 0) {
      throw new UserError(
        selected.every((c) => c.headerPath.length === 0)
          ? `Các cột đã chọn trong biểu ${tableName(t)} không nằm trong nhóm tiêu đề nào.`
          : `Các cột đã chọn trong biểu ${tableName(t)} không cùng một nhóm tiêu đề; hãy chọn các cột của một nhóm.`,
        'bad-input',
      );
    }
    const level = shared.length - 1;
    for (const i of indexes) table.columns[i].headerPath.splice(level, 1);
    return {
      table,
      label: `Bỏ nhóm «${shared[level]}» của ${names} trong biểu ${tableName(t)}`,
    };
  }

  const depth = shared.length;
  // A neighbour outside the selection with the same groups down to the next level would be
  // split from the selected columns by the new header cell.
  const cuts = (inside: Column, outside: Column | undefined) =>
    outside !== undefined &&
    inside.headerPath.length > depth &&
    outside.headerPath.length > depth &&
    samePath(outside.headerPath.slice(0, depth + 1), inside.headerPath.slice(0, depth + 1));
  const cutLeft = cuts(t.columns[first], t.columns[first - 1]);
  const cutRight = cuts(t.columns[last], t.columns[last + 1]);
  if (cutLeft || cutRight) {
    const cut = (cutLeft ? t.columns[first] : t.columns[last]).headerPath[depth];
    throw new UserError(
      `Nhóm «${group}» sẽ cắt đôi nhóm «${cut}» của biểu ${tableName(t)}; hãy chọn cả nhóm «${cut}» ` +
        `hoặc chỉ các cột trong nhóm đó.`,
      'bad-input',
    );
  }
  for (const i of indexes) table.columns[i].headerPath.splice(depth, 0, group);
  return { table, label: `Gộp ${names} vào nhóm «${group}» trong biểu ${tableName(t)}` };
}

function commonPrefix(paths: readonly string[][]): string[] {
  const [head, ...rest] = paths;
  let n = head.length;
  for (const p of rest) {
    n = Math.min(n, p.length);
    for (let i = 0; i < n; i++) {
      if (p[i] !== head[i]) {
        n = i;
        break;
      }
    }
  }
  return head.slice(0, n);
}

function samePath(a: readonly string[], b: readonly string[]): boolean {
  return a.length === b.length && a.every((x, i) => x === b[i]);
}
