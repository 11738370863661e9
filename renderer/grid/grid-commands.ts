/**
 * The grid's commands over the table it shows: what a committed text, a range command (extend,
 * jump, select all, Delete, Ctrl+D), a copy or a paste does. TableGrid creates one controller per
 * grid and tells it the latest table, display order and callbacks (`setView`), so a cell keeps
 * the same controller for its whole life while the table changes under it.
 */
import type { GridApi } from 'ag-grid-community';
import type { CellEdit } from '../../shared/api';
import { cellAddress, sheetLayout } from '../../shared/layout';
import type { Row, Table } from '../../shared/model';
import { t, tDocument } from '../i18n';
import { editorText, parseCellInput } from './cell-text';
import {
  copyPayload,
  pasteWithRows,
  planPaste,
  writeClipboard,
  type PastePlan,
  type PasteWithRows,
} from './clipboard';
import { colIdOf } from './column-defs';
import type { DisplayOrder } from './display-order';
import type { CellKey, GridController } from './grid-controller';
import type { GridRow } from './grid-row';
import type { GridUi } from './grid-ui';
import type { KeyCommand } from './keyboard';
import {
  clearRange,
  fillRange,
  fillSelection,
  isEditableCell,
  type FillDirection,
} from './range-edits';
import {
  collapsed,
  edgeFrom,
  extendBy,
  extendTo,
  rangeOf,
  wholeTable,
  type CellPos,
  type CellRange,
  type Selection,
} from './selection';

/** Rows inserted (as many as selected, above them) or deleted with Ctrl++ / Ctrl+−. */
export type RowsEdit =
  | { kind: 'insert'; tableId: number; atIndex: number; count: number }
  | { kind: 'delete'; tableId: number; rowIds: number[] };

/** What the controller needs to know of the grid at the moment it acts. */
export interface GridView {
  table: Table;
  order: DisplayOrder;
  readOnly: boolean;
  onEdits(edits: CellEdit[], label: string): void;
  onNotice(message: string): void;
  /**
   * A paste needs rows beyond the end of the table: ask the person; when they agree, write the
   * rows and the cells of `paste` as ONE call (one undo step) and answer the new rows' ids — or
   * null when they declined (or the paste could not be written).
   */
  onPasteRows(table: Table, count: number, paste: PasteWithRows): Promise<number[] | null>;
  onRows(edit: RowsEdit): void;
}

/** The cells of a range, named as in the checks ("C8:F12"), for the history's labels. */
function rangeName(table: Table, order: DisplayOrder, range: CellRange): string {
  const layout = sheetLayout(table);
  const at = (row: number, col: number) =>
    cellAddress(layout, table.rows.indexOf(order.rows[row]), col);
  const first = at(range.top, range.left);
  const last = at(range.bottom, range.right);
  return first === last ? first : `${first}:${last}`;
}

/** The controller, and how TableGrid keeps it up to date. */
export interface TableGridController extends GridController {
  /** The table and callbacks as of the last render. */
  setView(view: GridView): void;
  setGrid(api: GridApi<GridRow> | null): void;
  /** Select a range: its anchor becomes the active cell (a click on a row or column header). */
  select(selection: Selection): void;
  /** Give a cell the keyboard focus, leaving the selection as it is. */
  focusCell(pos: CellPos): void;
  /** The table's rows changed: keep the keyboard in the grid after Ctrl++ / Ctrl+−. */
  rowsChanged(): void;
  /**
   * The fill handle let go: `source` (the selection) continued into `target`, down or right;
   * the filled block becomes the selection.
   */
  fill(source: CellRange, target: CellRange, direction: FillDirection): void;
}

