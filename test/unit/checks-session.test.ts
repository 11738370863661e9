/**
 * The live session on a province-grouped table like the benchmark's (a smaller one): consistent
 * figures give no finding, and after any sequence of edits the session — which re-evaluates sums
 * from their previous value — says exactly what a fresh full check says.
 */
import { describe, expect, it } from 'vitest';
import { checkTable, CheckSession } from '../../shared/checks/engine';
import { inventedProvinces, nationTable, random } from '../bench/nation-table';

describe('a session on a grouped national-style table', () => {
  const small = () => nationTable(inventedProvinces().slice(0, 4), 120);

  it('a consistent table has no finding', () => {
    expect(checkTable(small())).toEqual([]);
  });

  it('agrees with a full check after slips, repairs, blanks, texts and pastes', () => {
    const table = small();
    const session = new CheckSession(table);
    const next = random(99);
    const figureCols = table.columns.flatMap((c, i) => (c.type === 'text' ? [] : [i]));
    const rows = table.rows.flatMap((r, i) => (r.role === 'group' ? [] : [i]));
    const original = structuredClone(table);
    for (let step = 0; step < 120; step++) {
      const pick = () => {
        const row = rows[Math.floor(next() * rows.length)];
        const col = figureCols[Math.floor(next() * figureCols.length)];
        const old = table.rows[row].cells[col];
        const roll = next();
        const value =
          roll < 0.05
            ? 'chưa rõ'
            : roll < 0.1
              ? null
              : roll < 0.4
                ? original.rows[row].cells[col] // a repair
                : typeof old === 'number'
                  ? Math.round((old + (next() - 0.5) * 20) * 1000) / 1000
                  : 7;
        return { row, col, value };
      };
      const changes = next() < 0.15 ? [pick(), pick(), pick()] : [pick()];
      const got = session.recheckCells(changes);
      expect(got, `step ${step}`).toEqual(checkTable(structuredClone(table)));
    }
  });
});
