/**
 * Where collected figures came from: written with the figures in one undoable step, read back
 * with the file, sheet, cell and time; gone when the figure is undone or typed over, back with a
 * redo; kept across closing and opening the document (schema version 6, health-checked on open).
 */
import { describe, expect, it } from 'vitest';
import { DocumentStore } from '../../../../electron/store/document-store';
import { useWorkspace } from '../../helpers/store-helpers';

const ws = useWorkspace();

function setUp() {
  const store = ws.createSample();
  const table = store.tableByName('Dân số và tỷ lệ tham gia')!;
  const [first, second] = table.rows;
  const col = (code: string) => table.columns.find((c) => c.code === code)!.id;
  const source = (cell: string) => ({ file: '/thu/Loc Ninh.xlsx', sheet: 'Biểu 01', cell });
  /** A figure for `row`'s column `code` read from the file's `cell`. */
  const edit = (
    row: { id: number },
    code: string,
    value: number | string | null,
    cell: string,
  ) => ({
    tableId: table.id,
    rowId: row.id,
    columnId: col(code),
    value,
    source: source(cell),
  });
  return { store, table, first, second, col, source, edit };
}

describe('cell sources', () => {
  it('are written with the figures, as one step, and read back with file, sheet, cell and time', () => {
    const { store, table, first, col, source, edit } = setUp();
    const batches = store.history().length;
    store.setCellsFrom(
      [edit(first, '2', 1500, 'D7'), edit(first, '6', 1329, 'H7')],
      'Tổng hợp từ «Loc Ninh.xlsx»',
    );
    expect(store.history()).toHaveLength(batches + 1);
    const sources = store.cellSources(table.id);
    expect(sources.map(({ time: _, ...s }) => s)).toEqual([
      { rowId: first.id, columnId: col('2'), ...source('D7'), user: 'thongke' },
      { rowId: first.id, columnId: col('6'), ...source('H7'), user: 'thongke' },
    ]);
    expect(Date.now() - Date.parse(sources[0].time)).toBeLessThan(60_000);
  });

  it('follow the figure: undone, gone; redone, back; typed over, gone for that cell only', () => {
    const { store, table, first, col, edit } = setUp();
    store.setCellsFrom([edit(first, '2', 1500, 'D7'), edit(first, '6', 1329, 'H7')], 'Tổng hợp');
    store.undo();
    expect(store.cellSources(table.id)).toEqual([]);
    store.redo();
    expect(store.cellSources(table.id)).toHaveLength(2);
    store.setCells([{ tableId: table.id, rowId: first.id, columnId: col('6'), value: 1239 }]);
    expect(store.cellSources(table.id).map((s) => s.cell)).toEqual(['D7']);
  });

  it('a figure collected equal to what the cell holds is no change and leaves no source', () => {
    const { store, table, second, col, edit } = setUp();
    const held = second.cells[table.columns.findIndex((c) => c.id === col('2'))];
    store.setCellsFrom([edit(second, '2', held, 'D8')], 'Tổng hợp');
    expect(store.cellSources(table.id)).toEqual([]);
  });

  it('stay with the document across closing and opening it', () => {
    const { store, table, first, edit } = setUp();
    store.setCellsFrom([edit(first, '2', 1500, 'D7')], 'Tổng hợp');
    const file = store.path;
    store.close();
    const again = ws.track(DocumentStore.open(file, { user: 'thongke' }));
    expect(again.readOnly).toBe(false);
    expect(again.cellSources(table.id).map((s) => s.cell)).toEqual(['D7']);
  });
});
