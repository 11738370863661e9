/**
 * The words around an exported table, from the document's metadata (shared/document-meta.ts):
 * the issuing body, the "Kèm theo Báo cáo số …" line, the reference date, the place-and-date
 * line and the signers. Where a field is not filled in, the line keeps dotted blanks, as a
 * printed form does, so it can be completed by hand instead of silently disappearing.
 */
import { META_KEYS, type MetaKey } from '../../shared/document-meta';

/** The metadata an appendix uses (the catalogue's keys), each optional: a new document has none. */
export type AppendixMeta = Partial<Record<MetaKey, string>>;

/** The document's metadata record (DocumentStore.getMeta) as appendix fields: blank is absent. */
export function appendixMeta(record: Record<string, string>): AppendixMeta {
  const meta: AppendixMeta = {};
  for (const key of META_KEYS) {
    const v = record[key];
    if (typeof v === 'string' && v.trim() !== '') meta[key] = v.trim();
  }
  return meta;
}

export const MOTTO = 'CỘNG HÒA XÃ HỘI CHỦ NGHĨA VIỆT NAM';
export const MOTTO_SUBTITLE = 'Độc lập - Tự do - Hạnh phúc';
export const PREPARER_TITLE = 'Người lập biểu';
export const HEAD_TITLE = 'Thủ trưởng đơn vị';
export const PREPARER_HINT = '(Ký, ghi rõ họ tên)';
export const HEAD_HINT = '(Ký tên, đóng dấu)';

interface DateParts {
  day: number;
  month: number;
  year: number;
}

/**
 * A date as people type it in the report details, as its parts: ISO ("2024-09-30", or a
 * timestamp starting with one), day first as Vietnamese offices write it ("15/10/2024",
 * "15-10-2024", "15.10.2024") or in words ("ngày 15 tháng 10 năm 2024"); null for anything else,
 * and for a day the month does not have (30/02).
 */
function dateParts(text: string | undefined): DateParts | null {
  const s = text?.trim().normalize('NFC') ?? '';
  let m = /^(\d{4})-(\d{2})-(\d{2})/.exec(s);
  let parts: DateParts | null = m ? { year: +m[1], month: +m[2], day: +m[3] } : null;
  m = /^(\d{1,2})\s*([/.-])\s*(\d{1,2})\s*\2\s*(\d{4})$/.exec(s);
  if (m) parts = { day: +m[1], month: +m[3], year: +m[4] };
  m = /^(?:ngày\s+)?(\d{1,2})\s+tháng\s+(\d{1,2})\s+năm\s+(\d{4})$/i.exec(s);
  if (m) parts = { day: +m[1], month: +m[2], year: +m[3] };
  if (!parts || parts.month < 1 || parts.month > 12 || parts.day < 1) return null;
  const days = new Date(Date.UTC(parts.year, parts.month, 0)).getUTCDate();
  return parts.day <= days ? parts : null;
}

/** "30/9/2024" for a date however typed (see dateParts); any other text as typed. */
export function shortDate(text: string | undefined): string | undefined {
  const d = dateParts(text);
  return d ? `${d.day}/${d.month}/${d.year}` : text;
}

/**
 * "ngày 05 tháng 02 năm 2024": the administrative style writes days below 10 and the months
 * January and February with a leading zero (Nghị định 30/2020/NĐ-CP).
 */
export function formalDate(text: string | undefined): string {
  const d = dateParts(text);
  if (!d) return text ? text : 'ngày …… tháng …… năm ……';
  const day = d.day < 10 ? `0${d.day}` : String(d.day);
  const month = d.month < 3 ? `0${d.month}` : String(d.month);
  return `ngày ${day} tháng ${month} năm ${d.year}`;
}

function upper(text: string): string {
  return text.toLocaleUpperCase('vi');
}

/** The issuing body: the governing agency over the office that drew the table up. */
export function issuingBody(meta: AppendixMeta): { agency: string; office: string } {
  return {
    agency: meta.agency ? upper(meta.agency) : '',
    office: meta.office ? upper(meta.office) : '',
  };
}

/** "(Kèm theo Báo cáo số 123/BC-UBND ngày 15/10/2024)", with dotted blanks for what is missing. */
export function attachmentLine(meta: AppendixMeta): string {
  const number = meta.reportNumber ?? '……/BC-……';
  const date = shortDate(meta.reportDate) ?? '……/……/……';
  return `(Kèm theo Báo cáo số ${number} ngày ${date})`;
}

/** "Tính đến ngày 30/9/2024"; empty when the document names no reference date. */
export function referenceLine(meta: AppendixMeta): string {
  return meta.referenceDate ? `Tính đến ngày ${shortDate(meta.referenceDate)}` : '';
}

/** "Đơn vị tính: người"; empty when the table has no unit. */
export function unitLine(unit: string): string {
  return unit.trim() ? `Đơn vị tính: ${unit.trim()}` : '';
}

/** "Lộc Ninh, ngày 15 tháng 10 năm 2024", dated by the report. */
export function placeDateLine(meta: AppendixMeta): string {
  return `${meta.place ?? '……'}, ${formalDate(meta.reportDate)}`;
}
