/**
 * Going back to a moment of the history as ONE new action, which undo takes back like any
 * other; a moment that is not in the history, or was cut off, is refused with a sentence.
 */
import { describe, expect, it } from 'vitest';
import { setCells } from '../../../../electron/store/cell-writes';
import { readHistory } from '../../../../electron/store/edit-log';
import { replay } from '../../../../electron/store/history';
import { revertTo } from '../../../../electron/store/revert';
import { readTable, readTableOrder } from '../../../../electron/store/table-snapshot';
import { refusal } from '../../helpers/snapshot';
import { useSampleWriter } from '../../helpers/writer';

const { writer } = useSampleWriter();

function threeEdits() {
  const w = writer();
  const [[id]] = readTableOrder(w.db);
  const t = readTable(w.db, id)!;
  const at = (r: number) => ({ tableId: id, rowId: t.rows[r].id, columnId: t.columns[2].id });
  const ids = [1, 2, 3].map(
    (v) => setCells(w, [{ ...at(v), value: v * 1000 }], `Sửa ${v}`).batchId!,
  );
  return { w, id, t, ids };
}

describe('revertTo', () => {
  it('goes back to the moment after a batch as one action, which undo takes back', () => {
    const { w, id, t, ids } = threeEdits();
    const back = revertTo(w, ids[0]);
    expect(back.changes.map((c) => c.value)).toEqual([t.rows[3].cells[2], t.rows[2].cells[2]]);
    expect(readHistory(w.db, 1)[0].label).toBe('Quay lại thời điểm sau thao tác «Sửa 1»');
    expect(
      readTable(w.db, id)!
        .rows.slice(1, 4)
        .map((r) => r.cells[2]),
    ).toEqual([1000, t.rows[2].cells[2], t.rows[3].cells[2]]);
    replay(w, 'undo');
    expect(
      readTable(w.db, id)!
        .rows.slice(1, 4)
        .map((r) => r.cells[2]),
    ).toEqual([1000, 2000, 3000]);
  });

  it('to the start, and not again when already there', () => {
    const { w, id, t } = threeEdits();
    expect(revertTo(w, 0).batchId).not.toBeNull();
    expect(readTable(w.db, id)).toEqual(t);
    expect(readHistory(w.db, 1)[0].label).toBe('Quay lại trạng thái ban đầu của tài liệu');
  });

  it('refuses a moment that is not in the history or was cut off', () => {
    const { w, ids } = threeEdits();
    expect(refusal(() => revertTo(w, 999))).toBe(
      'Không có thao tác số 999 trong lịch sử của tài liệu; không có gì thay đổi.',
    );
    replay(w, 'undo');
    const [[id]] = readTableOrder(w.db);
    const t = readTable(w.db, id)!;
    setCells(w, [{ tableId: id, rowId: t.rows[5].id, columnId: t.columns[2].id, value: 1 }]);
    expect(refusal(() => revertTo(w, ids[2]))).toBe(
      'Không thể quay lại sau thao tác «Sửa 3»: thao tác này đã bị bỏ khi có thao tác mới sau lần hoàn tác.',
    );
  });
});
