/**
 * Where each finding lands in the grid. The engine names cells by the A1 address they would have
 * on the exported sheet (shared/layout.ts); the grid needs (row, column) indices. We read the
 * address back and confirm it with `cellAddress`, so the two directions can never disagree.
 */
import type { Finding } from '../../shared/checks/finding';
import type { Table } from '../../shared/model';
import { cellAddress, sheetLayout, type SheetLayout } from '../../shared/layout';

export type MarkedSeverity = 'error' | 'warning';

/** What a cell shows about the findings that name it. */
export interface CellMark {
  severity: MarkedSeverity;
  /** One message per finding, worst first. */
  messages: string[];
}

export interface CellPosition {
  rowIndex: number;
  columnIndex: number;
}

/** Findings that are shown and counted: info findings are neither (DESIGN.md "Checks"). */
export function visibleFindings(findings: readonly Finding[]): Finding[] {
  return findings.filter((f) => f.severity === 'error' || f.severity === 'warning');
}

export function positionOf(
  table: Table,
  layout: SheetLayout,
  address: string,
): CellPosition | null {
  const match = /^([A-Z]+)(\d+)$/.exec(address.trim().toUpperCase());
  if (!match) return null;
  let columnIndex = 0;
  for (const letter of match[1]) columnIndex = columnIndex * 26 + (letter.charCodeAt(0) - 64);
  columnIndex -= 1;
  const rowIndex = Number(match[2]) - layout.firstDataRow;
  if (rowIndex < 0 || rowIndex >= table.rows.length) return null;
  if (columnIndex < 0 || columnIndex >= table.columns.length) return null;
  return cellAddress(layout, rowIndex, columnIndex) === address ? { rowIndex, columnIndex } : null;
}

/** Marks per row id, then per column index: the shape the grid's rows carry. */
export function markCells(
  table: Table,
  findings: readonly Finding[],
): Map<number, Map<number, CellMark>> {
  const layout = sheetLayout(table);
  const marks = new Map<number, Map<number, CellMark>>();
  const ordered = visibleFindings(findings).sort(
    (a, b) => Number(b.severity === 'error') - Number(a.severity === 'error'),
  );
  for (const finding of ordered) {
    const at = positionOf(table, layout, finding.cell);
    if (!at) continue;
    const rowId = table.rows[at.rowIndex].id;
    const row = marks.get(rowId) ?? new Map<number, CellMark>();
    const mark = row.get(at.columnIndex);
    if (mark) mark.messages.push(finding.message);
    else
      row.set(at.columnIndex, {
        severity: finding.severity as MarkedSeverity,
        messages: [finding.message],
      });
    marks.set(rowId, row);
  }
  return marks;
}
