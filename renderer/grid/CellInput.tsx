/**
 * The text field of the active cell. It is there, focused and invisible, whenever a cell is
 * active, and it becomes the editor the moment the person types — the SAME element, so nothing
 * typed is lost: not the first key, and not an input method's composition. With Telex or VNI the
 * first keys of "Lộc" are a composition that starts before any editor could be opened; an input
 * method only composes into an editable element, and moving focus mid-composition would commit
 * or drop it. So the field that receives the composition is the one that keeps it.
 *
 * Listeners are native, on the field itself: they run before AG Grid's (on the row container) and
 * before React's (on the root), so a key we claim never reaches AG Grid's navigation.
 */
import { useLayoutEffect, useRef } from 'react';
import { useEditMode } from './grid-ui';
import type { CellKey, GridController } from './grid-controller';
import { keyCommand, MOVES, type EditMode } from './keyboard';

interface CellInputProps {
  controller: GridController;
  cell: CellKey;
  label: string;
  figure: boolean;
}

export function CellInput({ controller, cell, label, figure }: CellInputProps) {
  const input = useRef<HTMLInputElement>(null);
  const mode = useEditMode(controller.ui);
  const { rowId, col } = cell;

  // A layout effect: the field must hold the focus before the next key arrives, or that key
  // would land on the bare cell and be lost.
  useLayoutEffect(() => {
    const field = input.current;
    if (!field) return;
    const key: CellKey = { rowId, col };
    const ui = controller.ui;
    const gridCell = field.closest<HTMLElement>('.ag-cell');

    // AG Grid focuses the cell element itself; the field takes the focus over.
    const claim = () => {
      if (document.activeElement !== field) field.focus({ preventScroll: true });
    };
    if (gridCell && document.activeElement === gridCell) claim();

    const begin = (next: EditMode, text: string | null): boolean => {
      if (!controller.canEdit(key)) {
        controller.refused(key);
        return false;
      }
      if (text !== null) {
        field.value = text;
        field.setSelectionRange(text.length, text.length);
      }
      ui.update({ mode: next });
      return true;
    };
    const finish = (commit: boolean) => {
      if (ui.get().mode === 'none') return;
      const text = field.value;
      field.value = '';
      ui.update({ mode: 'none' });
      if (commit) controller.commit(key, text);
    };

    const onKeyDown = (event: KeyboardEvent) => {
      // Keys that feed an input method's composition belong to it alone.
      if (event.isComposing || event.keyCode === 229) {
        event.stopPropagation();
        return;
      }
      const command = keyCommand(event, ui.get().mode);
      const claimKey = () => {
        event.preventDefault();
        event.stopPropagation();
      };
      // A key AG Grid will move the focus with: Enter after Tabs goes back under where they began.
      const moving = () => {
        const plain = !event.shiftKey && !event.ctrlKey && !event.metaKey && !event.altKey;
        if (event.key === 'Tab') controller.noteMove('tab');
        else if (event.key === 'Enter' && plain && controller.enterAfterTabs()) claimKey();
        else if (MOVES.has(event.key)) controller.noteMove('other');
      };
      switch (command.kind) {
        case 'native':
          event.stopPropagation();
          return;
        case 'grid':
          moving();
          return;
        case 'startTyping':
          // The field inserts the character itself; a cell that cannot be edited refuses it.
          if (begin('typing', '')) event.stopPropagation();
          else claimKey();
          return;
        case 'startEmpty':
          begin('typing', '');
          claimKey();
          return;
        case 'startEditing':
          begin('editing', controller.editorText(key));
          claimKey();
          return;
        case 'commit':
          finish(true); // and the window answers Ctrl+S
          return;
        case 'commitAndMove':
          finish(true); // and AG Grid moves on
          moving();
          return;
        case 'cancel':
          finish(false);
          claimKey();
          return;
        default:
          if (controller.command(command)) claimKey();
      }
    };
    const onCompositionStart = () => {
      if (ui.get().mode === 'none') begin('typing', null);
    };
    // Text that arrives without a key we saw (an input method committing, a tool typing for the
    // person): it is typing all the same.
    const onInput = () => {
      if (ui.get().mode !== 'none') return;
      if (!begin('typing', null)) field.value = '';
    };
    const onCompositionEnd = () => {
      if (ui.get().mode === 'none') field.value = '';
    };
    const onDoubleClick = () => {
      if (ui.get().mode === 'none') begin('editing', controller.editorText(key));
    };
    const onBlur = () => finish(true);
    // With nothing selected in an empty field the browser may think there is nothing to copy.
    const onBeforeCopy = (event: Event) => {
      if (ui.get().mode === 'none') event.preventDefault();
    };
    const onCopy = (event: ClipboardEvent) => {
      if (ui.get().mode !== 'none' || !event.clipboardData) return;
      event.preventDefault();
      controller.copy(event.clipboardData, event.type === 'cut');
    };
    const onPaste = (event: ClipboardEvent) => {
      // While editing, a paste is text for the field.
      if (ui.get().mode !== 'none' || !event.clipboardData) return;
      event.preventDefault();
      controller.paste(event.clipboardData);
    };

    const listeners: [string, EventListener][] = [
      ['keydown', onKeyDown as EventListener],
      ['compositionstart', onCompositionStart],
      ['compositionend', onCompositionEnd],
      ['input', onInput],
      ['dblclick', onDoubleClick],
      ['blur', onBlur],
      ['beforecopy', onBeforeCopy],
      ['beforecut', onBeforeCopy],
      ['copy', onCopy as EventListener],
      ['cut', onCopy as EventListener],
      ['paste', onPaste as EventListener],
    ];
    for (const [name, listener] of listeners) field.addEventListener(name, listener);
    gridCell?.addEventListener('focus', claim);
    return () => {
      for (const [name, listener] of listeners) field.removeEventListener(name, listener);
      gridCell?.removeEventListener('focus', claim);
      finish(true);
    };
  }, [controller, rowId, col]);

  return (
    <input
      ref={input}
      className={figure ? 'bieu-cell-input bieu-cell-input-figure' : 'bieu-cell-input'}
      data-cell-input={mode === 'none' ? 'idle' : mode}
      aria-label={label}
      spellCheck={false}
      autoComplete="off"
      readOnly={!controller.canEdit(cell)}
    />
  );
}
