/**
 * The grid's columns, built from the table's columns the way the paper form draws them: header
 * groups from each column's `headerPath` (neighbours with the same group label share one merged
 * header cell), the label as the lowest header, STT and the unit name pinned on the left.
 */
import type { ColDef, ColGroupDef } from 'ag-grid-community';
import { columnLetter, isFigureColumn, type CellValue, type Column } from '../../shared/model';
import { CellView, type CellViewParams } from './CellView';
import { HeaderView } from './HeaderView';
import type { GridRow } from './grid-row';

export type GridColumnDef = ColDef<GridRow, CellValue> | ColGroupDef<GridRow>;

/** STT and the unit name: the columns a reader needs in view while scrolling across figures. */
const PINNED_COLUMNS = 2;

export function colIdOf(column: Pick<Column, 'id'>): string {
  return `c${column.id}`;
}

/**
 * The row header, as in Excel: each row's number on the exported sheet, the numbers the findings
 * use ("Ô I11" is on row 11). Not a column of the table: it cannot be typed in or tabbed to; a
 * click on it selects the row.
 */
export const ROW_HEADER_ID = 'bieu-row-header';

function rowHeaderDef(width: number): ColDef<GridRow, CellValue> {
  return {
    colId: ROW_HEADER_ID,
    headerName: '',
    pinned: 'left',
    lockPinned: true,
    width,
    minWidth: width,
    resizable: false,
    suppressNavigable: true,
    suppressAutoSize: true,
    valueGetter: (params) => params.data?.sheetRow ?? null,
    cellClass: 'bieu-row-header',
    headerClass: 'bieu-row-header-corner',
    // Shift+click on a row number grows the selection of rows (TableGrid): AG Grid must not
    // move the focus to the clicked row first, which would collapse the selection.
    cellRendererParams: {
      suppressMouseEventHandling: (params: { event: MouseEvent }) =>
        /^(mouse|pointer)down$/.test(params.event.type) && params.event.shiftKey,
    },
  };
}

/** The columns with the widths laid out for them (column-widths.ts). */
export function buildColumnDefs(
  columns: readonly Column[],
  widths: readonly number[],
  rowHeaderWidth: number,
): GridColumnDef[] {
  const leaves = columns.map((column, index) =>
    leafDef(column, index, columns.length, widths[index]),
  );
  return [
    rowHeaderDef(rowHeaderWidth),
    ...groupByHeaderPath(columns, leaves, 0, 0, columns.length),
  ];
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
  width: number | undefined,
): ColDef<GridRow, CellValue> {
  const figure = isFigureColumn(column);
  const rendererParams: CellViewParams = {
    column,
    columnIndex: index,
    // Shift+click extends the selection, a press on the fill handle drags it, and a right click
    // opens the menu on the selection (selecting the cell only when outside it): AG Grid must not
    // move the focus to the clicked cell, which would collapse the selection. AG Grid reads this
    // option from the renderer's params.
    suppressMouseEventHandling: (params) =>
      /^(mouse|pointer)down$/.test(params.event.type) &&
      (params.event.shiftKey ||
        params.event.button === 2 ||
        (params.event.target as Element | null)?.closest?.('.bieu-fill-handle') != null),
  };

  return {
    colId: colIdOf(column),
    headerName: column.label,
    headerTooltip: [...column.headerPath, column.label].join(' › '),
    // The column's letter on the exported sheet, as Excel shows it over its columns.
    headerComponent: HeaderView,
    headerComponentParams: { letter: columnLetter(index) },
    pinned: index < PINNED_COLUMNS ? 'left' : null,
    lockPinned: true,
    // Every column as wide as its content (column-widths.ts); a person may narrow one further,
    // and a figure that no longer fits then shows "####" (CellView).
    width,
    minWidth: 24,
    // A double click on the header edge fits the column to ALL its rows (TableGrid), not only to
    // the rows AG Grid has drawn.
    suppressAutoSize: true,
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
    // Editing is the grid's own (CellInput): AG Grid's editors would open a new element, and an
    // input method's composition begun on the cell would be lost on the way.
    editable: false,
    // A row object is replaced only when its cells or its findings changed; then every cell of
    // it must redraw, including one whose value stayed while its finding came or went.
    equals: () => false,
    cellRenderer: CellView,
    cellRendererParams: rendererParams,
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
      'bieu-suggested': (p) =>
        p.data?.kind === 'data' && p.data.marks?.get(index)?.suggestion !== undefined,
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
