/**
 * The history panel through the API: who, when and what for every action (cells old → new, a
 * sentence for a structural change), and "go back to this point" as one undoable action, also
 * after a restart.
 */
import fs from 'node:fs';
import os from 'node:os';
import path from 'node:path';
import { afterEach, beforeEach, describe, expect, it } from 'vitest';
import { InProcessApi } from '../../helpers/api-harness';
import type { Table } from '../../../../shared/model';
import { osUserName } from '../../../../electron/store/os-user';

let home: string;
const api = new InProcessApi(() => home);
const { start, call, failure } = api;

async function tableNamed(name: string): Promise<Table> {
  const info = await call('document.current', {});
  const summary = info!.tables.find((t) => t.name === name)!;
  return call('table.get', { tableId: summary.id });
}

const DAN_SO = 'Dân số và tỷ lệ tham gia';

beforeEach(() => {
  home = fs.mkdtempSync(path.join(os.tmpdir(), 'bieu-history-'));
  start(); // the first start opens the sample document
});

afterEach(() => {
  api.app.session.close();
  fs.rmSync(home, { recursive: true, force: true });
});

/** A cell edit, a new column, a cell in it, a rename and the metadata: five actions. */
async function fiveActions() {
  const t = await tableNamed(DAN_SO);
  const c6 = t.columns.findIndex((c) => c.code === '6');
  const r1 = await call('cells.set', {
    edits: [{ tableId: t.id, rowId: t.rows[0].id, columnId: t.columns[c6].id, value: 999 }],
    label: 'Sửa ô H9',
  });
  const r2 = await call('column.add', {
    tableId: t.id,
    atIndex: 2,
    column: {
      code: '8',
      label: 'Ghi chú',
      headerPath: [],
      type: 'text',
      decimals: 0,
      formula: null,
    },
  });
  const withNote = await call('table.get', { tableId: t.id });
  const r3 = await call('cells.set', {
    edits: [
      { tableId: t.id, rowId: t.rows[1].id, columnId: withNote.columns[2].id, value: 'ước tính' },
    ],
  });
  const r4 = await call('table.rename', { tableId: t.id, name: 'Dân số 2024' });
  const r5 = await call('meta.set', { meta: { agency: 'UBND HUYỆN LỘC NINH' } });
  return { t, c6, batches: [r1, r2, r3, r4, r5].map((r) => r.batchId!) };
}

describe('history.list', () => {
  it('lists every action newest first, with the OS user, cells old → new and sentences', async () => {
    const { t, c6, batches } = await fiveActions();
    const list = await call('history.list', {});
    expect(list.map((e) => e.batchId)).toEqual([...batches].reverse());
    expect(new Set(list.map((e) => e.user))).toEqual(new Set([osUserName()]));
    expect(list.every((e) => e.state === 'done' && !Number.isNaN(Date.parse(e.time)))).toBe(true);

    const [meta, rename, note, column, cell] = list;
    expect(cell).toMatchObject({
      label: 'Sửa ô H9',
      structural: null,
      cells: [
        {
          tableId: t.id,
          rowId: t.rows[0].id,
          columnId: t.columns[c6].id,
          oldValue: t.rows[0].cells[c6],
          newValue: 999,
        },
      ],
    });
    expect(column.structural).toBe(`Thêm cột «Ghi chú» vào biểu «${DAN_SO}»`);
    expect(column.cells).toEqual([]);
    expect(note).toMatchObject({ label: 'Sửa một ô', structural: null });
    expect(note.cells[0]).toMatchObject({ oldValue: null, newValue: 'ước tính' });
    expect(rename.structural).toBe(`Đổi tên biểu «${DAN_SO}» thành «Dân số 2024»`);
    expect(meta.structural).toBe('Sửa thông tin tài liệu (cơ quan chủ quản)');

    expect(await call('history.list', { limit: 2 })).toHaveLength(2);
    await call('edit.undo', {});
    expect((await call('history.list', {}))[0].state).toBe('undone');
  });
});

