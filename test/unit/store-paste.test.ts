/**
 * One paste is one undoable batch: a paste taller than the table adds its rows and
 * writes its cells in ONE transaction and ONE edit batch, so one undo takes back both.
 */
import { describe, expect, it } from 'vitest';
import { UserError } from '../../shared/api';
import type { Table } from '../../shared/model';
import { DocumentStore } from '../../electron/store/document-store';
import { useWorkspace } from './helpers/store-helpers';

const ws = useWorkspace();

function firstTable(store: DocumentStore): Table {
  return store.getTable(store.listTables()[0].id);
}

function textColumn(t: Table): number {
  const i = t.columns.findIndex((c) => c.type === 'text');
  return i >= 0 ? i : 0;
}

describe('table.paste: rows and cells as one batch', () => {
  it('appends 3 rows and fills them and an existing row as one history entry; one undo, one redo', () => {
    let store = ws.createSample();
    const before = firstTable(store);
    const ci = textColumn(before);
    const column = before.columns[ci];
    const existing = before.rows.find((r) => r.role === 'detail')!;
    const batches = store.history(100).length;

    const result = store.paste({
      tableId: before.id,
      appendRows: 3,
      edits: [
        { rowId: existing.id, columnId: column.id, value: 'Xã có sẵn' },
        { newRow: 0, columnId: column.id, value: 'Xã Mới A' },
        { newRow: 1, columnId: column.id, value: 'Xã Mới B' },
        { newRow: 2, columnId: column.id, value: 'Xã Mới C' },
      ],
      label: 'Dán 4 ô',
    });
    expect(result.structureChanged).toContain(before.id);
    expect(result.canUndo).toBe(true);

    const pasted = firstTable(store);
    expect(pasted.rows).toHaveLength(before.rows.length + 3);
    const added = pasted.rows.slice(-3);
    expect(added.map((r) => [r.role, r.cells[ci]])).toEqual([
      ['detail', 'Xã Mới A'],
      ['detail', 'Xã Mới B'],
      ['detail', 'Xã Mới C'],
    ]);
    expect(pasted.rows.find((r) => r.id === existing.id)!.cells[ci]).toBe('Xã có sẵn');
    const history = store.history(100);
    expect(history).toHaveLength(batches + 1);
    expect(history[0].label).toBe('Dán 4 ô');

    // One undo: rows and values gone together.
    store.undo();
    expect(firstTable(store)).toEqual(before);
    expect(store.canUndo()).toBe(batches > 0);
    // One redo: both back, with the same row ids.
    store.redo();
    expect(firstTable(store)).toEqual(pasted);

    // After reopening too.
    store.close();
    store = ws.track(DocumentStore.open(ws.file('mau.bieu')));
    expect(firstTable(store)).toEqual(pasted);
    store.undo();
    expect(firstTable(store)).toEqual(before);
    store.close();
    store = ws.track(DocumentStore.open(ws.file('mau.bieu')));
    expect(firstTable(store)).toEqual(before);
    store.redo();
    expect(firstTable(store)).toEqual(pasted);
    expect(store.history(100)).toHaveLength(batches + 1);
  });

  it('puts the new rows before atIndex', () => {
    const store = ws.createSample();
    const before = firstTable(store);
    const ci = textColumn(before);
    const at = before.rows.length - 1;
    store.paste({
      tableId: before.id,
      atIndex: at,
      appendRows: 1,
      edits: [{ newRow: 0, columnId: before.columns[ci].id, value: 'Xã chèn' }],
    });
    const after = firstTable(store);
    expect(after.rows[at].cells[ci]).toBe('Xã chèn');
    expect(after.rows.at(-1)!.id).toBe(before.rows.at(-1)!.id);
  });

  it('without new rows is a plain cell batch', () => {
    const store = ws.createSample();
    const before = firstTable(store);
    const ci = textColumn(before);
    const row = before.rows.find((r) => r.role === 'detail')!;
    const result = store.paste({
      tableId: before.id,
      appendRows: 0,
      edits: [{ rowId: row.id, columnId: before.columns[ci].id, value: 'Xã khác' }],
      label: 'Dán 1 ô',
    });
    expect(result.structureChanged).toEqual([]);
    expect(result.changes).toEqual([
      { tableId: before.id, rowId: row.id, columnId: before.columns[ci].id, value: 'Xã khác' },
    ]);
    store.undo();
    expect(firstTable(store)).toEqual(before);
  });

  it('refuses bad edits in Vietnamese and changes nothing', () => {
    const store = ws.createSample();
    const before = firstTable(store);
    const columnId = before.columns[0].id;
    const rowId = before.rows[0].id;
    const batches = store.history(100).length;
    const bad: [Parameters<DocumentStore['paste']>[0], RegExp][] = [
      [
        { tableId: before.id, appendRows: 2, edits: [{ newRow: 2, columnId, value: 1 }] },
        /dòng mới thứ 3, nhưng chỉ thêm 2 dòng/,
      ],
      [
        { tableId: before.id, appendRows: 1, edits: [{ rowId, newRow: 0, columnId, value: 1 }] },
        /phải chỉ đúng một dòng/,
      ],
      [{ tableId: before.id, appendRows: 1, edits: [{ columnId, value: 1 }] }, /đúng một dòng/],
      [
        { tableId: before.id, appendRows: 1, edits: [{ rowId: 999999, columnId, value: 1 }] },
        /Dòng số 999999/,
      ],
      [
        { tableId: before.id, appendRows: 1, edits: [{ newRow: 0, columnId: 999999, value: 1 }] },
        /Cột số 999999/,
      ],
      [
        { tableId: before.id, appendRows: 1, edits: [{ newRow: 0, columnId, value: Infinity }] },
        /không hợp lệ/,
      ],
      [
        { tableId: before.id, appendRows: 0, edits: [{ newRow: 0, columnId, value: 1 }] },
        /không thêm dòng nào/,
      ],
    ];
    for (const [input, message] of bad) {
      expect(() => store.paste(input)).toThrow(UserError);
      expect(() => store.paste(input)).toThrow(message);
    }
    expect(firstTable(store)).toEqual(before);
    expect(store.history(100)).toHaveLength(batches);
    // A well-formed paste still goes through afterwards.
    store.paste({ tableId: before.id, appendRows: 1, edits: [{ newRow: 0, columnId, value: 1 }] });
    expect(firstTable(store).rows).toHaveLength(before.rows.length + 1);
  });
});
