import { stringify } from 'csv-stringify/sync';
import { applyDigits, formatThaiDate, type DigitStyle } from '@saraban/thai-format';
import type { RegisterEntryView } from './register-entry.view';

/** The columns of the ทะเบียนหนังสือส่ง, in the order of the paper book. */
export const REGISTER_CSV_HEADER = [
  'วันที่ลงทะเบียน',
  'เลขทะเบียน',
  'ที่',
  'ลงวันที่',
  'จาก',
  'ถึง',
  'เรื่อง',
  'การปฏิบัติ',
  'หมายเหตุ',
] as const;

/** Excel only reads a CSV as UTF-8 (and so shows Thai) when the file starts with a BOM. */
const UTF8_BOM = '\uFEFF';

/** A date-only 'YYYY-MM-DD' as an instant inside that Bangkok day, for the date formatters. */
function bangkokNoon(date: string): Date {
  return new Date(`${date}T12:00:00+07:00`);
}

/**
 * Text typed by people must not become a spreadsheet formula when the file is opened
 * (OWASP "CSV injection"); a leading apostrophe makes Excel show it as text.
 */
function asText(s: string): string {
  return /^[=+\-@\t\r]/.test(s) ? `'${s}` : s;
}

function remarksOf(entry: RegisterEntryView, digits: DigitStyle): string {
  if (entry.status !== 'cancelled') return entry.remarks ?? '';
  const when = entry.cancelledAt ? ` ${formatThaiDate(entry.cancelledAt, digits)}` : '';
  const cancelled = `ยกเลิกเลขทะเบียน${when}${entry.cancelReason ? `: ${entry.cancelReason}` : ''}`;
  return entry.remarks ? `${entry.remarks}; ${cancelled}` : cancelled;
}

/** The register as CSV for spreadsheets: header row, one line per entry, CRLF, BOM first. */
export function registerCsv(entries: readonly RegisterEntryView[], digits: DigitStyle): string {
  const rows = entries.map((e) => [
    formatThaiDate(e.registeredAt, digits),
    applyDigits(String(e.number), digits),
    e.documentNo,
    formatThaiDate(bangkokNoon(e.datedOn), digits),
    asText(e.fromText),
    asText(e.toText),
    asText(e.subject),
    asText(e.action ?? ''),
    asText(remarksOf(e, digits)),
  ]);
  return UTF8_BOM + stringify([[...REGISTER_CSV_HEADER], ...rows], { record_delimiter: 'windows' });
}
