/**
 * How a cell is drawn. It is a component of its own (not just a CSS class) so that a cell with a
 * finding carries `data-finding` and the finding's message as `title` in the DOM (a figure
 * collected from a commune's file, its file, sheet, cell and time too): the hooks the tests and
 * assistive tools rely on. The active cell also holds the
 * text field that receives the keyboard (CellInput), and a cell inside a range selection draws
 * the selection's tint and outline; the selection's bottom-right cell carries the fill handle.
 */
import type { CustomCellRendererProps } from 'ag-grid-react';
import {
  codeRowText,
  isFigureColumn,
  type CellValue,
  type Column,
  type Row,
} from '../../shared/model';
import type { CellMark } from './cell-findings';
import { displayText, editorText } from './cell-text';
import { t } from '../i18n';
import { CellInput } from './CellInput';
import type { GridContext } from './grid-controller';
import { figureWidth, hashMarks } from './column-widths';
import { parseLook, useCellLook, useColumnWidth } from './grid-ui';
import type { GridRow } from './grid-row';

export interface CellViewParams {
  column: Column;
  columnIndex: number;
  suppressMouseEventHandling(params: { event: MouseEvent }): boolean;
}

type Props = CustomCellRendererProps<GridRow, CellValue> & CellViewParams;

export function CellView(props: Props) {
  const { data, column } = props;
  if (!data) return null;
  if (data.kind === 'codes') return <span className="bieu-code">{codeRowText(column)}</span>;
  return (
    <DataCell
      context={props.context as GridContext}
      row={data.row}
      mark={data.marks?.get(props.columnIndex)}
      note={data.notes?.get(props.columnIndex)}
      column={column}
      columnIndex={props.columnIndex}
      value={props.value ?? null}
    />
  );
}

interface DataCellProps {
  context: GridContext;
  row: Row;
  mark: CellMark | undefined;
  note: string | undefined;
  column: Column;
  columnIndex: number;
  value: CellValue;
}

function DataCell({ context, row, mark, note, column, columnIndex, value }: DataCellProps) {
  const { controller } = context;
  const look = parseLook(useCellLook(controller.ui, row.id, columnIndex));
  const active = look.active;
  const text = displayText(value, column);
  // A figure wider than its column is never cut: it shows as Excel shows it, "####", and the
  // figure itself is in the tooltip (a double click on the header edge fits the column).
  const { width, zoom } = useColumnWidth(controller.ui, columnIndex);
  const bold = row.role !== 'detail';
  const hidden =
    typeof value === 'number' &&
    isFigureColumn(column) &&
    width > 0 &&
    figureWidth(text, zoom, bold) > width;
  const suggested =
    mark?.suggestion === undefined
      ? null
      : t('grid.suggested', { value: editorText(mark.suggestion, column) });
  const title = [hidden ? text : null, suggested, ...(mark ? mark.messages : []), note]
    .filter(Boolean)
    .join('\n');
  return (
    <>
      <span
        className="bieu-cell-text"
        data-finding={mark?.severity ?? undefined}
        data-suggestion={mark?.suggestion}
        data-too-wide={hidden ? 'true' : undefined}
        data-source={note === undefined ? undefined : 'file'}
        title={title || undefined}
      >
        {hidden ? hashMarks(width, zoom, bold) : text}
      </span>
      {look.selection !== null && (
        <span className="bieu-selection" data-edges={look.selection} aria-hidden="true" />
      )}
      {look.fill !== null && (
        <span className="bieu-fill-target" data-edges={look.fill} aria-hidden="true" />
      )}
      {look.handle && (
        <span className="bieu-fill-handle" data-testid="fill-handle" title={t('grid.fillHandle')} />
      )}
      {active && (
        <CellInput
          controller={controller}
          cell={{ rowId: row.id, col: columnIndex }}
          label={column.label}
          figure={isFigureColumn(column)}
        />
      )}
    </>
  );
}
