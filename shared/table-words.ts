/**
 * The words of Vietnamese statistical tables, in one place: what rows are ("Tổng cộng", "Toàn
 * huyện", "Cộng", "I. Khu vực thành thị", "Trong đó", "Làm tròn"), what columns are ("Tổng số",
 * "Chia ra", "Trong đó", "Tỷ lệ", "bình quân", "Đơn giá", "STT", "Mã", "ĐVT"), and the lines
 * around a table (title, "Đơn vị tính: …", "Kèm theo …", "Tính đến …", notes and signatures).
 * The importer, the paste path and the checks all read tables through these words.
 *
 * A word here is a HINT, never a verdict: a row labelled "Cộng" is a subtotal only where its
 * figures add up (checks/establish.ts), a column headed "Tổng" adds others only where the numbers
 * say so. What the words can do is keep plain names from being read as table words: terms are
 * matched as whole words at the start of a label, and the compounds that begin with the same
 * syllable are excluded — "Cộng đồng học tập" (a learning community) is not "Cộng", "Tổng công
 * ty" (a corporation) is not "Tổng".
 *
 * Text is compared in NFC, lower case, one space, tone marks in one placement ("hoà" = "hòa"),
 * tone marks kept: "Cộng" (a subtotal) and "Công tác" (a heading) differ only by them.
 */
import { unifyToneMarks } from './vietnamese-text';

/** "TỔNG  Cộng:" → "tổng cộng:" (NFC, lower case, spaces collapsed, tone marks in one place). */
export function norm(text: string): string {
  return unifyToneMarks(text.toLowerCase().replace(/\s+/g, ' ').trim());
}

/** Whitespace collapsed, line breaks included (header cells are often wrapped by hand). */
export function cleanLabel(text: string): string {
  return text.normalize('NFC').replace(/\s+/g, ' ').trim();
}

export function hasLetter(text: string): boolean {
  return /\p{L}/u.test(text);
}

/** End of a word: JavaScript's \b only knows ASCII letters, and Vietnamese words end in "ổ", "ã" … */
const END = '(?![\\p{L}\\p{N}])';

/** The label starts with one of the terms, as whole words. */
function startsWith(pattern: string): RegExp {
  return new RegExp(`^(?:${pattern})${END}`, 'u');
}

/** The label contains one of the terms as whole words. */
function contains(pattern: string): RegExp {
  return new RegExp(`(?:^|[^\\p{L}\\p{N}])(?:${pattern})${END}`, 'u');
}

// ---------------------------------------------------------------------------------------------
// Rows

/** A leading row number or code before the name: "00 Toàn quốc", "16 Toàn quốc". */
const LEADING_CODE = /^(?:\d+|[a-z]\d+)\s+/u;

/**
 * Words that begin with "tổng" or "cộng" and are names, not totals: "Cộng đồng" (community),
 * "Cộng tác viên", "Cộng sự", "Cộng hòa", "Cộng sản", "Tổng công ty", "Tổng cục", "Tổng đội",
 * "Tổng hợp" (a synthesis), "Tổng kết", "Tổng đài", "Tổng giám đốc".
 */
const NOT_TOTALS =
  /^(?:cộng (?:đồng|tác|sự|hòa|sản|hưởng|đoàn|cư|dồn|thêm)|tổng (?:công ty|cục|đội|hợp|kết|đài|giám đốc|biên tập|bí thư|liên đoàn|lãnh sự|thầu|quan|thể|điều tra|kiểm kê|duyệt|vệ sinh|động viên|tuyển cử|tiến công))(?![\p{L}\p{N}])/u;

const GRAND_TOTAL = new RegExp(
  `^(?:tổng cộng|tổng số|tổng|cộng chung|cộng tổng|cả (?:nước|tỉnh|huyện|thành phố|thị xã|xã)|toàn (?:huyện|tỉnh|quốc|thành phố|thị xã|thị trấn|xã|phường|quận|vùng|ngành|đơn vị|khu vực|tp|trường|hệ thống))${END}(?:\\s+(?:toàn|cả|chung)(?:\\s+\\p{L}+)*)?(?:\\s*[:(].*)?$`,
  'u',
);

function rowWords(label: string): string {
  return norm(label)
    .replace(LEADING_CODE, '')
    .replace(/[.:\s]+$/u, '');
}

/**
 * A grand total row's label: "Tổng cộng", "Tổng số", "TỔNG", "Toàn huyện", "00 Toàn quốc",
 * "Cả tỉnh" — the label is the total word alone or with a bracket or colon after it, never a
 * name that starts with it ("Tổng công ty …", "Toàn huyện đạt 90%" is a sentence).
 */
export function isGrandTotalLabel(label: string): boolean {
  const n = rowWords(label);
  return !NOT_TOTALS.test(n) && GRAND_TOTAL.test(n);
}

/**
 * A subtotal's label: "Cộng", "Cộng:", "Cộng I", "Cộng khu vực I", "CỘNG I.1", "Cộng nhóm 1" —
 * not "Cộng đồng học tập …" nor "Cộng tác viên".
 */
