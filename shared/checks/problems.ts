/**
 * Problems of a table's definition as findings. A code-row formula that does not parse, names a
 * code the table lacks, reads a text column or itself, or a column code used twice, is shown as a
 * problem of the table, not ignored: a finding of kind `row-formula` (it is
 * about the code row's formulas), severity `warning` (the figures may be right; the table's
 * arithmetic cannot be checked there), on the column's cell of the code row, with no figures.
 * The fixtures have no such problem, so their expected findings stay exact.
 */
import type { Table } from '../model';
import type { Finding } from './finding';
import type { CompileProblem } from './table-context';

export function problemFinding(
  table: Table,
  sheet: string,
  problem: CompileProblem,
  codeRowAddress: (col: number) => string,
): Finding {
  const cell = codeRowAddress(problem.column);
  return {
    id: `${table.name}:row-formula:${cell}`,
    severity: 'warning',
    kind: 'row-formula',
    cause: null,
    table: table.name,
    sheet,
    cell,
    cells: [cell],
    expected: null,
    actual: null,
    difference: null,
    message: problem.message,
    evidence: 'dòng mã cột của biểu',
    suggestion: null,
  };
}
