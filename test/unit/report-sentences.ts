/**
 * Sentences of the real reports Biểu started from, right and with one planted slip each: shared
 * by the text checks' own test and the Word-report test.
 */

/** The sentences of the real reports, right. */
export const CONSISTENT = [
  'Năm 2023, toàn xã có 20 hộ (14 hộ nghèo, 4 hộ cận nghèo, 2 hộ thoát nghèo).',
  'Tổng kinh phí ủng hộ là 791.232.965 đồng. Trong đó: Năm 2022: 522.897.965 đồng; Năm 2023: 268.335.000 đồng.',
  'Đến nay đã giải ngân 16.342,932/26.140 triệu đồng, đạt 62,52% kế hoạch.',
  'Tỷ lệ trẻ được tiêm chủng đạt 92,2% (giao 90%, vượt 2,2%).',
];

/** The same sentences with one slip each. */
export const SLIPS = [
  'Năm 2023, toàn xã có 21 hộ (14 hộ nghèo, 4 hộ cận nghèo, 2 hộ thoát nghèo).',
  'Tổng kinh phí ủng hộ là 791.232.965 đồng. Trong đó: Năm 2022: 522.897.965 đồng; Năm 2023: 268.355.000 đồng.',
  'Đến nay đã giải ngân 16.342,932/26.140 triệu đồng, đạt 65,52% kế hoạch.',
  'Tỷ lệ trẻ được tiêm chủng đạt 92,2% (giao 90%, vượt 2,4%).',
];

/**
 * Changes stated with both of their figures («A, giảm N so với … (B)»): right, then with one slip
 * each (the figure of the change, not either end).
 */
export const CHANGES_RIGHT = [
  'Cuối năm 2023, toàn huyện còn 1.250 hộ nghèo, giảm 130 hộ so với năm 2022 (1.380 hộ).',
  'Số người tham gia học tập đạt 5.200 người, tăng 300 người so với cùng kỳ năm trước là 4.900 người.',
  'Số người tham gia học tập đạt 5.200 người, tăng 6,1% so với cùng kỳ năm trước (4.900 người).',
  'Tỷ lệ hộ nghèo còn 3,2%, giảm 0,8% so với năm 2022 (4,0%).',
];
export const CHANGES_SLIPS = [
  'Cuối năm 2023, toàn huyện còn 1.250 hộ nghèo, giảm 103 hộ so với năm 2022 (1.380 hộ).',
  'Số người tham gia học tập đạt 5.200 người, tăng 350 người so với cùng kỳ năm trước là 4.900 người.',
  'Số người tham gia học tập đạt 5.200 người, tăng 6,5% so với cùng kỳ năm trước (4.900 người).',
  'Tỷ lệ hộ nghèo còn 3,2%, giảm 0,6% so với năm 2022 (4,0%).',
];
