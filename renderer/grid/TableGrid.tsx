/**
 * One table in AG Grid, drawn like the paper form (grouped headers, the column-code row under
 * them, STT and names pinned left, a single grand-total row pinned at the bottom, every finding
 * on the cell it names) and worked like a spreadsheet: a range selection, typing over a cell,
 * Delete, Ctrl+D / Ctrl+R and the fill handle, Ctrl+C / Ctrl+V, Ctrl+Home / Ctrl+End (see
 * keyboard.ts and CellInput.tsx).
 */
import {
  useCallback,
  useEffect,
  useMemo,
  useRef,
  useState,
  type FocusEvent,
  type MouseEvent,
} from 'react';
import { AgGridReact } from 'ag-grid-react';
import type {
  ColumnResizedEvent,
  GetRowIdParams,
  GridApi,
  GridReadyEvent,
  RowClassParams,
  RowClassRules,
} from 'ag-grid-community';
import type { CellEdit } from '../../shared/api';
import type { Finding } from '../../shared/checks/finding';
import { sheetLayout } from '../../shared/layout';
import { ROW_ROLES, type Row, type Table } from '../../shared/model';
import { ConfirmDialog } from '../dialogs/ConfirmDialog';
import { t, useLanguage } from '../i18n';
import { markCells, type CellMark, type CellPosition } from './cell-findings';
import { buildColumnDefs, colIdOf, ROW_HEADER_ID } from './column-defs';
import { canvasMeasure, gridMetrics } from './column-widths';
import { displayOrder } from './display-order';
import type { GridContext } from './grid-controller';
import {
  createGridController,
  type NoticeAction,
  type Question,
  type StructureEdit,
} from './grid-commands';
import { GridContextMenu, type GridMenuState, type MenuTarget } from './GridContextMenu';
import { gridRowId, type GridRow } from './grid-row';
import { GridUi } from './grid-ui';
import { cellPositionOf, gridCellOf, rowOfElement } from './cell-dom';
import {
  collapsed,
  extendTo,
  fillTargetFor,
  inRange,
  rangeOf,
  type CellPos,
  type CellRange,
} from './selection';
import { selectionStats, type SelectionStats } from './selection-stats';
import { gridTheme } from './theme';
import { useColumnLayout } from './use-column-layout';

/** A cell named by ids, which stay right while rows are added or removed around it. */
export interface CellRef {
  rowId: number;
  columnId: number;
}

/**
 * A cell to show and focus (the checks panel, find), or the cells an undo or redo changed: those
 * are selected, the first one focused, once the table shown holds them.
 */
export type FocusRequest = (CellPosition | { changed: readonly CellRef[] }) & {
  tableId: number;
  /** Bumped on every request, so asking twice for the same cell focuses it twice. */
  seq: number;
};

/** What the rest of the window needs to know about the selection (status bar, structure panel). */
export interface GridSelection {
  /** The active cell, by table row index and column index. */
  active: CellPosition | null;
  /** The selected rows (ids, top to bottom as shown) and columns (indexes, left to right). */
  rowIds: number[];
  columns: { from: number; to: number } | null;
  /** Count, sum and average when more than one cell is selected. */
  stats: SelectionStats | null;
}

interface TableGridProps {
  table: Table;
  findings: readonly Finding[];
  /** A note per cell shown on hover (where a collected figure came from): row id → column. */
  notes: ReadonlyMap<number, ReadonlyMap<number, string>> | null;
  readOnly: boolean;
  zoom: number;
  onEdits(edits: CellEdit[], label: string): void;
  onNotice(message: string, action?: NoticeAction): void;
  /** A paste taller than the table: ask, add the rows, answer their ids (null: declined). */
  onPasteRows(table: Table, count: number): Promise<number[] | null>;
  /** Ctrl++ / Ctrl+− on whole rows, and the right-click menu's rows, columns and roles. */
  onStructure(edit: StructureEdit): void;
  onSelectionChange(selection: GridSelection): void;
  focusRequest: FocusRequest | null;
}

