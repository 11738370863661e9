/**
 * The commit machinery on a real document: a plan is written and logged as ONE batch in ONE
 * transaction, a plan that changes nothing records nothing, a failing plan leaves everything as
 * it was, and the tables to check again include those a rule change touches.
 */
import { describe, expect, it } from 'vitest';
import { commitPlan, withRuleTables } from '../../../../electron/store/commit';
import { readHistory } from '../../../../electron/store/edit-log';
import { readTableOrder } from '../../../../electron/store/table-snapshot';
import { readTable } from '../../../../electron/store/table-snapshot';
import { useSampleWriter } from '../../helpers/writer';

const { writer } = useSampleWriter();

describe('commitPlan', () => {
  it('writes a plan and logs it as one batch, telling what changed', () => {
    const w = writer();
    const [[id]] = readTableOrder(w.db);
    const before = readTable(w.db, id)!;
    const changes = commitPlan(w, () => ({
      label: 'Đổi đơn vị tính',
      tables: [{ from: before, to: { ...before, unit: 'Nghìn người' } }],
    }));
    expect(changes).toMatchObject({
      structureChanged: [id],
      tableListChanged: false,
      canUndo: true,
      canRedo: false,
    });
    expect(readTable(w.db, id)!.unit).toBe('Nghìn người');
    const [batch] = readHistory(w.db, 5);
    expect(batch).toMatchObject({ id: changes.batchId, label: 'Đổi đơn vị tính', user: 'thongke' });
    expect(batch.structural).toBe(true);
    expect(w.batches).toBe(1);
  });

  it('records nothing for a plan that changes nothing', () => {
    const w = writer();
    const [[id]] = readTableOrder(w.db);
    const t = readTable(w.db, id)!;
    expect(commitPlan(w, () => null).batchId).toBeNull();
    expect(
      commitPlan(w, () => ({ label: 'Không đổi', tables: [{ from: t, to: t }] })).batchId,
    ).toBeNull();
    expect(readHistory(w.db, 5)).toEqual([]);
    expect(w.batches).toBe(0);
  });

  it('leaves the document as it was when the plan fails half-way', () => {
    const w = writer();
    const [[id]] = readTableOrder(w.db);
    const t = readTable(w.db, id)!;
    expect(() =>
      commitPlan(w, () => {
        // A column type the file does not accept fails when written, after the name was set.
        const columns = t.columns.map((c, i) => (i === 1 ? { ...c, type: 'tiền' as never } : c));
        const broken = { ...t, name: 'Tên mới', columns };
        return { label: 'Hỏng', tables: [{ from: t, to: broken }] };
      }),
    ).toThrow();
    expect(readTable(w.db, id)).toEqual(t);
    expect(readHistory(w.db, 5)).toEqual([]);
  });
});

describe('withRuleTables', () => {
  it('adds the tables of a changed rule, every table for a rule of the document', () => {
    const w = writer();
    const ids = readTableOrder(w.db).map(([id]) => id);
    const link = {
      entity: 'link' as const,
      id: 1,
      fromTableId: ids[1],
      fromColumnId: 1,
      toTableId: 999, // a deleted table is left out
      toColumnId: 2,
      state: 'accepted' as const,
    };
    expect(withRuleTables(w.db, [ids[0]], [{ before: null, after: link }]).sort()).toEqual(
      [...ids].sort(),
    );
    const documentRule = {
      entity: 'user-rule' as const,
      id: 1,
      tableId: null,
      text: 'x',
      position: 1,
    };
    expect(withRuleTables(w.db, [], [{ before: documentRule, after: null }]).sort()).toEqual(
      [...ids].sort(),
    );
  });
});