export function createGridController(ui: GridUi, initial: GridView): TableGridController {
  let current = initial;
  let api: GridApi<GridRow> | null = null;
  const view = () => current;
  const grid = () => api;

  const rowOf = (cell: CellKey): Row | undefined =>
    view().table.rows.find((r) => r.id === cell.rowId);

  const gridPosition = (pos: CellPos) => {
    const { order: o, table: tb } = view();
    const column = tb.columns[pos.col];
    if (!column) return null;
    return pos.row < o.bodyCount
      ? { rowIndex: pos.row, pinned: null, colKey: colIdOf(column) }
      : { rowIndex: pos.row - o.bodyCount, pinned: 'bottom' as const, colKey: colIdOf(column) };
  };

  const reveal = (pos: CellPos) => {
    const at = gridPosition(pos);
    const gridApi = grid();
    if (!at || !gridApi) return;
    gridApi.ensureColumnVisible(at.colKey);
    if (!at.pinned) gridApi.ensureIndexVisible(at.rowIndex);
  };

  const focus = (pos: CellPos) => {
    const at = gridPosition(pos);
    const gridApi = grid();
    if (!at || !gridApi) return;
    reveal(pos);
    gridApi.setFocusedCell(at.rowIndex, at.colKey, at.pinned);
  };

  const bounds = () => ({
    rows: view().order.rows.length,
    cols: view().table.columns.length,
  });

  /** Where a run of Tabs started (display row and column); null when there is no run. */
  let tabs: CellPos | null = null;
  /** Rows were inserted or deleted from the keyboard: the focus must stay in the grid. */
  let refocus = false;

  const edit = (edits: CellEdit[], label: string) => {
    if (edits.length === 0) return;
    if (view().readOnly) view().onNotice(t('grid.readOnlyTyped'));
    else view().onEdits(edits, label);
  };

  /** Focus a cell, or (Shift) grow the selection to it with the active cell left where it is. */
  const moveOrExtend = (selection: Selection | null, to: CellPos, extend: boolean) => {
    if (extend && selection) {
      ui.update({ selection: extendTo(selection, to) });
      reveal(to);
    } else focus(to);
  };

  const run = (command: KeyCommand): boolean => {
    const state = ui.get();
    const selection = state.selection ?? (state.active ? collapsed(state.active) : null);
    const { table: tb, order: o } = view();
    switch (command.kind) {
      case 'extend': {
        tabs = null;
        if (!selection) return false;
        const next = extendBy(selection, command.dRow, command.dCol, bounds());
        ui.update({ selection: next });
        reveal(next.end);
        return true;
      }
      case 'jump': {
        tabs = null;
        const { rows, cols } = bounds();
        if (rows === 0) return true;
        // Shift+Home and the like reach from the moving end of the selection, as in Excel.
        const from = command.extend ? selection?.end : state.active;
        const row = from?.row ?? 0;
        const to = {
          first: { row: 0, col: 0 },
          last: { row: rows - 1, col: cols - 1 },
          rowStart: { row, col: 0 },
          rowEnd: { row, col: cols - 1 },
        }[command.to];
        moveOrExtend(selection, to, command.extend);
        return true;
      }
      case 'edge': {
        tabs = null;
        if (!selection) return false;
        const from = command.extend ? selection.end : (state.active ?? selection.anchor);
        const filled = ({ row, col }: CellPos) => {
          const value = o.rows[row]?.cells[col];
          return value !== null && value !== undefined && value !== '';
        };
        const to = edgeFrom(from, command.dRow, command.dCol, bounds(), filled);
        moveOrExtend(selection, to, command.extend);
        return true;
      }
      case 'selectRow': {
        tabs = null;
        const row = state.active?.row;
        if (row === undefined) return false;
        ui.update({ selection: { anchor: { row, col: 0 }, end: { row, col: bounds().cols - 1 } } });
        return true;
      }
      case 'rows': {
        // Only on whole rows, as in Excel; on cells the keys keep their zoom meaning.
        const range = ui.range();
        if (!range || range.left !== 0 || range.right !== bounds().cols - 1) return false;
        if (view().readOnly) {
          view().onNotice(t('grid.readOnlyTyped'));
          return true;
        }
        const rows = o.rows.slice(range.top, range.bottom + 1);
        refocus = true;
        if (command.op === 'delete')
          view().onRows({ kind: 'delete', tableId: tb.id, rowIds: rows.map((r) => r.id) });
        else
          view().onRows({
            kind: 'insert',
            tableId: tb.id,
            atIndex: tb.rows.indexOf(rows[0]),
            count: rows.length,
          });
        return true;
      }
      case 'selectAll':
        if (bounds().rows > 0) ui.update({ selection: wholeTable(bounds()) });
        return true;
      case 'clear': {
        if (!selection) return false;
        const range = rangeOf(selection);
        const edits = clearRange(tb, o, range);
        edit(edits, tDocument('label.clear', { cells: rangeName(tb, o, range) }));
        return true;
      }
      case 'fill': {
        if (!selection) return false;
        const range = rangeOf(selection);
        const edits = fillSelection(tb, o, range, command.direction);
        const label = command.direction === 'down' ? 'label.fillDown' : 'label.fillRight';
        edit(edits, tDocument(label, { cells: rangeName(tb, o, range) }));
        return true;
      }
      default:
        return false;
    }
  };

  /**
   * Writes a planned paste as ONE batch: when rows must be added and the person agrees, rows and
   * cells go together in one call; otherwise the cells that fit, as one cell batch.
   */
  const applyPaste = async (plan: PastePlan, tb: Table, o: DisplayOrder): Promise<void> => {
    const notes = [...plan.notes];
    const label = (count: number) =>
      tDocument('label.paste', { count, cells: rangeName(tb, o, plan.range) });
    const locked = () => {
      if (plan.lockedCells > 0) notes.push(t('paste.locked', { count: plan.lockedCells }));
    };
    if (plan.rowsBelowTotal > 0) notes.push(t('paste.belowTotal', { rows: plan.rowsBelowTotal }));
    if (plan.rowsToAdd > 0) {
      const count = plan.edits.length + plan.newRowEdits.length;
      const added = await view().onPasteRows(
        tb,
        plan.rowsToAdd,
        pasteWithRows(plan, tb.id, label(count)),
      );
      if (added) {
        notes.push(t('paste.rowsAdded', { rows: plan.rowsToAdd }));
        locked();
        view().onNotice(notes.join('\n'));
        return;
      }
      const cells = plan.newRowEdits.filter((e) => e.value !== null).length;
      notes.push(t('paste.rowsDeclined', { rows: plan.rowsToAdd, cells }));
    }
    locked();
    edit(plan.edits, label(plan.edits.length));
    if (notes.length > 0) view().onNotice(notes.join('\n'));
  };

  return {
    setView: (next) => {
      current = next;
    },
    setGrid: (next) => {
      api = next;
    },
    focusCell: (pos) => focus(pos),
    fill: (source, target, direction) => {
      const { table: tb, order: o } = view();
      ui.update({
        selection: {
          anchor: { row: source.top, col: source.left },
          end: { row: target.bottom, col: target.right },
        },
      });
      const edits = fillRange(tb, o, source, target, direction, true);
      edit(edits, tDocument('label.fill', { cells: rangeName(tb, o, target) }));
    },
    rowsChanged: () => {
      if (!refocus) return;
      refocus = false;
      // The rows under the focused cell are replaced as AG Grid draws the new rows, after this
      // render: once they are drawn, a focus the browser dropped goes back to the active cell.
      requestAnimationFrame(() => {
        const { active } = ui.get();
        const lost = document.activeElement === null || document.activeElement === document.body;
        if (active && lost) focus(active);
      });
    },
    noteMove: (key) => {
      const { active } = ui.get();
      if (key === 'other' || !active) tabs = null;
      else if (!tabs || tabs.row !== active.row) tabs = active;
    },
    enterAfterTabs: () => {
      const started = tabs;
      tabs = null;
      const { active } = ui.get();
      if (!started || !active || started.row !== active.row) return false;
      focus({ row: Math.min(active.row + 1, bounds().rows - 1), col: started.col });
      return true;
    },
    select: (selection) => {
      focus(selection.anchor);
      ui.update({ selection });
      reveal(selection.end);
    },
    ui,
    refused: (cell) => {
      if (view().readOnly) view().onNotice(t('grid.readOnlyTyped'));
      else if (rowOf(cell)?.role === 'group') view().onNotice(t('grid.groupCellTyped'));
    },
    canEdit: (cell) => {
      const row = rowOf(cell);
      const column = view().table.columns[cell.col];
      return !view().readOnly && !!row && !!column && isEditableCell(row, column);
    },
    editorText: (cell) => {
      const row = rowOf(cell);
      const column = view().table.columns[cell.col];
      return row && column ? editorText(row.cells[cell.col] ?? null, column) : '';
    },
    commit: (cell, text) => {
      const { table: tb } = view();
      const row = rowOf(cell);
      const column = tb.columns[cell.col];
      if (!row || !column || !isEditableCell(row, column)) return;
      const value = parseCellInput(text, column);
      if (Object.is(row.cells[cell.col] ?? null, value)) return;
      const address = cellAddress(sheetLayout(tb), tb.rows.indexOf(row), cell.col);
      edit(
        [{ tableId: tb.id, rowId: row.id, columnId: column.id, value }],
        tDocument('label.editCell', { cell: address }),
      );
    },
    command: run,
    copy: (data, cut) => {
      const range = ui.range();
      if (!range) return;
      const { table: tb, order: o } = view();
      writeClipboard(data, copyPayload(tb, o, range));
      if (cut) run({ kind: 'clear' });
    },
    paste: (data) => {
      const state = ui.get();
      const selection = state.selection ?? (state.active ? collapsed(state.active) : null);
      const { table: tb, order: o, readOnly: ro } = view();
      if (ro) view().onNotice(t('grid.readOnlyTyped'));
      if (!selection || ro) return;
      const plan = planPaste(tb, o, selection, {
        text: data.getData('text/plain'),
        html: data.getData('text/html'),
      });
      if (!plan) return;
      // The pasted block becomes the selection, as in a spreadsheet.
      if (plan.select)
        ui.update({
          selection: {
            anchor: { row: plan.select.top, col: plan.select.left },
            end: { row: plan.select.bottom, col: plan.select.right },
          },
        });
      void applyPaste(plan, tb, o);
    },
  };
}
