/**
 * How a cell is drawn. It is a component of its own (not just a CSS class) so that a cell with a
 * finding carries `data-finding` and the finding's message as `title` in the DOM: the hooks the
 * tests and assistive tools rely on (DESIGN.md "Testability").
 */
import type { CustomCellRendererProps } from 'ag-grid-react';
import { codeRowText, type CellValue, type Column } from '../../shared/model';
import { displayText } from './cell-text';
import type { GridRow } from './grid-row';

export interface CellViewParams {
  column: Column;
  columnIndex: number;
}

export function CellView(props: CustomCellRendererProps<GridRow, CellValue> & CellViewParams) {
  const { data, column, columnIndex } = props;
  if (!data) return null;
  if (data.kind === 'codes') return <span className="bieu-code">{codeRowText(column)}</span>;
  const mark = data.marks?.get(columnIndex);
  return (
    <span
      className="bieu-cell-text"
      data-finding={mark?.severity}
      title={mark ? mark.messages.join('\n') : undefined}
    >
      {displayText(props.value ?? null, column)}
    </span>
  );
}
