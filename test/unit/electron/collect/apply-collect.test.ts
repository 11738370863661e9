/**
 * Collected figures written into the district table in a real document: one undoable step per
 * returned file, named after it, each figure remembering the file, sheet and cell it came from —
 * which is what the next collect reads back (earlier-collects.ts) to tell a commune's correction
 * from a conflict (test/unit/electron/collect/earlier-collects.test.ts).
 */
import { describe, expect, it } from 'vitest';
import { applyOffers } from '../../../../electron/collect/apply-collect';
import { DocumentStore } from '../../../../electron/store/document-store';
import { useWorkspace } from '../../helpers/store-helpers';
import { collectOffer, districtTable, TABLE_NAME } from '../../helpers/collect/district';

const ws = useWorkspace();

function district(): DocumentStore {
  return ws.track(
    DocumentStore.create(ws.file('huyen.bieu'), [districtTable()], { user: 'thongke' }),
  );
}

describe('applyOffers', () => {
  it('writes each file as one undoable step named after it, with where each figure came from', () => {
    const store = district();
    const table = store.tableByName(TABLE_NAME)!;
    const applied = applyOffers(store, table, [
      collectOffer('/ve/Xã Lộc Hòa.xlsx', 1, [612, 1180]),
      collectOffer('/ve/Xã Lộc Tấn.xlsx', 2, [701, 1302]),
      { rowIndex: 3, file: '/ve/trong.xlsx', edits: [] }, // a file with no figure: no step
    ]);
    expect(applied).toEqual({ files: ['/ve/Xã Lộc Hòa.xlsx', '/ve/Xã Lộc Tấn.xlsx'], cells: 4 });
    const after = store.getTable(table.id);
    expect(after.rows[1].cells.slice(3, 5)).toEqual([612, 1180]);
    expect(after.rows[2].cells.slice(3, 5)).toEqual([701, 1302]);
    expect(
      store
        .historyEntries()
        .slice(0, 2)
        .map((h) => h.label),
    ).toEqual(['Tổng hợp từ «Xã Lộc Tấn.xlsx»', 'Tổng hợp từ «Xã Lộc Hòa.xlsx»']);
    expect(
      store.cellSources(table.id).map((s) => [s.rowId, s.columnId, s.file, s.sheet, s.cell]),
    ).toEqual(
      expect.arrayContaining([
        [table.rows[1].id, table.columns[3].id, '/ve/Xã Lộc Hòa.xlsx', 'Biểu 01', 'D8'],
        [table.rows[2].id, table.columns[4].id, '/ve/Xã Lộc Tấn.xlsx', 'Biểu 01', 'E8'],
      ]),
    );

    store.undo(); // one undo takes back one commune's file
    expect(store.getTable(table.id).rows[2].cells.slice(3, 5)).toEqual([null, null]);
    expect(store.getTable(table.id).rows[1].cells.slice(3, 5)).toEqual([612, 1180]);
  });
});
