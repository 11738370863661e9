/**
 * One table in AG Grid, drawn like the paper form: grouped headers, the column-code row under
 * them, STT and names pinned left, a single grand-total row pinned at the bottom, and every
 * finding of the live checks on the cell it names.
 */
import { useCallback, useEffect, useMemo, useRef, useState } from 'react';
import { AgGridReact } from 'ag-grid-react';
import type {
  ColDef,
  GetRowIdParams,
  GridApi,
  GridReadyEvent,
  RowClassParams,
} from 'ag-grid-community';
import type { CellEdit } from '../../shared/api';
import type { Finding } from '../../shared/checks/finding';
import type { CellValue, Column, Row, Table } from '../../shared/model';
import { t, useLanguage } from '../i18n';
import { markCells, type CellMark, type CellPosition } from './cell-findings';
import { buildColumnDefs, colIdOf } from './column-defs';
import { CODE_ROW, dataRowId, gridRowId, type GridRow } from './grid-row';
import { gridTheme } from './theme';

export interface FocusRequest extends CellPosition {
  /** Bumped on every request, so asking twice for the same cell focuses it twice. */
  seq: number;
}

interface TableGridProps {
  table: Table;
  findings: readonly Finding[];
  readOnly: boolean;
  onEdit(edit: CellEdit, label: string): void;
  focusRequest: FocusRequest | null;
}

const PINNED_TOP: GridRow[] = [CODE_ROW];

/** A form, not a list: no sorting or moving columns; long header labels wrap as on paper. */
const DEFAULT_COLUMN: ColDef<GridRow> = {
  sortable: false,
  suppressMovable: true,
  suppressHeaderMenuButton: true,
  wrapHeaderText: true,
  autoHeaderHeight: true,
  resizable: true,
};

/** The one grand-total row, when there is exactly one: it stays in view at the bottom. */
function pinnedTotal(table: Table): Row | null {
  const totals = table.rows.filter((r) => r.role === 'total');
  return totals.length === 1 ? totals[0] : null;
}

function rowClass(params: RowClassParams<GridRow>): string | undefined {
  const data = params.data;
  if (!data) return undefined;
  if (data.kind === 'codes') return 'bieu-row-codes';
  return `bieu-row-${data.row.role}`;
}

const getRowId = (params: GetRowIdParams<GridRow>) => gridRowId(params.data);

export function TableGrid({ table, findings, readOnly, onEdit, focusRequest }: TableGridProps) {
  const language = useLanguage();
  const api = useRef<GridApi<GridRow> | null>(null);

  // Column definitions are rebuilt when the columns change, not on every edit (a table's columns
  // array is kept across cell edits; `onEdit` is a stable callback).
  const tableId = table.id;
  const columnDefs = useMemo(
    () =>
      buildColumnDefs(table.columns, {
        readOnly,
        onCellEdit: (row: Row, column: Column, value: CellValue) =>
          onEdit({ tableId, rowId: row.id, columnId: column.id, value }, `Sửa ô ${column.code}`),
      }),
    [table.columns, tableId, readOnly, onEdit],
  );

  const marks = useMemo(() => markCells(table, findings), [table, findings]);

  // Keep each row's object while neither its cells nor its marks changed, so AG Grid redraws
  // only the rows an edit touched. (A cache, not state: filling it never needs a render.)
  const [rowCache] = useState(() => new WeakMap<Row, { key: string; gridRow: GridRow }>());
  const toGridRow = useCallback(
    (row: Row): GridRow => {
      const rowMarks = marks.get(row.id);
      const key = marksKey(rowMarks);
      const cached = rowCache.get(row);
      if (cached && cached.key === key) return cached.gridRow;
      const gridRow: GridRow = { kind: 'data', row, marks: rowMarks };
      rowCache.set(row, { key, gridRow });
      return gridRow;
    },
    [marks, rowCache],
  );

  const total = pinnedTotal(table);
  const rowData = useMemo(
    () => table.rows.filter((r) => r !== total).map(toGridRow),
    [table.rows, total, toGridRow],
  );
  const pinnedBottom = useMemo(() => (total ? [toGridRow(total)] : undefined), [total, toGridRow]);

  // Bring a cell named in the checks panel into view and give it keyboard focus.
  useEffect(() => {
    const grid = api.current;
    if (!grid || !focusRequest) return;
    const row = table.rows[focusRequest.rowIndex];
    const column = table.columns[focusRequest.columnIndex];
    if (!row || !column) return;
    const colKey = colIdOf(column);
    grid.ensureColumnVisible(colKey);
    if (row === total) {
      grid.setFocusedCell(0, colKey, 'bottom');
    } else {
      const node = grid.getRowNode(dataRowId(row.id));
      if (!node || node.rowIndex === null) return;
      grid.ensureIndexVisible(node.rowIndex, 'middle');
      grid.setFocusedCell(node.rowIndex, colKey);
    }
    // eslint-disable-next-line react-hooks/exhaustive-deps -- only a new request moves focus
  }, [focusRequest]);

  const localeText = useMemo(
    () => ({ noRowsToShow: t('grid.noRows'), loadingOoo: t('grid.loadingTable') }),
    // eslint-disable-next-line react-hooks/exhaustive-deps -- t() reads the current language
    [language],
  );

  return (
    <div
      className="bieu-grid-frame"
      role="group"
      data-testid="grid"
      aria-label={t('grid.label', { name: table.name })}
    >
      <AgGridReact<GridRow>
        key={`${table.id}:${language}`}
        theme={gridTheme}
        columnDefs={columnDefs}
        rowData={rowData}
        pinnedTopRowData={PINNED_TOP}
        pinnedBottomRowData={pinnedBottom}
        getRowId={getRowId}
        getRowClass={rowClass}
        localeText={localeText}
        defaultColDef={DEFAULT_COLUMN}
        singleClickEdit={false}
        stopEditingWhenCellsLoseFocus
        enterNavigatesVerticallyAfterEdit
        enableBrowserTooltips
        suppressCellFocus={false}
        onGridReady={(event: GridReadyEvent<GridRow>) => {
          api.current = event.api;
        }}
      />
    </div>
  );
}

function marksKey(marks: ReadonlyMap<number, CellMark> | undefined): string {
  if (!marks) return '';
  let key = '';
  for (const [column, mark] of marks)
    key += `${column}:${mark.severity}:${mark.messages.join('\u0001')}\u0002`;
  return key;
}
