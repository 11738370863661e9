/**
 * The grid's commands over the table it shows: what a committed text, a range command (extend,
 * jump, select all, Delete, Ctrl+D), a copy or a paste does. TableGrid creates one controller per
 * grid and tells it the latest table, display order and callbacks (`setView`), so a cell keeps
 * the same controller for its whole life while the table changes under it.
 */
import type { GridApi } from 'ag-grid-community';
import type { CellEdit, ColumnSpec } from '../../shared/api';
import { cellAddress, sheetLayout } from '../../shared/layout';
import type { CellValue, Row, RowRole, Table } from '../../shared/model';
import { formatNumber } from '../../shared/numbers';
import { t, tDocument } from '../i18n';
import { newColumnSpec } from '../structure/new-column';
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
import { totalsToFill, type ComputedCell } from './fill-totals';
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

/**
 * A change of the table's shape asked for from the grid: rows inserted (as many as selected) or
 * deleted with Ctrl++ / Ctrl+− or the right-click menu, a column inserted or the selected ones
 * deleted, the selected rows given a role — the right-click menu's structure commands.
 */
export type StructureEdit =
  | { kind: 'insertRows'; tableId: number; atIndex: number; count: number }
  | { kind: 'deleteRows'; tableId: number; rowIds: number[] }
  | { kind: 'insertColumn'; tableId: number; atIndex: number; column: ColumnSpec }
  | { kind: 'deleteColumns'; tableId: number; columnIds: number[] }
  | { kind: 'setRole'; tableId: number; rowIds: number[]; role: RowRole };

/** What the right-click menu asks of the selection (cut, copy and paste aside). */
export type MenuAction =
  | { kind: 'insertRows'; where: 'above' | 'below' }
  | { kind: 'deleteRows' }
  | { kind: 'insertColumn'; where: 'left' | 'right' }
  | { kind: 'deleteColumns' }
  | { kind: 'setRole'; role: RowRole };

/** A button beside a notice: the one thing the sentence offers to do («Đọc lại theo kiểu Anh»). */
export interface NoticeAction {
  label: string;
  run(): void;
}

/** What the controller needs to know of the grid at the moment it acts. */
export interface GridView {
  table: Table;
  order: DisplayOrder;
  readOnly: boolean;
  onEdits(edits: CellEdit[], label: string): void;
  onNotice(message: string, action?: NoticeAction): void;
  /**
   * A paste needs rows beyond the end of the table: ask the person; when they agree, write the
   * rows and the cells of `paste` as ONE call (one undo step) and answer the new rows' ids — or
   * null when they declined (or the paste could not be written).
   */
  onPasteRows(table: Table, count: number, paste: PasteWithRows): Promise<number[] | null>;
  onStructure(edit: StructureEdit): void;
  /** Shift+F10 or the menu key: the right-click menu, at the active cell. */
  onMenuKey(): void;
  /** Ask the person a yes/no question (replace typed figures?); answered through the callbacks. */
  onAsk(question: Question): void;
}

/** A question in a dialog: what it says, its two buttons, and what each does. */
export interface Question {
  title: string;
  message: string;
  yesLabel: string;
  noLabel: string;
  onYes(): void;
  onNo(): void;
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
  /** Give the active cell the keyboard back (after a dialog), the selection left as it is. */
  focusActive(): void;
  /** The table's rows changed: keep the keyboard in the grid after Ctrl++ / Ctrl+−. */
  rowsChanged(): void;
  /** The right-click menu's structure commands over the selection. */
  structure(action: MenuAction): void;
  /** «Điền tổng» over the selection (Alt+= and the right-click menu). */
  fillTotals(): void;
  /** The right-click menu's Cắt / Sao chép (cut: the cells are cleared once copied) and Dán. */
  copyOut(cut: boolean): Promise<void>;
  pasteIn(): Promise<void>;
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
          view().onStructure({ kind: 'deleteRows', tableId: tb.id, rowIds: rows.map((r) => r.id) });
        else
          view().onStructure({
            kind: 'insertRows',
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
      case 'menu':
        view().onMenuKey();
        return true;
      case 'fillTotals':
        fillTotals();
        return true;
      default:
        return false;
    }
  };

