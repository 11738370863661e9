/**
 * Writing cells: one check for every edit, worded for the action (typing names the table and the
 * cell, a paste names the pasted cell); nothing is written when one edit is bad; a paste that
 * adds rows is planned as the table with its new rows and cells.
 */
import { describe, expect, it } from 'vitest';
import type { PasteInput } from '../../../../shared/api';
import { pasteRowsPlan, setCells } from '../../../../electron/store/cell-writes';
import { readHistory } from '../../../../electron/store/edit-log';
import { readTable, readTableOrder } from '../../../../electron/store/table-snapshot';
import { idSource, refusal, snapshot } from '../../helpers/snapshot';
import { useSampleWriter } from '../../helpers/writer';

const { writer } = useSampleWriter();

const danSo = snapshot('Dân số', [{ cells: ['Xã Lộc Hòa', 120] }, { cells: ['Xã Lộc An', 80] }]);
const [colA, col1] = danSo.columns.map((c) => c.id);
const paste = (p: Partial<PasteInput>): PasteInput => ({
  tableId: danSo.id,
  appendRows: 2,
  edits: [],
  ...p,
});

describe('a paste that adds rows (pure)', () => {
  it('inserts the rows where asked and puts each pasted cell in its row', () => {
    const plan = pasteRowsPlan(
      danSo,
      paste({
        atIndex: 1,
        edits: [
          { newRow: 0, columnId: colA, value: 'Xã Mới' },
          { newRow: 1, columnId: col1, value: 7 },
          { rowId: danSo.rows[0].id, columnId: col1, value: '' },
        ],
      }),
      idSource(),
    );
    const after = plan.tables[0].to!;
    expect(after.rows.map((r) => [r.id, ...r.cells])).toEqual([
      [danSo.rows[0].id, 'Xã Lộc Hòa', null],
      [1000, 'Xã Mới', null],
      [1001, null, 7],
      [danSo.rows[1].id, 'Xã Lộc An', 80],
    ]);
    expect(plan.label).toBe('Chèn 2 dòng chi tiết vào trước dòng 2 biểu «Dân số»');
    expect(pasteRowsPlan(danSo, paste({ label: 'Dán 4 ô', edits: [] }), idSource()).label).toBe(
      'Dán 4 ô',
    );
  });

  it('names the first bad pasted cell, in the words of a paste', () => {
    const bad = (e: PasteInput['edits'][number]) =>
      refusal(() =>
        pasteRowsPlan(
          danSo,
          paste({ edits: [{ newRow: 0, columnId: colA, value: 1 }, e] }),
          idSource(),
        ),
      );
    expect(bad({ columnId: col1, value: 1 })).toBe(
      'ô dán thứ 2 phải chỉ đúng một dòng: một dòng có sẵn (rowId) hoặc một dòng mới (newRow); không có gì thay đổi.',
    );
    expect(bad({ newRow: 2, columnId: col1, value: 1 })).toBe(
      'ô dán thứ 2 chỉ dòng mới thứ 3, nhưng chỉ thêm 2 dòng; không có gì thay đổi.',
    );
    expect(bad({ rowId: 77, columnId: col1, value: 1 })).toBe(
      'Dòng số 77 (ô dán thứ 2) không có trong biểu «Dân số»; không có gì thay đổi.',
    );
    expect(bad({ newRow: 1, columnId: 77, value: 1 })).toBe(
      'Cột số 77 (ô dán thứ 2) không có trong biểu «Dân số»; không có gì thay đổi.',
    );
    expect(bad({ newRow: 1, columnId: col1, value: Number.NaN })).toBe(
      'Giá trị của ô dán thứ 2 không hợp lệ: một ô chỉ chứa số hữu hạn, chữ hoặc để trống; không có gì thay đổi.',
    );
  });
});

describe('setCells on a document', () => {
  it('writes one batch of the cells that change, the last value of a cell twice named', () => {
    const w = writer();
    const [[id]] = readTableOrder(w.db);
    const t = readTable(w.db, id)!;
    const cell = (r: number, c: number, value: number | string | null) => ({
      tableId: id,
      rowId: t.rows[r].id,
      columnId: t.columns[c].id,
      value,
    });
    const unchanged = t.rows[0].cells[2];
    const changes = setCells(w, [cell(0, 2, unchanged), cell(1, 2, 5), cell(1, 2, 6)], 'Sửa');
    expect(changes.changes).toEqual([cell(1, 2, 6)]);
    expect(readTable(w.db, id)!.rows[1].cells[2]).toBe(6);
    const [batch] = readHistory(w.db, 1);
    expect(batch.edits).toEqual([
      expect.objectContaining({ rowId: t.rows[1].id, oldValue: t.rows[1].cells[2], newValue: 6 }),
    ]);
    expect(w.batches).toBe(1);
  });

  it('names the first bad edit, in the words of typing, and writes none of the others', () => {
    const w = writer();
    const [[id]] = readTableOrder(w.db);
    const t = readTable(w.db, id)!;
    const good = { tableId: id, rowId: t.rows[0].id, columnId: t.columns[2].id, value: 1 };
    const refused = (e: object) => refusal(() => setCells(w, [good, { ...good, ...e }]));
    expect(refused({ rowId: 99999 })).toBe(
      `Dòng số 99999 không có trong bảng «${t.name}»; không ô nào được ghi.`,
    );
    expect(refused({ columnId: 99999 })).toBe(
      `Cột số 99999 không có trong bảng «${t.name}»; không ô nào được ghi.`,
    );
    expect(refused({ tableId: 99999 })).toBe(
      'Không tìm thấy bảng số 99999 trong tài liệu; không ô nào được ghi.',
    );
    expect(refused({ value: Infinity })).toBe(
      `Giá trị ghi vào bảng «${t.name}» (dòng số ${t.rows[0].id}, cột số ${t.columns[2].id}) không hợp lệ: ` +
        'một ô chỉ chứa số hữu hạn, chữ hoặc để trống; không ô nào được ghi.',
    );
    expect(readTable(w.db, id)).toEqual(t);
    expect(readHistory(w.db, 5)).toEqual([]);
  });
});
