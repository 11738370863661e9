/**
 * The structural edits of one table (columns, rows, title), as pure functions from a snapshot to
 * the next snapshot and a Vietnamese sentence for the history ("Thêm cột «Ghi chú» vào biểu
 * «Dân số»"). The store wraps each in one transaction and one edit batch; keeping them pure
 * keeps the rules (unique codes, the last column, consecutive groups) in one readable place.
 *
 * A bad id or a refused change throws a UserError naming it, before anything is written.
 */
import { UserError, type ColumnSpec } from '../../shared/api';
import type { CellValue, Column, Row, RowRole } from '../../shared/model';
import { normaliseCellValue } from './cell-values';
import type { IdKind, TableSnapshot } from './table-snapshot';

/** Fresh ids for new columns and rows: the first of `count` consecutive ones. */
export type IdSource = (kind: IdKind, count: number) => number;

export interface StructureEdit {
  table: TableSnapshot;
  /** What happened, for the history panel. */
  label: string;
}

export const ROW_ROLE_NAMES: Record<RowRole, string> = {
  group: 'dòng nhóm',
  detail: 'dòng chi tiết',
  subtotal: 'dòng cộng nhóm',
  total: 'dòng tổng',
};

const COLUMN_TYPE_NAMES: Record<Column['type'], string> = {
  integer: 'số nguyên',
  decimal: 'số thập phân',
  percent: 'tỷ lệ %',
  text: 'chữ',
};

export function tableName(t: Pick<TableSnapshot, 'name'>): string {
  return `«${t.name}»`;
}

export function columnName(c: Pick<Column, 'label' | 'code'>): string {
  return c.label.trim() ? `«${c.label.trim()}»` : `mã «${c.code}»`;
}

function clone(t: TableSnapshot): TableSnapshot {
  return structuredClone(t);
}

function clamp(index: number, max: number): number {
  return Math.max(0, Math.min(index, max));
}

function columnIndexOf(t: TableSnapshot, columnId: number): number {
  const i = t.columns.findIndex((c) => c.id === columnId);
  if (i < 0) {
    throw new UserError(
      `Cột số ${columnId} không có trong biểu ${tableName(t)}; không có gì thay đổi.`,
      'not-found',
    );
  }
  return i;
}

function rowIndexOf(t: TableSnapshot, rowId: number): number {
  const i = t.rows.findIndex((r) => r.id === rowId);
  if (i < 0) {
    throw new UserError(
      `Dòng số ${rowId} không có trong biểu ${tableName(t)}; không có gì thay đổi.`,
      'not-found',
    );
  }
  return i;
}

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

/** "dòng 3 («Xã Lộc Hòa»)": the row's position and, when it has one, its unit name. */
export function rowName(t: TableSnapshot, index: number): string {
  const row = t.rows[index];
  const text = row.cells.find(
    (v, ci): v is string =>
      typeof v === 'string' && t.columns[ci]?.type === 'text' && v.trim().length > 3,
  );
  return text ? `dòng ${index + 1} («${text.trim()}»)` : `dòng ${index + 1}`;
}

// ------------------------------------------------------------------ the table itself

export function setTableInfo(
  t: TableSnapshot,
  info: { title?: string; unit?: string },
): StructureEdit {
  const table = clone(t);
  const parts: string[] = [];
  if (info.title !== undefined && info.title !== t.title) {
    table.title = info.title;
    parts.push('tiêu đề');
  }
  if (info.unit !== undefined && info.unit !== t.unit) {
    table.unit = info.unit;
    parts.push('đơn vị tính');
  }
  return { table, label: `Sửa ${parts.join(' và ') || 'thông tin'} của biểu ${tableName(t)}` };
}

// ------------------------------------------------------------------ columns

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
  if (patch.formula !== undefined && cleanFormula(patch.formula) !== before.formula) {
    after.formula = cleanFormula(patch.formula);
    changed.push(after.formula ? `công thức ${after.code}=${after.formula}` : 'bỏ công thức');
  }
  table.columns[i] = after;
  return {
    table,
    label:
      `Sửa cột ${columnName(before)} của biểu ${tableName(t)}` +
      (changed.length ? `: ${changed.join(', ')}` : ''),
  };
}

export function removeColumn(t: TableSnapshot, columnId: number): StructureEdit {
  const i = columnIndexOf(t, columnId);
  if (t.columns.length === 1) {
    throw new UserError(
      `Không thể xóa cột ${columnName(t.columns[i])}: đây là cột cuối cùng của biểu ${tableName(t)}, ` +
        `mà một biểu cần ít nhất một cột.`,
      'bad-input',
    );
  }
  const table = clone(t);
  table.columns.splice(i, 1);
  for (const r of table.rows) r.cells.splice(i, 1);
  return { table, label: `Xóa cột ${columnName(t.columns[i])} khỏi biểu ${tableName(t)}` };
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

// ------------------------------------------------------------------ rows

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

export function updateRow(
  t: TableSnapshot,
  rowId: number,
  patch: { role?: RowRole; unitKey?: string | null },
): StructureEdit {
  const i = rowIndexOf(t, rowId);
  const table = clone(t);
  const row = table.rows[i];
  const changed: string[] = [];
  if (patch.role !== undefined && patch.role !== row.role) {
    row.role = patch.role;
    changed.push(`thành ${ROW_ROLE_NAMES[patch.role]}`);
  }
  if (patch.unitKey !== undefined) {
    const key = patch.unitKey?.trim() ? patch.unitKey.trim() : null;
    if (key !== row.unitKey) {
      row.unitKey = key;
      changed.push(key ? `mã đơn vị «${key}»` : 'bỏ mã đơn vị');
    }
  }
  return {
    table,
    label: `Đổi ${rowName(t, i)} của biểu ${tableName(t)}${changed.length ? ` ${changed.join(', ')}` : ''}`,
  };
}

/** A table for a user template: its structure and labels, its figures left empty. */
export function templateTableFrom(t: TableSnapshot): {
  name: string;
  title: string;
  unit: string;
  columns: Omit<Column, 'id'>[];
  rows: { role: RowRole; unitKey: string | null; cells: CellValue[] }[];
} {
  return {
    name: t.name,
    title: t.title,
    unit: t.unit,
    columns: t.columns.map(({ id: _id, ...c }) => ({ ...c, headerPath: [...c.headerPath] })),
    rows: t.rows.map((r) => ({
      role: r.role,
      unitKey: r.unitKey,
      cells: r.cells.map((v, ci) => {
        if (t.columns[ci].type !== 'text') return null;
        const n = normaliseCellValue(v);
        return n.ok ? n.value : null;
      }),
    })),
  };
}