export function isSubtotalLabel(label: string): boolean {
  // Cheap test first: every such label starts with a "c" (a nation table asks 10,000 times).
  if (!/^\s*(?:\d+\s+)?[cC]/u.test(label)) return false;
  const n = rowWords(label);
  return !NOT_TOTALS.test(n) && startsWith('cộng').test(n);
}

/** A regional code placed before its members (V01 … V06 in the health-insurance tables). */
export function isRegionCode(text: string): boolean {
  return text.length <= 12 && /^v\d{1,2}$/u.test(norm(text));
}

const GROUP_WORDS = startsWith(
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

/**
 * A rounding adjustment ("Làm tròn", "Chênh lệch do làm tròn", "Điều chỉnh làm tròn"): a line a
 * table adds so that its printed parts meet its total; never a member of a sum.
 */
export function isRoundingLabel(label: string): boolean {
  return contains('làm tròn').test(norm(label));
}

/** "Trong đó", "Trong đó:", "- Trong đó: Lúa Đông xuân" (after any bullet). */
export const OF_WHICH_LABEL = /^(?:[-–—−+*•·]\s*)?trong đó(?![\p{L}\p{N}])\s*:?\s*/u;

// ---------------------------------------------------------------------------------------------
// Lines around a table

const NOTES = startsWith(
  '\\*?\\s*(?:ghi chú|chú thích|lưu ý|nguồn\\s*(?::|số liệu|tài liệu|dữ liệu|thông tin|tin)|người lập|người lập biểu|người ghi|người kiểm tra|thủ trưởng|kế toán|nơi nhận|chủ tịch|giám đốc|trưởng phòng|tm\\.|kt\\.|xác nhận)',
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
  return /^(cộng hòa|độc lập|ủy ban|ubnd|số:|mã số|đơn vị gửi|đơn vị nhận|đơn vị báo cáo|biểu số|mẫu số|-{2,})/u.test(
    norm(text),
  );
}

/** A title: "BIỂU 02: …", "PHỤ LỤC 01 …", "Bảng I …", "BÁO CÁO …", "THỐNG KÊ …", "TỔNG HỢP …". */
export function isTitleLike(text: string): boolean {
  return startsWith(
    'biểu|phụ lục|bảng|báo cáo|thống kê|tổng hợp|danh sách|kết quả|tình hình|so sánh|kế hoạch|dự toán|quyết toán',
  ).test(norm(text));
}

/** A note on where a column's figures come from ("Cột D-B02 tháng này", "… lấy ở cột G-B10"). */
export function isSourceNote(text: string): boolean {
  const n = norm(text);
  return (
    startsWith('cột|lấy ở|lấy từ|nguồn').test(n) ||
    /(^|\s)cột\s*[a-z]{1,2}(?=$|[\s\-_–,.])/u.test(n)
  );
}

/** A generic sheet name, not worth naming a table after ("Sheet1", "Worksheet", "Trang tính1"). */
export function isGenericSheetName(name: string): boolean {
  return /^(sheet|worksheet|trang tính|bảng tính)\s*\d*$/u.test(norm(name));
}

// ---------------------------------------------------------------------------------------------
// Codes in cells

/** A section code standing alone in a column: "A", "I", "II.", "IV". */
export function isSectionCode(text: string): boolean {
  return /^([A-ZĐ]|[IVXLC]+)\.?$/u.test(text.trim());
}

/** A short code in capitals, not a name: "A", "II", "TT", "TH", "V01", "KV1". */
export function isShortCode(text: string): boolean {
  return isSectionCode(text) || /^[A-ZĐ]{1,3}\d{0,3}\.?$/u.test(text.trim());
}

/**
 * One entry of a code row: "1", "(3)", "A", "a", "1=2+3+4+5", "(3)=(1)-(2)", "9=1+2+...+8",
 * "7=6/3*100". Group 1 is the code, group 2 its formula.
 */
export const COLUMN_CODE_ENTRY =
  /^\(?\s*([A-ZĐ]{1,2}|\d{1,3})\s*\)?\s*(=\s*[\d\s()+\-*/×x:.,…]*\d[\d\s()+\-*/×x:.,…]*)?$/iu;

/**
 * A word of the table's own layout found where a figure should be: a column code with its
 * formula ("(9)=(8-7)"), a rounding line, a total or notes line. Such a cell tells of a row read
 * in the wrong place, not of a figure mistyped.
 */
export function isLayoutWord(text: string): boolean {
  const t = text.trim();
  if (/=/.test(t) && COLUMN_CODE_ENTRY.test(t)) return true;
  return isRoundingLabel(t) || isGrandTotalLabel(t) || isSubtotalLabel(t) || isNotesLine(t);
}

/** An error value Excel shows in a cell whose formula failed: "#VALUE!", "#REF!", "#DIV/0!" … */
export function isErrorValue(text: string): boolean {
  return /^#(?:VALUE!|REF!|DIV\/0!|N\/A|NAME\?|NUM!|NULL!|SPILL!|CALC!|FIELD!|BLOCKED!|UNKNOWN!|GETTING_DATA)$/u.test(
    text.trim(),
  );
}

