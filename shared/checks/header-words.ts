/**
 * The words of column headers that carry arithmetic (DOMAIN.md, "How a table looks"): a total
 * ("Tổng số", "Tổng", "Cộng", "Tổng cộng"), a breakdown ("Chia ra": the parts add up to the
 * total), a part-of ("Trong đó": each part, and their sum, is at most the total), targets and
 * results of indicator tables ("Chỉ tiêu", "tối thiểu 70%", "Đạt" / "Chưa đạt").
 *
 * Matched on NFC, lower case, one space, tone marks in one placement.
 */
import { unifyToneMarks } from '../units';

export function headerText(text: string): string {
  return unifyToneMarks(text.toLowerCase().replace(/\s+/g, ' ').trim());
}

/** End of a word (JavaScript's \b only knows ASCII letters). */
const END = '(?=$|[^\\p{L}\\p{N}])';

function startsWith(pattern: string): RegExp {
  return new RegExp(`^(?:${pattern})${END}`, 'u');
}

const TOTAL = startsWith('tổng|cộng');
const BREAKDOWN = new RegExp(`(?:^|[^\\p{L}])(?:chia ra|chia theo|bao gồm)${END}`, 'u');
const OF_WHICH = startsWith('trong đó');

/** "Tổng số", "TỔNG SỐ NHÂN KHẨU", "Cộng", "Tổng cộng". */
export function isTotalHeader(text: string): boolean {
  return TOTAL.test(headerText(text));
}

/** "Chia ra", "Tổng số chia ra", "Chia theo nhóm tuổi". */
export function isBreakdownHeader(text: string): boolean {
  return BREAKDOWN.test(headerText(text));
}

/** "Trong đó", "Trong đó:", "Trong đó: nữ". */
export function isOfWhichHeader(text: string): boolean {
  return OF_WHICH.test(headerText(text));
}
