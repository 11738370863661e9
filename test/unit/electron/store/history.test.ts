/**
 * Undo and redo from the edit log, and the history panel's lines: who, when, what, with a
 * sentence for a batch that has no label of its own.
 */
import { describe, expect, it } from 'vitest';
import { setCells } from '../../../../electron/store/cell-writes';
import type { EditBatch } from '../../../../electron/store/edit-log';
import { historyEntries, replay } from '../../../../electron/store/history';
import { readTable, readTableOrder } from '../../../../electron/store/table-snapshot';
import { useSampleWriter } from '../../helpers/writer';

const { writer } = useSampleWriter();

const batch = (over: Partial<EditBatch>): EditBatch => ({
  id: 1,
  time: '2026-01-01T00:00:00.000Z',
  user: 'thongke',
  label: null,
  state: 'done',
  edits: [],
  structural: false,
  ...over,
});
const edit = (tableId: number | null, rowId = 1) => ({
  tableId,
  rowId,
  columnId: 1,
  oldValue: null,
  newValue: rowId,
});

describe('history entries', () => {
  it('says what a batch did when it has no label, and keeps cells of removed rows out', () => {
    const [one, many, none, structural] = historyEntries([
      batch({ edits: [edit(3)] }),
      batch({ edits: [edit(3, 1), edit(3, 2), edit(null, 3)] }),
      batch({}),
      batch({ label: 'Thêm cột «Ghi chú»', structural: true }),
    ]);
    expect(one.label).toBe('Sửa một ô');
    expect(many.label).toBe('Sửa 3 ô');
    expect(many.cells.map((c) => c.rowId)).toEqual([1, 2]);
    expect(none.label).toBe('Thay đổi tài liệu');
    expect(structural).toMatchObject({ structural: 'Thêm cột «Ghi chú»', cells: [] });
  });

  it('lists at most 500 cells of a big paste', () => {
    const [entry] = historyEntries([
      batch({ label: 'Dán', edits: Array.from({ length: 800 }, (_, i) => edit(3, i + 1)) }),
    ]);
    expect(entry.cells).toHaveLength(500);
  });
});

describe('undo and redo', () => {
  it('take the newest batch back and put it again, one batch each', () => {
    const w = writer();
    const [[id]] = readTableOrder(w.db);
    const t = readTable(w.db, id)!;
    const at = { tableId: id, rowId: t.rows[0].id, columnId: t.columns[2].id };
    setCells(w, [{ ...at, value: 4039 }]);
    const undone = replay(w, 'undo');
    expect(undone.changes).toEqual([{ ...at, value: t.rows[0].cells[2] }]);
    expect(undone).toMatchObject({ canUndo: false, canRedo: true });
    expect(readTable(w.db, id)!.rows[0].cells[2]).toBe(t.rows[0].cells[2]);
    expect(replay(w, 'redo').changes).toEqual([{ ...at, value: 4039 }]);
    expect(readTable(w.db, id)!.rows[0].cells[2]).toBe(4039);
    // Nothing left to redo: no batch, nothing changed.
    expect(replay(w, 'redo').batchId).toBeNull();
  });
});
