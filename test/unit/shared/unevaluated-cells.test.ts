/**
 * A formula cell whose result the file never saved is named by its sheet address in the import;
 * the checks need its place in the table. Its end-to-end effect (such a cell is never read as 0)
 * is tested through a returned file in test/unit/shared/collect/returned-checks.test.ts.
 */
import { describe, expect, it } from 'vitest';
import { unevaluatedCells } from '../../../shared/unevaluated-cells';

describe('unevaluatedCells', () => {
  // A table read from rows 7, 8, 10 (row 9 was a blank line) and columns B, C, E of its sheet (0-based: 1, 2, 4).
  const where = { sourceRows: [7, 8, 10], sourceColumns: [1, 2, 4] };

  it('turns each sheet address into the table cell read from it', () => {
    expect(unevaluatedCells({ ...where, unevaluated: ['C8', 'E10'] })).toEqual([
      { row: 1, col: 1 },
      { row: 2, col: 2 },
    ]);
  });

  it('leaves out an address outside the table (a row or column it skipped)', () => {
    expect(unevaluatedCells({ ...where, unevaluated: ['C9', 'D7', 'B7'] })).toEqual([
      { row: 0, col: 0 },
    ]);
    expect(unevaluatedCells({ ...where, unevaluated: [] })).toEqual([]);
  });
});
