/**
 * The grid's columns, built from the table's columns the way the paper form draws them: header
 * groups from each column's `headerPath` (neighbours with the same group label share one merged
 * header cell), the label as the lowest header, STT and the unit name pinned on the left.
 */
import type {
  ColDef,
  ColGroupDef,
  EditableCallbackParams,
  ValueSetterParams,
} from 'ag-grid-community';
import { isFigureColumn, type CellValue, type Column, type Row } from '../../shared/model';
import { CellTextEditor, type CellTextEditorParams } from './CellTextEditor';
import { CellView, type CellViewParams } from './CellView';
import { parseCellInput } from './cell-text';
import type { GridRow } from './grid-row';

export type GridColumnDef = ColDef<GridRow, CellValue> | ColGroupDef<GridRow>;

export interface ColumnDefOptions {
  readOnly: boolean;
  /** Called with the value the user's text means; the grid itself is only updated from state. */
  onCellEdit(row: Row, column: Column, value: CellValue): void;
}

/** STT and the unit name: the columns a reader needs in view while scrolling across figures. */
const PINNED_COLUMNS = 2;

export function colIdOf(column: Pick<Column, 'id'>): string {
  return `c${column.id}`;
}

export function buildColumnDefs(
  columns: readonly Column[],
  options: ColumnDefOptions,
): GridColumnDef[] {
  const leaves = columns.map((column, index) => leafDef(column, index, columns.length, options));
  return groupByHeaderPath(columns, leaves, 0, 0, columns.length);
}

function groupByHeaderPath(
  columns: readonly Column[],
  leaves: ColDef<GridRow, CellValue>[],
  depth: number,
  from: number,
  to: number,
): GridColumnDef[] {
  const defs: GridColumnDef[] = [];
  let i = from;
  while (i < to) {
    const path = columns[i].headerPath;
    if (path.length <= depth) {
      defs.push(leaves[i]);
      i += 1;
      continue;
    }
    // Within one parent the outer labels already agree, so the label at this depth decides.
    let end = i + 1;
    while (
      end < to &&
      columns[end].headerPath.length > depth &&
      columns[end].headerPath[depth] === path[depth]
    ) {
      end += 1;
    }
    defs.push({
      groupId: `g${depth}-${i}`,
      headerName: path[depth],
      headerClass: 'bieu-group-header',
      marryChildren: true,
      wrapHeaderText: true,
      autoHeaderHeight: true,
      children: groupByHeaderPath(columns, leaves, depth + 1, i, end),
    });
    i = end;
  }
  return defs;
}

function leafDef(
  column: Column,
  index: number,
  columns: number,
  options: ColumnDefOptions,
): ColDef<GridRow, CellValue> {
  const figure = isFigureColumn(column);
  const isEditable = (params: EditableCallbackParams<GridRow, CellValue>): boolean => {
    const data = params.data;
    if (options.readOnly || data?.kind !== 'data') return false;
    // A group row is a section title: it has a name but no figures of its own.
    return !(figure && data.row.role === 'group');
  };
  const rendererParams: CellViewParams = { column, columnIndex: index };
  const editorParams: CellTextEditorParams = { column };

  return {
    colId: colIdOf(column),
    headerName: column.label,
    headerTooltip: [...column.headerPath, column.label].join(' › '),
    pinned: index < PINNED_COLUMNS ? 'left' : null,
    lockPinned: true,
    // STT and names keep their width; figure columns share what is left, never narrower than a
    // ten-digit amount in đồng.
    ...(index < PINNED_COLUMNS ? { width: index === 0 ? 64 : 210 } : { flex: 1, minWidth: 104 }),
    // "Tổng cộng" written in the STT column with no name beside it spans both, as on paper.
    colSpan:
      index === 0
        ? (params) => {
            const data = params.data;
            const spans =
              data?.kind === 'data' && data.row.role !== 'detail' && isBlank(data.row.cells[1]);
            return spans ? Math.min(PINNED_COLUMNS, columns) : 1;
          }
        : undefined,
    valueGetter: (params) =>
      params.data?.kind === 'data' ? (params.data.row.cells[index] ?? null) : null,
    editable: isEditable,
    valueSetter: (params: ValueSetterParams<GridRow, CellValue>) => {
      if (params.data?.kind !== 'data') return false;
      // The editor hands back the text typed, or the untouched value when nothing was typed.
      const typed: unknown = params.newValue;
      const value =
        typeof typed === 'string'
          ? parseCellInput(typed, column)
          : typeof typed === 'number'
            ? typed
            : null;
      if (Object.is(value, params.oldValue ?? null)) return false;
      options.onCellEdit(params.data.row, column, value);
      // The new value reaches the grid through state (after the optimistic update), not here.
      return false;
    },
    // A row object is replaced only when its cells or its findings changed; then every cell of
    // it must redraw, including one whose value stayed while its finding came or went.
    equals: () => false,
    cellRenderer: CellView,
    cellRendererParams: rendererParams,
    cellEditor: CellTextEditor,
    cellEditorParams: editorParams,
    tooltipValueGetter: (params) => {
      const data = params.data;
      return data?.kind === 'data' ? data.marks?.get(index)?.messages.join('\n') : undefined;
    },
    cellClass: figure ? 'bieu-figure' : index === 0 ? 'bieu-stt' : 'bieu-text',
    cellClassRules: {
      'bieu-error': (p) =>
        p.data?.kind === 'data' && p.data.marks?.get(index)?.severity === 'error',
      'bieu-warning': (p) =>
        p.data?.kind === 'data' && p.data.marks?.get(index)?.severity === 'warning',
      'bieu-not-a-number': (p) => figure && typeof p.value === 'string',
      'bieu-locked': (p) => p.data?.kind === 'data' && figure && p.data.row.role === 'group',
    },
    headerClass: figure ? 'bieu-header bieu-header-figure' : 'bieu-header',
  };
}

function isBlank(value: CellValue | undefined): boolean {
  return (
    value === null || value === undefined || (typeof value === 'string' && value.trim() === '')
  );
}
