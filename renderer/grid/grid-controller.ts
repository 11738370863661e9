/**
 * What a cell's text field may ask of the grid. TableGrid implements it over the table it shows;
 * cells reach it through AG Grid's `context`, so they never hold the table themselves.
 * Cells are named by row id and column index, which stay right while rows move under them.
 */
import type { GridUi } from './grid-ui';
import type { KeyCommand } from './keyboard';

export interface CellKey {
  rowId: number;
  col: number;
}

export interface GridController {
  ui: GridUi;
  canEdit(cell: CellKey): boolean;
  /** Someone typed into a cell that cannot take it: say why (read-only, a group row's figure). */
  refused(cell: CellKey): void;
  /** The text an editor opened with F2 or a double click starts with. */
  editorText(cell: CellKey): string;
  /** What was typed, to be read by the column and written (or dropped when unchanged). */
  commit(cell: CellKey, text: string): void;
  /** Range commands (extend, jump, select all, clear, fill down); true when done. */
  command(command: KeyCommand): boolean;
  /**
   * A key about to move the focus: Tab starts (or goes on with) a run of Tabs along a row; any
   * other move ends it.
   */
  noteMove(key: 'tab' | 'other'): void;
  /**
   * Enter after a run of Tabs, as in Excel: the next row, in the column where the Tabs started.
   * False when there was no run: Enter then simply goes down.
   */
  enterAfterTabs(): boolean;
  copy(data: DataTransfer, cut: boolean): void;
  paste(data: DataTransfer): void;
}

export interface GridContext {
  controller: GridController;
}