describe('history.revertTo', () => {
  it('goes back to a point as one action, which undo reverts, also after a restart', async () => {
    const before = await tableNamed(DAN_SO);
    const { t, batches } = await fiveActions();
    const afterAll = await call('table.get', { tableId: t.id });

    const back = await call('history.revertTo', { batchId: batches[0] });
    expect(back.batchId).toBeGreaterThan(batches[4]);
    expect(back.structureChanged).toEqual([t.id]);
    expect(back.tableListChanged).toBe(true);
    expect(back.canUndo).toBe(true);
    const reverted = await call('table.get', { tableId: t.id });
    // Right after the first action: the cell edit stays, everything later is gone.
    expect(reverted).toEqual({
      ...before,
      rows: before.rows.map((r, i) =>
        i === 0
          ? { ...r, cells: r.cells.map((v, ci) => (before.columns[ci].code === '6' ? 999 : v)) }
          : r,
      ),
    });
    expect(await call('meta.get', {})).toEqual({});

    const list = await call('history.list', {});
    expect(list[0]).toMatchObject({
      batchId: back.batchId,
      label: 'Quay lại thời điểm sau thao tác «Sửa ô H9»',
      state: 'done',
    });
    // The five actions stay in the history as they were.
    expect(list.slice(1).map((e) => [e.batchId, e.state])).toEqual(
      [...batches].reverse().map((id) => [id, 'done']),
    );

    // Restart, then undo the going back: the state after all five actions.
    api.app.session.close();
    start();
    const undone = await call('edit.undo', {});
    expect(undone.batchId).toBe(back.batchId);
    expect(await call('table.get', { tableId: t.id })).toEqual(afterAll);
    expect(await call('meta.get', {})).toEqual({ agency: 'UBND HUYỆN LỘC NINH' });
    await call('edit.redo', {});
    expect(await call('table.get', { tableId: t.id })).toEqual(reverted);
  });

  it('goes forward to an undone action by reapplying the undone ones up to it', async () => {
    const { t, batches } = await fiveActions();
    const afterThree = await (async () => {
      await call('edit.undo', {});
      await call('edit.undo', {});
      return call('table.get', { tableId: t.id });
    })();
    for (let i = 0; i < 3; i++) await call('edit.undo', {});
    const r = await call('history.revertTo', { batchId: batches[2] });
    expect(r.canRedo).toBe(false);
    expect(await call('table.get', { tableId: t.id })).toEqual(afterThree);
    const states = (await call('history.list', {})).map((e) => e.state);
    expect(states).toEqual([
      'done',
      'discarded',
      'discarded',
      'discarded',
      'discarded',
      'discarded',
    ]);
    await call('edit.undo', {});
    expect((await tableNamed(DAN_SO)).columns.map((c) => c.code)).not.toContain('8');
  });

  it('goes back to the very beginning with batch 0, and does nothing when already there', async () => {
    const before = await tableNamed(DAN_SO);
    await fiveActions();
    await call('history.revertTo', { batchId: 0 });
    expect(await tableNamed(DAN_SO)).toEqual(before);
    const again = await call('history.revertTo', { batchId: 0 });
    expect(again.batchId).toBeNull();
  });

  it('refuses an unknown or a discarded action, naming it, and changes nothing', async () => {
    const { batches } = await fiveActions();
    expect(await failure('history.revertTo', { batchId: 4242 })).toMatchObject({
      code: 'not-found',
      error: 'Không có thao tác số 4242 trong lịch sử của tài liệu; không có gì thay đổi.',
    });
    await call('edit.undo', {});
    const t = await tableNamed('Dân số 2024');
    await call('cells.set', {
      edits: [{ tableId: t.id, rowId: t.rows[3].id, columnId: t.columns[3].id, value: 1 }],
    });
    const refused = await failure('history.revertTo', { batchId: batches[4] });
    expect(refused.code).toBe('bad-input');
    expect(refused.error).toContain('đã bị bỏ');
    expect((await call('history.list', {})).length).toBe(6);
  });
});
