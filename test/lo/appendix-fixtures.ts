/**
 * Documents for the export tests, built the way users get them: the built-in templates (a
 * landscape table with a two-level header, a table with a rate column) and the grouped district
 * table of test/fixtures with its planted errors, stored by the real DocumentStore, with the
 * metadata the appendix header and signatures come from.
 */
import path from 'node:path';
import { DocumentStore } from '../../electron/store/document-store';
import { loadTemplate, tableFromTemplate } from '../../electron/store/templates';
import type { NewTableInput } from '../../electron/store/new-table';
import type { Table } from '../../shared/model';
import { danSoHoNgheo } from '../unit/checks-tables';

export const SAMPLE_META = {
  agency: 'Ủy ban nhân dân huyện Lộc Ninh',
  office: 'Phòng Giáo dục và Đào tạo',
  reportNumber: '245/BC-UBND',
  reportDate: '2024-10-05',
  referenceDate: '2024-09-30',
  place: 'Lộc Ninh',
  preparer: 'Nguyễn Văn An',
  head: 'Trần Thị Bình',
};

/** A model table as the store takes it (no ids). */
export function asNewTable(table: Table, title = table.title, unit = table.unit): NewTableInput {
  return {
    name: table.name,
    title,
    unit,
    columns: table.columns.map(({ id: _id, ...c }) => c),
    rows: table.rows.map(({ id: _id, ...r }) => r),
  };
}

export const TEMPLATE_IDS = ['cdht-theo-nhom', 'dan-so-tham-gia'] as const;

/**
 * The two templates (consistent) and the grouped table "Dân số" (five findings: a swapped pair
 * of digits, a truncated rate, a text in a figure column, two wrong totals).
 */
export function createSampleDocument(dir: string, name = 'phu-luc.bieu'): DocumentStore {
  const store = DocumentStore.create(
    path.join(dir, name),
    [
      ...TEMPLATE_IDS.map((id) => tableFromTemplate(loadTemplate(id))),
      asNewTable(danSoHoNgheo(), 'BIỂU TỔNG HỢP DÂN SỐ VÀ HỘ NGHÈO', 'người; hộ; %'),
    ],
    { user: 'thongke' },
  );
  store.setMeta(SAMPLE_META);
  return store;
}
