/**
 * The document's metadata in the file: read, written (null removes a key), and a change planned
 * with the names of the keys that really change.
 */
import { describe, expect, it } from 'vitest';
import {
  checkMetaEntries,
  metaPlan,
  readMeta,
  readMetaKeys,
  writeMeta,
} from '../../../../electron/store/document-meta';
import { refusal } from '../../helpers/snapshot';
import { useSampleWriter } from '../../helpers/writer';

const { writer } = useSampleWriter();

describe('metadata', () => {
  it('is written and read back; null removes a key', () => {
    const w = writer();
    writeMeta(w.db, { agency: 'ỦY BAN NHÂN DÂN HUYỆN LỘC NINH', place: 'Lộc Ninh' });
    writeMeta(w.db, { place: null });
    expect(readMeta(w.db)).toEqual({ agency: 'ỦY BAN NHÂN DÂN HUYỆN LỘC NINH' });
    expect(readMetaKeys(w.db, new Set(['place', 'agency']))).toEqual({
      agency: 'ỦY BAN NHÂN DÂN HUYỆN LỘC NINH',
      place: null,
    });
  });

  it('a change names the keys that change, and is nothing when none does', () => {
    // As readMetaKeys gives them: every key asked for, null when not stored.
    const before = { reportNumber: '12/BC-UBND', head: null, riêng: null };
    expect(metaPlan(before, { reportNumber: '12/BC-UBND' })).toBeNull();
    expect(
      metaPlan(before, { reportNumber: '13/BC-UBND', head: 'Nguyễn Văn A', riêng: 'x' }),
    ).toEqual({
      label: 'Sửa thông tin tài liệu (số báo cáo, thủ trưởng đơn vị, riêng)',
      tables: [],
      meta: {
        before: { reportNumber: '12/BC-UBND', head: null, riêng: null },
        after: { reportNumber: '13/BC-UBND', head: 'Nguyễn Văn A', riêng: 'x' },
      },
    });
  });

  it('refuses an empty key and a value that is not text', () => {
    expect(refusal(() => checkMetaEntries({ ' ': 'x' }))).toBe(
      'Tên mục thông tin không được để trống.',
    );
    expect(refusal(() => checkMetaEntries({ place: 5 as never }))).toBe(
      'Giá trị của mục «place» phải là chữ.',
    );
  });
});
