/**
 * The words by which a Vietnamese statistical table says what its lines are: total rows ("Tổng
 * cộng", "Toàn huyện", "00 Toàn quốc"), subtotals ("Cộng"), group rows ("I. Khu vực thành thị",
 * "Tuyến Tỉnh"), the lines around a table ("Đơn vị tính: …", "Kèm theo …", "Tính đến ngày …",
 * "Ghi chú", signatures) and header words (STT, Mã …, Tỷ lệ, %).
 *
 * Text is matched in NFC, lower case, spaces collapsed — tone marks kept: "Cộng" (subtotal) and
 * "Công tác" (a heading) differ only by them. Where Vietnamese spelling varies in where the tone
 * mark sits ("hòa"/"hoà", "ủy"/"uỷ"), both spellings are listed.
 */

/** "TỔNG  Cộng:" → "tổng cộng:" (NFC, lower case, spaces collapsed). */
export function norm(text: string): string {
  return text.normalize('NFC').toLowerCase().replace(/\s+/g, ' ').trim();
}

/** Whitespace collapsed, line breaks included (header cells are often wrapped by hand). */
export function cleanLabel(text: string): string {
  return text.normalize('NFC').replace(/\s+/g, ' ').trim();
}

export function hasLetter(text: string): boolean {
  return /\p{L}/u.test(text);
}

/** End of a word: JavaScript's \b only knows ASCII letters, and Vietnamese words end in "ổ", "ã" … */
const END = '(?=$|[\\s:.,;()/\\-–])';

function words(pattern: string): RegExp {
  return new RegExp(`^(?:${pattern})${END}`, 'u');
}

/** A section code standing alone in a column: "A", "I", "II.", "IV". */
export function isSectionCode(text: string): boolean {
  return /^([A-ZĐ]|[IVXLC]+)\.?$/u.test(text.trim());
}

/** A short code in capitals, not a name: "A", "II", "TT", "TH", "V01", "KV1". */
export function isShortCode(text: string): boolean {
  return isSectionCode(text) || /^[A-ZĐ]{1,3}\d{0,3}\.?$/u.test(text.trim());
}

/** A leading row number or code before the name: "00 Toàn quốc", "16 Toàn quốc". */
const LEADING_CODE = /^(\d+|[a-z]\d+)\s+/u;

const TOTAL = new RegExp(
  '^(tổng cộng|tổng số|tổng|cộng chung|toàn (huyện|tỉnh|quốc|thành phố|thị xã|thị trấn|xã|quận|vùng|ngành|đơn vị|khu vực|tp))(\\s*[:(].*)?$',
  'u',
);

/** A grand total row's label: "Tổng cộng", "Tổng số", "Toàn huyện", "00 Toàn quốc" … */
export function isTotalLabel(label: string): boolean {
  const n = norm(label)
    .replace(LEADING_CODE, '')
    .replace(/[.:\s]+$/u, '');
  return TOTAL.test(n);
}

/** A subtotal's label: "Cộng", "Cộng:", "Cộng I", "Cộng khu vực …", "Cộng nhóm 1". */
export function isSubtotalLabel(label: string): boolean {
  // Cheap test first: every such label starts with a "c" (a nation table asks 10,000 times).
  if (!/^\s*[cC]/.test(label)) return false;
  return SUBTOTAL.test(norm(label));
}

const SUBTOTAL = words('cộng');

/** A regional code placed before its members (V01 … V06 in the health-insurance tables). */
export function isRegionCode(text: string): boolean {
  return text.length <= 12 && /^v\d{1,2}$/u.test(norm(text));
}

const GROUP_WORDS = words(
  'tuyến|khu vực|nhóm|huyện|quận|thị xã|tỉnh|thành phố|vùng|phần|chương|mục|lĩnh vực|khối|loại',
);

/**
 * A group heading: "I. Khu vực thành thị", "II. …", "A. …", "1. Tỉnh …", "Tuyến Tỉnh",
 * "Khu vực …", "Nhóm …", "Huyện …". Used only for rows that carry no figures.
 */
export function isGroupLabel(label: string): boolean {
  const n = norm(label);
  if (/^([ivxlc]+|[a-zđ]|\d+(\.\d+)*)\s*[.)/:-]\s*\S/u.test(n)) return true;
  return GROUP_WORDS.test(n);
}

