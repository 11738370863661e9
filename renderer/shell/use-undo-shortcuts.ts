/**
 * The window's own shortcuts, from anywhere in it: Ctrl+Z / Ctrl+Y (and Ctrl+Shift+Z) undo and
 * redo document edits, Ctrl+F opens find and replace, Ctrl+S says that everything is saved
 * (Biểu saves each change as it is made), Ctrl+= / Ctrl+- / Ctrl+0 zoom the grid.
 * Inside a text field Ctrl+Z and Ctrl+Y belong to the field (an open cell editor, a dialog's path
 * box): there the browser's own text undo is what the user means. The active cell's field counts
 * as a text field only while it is editing (grid/CellInput.tsx).
 */
import { useEffect, useEffectEvent } from 'react';

/** A place where typing goes into text: there Ctrl+Z is the text's undo, not the document's. */
export function isTextEntry(target: EventTarget | null): boolean {
  if (!(target instanceof HTMLElement)) return false;
  if (target.dataset.cellInput === 'idle') return false;
  return (
    target.isContentEditable ||
    target.closest('input, textarea, select, [contenteditable="true"]') !== null
  );
}

export interface WindowShortcuts {
  undo(): void;
  redo(): void;
  find(): void;
  save(): void;
  zoom(direction: 1 | -1 | 0): void;
}

export function useUndoShortcuts(shortcuts: WindowShortcuts): void {
  const onKeyDown = useEffectEvent((event: KeyboardEvent) => {
    if (!(event.ctrlKey || event.metaKey) || event.altKey) return;
    const key = event.key.toLowerCase();
    // Zoom and find work everywhere, even from a text field (as in a browser or Excel).
    if (key === '=' || key === '+' || key === '-' || key === '0') {
      event.preventDefault();
      shortcuts.zoom(key === '0' ? 0 : key === '-' ? -1 : 1);
      return;
    }
    if (key === 'f' && !event.shiftKey) {
      event.preventDefault();
      shortcuts.find();
      return;
    }
    // Never the browser's "Save page as…".
    if (key === 's' && !event.shiftKey) {
      event.preventDefault();
      shortcuts.save();
      return;
    }
    if (isTextEntry(event.target) || document.querySelector('dialog[open]')) return;
    if (key === 'z' && !event.shiftKey) {
      event.preventDefault();
      shortcuts.undo();
    } else if (key === 'y' || (key === 'z' && event.shiftKey)) {
      event.preventDefault();
      shortcuts.redo();
    }
  });

  useEffect(() => {
    const listener = (event: KeyboardEvent) => onKeyDown(event);
    window.addEventListener('keydown', listener);
    return () => window.removeEventListener('keydown', listener);
  }, []);
}
