import { BUDDHIST_ERA_OFFSET } from './buddhist-era.constant';
import { readBangkokDateParts } from './internal/read-bangkok-date-parts';
import { assertSupportedDate } from './supported-range.util';

/** A Bangkok calendar day in the Gregorian calendar; month is 1–12. */
export interface BangkokDateParts {
  readonly year: number;
  readonly month: number;
  readonly day: number;
}

/**
 * The Gregorian calendar day that the instant `d` falls on in Bangkok, whatever the
 * server's own time zone is (Date#getFullYear and friends would use the server's).
 */
export function bangkokDateParts(d: Date): BangkokDateParts {
  assertSupportedDate(d, 'bangkokDateParts');
  return readBangkokDateParts(d);
}

/**
 * The ค.ศ. year of `d` in Bangkok: the year an outgoing-register number belongs to, since
 * the register restarts at 1 on 1 January Bangkok time.
 */
export function bangkokCalendarYear(d: Date): number {
  assertSupportedDate(d, 'bangkokCalendarYear');
  return readBangkokDateParts(d).year;
}

/** The พ.ศ. year of `d` in Bangkok. */
export function bangkokBuddhistYear(d: Date): number {
  assertSupportedDate(d, 'bangkokBuddhistYear');
  return readBangkokDateParts(d).year + BUDDHIST_ERA_OFFSET;
}

/**
 * 'YYYY-MM-DD' (Gregorian, Arabic digits) of the Bangkok day containing `d`. Meant for
 * comparing with date-only columns, e.g. whether an acting order covers this day; being
 * fixed-width ISO, such strings also compare correctly as plain strings.
 */
export function bangkokDateString(d: Date): string {
  assertSupportedDate(d, 'bangkokDateString');
  const { year, month, day } = readBangkokDateParts(d);
  return `${String(year).padStart(4, '0')}-${pad2(month)}-${pad2(day)}`;
}

function pad2(n: number): string {
  return String(n).padStart(2, '0');
}
