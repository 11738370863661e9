/**
 * Ctrl+Z / Ctrl+Y (and Ctrl+Shift+Z) undo and redo document edits from anywhere in the window —
 * except inside a text field, where they belong to the field (an open cell editor, a dialog's
 * path box): there the browser's own text undo is what the user means.
 */
import { useEffect, useEffectEvent } from 'react';

/** A place where typing goes into text: there Ctrl+Z is the text's undo, not the document's. */
export function isTextEntry(target: EventTarget | null): boolean {
  if (!(target instanceof HTMLElement)) return false;
  return (
    target.isContentEditable ||
    target.closest('input, textarea, select, [contenteditable="true"]') !== null
  );
}

export function useUndoShortcuts(onUndo: () => void, onRedo: () => void): void {
  const onKeyDown = useEffectEvent((event: KeyboardEvent) => {
    if (!(event.ctrlKey || event.metaKey) || event.altKey || isTextEntry(event.target)) return;
    if (document.querySelector('dialog[open]')) return;
    const key = event.key.toLowerCase();
    if (key === 'z' && !event.shiftKey) {
      event.preventDefault();
      onUndo();
    } else if (key === 'y' || (key === 'z' && event.shiftKey)) {
      event.preventDefault();
      onRedo();
    }
  });

  useEffect(() => {
    const listener = (event: KeyboardEvent) => onKeyDown(event);
    window.addEventListener('keydown', listener);
    return () => window.removeEventListener('keydown', listener);
  }, []);
}
