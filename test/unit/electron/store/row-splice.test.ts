/**
 * A structural edit of a long table is logged as the stretch of rows that changed, not as the
 * table's whole list of rows: the log stays small, and undo and redo after reopening the
 * document still give back each table exactly (rows, roles, positions and cells).
 */
import { describe, expect, it } from 'vitest';
import type { CellValue, Table } from '../../../../shared/model';
import { DocumentStore } from '../../../../electron/store/document-store';
import { openDatabase } from '../../../../electron/store/sqlite';
import { useWorkspace } from '../../helpers/store-helpers';

const ws = useWorkspace();
const ROWS = 3_000;

function longTable() {
  return {
    name: 'Dài',
    title: '',
    unit: '',
    columns: ['A', 'B', '1'].map((code, i) => ({
      code,
      label: `Cột ${code}`,
      headerPath: [],
      type: i < 2 ? ('text' as const) : ('integer' as const),
      decimals: 0,
      formula: null,
    })),
    rows: Array.from({ length: ROWS }, (_, r) => ({
      role: 'detail' as const,
      unitKey: null,
      cells: [String(r + 1), `Xã ${r + 1}`, r * 10] as CellValue[],
    })),
  };
}

/** The largest structural record the newest batch wrote, in characters. */
function newestRecordSize(file: string): number {
  const db = openDatabase(file, { readonly: true });
  const size = db
    .prepare(
      `SELECT max(length(coalesce(before, '')) + length(coalesce(after, '')))
         FROM structure_changes WHERE batch_id = (SELECT max(id) FROM edit_batches)`,
    )
    .pluck()
    .get() as number;
  db.close();
  return size;
}

describe('a structural edit of a long table', () => {
  it('logs the rows that changed, and undoes and redoes exactly after reopening', () => {
    const file = ws.file('dai.bieu');
    const store = DocumentStore.create(file, [longTable()], { user: 'thongke' });
    const id = store.listTables()[0].id;
    const states: Table[] = [store.getTable(id)];
    const sizes: number[] = [];
    const step = (edit: (t: Table) => void) => {
      edit(states[states.length - 1]);
      states.push(store.getTable(id));
      sizes.push(newestRecordSize(file));
    };
    step(() => store.insertRows(id, 1_500, 3));
    step((t) => store.removeRows(id, [t.rows[700].id, t.rows[701].id]));
    step((t) => store.moveRow(id, t.rows[10].id, 2_000));
    step((t) => store.updateRows(id, [t.rows[2_500].id], { role: 'subtotal' }));
    step(() => store.insertRows(id, ROWS + 10, 1)); // at the end
    step((t) => store.moveRow(id, t.rows[t.rows.length - 1].id, 0));
    step((t) => store.moveRow(id, t.rows[1_200].id, 1_210));
    store.close();

    expect(states[1].rows.length).toBe(ROWS + 3);
    expect(states[1].rows[1_500].cells).toEqual([null, null, null]);
    expect(states[2].rows.some((r) => r.cells[1] === 'Xã 701')).toBe(false);
    expect(states[3].rows[2_000].cells[1]).toBe('Xã 11');
    expect(states[6].rows[0].id).toBe(states[5].rows[states[5].rows.length - 1].id);
    // A few hundred characters for each edit, where the list of 3,000 rows is over 100,000
    // (the two removed rows carry their cells); a row moved across most of the table still
    // lists the rows.
    const near = [0, 1, 3, 4, 6].map((i) => sizes[i]);
    for (const size of near) expect(size).toBeLessThan(2_000);
    expect(sizes[2]).toBeGreaterThan(100_000);

    const reopened = ws.track(DocumentStore.open(file));
    for (let i = states.length - 1; i > 0; i--) {
      reopened.undo();
      expect(reopened.getTable(id)).toEqual(states[i - 1]);
    }
    reopened.close();
    const again = ws.track(DocumentStore.open(file));
    for (let i = 1; i < states.length; i++) {
      again.redo();
      expect(again.getTable(id)).toEqual(states[i]);
    }
  }, 60_000);
});
