/**
 * Where each finding lands in the grid. The engine names cells by the A1 address they would have
 * on the exported sheet (shared/layout.ts); the grid needs (row, column) indices. We read the
 * address back and confirm it with `cellAddress`, so the two directions can never disagree.
 */
import { findingMessage } from '../checks/finding-text';
import type { Language } from '../i18n';
import type { Finding } from '../../shared/checks/finding';
import type { Table } from '../../shared/model';
import { cellAddress, sheetLayout, type SheetLayout } from '../../shared/layout';

export type MarkedSeverity = 'error' | 'warning';

/** What a cell shows about the findings that name it, and the fix a finding proposes for it. */
export interface CellMark {
  /** null: no finding names this cell, but a suggestion points at it. */
  severity: MarkedSeverity | null;
  /** One message per finding, worst first. */
  messages: string[];
  /**
   * The value a finding's one-cell fix would write here: the cell that most likely holds the
   * slip (the participants typed 1.329 for 1.239), which the totals it broke do not show.
   */
  suggestion?: number;
}

export interface CellPosition {
  rowIndex: number;
  columnIndex: number;
}

/** Findings that are shown and counted: info findings are neither. */
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
  language: Language = 'vi',
): Map<number, Map<number, CellMark>> {
  const layout = sheetLayout(table);
  const marks = new Map<number, Map<number, CellMark>>();
  const ordered = visibleFindings(findings).sort(
    (a, b) => Number(b.severity === 'error') - Number(a.severity === 'error'),
  );
  const markAt = (address: string): CellMark | null => {
    const at = positionOf(table, layout, address);
    if (!at) return null;
    const rowId = table.rows[at.rowIndex].id;
    const row = marks.get(rowId) ?? new Map<number, CellMark>();
    marks.set(rowId, row);
    const mark = row.get(at.columnIndex) ?? { severity: null, messages: [] };
    row.set(at.columnIndex, mark);
    return mark;
  };
  for (const finding of ordered) {
    const mark = markAt(finding.cell);
    if (!mark) continue;
    mark.severity ??= finding.severity as MarkedSeverity;
    mark.messages.push(findingMessage(finding, language));
  }
  for (const finding of ordered) {
    if (!finding.suggestion) continue;
    const mark = markAt(finding.suggestion.cell);
    if (mark) mark.suggestion ??= finding.suggestion.value;
  }
  return marks;
}
