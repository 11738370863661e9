/** Dates and times as people of the window's language write them: "14:05, 12/03/2025". */
import { language } from '../i18n';

export function formatDateTime(iso: string): string {
  const date = new Date(iso);
  if (Number.isNaN(date.getTime())) return iso;
  return new Intl.DateTimeFormat(language() === 'vi' ? 'vi-VN' : 'en-GB', {
    day: '2-digit',
    month: '2-digit',
    year: 'numeric',
    hour: '2-digit',
    minute: '2-digit',
  }).format(date);
}

/** A time of today as the window's language writes it: "14:05:09". */
export function formatTime(date: Date): string {
  return new Intl.DateTimeFormat(language() === 'vi' ? 'vi-VN' : 'en-GB', {
    hour: '2-digit',
    minute: '2-digit',
    second: '2-digit',
  }).format(date);
}

/** Bytes as "12 KB" / "1,4 MB", the window's way. */
export function formatBytes(bytes: number): string {
  const locale = language() === 'vi' ? 'vi-VN' : 'en-GB';
  const [value, unit] =
    bytes >= 1024 * 1024 ? [bytes / 1024 / 1024, 'MB'] : [Math.max(1, bytes / 1024), 'KB'];
  return `${new Intl.NumberFormat(locale, { maximumFractionDigits: 1 }).format(value)} ${unit}`;
}
