/**
 * What earlier collects left in the document, as the next collect asks for it: the cells a file
 * brought (a new figure there is the commune correcting itself, not a conflict) and the newest
 * file each unit came from.
 */
import { describe, expect, it } from 'vitest';
import { applyOffers } from '../../../../electron/collect/apply-collect';
import { earlierCollects } from '../../../../electron/collect/earlier-collects';
import { DocumentStore } from '../../../../electron/store/document-store';
import { useWorkspace } from '../../helpers/store-helpers';
import { collectOffer, districtTable, TABLE_NAME } from '../../helpers/collect/district';

const ws = useWorkspace();

describe('earlierCollects', () => {
  it('knows the cells a file brought and the newest file each unit came from', async () => {
    const store = ws.track(
      DocumentStore.create(ws.file('huyen.bieu'), [districtTable()], { user: 'thongke' }),
    );
    const table = store.tableByName(TABLE_NAME)!;
    applyOffers(store, table, [collectOffer('/ve/Lộc Hòa lần 1.xlsx', 1, [600, 1100])]);
    // Later (its batch a few milliseconds on), a second file corrects one of the two figures.
    await new Promise((r) => setTimeout(r, 5));
    const second = collectOffer('/ve/Lộc Hòa lần 2.xlsx', 1, [612, 1100]);
    applyOffers(store, table, [{ ...second, edits: second.edits.slice(0, 1) }]);
    const before = earlierCollects(store, store.getTable(table.id));
    expect(before.collectedBefore!(1, 3)).toBe(true);
    expect(before.collectedBefore!(1, 4)).toBe(true);
    expect(before.collectedBefore!(1, 2)).toBe(false); // the total was never collected
    expect(before.collectedBefore!(2, 3)).toBe(false);
    expect(before.receivedBefore!(1)).toBe('/ve/Lộc Hòa lần 2.xlsx');
    expect(before.receivedBefore!(2)).toBeNull();
  });
});