  /**
   * «Điền tổng»: the computed figures into the total, subtotal and formula cells of the selection
   * (fill-totals.ts), as one undoable step. A figure someone typed that disagrees is replaced only
   * when the person says so; the blank cells are filled either way.
   */
  const fillTotals = () => {
    const state = ui.get();
    const selection = state.selection ?? (state.active ? collapsed(state.active) : null);
    const { table: tb, order: o, readOnly: ro } = view();
    if (!selection) return;
    if (ro) {
      view().onNotice(t('grid.readOnlyTyped'));
      return;
    }
    const range = rangeOf(selection);
    const keep = totalsToFill(tb, o, range);
    const label = tDocument('label.fillTotals', { cells: rangeName(tb, o, range) });
    const write = (cells: ComputedCell[]) =>
      edit(
        cells.map((c) => c.edit),
        label,
      );
    if (keep.computable === 0) return view().onNotice(t('fillTotals.nothing'));
    if (keep.overwrites.length === 0) {
      if (keep.blanks.length === 0) view().onNotice(t('fillTotals.alreadyRight'));
      else write(keep.blanks);
      return;
    }
    // Replaced, a typed subtotal changes the total over it too: the question lists every cell
    // that would change.
    const replace = totalsToFill(tb, o, range, true);
    const layout = sheetLayout(tb);
    const place = (c: ComputedCell) => {
      const row = tb.rows.findIndex((r) => r.id === c.edit.rowId);
      const col = tb.columns.findIndex((x) => x.id === c.edit.columnId);
      const shown = (v: CellValue) =>
        typeof v === 'number' ? formatNumber(v, tb.columns[col].decimals) : `«${String(v)}»`;
      return { cell: cellAddress(layout, row, col), was: shown(c.was), value: shown(c.edit.value) };
    };
    const changed = replace.overwrites;
    const list = changed.slice(0, 5).map((c) => {
      const p = place(c);
      return `${p.cell} ${p.was} → ${p.value}`;
    });
    if (changed.length > 5) list.push('…');
    const message = [
      changed.length === 1
        ? t('fillTotals.askOne', place(changed[0]))
        : t('fillTotals.askMany', { count: changed.length, list: list.join('; ') }),
      keep.blanks.length > 0 ? t('fillTotals.askBlanks', { blanks: keep.blanks.length }) : '',
    ]
      .filter(Boolean)
      .join(' ');
    view().onAsk({
      title: t('fillTotals.askTitle'),
      message,
      yesLabel: t('fillTotals.replace', { count: changed.length }),
      noLabel: t('fillTotals.keep'),
      onYes: () => write([...replace.blanks, ...replace.overwrites]),
      onNo: () => write(keep.blanks),
    });
  };

  /** The right-click menu's structure commands, over the selection as it stands. */
  const structure = (action: MenuAction) => {
    const range = ui.range();
    const { table: tb, order: o, readOnly: ro } = view();
    if (!range) return;
    if (ro) {
      view().onNotice(t('grid.readOnlyTyped'));
      return;
    }
    const rows = o.rows.slice(range.top, range.bottom + 1);
    const columns = tb.columns.slice(range.left, range.right + 1);
    const tableIndexes = rows.map((r) => tb.rows.indexOf(r));
    switch (action.kind) {
      case 'insertRows':
        view().onStructure({
          kind: 'insertRows',
          tableId: tb.id,
          atIndex:
            action.where === 'above' ? Math.min(...tableIndexes) : Math.max(...tableIndexes) + 1,
          count: rows.length,
        });
        return;
      case 'deleteRows':
        view().onStructure({ kind: 'deleteRows', tableId: tb.id, rowIds: rows.map((r) => r.id) });
        return;
      case 'insertColumn':
        view().onStructure({
          kind: 'insertColumn',
          tableId: tb.id,
          atIndex: action.where === 'left' ? range.left : range.right + 1,
          column: newColumnSpec(tb),
        });
        return;
      case 'deleteColumns':
        // A table keeps at least one column: deleting them all would leave nothing to fill in.
        if (columns.length >= tb.columns.length) view().onNotice(t('grid.lastColumn'));
        else
          view().onStructure({
            kind: 'deleteColumns',
            tableId: tb.id,
            columnIds: columns.map((c) => c.id),
          });
        return;
      case 'setRole':
        view().onStructure({
          kind: 'setRole',
          tableId: tb.id,
          rowIds: rows.filter((r) => r.role !== action.role).map((r) => r.id),
          role: action.role,
        });
    }
  };

