/**
 * The spreadsheet keys, decided in one place. The active cell holds a text field (cell-input) that
 * is invisible while the person moves around and becomes the editor once they type; every key
 * reaches it first. This module says what a key means in each of the three states; CellInput does
 * it. Keys it does not claim go on to AG Grid, which moves the focus (arrows, Tab, Page Up/Down,
 * Enter and Shift+Enter with `enterNavigatesVertically`). Home and End are Excel's: the first and
 * last cell of the current row (AG Grid's would leave the row for the first or last row); so are
 * Ctrl+arrows (to the edge of the figures), and with Shift each of these extends the selection;
 * Shift+Space selects the row, Ctrl++ / Ctrl+− insert or delete whole rows selected, and
 * Ctrl+D / Ctrl+R fill down and right.
 */

/** Not editing; typed after a key that replaces the value; editing what was there (F2). */
export type EditMode = 'none' | 'typing' | 'editing';

export type KeyCommand =
  /** Let the text field do what it does (insert a character, move the caret…) and AG Grid nothing. */
  | { kind: 'native' }
  /** Leave the key to AG Grid (navigation). */
  | { kind: 'grid' }
  /** Start typing: the key's character replaces the value (the field inserts it). */
  | { kind: 'startTyping' }
  /** Backspace outside the editor: empty the value and go on typing. */
  | { kind: 'startEmpty' }
  /** F2: edit the value that is there, caret at the end. */
  | { kind: 'startEditing' }
  /** Write what was typed; the key then goes on to AG Grid, which moves the focus. */
  | { kind: 'commitAndMove' }
  /** Write what was typed and stay; the key goes on to the window (Ctrl+S). */
  | { kind: 'commit' }
  /** Escape: forget what was typed. */
  | { kind: 'cancel' }
  | { kind: 'extend'; dRow: number; dCol: number }
  /**
   * first/last: the table's first and last cell; rowStart/rowEnd: those of the active row.
   * With `extend` (Shift) the selection grows to that cell instead of the focus moving there.
   */
  | { kind: 'jump'; to: 'first' | 'last' | 'rowStart' | 'rowEnd'; extend: boolean }
  /** Ctrl+arrow: to the edge of the run of filled cells, as in Excel; with Shift, extending. */
  | { kind: 'edge'; dRow: number; dCol: number; extend: boolean }
  | { kind: 'selectAll' }
  /** Shift+Space: the active cell's whole row, as in Excel. */
  | { kind: 'selectRow' }
  /** Ctrl++ / Ctrl+− on whole rows: insert as many above them, or delete them (else: zoom). */
  | { kind: 'rows'; op: 'insert' | 'delete' }
  | { kind: 'clear' }
  /** Ctrl+D / Ctrl+R: the selection's first row (column) copied into the rest of it. */
  | { kind: 'fill'; direction: 'down' | 'right' }
  /** Shift+F10 or the menu key: the right-click menu at the active cell. */
  | { kind: 'menu' }
  /** Alt+= (Excel's AutoSum): «Điền tổng», the computed totals into the selection. */
  | { kind: 'fillTotals' };

export interface KeyLike {
  key: string;
  ctrlKey: boolean;
  metaKey: boolean;
  altKey: boolean;
  shiftKey: boolean;
  /** The physical key (Alt+= writes "≠" on a Mac: its key is still "Equal"). */
  code?: string;
}

const ARROWS: Record<string, [number, number]> = {
  ArrowUp: [-1, 0],
  ArrowDown: [1, 0],
  ArrowLeft: [0, -1],
  ArrowRight: [0, 1],
};

/** The keys that move the focus from cell to cell (besides Tab). */
export const MOVES: ReadonlySet<string> = new Set([
  ...Object.keys(ARROWS),
  'Enter',
  'PageUp',
  'PageDown',
  'Home',
  'End',
]);

/** A key that writes a character (not a shortcut, not a named key). */
export function isPrintable(e: KeyLike): boolean {
  // Ctrl+Alt is AltGr on many keyboards: it writes characters too.
  return Array.from(e.key).length === 1 && !e.metaKey && (!e.ctrlKey || e.altKey);
}

export function keyCommand(e: KeyLike, mode: EditMode): KeyCommand {
  const ctrl = e.ctrlKey || e.metaKey;
  if (mode !== 'none') {
    if (e.key === 'Escape') return { kind: 'cancel' };
    if (e.key === 'Enter' || e.key === 'Tab') return { kind: 'commitAndMove' };
    if (ctrl && !e.altKey && e.key.toLowerCase() === 's') return { kind: 'commit' };
    // After typing over a value, arrows leave the cell as in Excel; after F2 they move the caret.
    if (mode === 'typing' && !ctrl && !e.shiftKey && e.key in ARROWS)
      return { kind: 'commitAndMove' };
    return { kind: 'native' };
  }
  if (ctrl && !e.altKey) {
    switch (e.key) {
      case 'Home':
        return { kind: 'jump', to: 'first', extend: e.shiftKey };
      case 'End':
        return { kind: 'jump', to: 'last', extend: e.shiftKey };
    }
    if (e.key in ARROWS) {
      const [dRow, dCol] = ARROWS[e.key];
      return { kind: 'edge', dRow, dCol, extend: e.shiftKey };
    }
    if (e.key === '+') return { kind: 'rows', op: 'insert' };
    if (e.key === '-') return { kind: 'rows', op: 'delete' };
    switch (e.key.toLowerCase()) {
      case 'a':
        return { kind: 'selectAll' };
      case 'd':
        return { kind: 'fill', direction: 'down' };
      // Also the browser's reload: claimed here, the page stays (and nothing typed is lost).
      case 'r':
        return { kind: 'fill', direction: 'right' };
    }
    return { kind: 'grid' };
  }
  if (e.shiftKey && e.key in ARROWS) {
    const [dRow, dCol] = ARROWS[e.key];
    return { kind: 'extend', dRow, dCol };
  }
  if (e.shiftKey && e.key === ' ') return { kind: 'selectRow' };
  // Before the printable keys: Alt+= writes no "=", it sums, as in Excel.
  if (e.altKey && !ctrl && (e.key === '=' || e.code === 'Equal')) return { kind: 'fillTotals' };
  if (e.key === 'ContextMenu' || (e.shiftKey && e.key === 'F10')) return { kind: 'menu' };
  switch (e.key) {
    case 'Home':
      return { kind: 'jump', to: 'rowStart', extend: e.shiftKey };
    case 'End':
      return { kind: 'jump', to: 'rowEnd', extend: e.shiftKey };
    case 'F2':
      return { kind: 'startEditing' };
    case 'Delete':
      return { kind: 'clear' };
    case 'Backspace':
      return { kind: 'startEmpty' };
  }
  if (isPrintable(e)) return { kind: 'startTyping' };
  return { kind: 'grid' };
}
