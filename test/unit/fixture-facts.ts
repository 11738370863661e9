/**
 * What the fixture dan-so-ho-ngheo (test/fixtures) is, as a person reading
 * the sheet sees it: the role of each table row, from sheet row 8 ("I. Khu vực thành thị") to
 * row 19 ("Toàn huyện"). Several suites (import, paste, API) assert the same reading.
 */
import type { RowRole } from '../../shared/model';

export const DAN_SO_ROLES: readonly RowRole[] = [
  'group', // 8  I. Khu vực thành thị
  'detail', // 9
  'detail', // 10
  'subtotal', // 11 Cộng
  'group', // 12 II. Khu vực nông thôn
  'detail', // 13
  'detail', // 14
  'detail', // 15
  'detail', // 16
  'detail', // 17
  'subtotal', // 18 Cộng
  'total', // 19 Toàn huyện
];
