/**
 * The table calls as the app makes them, through the contract and the real store: a row inserted
 * with no role given is a detail row, several rows given a role in one call are one undoable
 * step, and a call on a table that is not there is one sentence. The structure edits themselves
 * are tested in test/unit/workbench-structure.test.ts and test/unit/electron/store/.
 */
import { describe, expect, it } from 'vitest';
import { useApi } from '../../helpers/api-harness';

const api = useApi('bieu-table-handlers-');

async function firstTable() {
  const info = await api.call('document.current', {});
  return api.call('table.get', { tableId: info!.tables[0].id });
}

describe('table handlers', () => {
  it('inserts detail rows unless a role is given, and gives several rows a role in one step', async () => {
    const before = await firstTable();
    await api.call('row.insert', { tableId: before.id, atIndex: 0, count: 2 });
    let table = await firstTable();
    expect(table.rows).toHaveLength(before.rows.length + 2);
    expect(table.rows.slice(0, 2).map((r) => r.role)).toEqual(['detail', 'detail']);

    const rowIds = table.rows.slice(0, 2).map((r) => r.id);
    await api.call('row.update', { tableId: table.id, rowIds, patch: { role: 'group' } });
    table = await firstTable();
    expect(table.rows.slice(0, 2).map((r) => r.role)).toEqual(['group', 'group']);
    await api.call('edit.undo', {});
    table = await firstTable();
    expect(table.rows.slice(0, 2).map((r) => r.role)).toEqual(['detail', 'detail']);
  });

  it('sets the title and unit, and refuses a table that is not there in one sentence', async () => {
    const table = await firstTable();
    await api.call('table.setInfo', { tableId: table.id, title: 'DÂN SỐ NĂM 2024', unit: 'người' });
    expect(await firstTable()).toMatchObject({ title: 'DÂN SỐ NĂM 2024', unit: 'người' });
    const refused = await api.failure('table.rename', { tableId: 9999, name: 'Biểu mới' });
    expect(refused.error.split('\n')).toHaveLength(1);
    expect(refused.error).not.toMatch(/at .*:\d+:\d+/);
  });
});