// ---------------------------------------------------------------------------------------------
// Column headers

/** Header text as the vocabulary compares it. */
export const headerText = norm;

/** "Tổng số", "TỔNG SỐ NHÂN KHẨU", "Cộng", "Tổng cộng", "Tổng chi" — not "Tổng công ty". */
export function isTotalHeader(text: string): boolean {
  const n = norm(text);
  return !NOT_TOTALS.test(n) && startsWith('tổng|cộng').test(n);
}

/** "Chia ra", "Tổng số chia ra", "Chia theo nhóm tuổi", "Bao gồm". */
export function isBreakdownHeader(text: string): boolean {
  return contains('chia ra|chia theo|bao gồm').test(norm(text));
}

/** "Trong đó", "Trong đó:", "Trong đó: nữ". */
export function isOfWhichHeader(text: string): boolean {
  return startsWith('trong đó').test(norm(text));
}

/** A header naming the row number: "STT", "TT", "Số TT", "Số thứ tự". */
export function isRowNumberHeader(label: string): boolean {
  return startsWith('stt|tt|số tt|số thứ tự').test(norm(label));
}

/** A header naming a row number, a code or a notes column: its numbers are not figures. */
export function isLabelColumnHeader(label: string): boolean {
  return startsWith('stt|tt|số tt|số thứ tự|mã|mã số|ma_\\w*|ghi chú|số hiệu|ký hiệu|kí hiệu').test(
    norm(label),
  );
}

/** "Mã", "Mã số", "Mã CS", "Mã tỉnh": a column of codes, one per unit. */
export function isCodeHeader(label: string): boolean {
  return startsWith('mã').test(norm(label));
}

/** "Đơn vị tính", "ĐVT", "Đơn vị đo": the unit of measure of each row. */
export function isMeasureHeader(label: string): boolean {
  return startsWith('đơn vị tính|đvt|đ\\.v\\.t|đơn vị đo').test(norm(label));
}

/** A header word of a percentage column: "%", "Tỷ lệ", "Tỉ trọng", and "TL" as written short. */
export function isPercentHeader(label: string): boolean {
  const n = norm(label);
  return n.includes('%') || contains('tỷ lệ|tỉ lệ|tỷ trọng|tỉ trọng|tl').test(n);
}

/**
 * Words of a column whose figures a total row does not add: rates and shares ("Tỷ lệ", "%",
 * "Tỷ trọng"), averages ("bình quân", "trung bình", "BQ", "ĐTBQ"), comparisons ("So sánh",
 * "tăng/giảm %"), ranks ("Thứ hạng", "Xếp hạng", "Hạng"), densities ("Mật độ"), prices ("Đơn
 * giá", "Giá bán"), coefficients ("Hệ số"), indexes ("Chỉ số"), and per-unit figures ("/người").
 */
const NOT_SUMMED = contains(
  'tỷ lệ|tỉ lệ|tỷ trọng|tỉ trọng|bình quân|trung bình|so sánh|thứ hạng|xếp hạng|mật độ|đơn giá|giá bán|giá mua|giá thuê|giá đất|hệ số|chỉ số|năng suất|tốc độ',
);
/** "BQ", "BQ chung", "Ngày ĐTBQ", "Chi phí BQ/lượt" — but not "BQL" (ban quản lý). */
const AVERAGE_ABBREVIATION = /(?:^|[^\p{L}])\p{Lu}*BQ(?![\p{L}])/u;

/** The header names a figure that is not added down a column (see NOT_SUMMED). */
export function isNotSummedHeader(label: string): boolean {
  const text = label.normalize('NFC');
  if (AVERAGE_ABBREVIATION.test(text)) return true;
  const n = norm(text);
  return (
    n.includes('%') ||
    NOT_SUMMED.test(n) ||
    startsWith('hạng').test(n) ||
    /\/\s*(?:người|hộ|ha|lượt|ngày|km2|tháng)(?![\p{L}])/u.test(n)
  );
}

/** A title that says the table holds averages: "Thống kê chi bình quân", "… BQ …". */
export function isAverageTitle(title: string): boolean {
  const t = title.normalize('NFC');
  return contains('bình quân|trung bình').test(norm(t)) || AVERAGE_ABBREVIATION.test(t);
}

/** "Năm", "Năm xây dựng", "Năm sinh", "Năm đưa vào sử dụng": its numbers are years, not figures. */
export function isYearHeader(label: string): boolean {
  return startsWith('năm').test(norm(label)) && !/\d{4}/.test(label);
}

/** "Ngày", "Ngày cấp", "Thời gian", "Thời điểm": dates, not figures. */
export function isDateHeader(label: string): boolean {
  return startsWith('ngày|ngày tháng|thời gian|thời điểm|thời hạn').test(norm(label));
}
