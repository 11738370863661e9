/**
 * Plans of the document's rules, pure: a link accepted or dismissed (the same two columns either
 * way round are one link), rules added and removed, a rule turned on or off.
 */
import { describe, expect, it } from 'vitest';
import { linkPlan, rulesPlan, switchPlan } from '../../../../electron/store/rule-plans';
import type { LinkRow } from '../../../../electron/store/rule-rows';

const link: LinkRow = {
  entity: 'link',
  id: 3,
  fromTableId: 1,
  fromColumnId: 11,
  toTableId: 2,
  toColumnId: 21,
  state: 'dismissed',
};

describe('links', () => {
  it('a new link between two columns gets the next id', () => {
    const plan = linkPlan(
      [link],
      { tableId: 1, columnId: 12 },
      { tableId: 2, columnId: 21 },
      'accepted',
      'Nhận liên kết',
      () => 4,
    );
    expect(plan).toEqual({
      label: 'Nhận liên kết',
      tables: [],
      rules: [
        {
          before: null,
          after: { ...link, id: 4, fromColumnId: 12, state: 'accepted' },
        },
      ],
    });
  });

  it('the same two columns, either way round, change the stored link’s state', () => {
    for (const [from, to] of [
      [
        { tableId: 1, columnId: 11 },
        { tableId: 2, columnId: 21 },
      ],
      [
        { tableId: 2, columnId: 21 },
        { tableId: 1, columnId: 11 },
      ],
    ]) {
      const plan = linkPlan([link], from, to, 'accepted', 'Nhận', () => {
        throw new Error('no new id for a stored link');
      });
      expect(plan.rules).toEqual([{ before: link, after: { ...link, state: 'accepted' } }]);
    }
  });
});

describe('rules', () => {
  const typed = {
    entity: 'user-rule' as const,
    id: 5,
    tableId: null,
    text: '6 = 1+2',
    position: 1,
  };

  it('added and removed rows, in order', () => {
    const off = { entity: 'disabled' as const, ruleId: 'user:5' };
    expect(rulesPlan('Thêm', [typed], []).rules).toEqual([{ before: null, after: typed }]);
    expect(rulesPlan('Xóa', [], [typed, off]).rules).toEqual([
      { before: typed, after: null },
      { before: off, after: null },
    ]);
  });

  it('turned off is a "disabled" row; turned on, none', () => {
    expect(switchPlan(null, '12/code-row:1', false, 'Tắt').rules).toEqual([
      { before: null, after: { entity: 'disabled', ruleId: '12/code-row:1' } },
    ]);
    const off = { entity: 'disabled' as const, ruleId: 'link:3' };
    expect(switchPlan(off, 'link:3', true, 'Bật lại').rules).toEqual([
      { before: off, after: null },
    ]);
  });
});
