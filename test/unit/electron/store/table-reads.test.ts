/** Reading the document's tables: the list in order with sizes, by name, by id with a sentence. */
import { describe, expect, it } from 'vitest';
import {
  listTables,
  nextTablePosition,
  requireTable,
  tableIdByName,
  tableNames,
} from '../../../../electron/store/table-reads';
import { refusal } from '../../helpers/snapshot';
import { useSampleWriter } from '../../helpers/writer';

const { writer } = useSampleWriter();

describe('table reads', () => {
  it('lists the tables in their order with their sizes, and finds one by name', () => {
    const w = writer();
    const list = listTables(w.db);
    expect(list.map((t) => t.name)).toEqual(['CDHT theo nhóm', 'Dân số và tỷ lệ tham gia']);
    const first = requireTable(w.db, list[0].id, w.docPath);
    expect(list[0]).toMatchObject({
      rowCount: first.rows.length,
      columnCount: first.columns.length,
    });
    expect(tableIdByName(w.db, 'Dân số và tỷ lệ tham gia')).toBe(list[1].id);
    expect(tableIdByName(w.db, 'Không có')).toBeNull();
    expect(tableNames(w.db)).toEqual(new Set(list.map((t) => t.name)));
    expect(nextTablePosition(w.db)).toBe(2);
  });

  it('names a missing table and the document', () => {
    const w = writer();
    expect(refusal(() => requireTable(w.db, 404, w.docPath))).toBe(
      'Không tìm thấy bảng số 404 trong tài liệu «mau.bieu»; không có gì thay đổi.',
    );
  });
});