const NOTES = words(
  '\\*?\\s*(ghi chú|chú thích|lưu ý|nguồn|người lập|người lập biểu|người ghi|người kiểm tra|thủ trưởng|kế toán|nơi nhận|chủ tịch|giám đốc|trưởng phòng|tm\\.|kt\\.|xác nhận)',
);

/** A line that ends a table: notes, sources, the place-and-date line, signatures. */
export function isNotesLine(text: string): boolean {
  const n = norm(text);
  return NOTES.test(n) || /ngày\s*[.…\d]*\s*tháng\s*[.…\d]*\s*năm/u.test(n);
}

/** "Đơn vị tính: người; hộ; %" → "người; hộ; %" (also "ĐVT:", and the common typo "Đơn vị tỉnh"). */
export function unitOf(text: string): string | null {
  const clean = cleanLabel(text)
    .replace(/^\(\s*/u, '')
    .replace(/\s*\)$/u, '');
  if (!/^(đơn vị tính|đơn vị tỉnh|đơn vị|đvt)\s*[:：]/u.test(norm(clean))) return null;
  const unit = clean.slice(clean.search(/[:：]/u) + 1).trim();
  return unit || null;
}

export function isAttachedToLine(text: string): boolean {
  return /^\(?\s*(ban hành )?kèm theo/u.test(norm(text));
}

export function isAsOfLine(text: string): boolean {
  return /^\(?\s*(tính đến|tính tới|số liệu tính đến|kỳ báo cáo|tháng\s*[.\d]|năm \d{4}$|quý\s)/u.test(
    norm(text),
  );
}

/** The agency, the national motto and form identifiers: context, never a title. */
export function isLetterheadLine(text: string): boolean {
  return /^(cộng hòa|cộng hoà|độc lập|ủy ban|uỷ ban|ubnd|số:|mã số|đơn vị gửi|đơn vị nhận|đơn vị báo cáo|biểu số|mẫu số|-{2,})/u.test(
    norm(text),
  );
}

/** A title: "BIỂU 02: …", "PHỤ LỤC 01 …", "Bảng I …", "BÁO CÁO …", "THỐNG KÊ …", "TỔNG HỢP …". */
export function isTitleLike(text: string): boolean {
  return words(
    'biểu|phụ lục|bảng|báo cáo|thống kê|tổng hợp|danh sách|kết quả|tình hình|so sánh',
  ).test(norm(text));
}

/** A header naming a row number, a code or a notes column: its numbers are not figures. */
export function isLabelColumnHeader(label: string): boolean {
  return words('stt|tt|số tt|số thứ tự|mã|mã số|ma_\\w*|ghi chú').test(norm(label));
}

/** A header word of a percentage column: "%", "Tỷ lệ", "Tỉ trọng", and "TL" as written short. */
export function isPercentHeader(label: string): boolean {
  const n = norm(label);
  return (
    n.includes('%') || /(^|\s)t[ỷỉ] (lệ|trọng)/u.test(n) || /(^|[\s_(])tl(?=$|[\s_):])/u.test(n)
  );
}

/** A header that names a column holding the sum of others: "Tổng", "Tổng số", "Tổng chi", "Cộng". */
export function isTotalColumnHeader(label: string): boolean {
  return words('tổng|cộng').test(norm(label));
}

/** "Chia ra" / "Chia theo": the columns under it add up to the total beside them. */
export function isBreakdownHeader(label: string): boolean {
  return words('chia ra|chia theo|bao gồm|gồm').test(norm(label));
}

/** A note on where a column's figures come from ("Cột D-B02 tháng này", "… lấy ở cột G-B10"). */
export function isSourceNote(text: string): boolean {
  const n = norm(text);
  return (
    words('cột|lấy ở|lấy từ|nguồn').test(n) || /(^|\s)cột\s*[a-z]{1,2}(?=$|[\s\-_–,.])/u.test(n)
  );
}

/** A generic sheet name, not worth naming a table after ("Sheet1", "Worksheet", "Trang tính1"). */
export function isGenericSheetName(name: string): boolean {
  return /^(sheet|worksheet|trang tính|bảng tính)\s*\d*$/u.test(norm(name));
}