/** A form, not a list: no sorting or moving columns; long header labels wrap as on paper. */
const DEFAULT_COLUMN = {
  sortable: false,
  suppressMovable: true,
  suppressHeaderMenuButton: true,
  wrapHeaderText: true,
  autoHeaderHeight: true,
  resizable: true,
};

/**
 * The class of a row by its role, as rules: AG Grid takes a class away again when its rule stops
 * holding (a row made a subtotal, then a detail row again by undo), which it never does for
 * classes given by getRowClass.
 */
const rowClassRules: RowClassRules<GridRow> = {
  'bieu-row-codes': (params) => params.data?.kind === 'codes',
  ...Object.fromEntries(
    ROW_ROLES.map((role) => [
      `bieu-row-${role}`,
      (params: RowClassParams<GridRow>) =>
        params.data?.kind === 'data' && params.data.row.role === role,
    ]),
  ),
};

const getRowId = (params: GetRowIdParams<GridRow>) => gridRowId(params.data);

export function TableGrid({
  table,
  findings,
  notes,
  readOnly,
  zoom,
  onEdits,
  onNotice,
  onPasteRows,
  onStructure,
  onSelectionChange,
  focusRequest,
}: TableGridProps) {
  const language = useLanguage();
  const api = useRef<GridApi<GridRow> | null>(null);
  const [ready, setReady] = useState(false);
  const [ui] = useState(() => new GridUi());
  const dragging = useRef(false);
  /** The fill handle being dragged: the block it fills from, and where it would fill now. */
  const filling = useRef<{
    source: CellRange;
    to: ReturnType<typeof fillTargetFor>;
  } | null>(null);
  const frame = useRef<HTMLDivElement>(null);

  const order = useMemo(() => displayOrder(table), [table]);
  useEffect(() => ui.setOrder(order), [ui, order]);

  // The table as of the last render, for the selection report (an event, not a render).
  const latest = useRef(table);
  useEffect(() => {
    latest.current = table;
  });

  const columnIndex = useMemo(
    () => new Map(table.columns.map((c, i) => [colIdOf(c), i])),
    [table.columns],
  );

  const [menu, setMenu] = useState<GridMenuState | null>(null);
  // Shift+F10 or the menu key: the menu opens at the active cell, as a right click there would.
  const onMenuKey = () => {
    const { active } = ui.get();
    const cell = active ? frame.current?.querySelector('.ag-cell-focus') : null;
    const box = cell?.getBoundingClientRect();
    if (box) openMenu('cell', box.left + box.width / 2, box.bottom);
  };
  // A question the grid asks (replace typed figures with computed totals?), in a dialog.
  const [question, setQuestion] = useState<Question | null>(null);
  const onAsk = setQuestion;
  const view = {
    table,
    order,
    readOnly,
    onEdits,
    onNotice,
    onPasteRows,
    onStructure,
    onMenuKey,
    onAsk,
  };
  const [controller] = useState(() => createGridController(ui, view));
  useEffect(() => controller.setView(view));

  useEffect(() => controller.rowsChanged(), [controller, order]);
  const context = useMemo<GridContext>(() => ({ controller }), [controller]);

  // Tell the window what is selected: the status bar's figures, the structure panel's column.
  // Reported when the selection moves and when the values under it change (an edit, an undo).
  const onSelectionChangeRef = useRef(onSelectionChange);
  useEffect(() => {
    onSelectionChangeRef.current = onSelectionChange;
  });
  const lastReport = useRef<{ key: string; table: Table | null }>({ key: '', table: null });
  const report = useCallback(() => {
    const { active, selection } = ui.get();
    const o = ui.displayOrder();
    const tb = latest.current;
    const range = selection ? rangeOf(selection) : null;
    const key = JSON.stringify([active, range, o.rows.length]);
    if (key === lastReport.current.key && tb === lastReport.current.table) return;
    lastReport.current = { key, table: tb };
    const rowIds: number[] = [];
    if (range) for (let r = range.top; r <= range.bottom; r++) rowIds.push(o.rows[r].id);
    const activeRow = active ? o.rows[active.row] : undefined;
    const several = range !== null && (range.bottom > range.top || range.right > range.left);
    onSelectionChangeRef.current({
      active:
        active && activeRow
          ? { rowIndex: tb.rows.indexOf(activeRow), columnIndex: active.col }
          : null,
      rowIds,
      columns: range ? { from: range.left, to: range.right } : null,
      stats: several ? selectionStats(o, range) : null,
    });
  }, [ui]);
  useEffect(() => ui.subscribe(report), [ui, report]);
  useEffect(report, [report, order]);

  /** The cell an event happened in, by its place in the grid's markup. */
  const positionOf = (target: EventTarget | null): CellPos | null => {
    const cell = gridCellOf(target);
    return cell ? cellPositionOf(cell, order, columnIndex) : null;
  };

  // A cell that receives the focus (a click, Tab, Enter, an arrow, a focus request) becomes the
  // active cell AT ONCE, in the focus event itself: its text field is then in place before the
  // next key is handled, however fast it follows.
  const onFocus = (event: FocusEvent) => {
    const cell = gridCellOf(event.target);
    if (!cell) return;
    // The row header never keeps the focus (nothing can be typed there): its row's first cell
    // does — or, after a Shift+click that grew the selection over this row, the active cell, so
    // the rows selected stay selected.
    if (cell.getAttribute('col-id') === ROW_HEADER_ID) {
      const row = rowOfElement(cell, order);
      const { active } = ui.get();
      const range = ui.range();
      const inside = range !== null && row !== null && row >= range.top && row <= range.bottom;
      if (inside && active) controller.focusCell(active);
      else if (row !== null) controller.focusCell({ row, col: 0 });
      return;
    }
    const pos = cellPositionOf(cell, order, columnIndex);
    const { active } = ui.get();
    if (pos && active && pos.row === active.row && pos.col === active.col) return;
    // The edit mode is left alone: the cell being left commits its text itself (on blur).
    ui.update({ active: pos, selection: pos ? collapsed(pos) : null });
  };

  /** A click on a row header selects the row, on a column header the column, as in Excel. */
  const selectByHeader = (event: MouseEvent): boolean => {
    const target = event.target as Element;
    if (event.button !== 0 || target.closest('.ag-header-cell-resize')) return false;
    const o = ui.displayOrder();
    const lastCol = table.columns.length - 1;
    const { selection } = ui.get();
    const rowHeader = target.closest<HTMLElement>(`.ag-cell[col-id="${ROW_HEADER_ID}"]`);
    if (rowHeader) {
      const row = rowOfElement(rowHeader, o);
      if (row === null || lastCol < 0) return true;
      const from = event.shiftKey && selection ? selection.anchor.row : row;
      controller.select({ anchor: { row: from, col: 0 }, end: { row, col: lastCol } });
      return true;
    }
    const header = target.closest('.ag-header-cell[col-id]');
    const col = header ? columnIndex.get(header.getAttribute('col-id') ?? '') : undefined;
    if (col === undefined || o.rows.length === 0) return false;
    const from = event.shiftKey && selection ? selection.anchor.col : col;
    controller.select({ anchor: { row: 0, col: from }, end: { row: o.rows.length - 1, col } });
    return true;
  };

  const onMouseDown = (event: MouseEvent) => {
    controller.noteMove('other');
    if (event.button === 0 && (event.target as Element).closest('.bieu-fill-handle')) {
      // The fill handle: the selection stays as it is (and the focus in its active cell).
      event.preventDefault();
      const source = ui.range();
      if (source) filling.current = { source, to: null };
      return;
    }
    if (selectByHeader(event)) return;
    const pos = positionOf(event.target);
    // A right click keeps the focus where it is: the menu acts on the selection (onContextMenu).
    if (event.button === 2) event.preventDefault();
    if (!pos || event.button !== 0) return;
    const { selection, active } = ui.get();
    if (event.shiftKey) {
      // Shift+click extends the selection; the browser must not move the focus either.
      event.preventDefault();
      const from = selection ?? (active ? collapsed(active) : collapsed(pos));
      ui.update({ selection: extendTo(from, pos) });
      return;
    }
    ui.update({ selection: collapsed(pos) });
    dragging.current = true;
  };

  const onMouseOver = (event: MouseEvent) => {
    const fill = filling.current;
    if (fill && (event.buttons & 1) !== 0) {
      const pos = positionOf(event.target);
      if (!pos) return;
      fill.to = fillTargetFor(fill.source, pos);
      ui.update({ fillTarget: fill.to?.target ?? null });
      return;
    }
    if (!dragging.current || (event.buttons & 1) === 0) return;
    const pos = positionOf(event.target);
    const { selection } = ui.get();
    if (pos && selection) ui.update({ selection: extendTo(selection, pos) });
  };

  /** The menu for what the selection holds now: how many rows and columns, the rows' role. */
  const openMenu = (on: MenuTarget, x: number, y: number) => {
    const range = ui.range();
    if (!range) return;
    const o = ui.displayOrder();
    const roles = new Set(o.rows.slice(range.top, range.bottom + 1).map((r) => r.role));
    setMenu({
      x,
      y,
      on,
      rows: range.bottom - range.top + 1,
      columns: range.right - range.left + 1,
      role: roles.size === 1 ? [...roles][0] : null,
    });
  };
  const closeMenu = useCallback(() => {
    setMenu(null);
    const { active } = ui.get();
    if (active) controller.focusCell(active);
  }, [ui, controller]);

  // A right click acts on the selection when it falls inside it, as in Excel; elsewhere it first
  // selects what was clicked: the cell, the row (its number) or the column (its letter).
  const onContextMenu = (event: MouseEvent) => {
    const target = event.target as Element;
    const o = ui.displayOrder();
    const lastCol = table.columns.length - 1;
    const range = ui.range();
    const wholeRows = range !== null && range.left === 0 && range.right === lastCol;
    const wholeColumns = range !== null && range.top === 0 && range.bottom === o.rows.length - 1;
    const rowHeader = target.closest<HTMLElement>(`.ag-cell[col-id="${ROW_HEADER_ID}"]`);
    const header = target.closest('.ag-header-cell[col-id]');
    let on: MenuTarget;
    if (rowHeader) {
      const row = rowOfElement(rowHeader, o);
      if (row === null || lastCol < 0) return;
      on = 'row';
      if (!wholeRows || row < range.top || row > range.bottom)
        controller.select({ anchor: { row, col: 0 }, end: { row, col: lastCol } });
    } else if (header) {
      const col = columnIndex.get(header.getAttribute('col-id') ?? '');
      if (col === undefined || o.rows.length === 0) return;
      on = 'column';
      if (!wholeColumns || col < range.left || col > range.right)
        controller.select({
          anchor: { row: 0, col },
          end: { row: o.rows.length - 1, col },
        });
    } else {
      const pos = positionOf(target);
      if (!pos) return;
      on = 'cell';
      if (!range || !inRange(range, pos.row, pos.col)) controller.select(collapsed(pos));
    }
    event.preventDefault();
    openMenu(on, event.clientX, event.clientY);
  };

  useEffect(() => {
    const stop = () => {
      dragging.current = false;
      const fill = filling.current;
      if (!fill) return;
      filling.current = null;
      ui.update({ fillTarget: null });
      if (fill.to) controller.fill(fill.source, fill.to.target, fill.to.direction);
    };
    window.addEventListener('mouseup', stop);
    return () => window.removeEventListener('mouseup', stop);
  }, [ui, controller]);

  // Row numbers of the exported sheet: the row header, and the rows' sheet rows.
  const sheet = useMemo(() => sheetLayout(table), [table]);
  const lastSheetRow = sheet.firstDataRow + table.rows.length - 1;
  const rowHeaderWidth = useMemo(() => {
    const { fontSize, padding } = gridMetrics(zoom);
    return Math.ceil(canvasMeasure(fontSize).width(String(lastSheetRow)) + 2 * padding + 6);
  }, [zoom, lastSheetRow]);
  const layout = useColumnLayout(table, zoom, frame, rowHeaderWidth);
  // Rebuilt when a width changes, not whenever the widths are computed again (every edit).
  const widthKey = layout.widths.join(',');
  const columnDefs = useMemo(
    () => buildColumnDefs(table.columns, widthKey.split(',').map(Number), rowHeaderWidth),
    [table.columns, widthKey, rowHeaderWidth],
  );
  useEffect(() => ui.setLayout({ widths: layout.widths, zoom }), [ui, layout.widths, zoom]);
  const onColumnResized = (event: ColumnResizedEvent<GridRow>) => {
    if (!event.finished || event.source !== 'uiColumnResized') return;
    for (const column of event.columns ?? []) {
      const index = columnIndex.get(column.getColId());
      if (index !== undefined) layout.size(table.columns[index].id, column.getActualWidth());
    }
  };
  // A double click on a header's right edge fits that column to its content, as in Excel.
  const onDoubleClick = (event: MouseEvent) => {
    const handle = (event.target as Element).closest('.ag-header-cell-resize');
    const colId = handle?.closest('.ag-header-cell')?.getAttribute('col-id');
    const index = colId ? columnIndex.get(colId) : undefined;
    if (index !== undefined) layout.fit(index);
  };
  const marks = useMemo(() => markCells(table, findings, language), [table, findings, language]);

  // Keep each row's object while neither its cells nor its marks changed, so AG Grid redraws
  // only the rows an edit touched. (A cache, not state: filling it never needs a render.)
  const [rowCache] = useState(() => new WeakMap<Row, { key: string; gridRow: GridRow }>());
  const rowIndexById = useMemo(() => new Map(table.rows.map((r, i) => [r.id, i])), [table.rows]);
  const toGridRow = useCallback(
    (row: Row): GridRow => {
      const rowMarks = marks.get(row.id);
      const rowNotes = notes?.get(row.id);
      const sheetRow = sheet.firstDataRow + (rowIndexById.get(row.id) ?? 0);
      const key = `${sheetRow}\u0003${marksKey(rowMarks)}\u0003${notesKey(rowNotes)}`;
      const cached = rowCache.get(row);
      if (cached && cached.key === key) return cached.gridRow;
      const gridRow: GridRow = { kind: 'data', row, sheetRow, marks: rowMarks, notes: rowNotes };
      rowCache.set(row, { key, gridRow });
      return gridRow;
    },
    [marks, notes, rowCache, rowIndexById, sheet.firstDataRow],
  );
  const pinnedTop = useMemo<GridRow[]>(
    () => [{ kind: 'codes', sheetRow: sheet.codeRow }],
    [sheet.codeRow],
  );

  const rowData = useMemo(
    () => order.rows.slice(0, order.bodyCount).map(toGridRow),
    [order, toGridRow],
  );
  const pinnedBottom = useMemo(
    () =>
      order.bodyCount < order.rows.length
        ? order.rows.slice(order.bodyCount).map(toGridRow)
        : undefined,
    [order, toGridRow],
  );

  // Bring a cell named elsewhere (the checks panel, find) into view and give it keyboard focus.
  // A request that switched tables arrives with the new grid, before AG Grid is ready: it is
  // applied once the grid is.
  useEffect(() => {
    const grid = api.current;
    if (!grid || !focusRequest || 'changed' in focusRequest) return;
    const row = table.rows[focusRequest.rowIndex];
    const column = table.columns[focusRequest.columnIndex];
    if (!row || !column) return;
    const display = order.indexOf.get(row.id);
    if (display === undefined) return;
    const colKey = colIdOf(column);
    grid.ensureColumnVisible(colKey);
    if (display >= order.bodyCount) {
      grid.setFocusedCell(display - order.bodyCount, colKey, 'bottom');
    } else {
      grid.ensureIndexVisible(display, 'middle');
      grid.setFocusedCell(display, colKey);
    }
    // eslint-disable-next-line react-hooks/exhaustive-deps -- only a new request moves focus
  }, [focusRequest, ready]);

  // What an undo or redo changed: selected, so the person sees it. The table may arrive after the
  // request (a redo that adds rows back): it is applied once the table holds the cells, once.
  const shownSeq = useRef<number | null>(null);
  useEffect(() => {
    if (!ready || !focusRequest || !('changed' in focusRequest)) return;
    if (shownSeq.current === focusRequest.seq) return;
    const spots: CellPos[] = [];
    for (const cell of focusRequest.changed) {
      const row = order.indexOf.get(cell.rowId);
      const col = table.columns.findIndex((c) => c.id === cell.columnId);
      if (row !== undefined && col >= 0) spots.push({ row, col });
    }
    if (spots.length === 0) return;
    shownSeq.current = focusRequest.seq;
    const rowsOf = spots.map((p) => p.row);
    const colsOf = spots.map((p) => p.col);
    controller.select({
      anchor: { row: Math.min(...rowsOf), col: Math.min(...colsOf) },
      end: { row: Math.max(...rowsOf), col: Math.max(...colsOf) },
    });
  }, [focusRequest, ready, order, table.columns, controller]);

  const localeText = useMemo(
    () => ({ noRowsToShow: t('grid.noRows'), loadingOoo: t('grid.loadingTable') }),
    // eslint-disable-next-line react-hooks/exhaustive-deps -- t() reads the current language
    [language],
  );

  const theme = useMemo(() => gridTheme(zoom), [zoom]);

  return (
    <div
      ref={frame}
      className="bieu-grid-frame"
      role="group"
      data-testid="grid"
      aria-label={t('grid.label', { name: table.name })}
      onKeyDownCapture={(event) => {
        // A key that reaches a bare cell (AG Grid gave the cell itself the focus again) goes to the
        // cell's text field instead: moving the focus during keydown sends the character there.
        const target = event.target as HTMLElement;
        if (target.classList.contains('ag-cell'))
          target
            .querySelector<HTMLInputElement>('[data-cell-input]')
            ?.focus({ preventScroll: true });
      }}
      onFocus={onFocus}
      onMouseDown={onMouseDown}
      onMouseOver={onMouseOver}
      onDoubleClick={onDoubleClick}
      onContextMenu={onContextMenu}
    >
      {menu && (
        <GridContextMenu
          menu={menu}
          onClose={closeMenu}
          onCopy={(cut) => void controller.copyOut(cut)}
          onPaste={() => void controller.pasteIn()}
          onClear={() => controller.command({ kind: 'clear' })}
          onFillTotals={controller.fillTotals}
          onStructure={controller.structure}
        />
      )}
      {question && (
        <ConfirmDialog
          title={question.title}
          message={question.message}
          confirmLabel={question.yesLabel}
          cancelLabel={question.noLabel}
          onConfirm={() => {
            setQuestion(null);
            question.onYes();
            controller.focusActive();
          }}
          onCancel={() => {
            setQuestion(null);
            question.onNo();
            controller.focusActive();
          }}
        />
      )}
      <AgGridReact<GridRow>
        key={language}
        theme={theme}
        context={context}
        columnDefs={columnDefs}
        rowData={rowData}
        pinnedTopRowData={pinnedTop}
        pinnedBottomRowData={pinnedBottom}
        getRowId={getRowId}
        rowClassRules={rowClassRules}
        localeText={localeText}
        defaultColDef={DEFAULT_COLUMN}
        // A form, not a feed: rows inserted or deleted take their place at once.
        animateRows={false}
        enterNavigatesVertically
        enterNavigatesVerticallyAfterEdit
        enableBrowserTooltips
        suppressCellFocus={false}
        onColumnResized={onColumnResized}
        onGridReady={(event: GridReadyEvent<GridRow>) => {
          api.current = event.api;
          controller.setGrid(event.api);
          setReady(true);
        }}
      />
    </div>
  );
}

function marksKey(marks: ReadonlyMap<number, CellMark> | undefined): string {
  if (!marks) return '';
  let key = '';
  for (const [column, mark] of marks)
    key += `${column}:${mark.severity}:${mark.suggestion}:${mark.messages.join('\u0001')}\u0002`;
  return key;
}

function notesKey(notes: ReadonlyMap<number, string> | undefined): string {
  if (!notes) return '';
  let key = '';
  for (const [column, note] of notes) key += `${column}:${note}\u0002`;
  return key;
}
