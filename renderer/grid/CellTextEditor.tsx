/**
 * The cell editor: a plain text field. It starts with the figure written the Vietnamese way and
 * hands back exactly what was typed; reading it (number, empty, or text kept as typed) is the
 * column's job (cell-text.ts), so "khoảng 150" stays "khoảng 150".
 */
import { useEffect, useRef, useState } from 'react';
import type { CustomCellEditorProps } from 'ag-grid-react';
import { isFigureColumn, type CellValue, type Column } from '../../shared/model';
import { editorText } from './cell-text';
import type { GridRow } from './grid-row';

export interface CellTextEditorParams {
  column: Column;
}

type Props = CustomCellEditorProps<GridRow, CellValue | string> & CellTextEditorParams;

/** Typing a character replaces the cell, as in a spreadsheet; Enter or F2 edits what is there. */
function startingText(props: Props): { text: string; typed: boolean } {
  const key = props.eventKey;
  if (key && key.length === 1) return { text: key, typed: true };
  if (key === 'Backspace' || key === 'Delete') return { text: '', typed: true };
  return {
    text: editorText((props.initialValue as CellValue) ?? null, props.column),
    typed: false,
  };
}

export function CellTextEditor(props: Props) {
  const [start] = useState(() => startingText(props));
  const [text, setText] = useState(start.text);
  const input = useRef<HTMLInputElement>(null);
  const { onValueChange } = props;

  // Once, when the editor opens: take focus, and report a typed first character as the value.
  useEffect(() => {
    const element = input.current;
    if (!element) return;
    element.focus();
    if (start.typed) {
      element.setSelectionRange(start.text.length, start.text.length);
      onValueChange(start.text);
    } else {
      element.select();
    }
    // eslint-disable-next-line react-hooks/exhaustive-deps -- must not re-run while typing
  }, []);

  return (
    <input
      ref={input}
      className={isFigureColumn(props.column) ? 'bieu-editor bieu-editor-figure' : 'bieu-editor'}
      value={text}
      spellCheck={false}
      aria-label={props.column.label}
      onChange={(event) => {
        setText(event.target.value);
        onValueChange(event.target.value);
      }}
    />
  );
}
