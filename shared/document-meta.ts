/**
 * The document's metadata: what an exported appendix prints around a table (the issuing body,
 * the report's number and date, the reference date, the place and the signers). One catalogue,
 * read by the store (names in the history), the appendix export and the "Thông tin báo cáo" form.
 * A document may hold other keys as well; these are the ones Biểu knows.
 */

export const META_KEYS = [
  'agency',
  'office',
  'reportNumber',
  'reportDate',
  'referenceDate',
  'place',
  'preparer',
  'head',
] as const;

export type MetaKey = (typeof META_KEYS)[number];

/** What each key holds, named as the history says it ("Sửa thông tin tài liệu (số báo cáo)"). */
export const META_NAMES: Record<MetaKey, string> = {
  agency: 'cơ quan chủ quản', // "ỦY BAN NHÂN DÂN HUYỆN LỘC NINH"
  office: 'đơn vị lập biểu',
  reportNumber: 'số báo cáo', // "123/BC-UBND"
  reportDate: 'ngày báo cáo', // ISO date
  referenceDate: 'ngày số liệu', // "Tính đến ngày …", ISO date
  place: 'địa danh', // under the table: "Lộc Ninh, ngày …"
  preparer: 'người lập biểu',
  head: 'thủ trưởng đơn vị',
};

export function isMetaKey(key: string): key is MetaKey {
  return (META_KEYS as readonly string[]).includes(key);
}

/** The name of a key for the history; a key Biểu does not know is named as stored. */
export function metaName(key: string): string {
  return isMetaKey(key) ? META_NAMES[key] : key;
}