  /**
   * A paste from the clipboard's text and HTML: planned, shown as the new selection, written.
   * Where Biểu had to guess how the figures are written ("1.234": a thousand, or one point
   * two three four?), the notice offers to read the same paste the other way: `reread` plans it
   * again at the same place with the guessed columns turned over, and writes only the cells that
   * change, as one more undoable step.
   */
  const pasteFlavours = (flavours: { text: string; html: string }, reread?: Selection) => {
    const state = ui.get();
    const selection = reread ?? state.selection ?? (state.active ? collapsed(state.active) : null);
    const { table: tb, order: o, readOnly: ro } = view();
    if (ro) view().onNotice(t('grid.readOnlyTyped'));
    if (!selection || ro) return;
    const plan = planPaste(tb, o, selection, flavours, undefined, reread !== undefined);
    if (!plan) return;
    if (reread) {
      const now = (e: CellEdit) =>
        tb.rows.find((r) => r.id === e.rowId)?.cells[
          tb.columns.findIndex((c) => c.id === e.columnId)
        ] ?? null;
      plan.edits = plan.edits.filter((e) => !Object.is(now(e), e.value));
    }
    // The pasted block becomes the selection, as in a spreadsheet.
    if (plan.select)
      ui.update({
        selection: {
          anchor: { row: plan.select.top, col: plan.select.left },
          end: { row: plan.select.bottom, col: plan.select.right },
        },
      });
    const offer: NoticeAction | undefined =
      plan.rereadAs && !reread
        ? {
            label: t(plan.rereadAs === 'en' ? 'paste.rereadEnglish' : 'paste.rereadVietnamese'),
            run: () => pasteFlavours(flavours, selection),
          }
        : undefined;
    void applyPaste(plan, tb, o, offer);
  };

  /**
   * Writes a planned paste as ONE batch: when rows must be added and the person agrees, rows and
   * cells go together in one call; otherwise the cells that fit, as one cell batch.
   */
  const applyPaste = async (
    plan: PastePlan,
    tb: Table,
    o: DisplayOrder,
    offer?: NoticeAction,
  ): Promise<void> => {
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
        view().onNotice(notes.join('\n'), offer);
        return;
      }
      const cells = plan.newRowEdits.filter((e) => e.value !== null).length;
      notes.push(t('paste.rowsDeclined', { rows: plan.rowsToAdd, cells }));
    }
    locked();
    edit(plan.edits, label(plan.edits.length));
    if (notes.length > 0) view().onNotice(notes.join('\n'), offer);
  };

  return {
    setView: (next) => {
      current = next;
    },
    setGrid: (next) => {
      api = next;
    },
    focusCell: (pos) => focus(pos),
    focusActive: () => {
      const { active, selection } = ui.get();
      if (!active) return;
      focus(active);
      if (selection) ui.update({ selection });
    },
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
    paste: (data) =>
      pasteFlavours({ text: data.getData('text/plain'), html: data.getData('text/html') }),
    structure,
    fillTotals,
    // The right-click menu's cut, copy and paste go through the system clipboard, as Ctrl+X,
    // Ctrl+C and Ctrl+V do; a browser that refuses the page its clipboard is named in one sentence.
    copyOut: async (cut) => {
      const range = ui.range();
      if (!range) return;
      const { table: tb, order: o } = view();
      const payload = copyPayload(tb, o, range);
      try {
        await navigator.clipboard.write([
          new ClipboardItem({
            'text/plain': new Blob([payload.text], { type: 'text/plain' }),
            'text/html': new Blob([payload.html], { type: 'text/html' }),
          }),
        ]);
      } catch {
        view().onNotice(t('grid.clipboardRefused'));
        return;
      }
      if (cut) run({ kind: 'clear' });
    },
    pasteIn: async () => {
      const flavours = { text: '', html: '' };
      try {
        for (const item of await navigator.clipboard.read()) {
          if (item.types.includes('text/plain'))
            flavours.text = await (await item.getType('text/plain')).text();
          if (item.types.includes('text/html'))
            flavours.html = await (await item.getType('text/html')).text();
        }
      } catch {
        view().onNotice(t('grid.clipboardRefused'));
        return;
      }
      pasteFlavours(flavours);
    },
  };
}
