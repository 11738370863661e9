/**
 * The grid's column widths over time: measured from the table's content at the zoom shown,
 * spread over the room the grid has (which a ResizeObserver follows: the window, a side panel),
 * and the widths the person gave columns by hand — a drag on a header edge, or a double click
 * there, which fits the column to its content as Excel does.
 */
import { useLayoutEffect, useMemo, useState, type RefObject } from 'react';
import { isFigureColumn, type Table } from '../../shared/model';
import { canvasMeasure, contentWidths, gridMetrics, layoutWidths } from './column-widths';

/** Room kept for the vertical scrollbar and the grid's border, so nothing ends under them. */
const RESERVE = 20;

export interface ColumnLayout {
  widths: readonly number[];
  /** A person sized a column (by its id) to a width. */
  size(columnId: number, width: number): void;
  /** Fit a column (by its index) to its content, as a double click on its header edge does. */
  fit(columnIndex: number): void;
}

/** `besides`: the width of the grid's own columns beside the table's (the row header). */
export function useColumnLayout(
  table: Table,
  zoom: number,
  frame: RefObject<HTMLElement | null>,
  besides: number,
): ColumnLayout {
  const [available, setAvailable] = useState(0);
  useLayoutEffect(() => {
    const element = frame.current;
    if (!element) return;
    // The observer reports the first size too, as soon as it starts observing.
    const observer = new ResizeObserver(() => setAvailable(element.clientWidth));
    observer.observe(element);
    return () => observer.disconnect();
  }, [frame]);

  const [sized, setSized] = useState<ReadonlyMap<number, number>>(new Map());
  const content = useMemo(
    () => contentWidths(table, zoom, canvasMeasure(gridMetrics(zoom).fontSize)),
    [table, zoom],
  );
  const widths = useMemo(() => {
    const byIndex = new Map<number, number>();
    table.columns.forEach((column, c) => {
      const width = sized.get(column.id);
      if (width !== undefined) byIndex.set(c, width);
    });
    const grows = table.columns.map(isFigureColumn);
    return layoutWidths(content, Math.max(0, available - RESERVE - besides), byIndex, grows);
  }, [content, available, besides, sized, table.columns]);
  return {
    widths,
    size: (columnId, width) => setSized((m) => new Map(m).set(columnId, Math.round(width))),
    fit: (columnIndex) => {
      const column = table.columns[columnIndex];
      if (column) setSized((m) => new Map(m).set(column.id, content[columnIndex]));
    },
  };
}
