/**
 * The edit log: one batch per action with each cell's old and new value; undo goes newest
 * first, redo oldest undone first, and a new action after undo keeps the undone batches as
 * history ("discarded") instead of deleting them.
 */
import { describe, expect, it } from 'vitest';
import {
  batchEdits,
  discardRedoChain,
  nextRedoBatch,
  nextUndoBatch,
  readHistory,
  recordBatch,
  setBatchState,
} from '../../../../electron/store/edit-log';
import { readTable, readTableOrder } from '../../../../electron/store/table-snapshot';
import { useSampleWriter } from '../../helpers/writer';

const { writer } = useSampleWriter();

const header = (label: string) => ({ time: '2026-12-04T10:00:00.000Z', user: 'thongke', label });

describe('the edit log', () => {
  it('keeps a big batch whole, with old and new values of every kind', () => {
    const w = writer();
    const [[id]] = readTableOrder(w.db);
    const t = readTable(w.db, id)!;
    const changes = Array.from({ length: 300 }, (_, i) => ({
      tableId: id,
      rowId: t.rows[0].id,
      columnId: 5000 + i, // more than one multi-row statement's worth
      oldValue: i % 2 ? 'cũ' : null,
      newValue: i,
    }));
    const batch = recordBatch(w.db, header('Dán'), changes);
    expect(batchEdits(w.db, batch).map((e) => [e.oldValue, e.newValue])).toEqual(
      changes.map((c) => [c.oldValue, c.newValue]),
    );
    // Columns that are not in the table: the history still names the table the edit was in.
    expect(readHistory(w.db, 1)[0].edits[0]).toMatchObject({ tableId: id, newValue: 0 });
  });

  it('undoes newest first, redoes oldest undone first, and keeps what a new action cuts off', () => {
    const w = writer();
    const [a, b, c] = ['A', 'B', 'C'].map((l) => recordBatch(w.db, header(l), []));
    expect(nextUndoBatch(w.db)).toBe(c);
    setBatchState(w.db, c, 'undone');
    setBatchState(w.db, b, 'undone');
    expect(nextUndoBatch(w.db)).toBe(a);
    expect(nextRedoBatch(w.db)).toBe(b);
    discardRedoChain(w.db);
    expect(nextRedoBatch(w.db)).toBeNull();
    expect(readHistory(w.db, 10).map((h) => [h.label, h.state])).toEqual([
      ['C', 'discarded'],
      ['B', 'discarded'],
      ['A', 'done'],
    ]);
  });
});
