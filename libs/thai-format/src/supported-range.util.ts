/**
 * The Gregorian (ค.ศ.) calendar years, in Bangkok, that this library accepts.
 *
 * Why not every year a JS Date can hold:
 * - Before 1941 the Thai year began on 1 April (พ.ศ. ๒๔๘๓ was cut short to align with
 *   1 January), so "พ.ศ. = ค.ศ. + 543" is historically wrong for January–March of earlier
 *   years, and ICU's buddhist calendar does not model that.
 * - Before April 1920 the tz database puts Bangkok on local mean time (UTC+06:42:04), so
 *   Intl's Bangkok day and the fixed +07:00 instants built by the range functions disagree.
 * - Before the 1582 Gregorian reform ICU's buddhist calendar switches to Julian days
 *   while the gregory calendar stays proleptic, so the two calendars disagree about the day.
 * - After 9999 the year no longer fits the 'YYYY-MM-DD' shape of bangkokDateString.
 * Nothing in correspondence needs dates outside this window, so rejecting them turns a
 * silent wrong date into a clear error.
 */
export const MIN_SUPPORTED_YEAR = 1941;
export const MAX_SUPPORTED_YEAR = 9999;

// Built with an explicit +07:00 offset so the bounds are the same instants whatever the
// server's time zone; Bangkok has been a fixed UTC+7 without DST throughout the window.
const MIN_SUPPORTED_TIME = Date.parse(`${MIN_SUPPORTED_YEAR}-01-01T00:00:00+07:00`);
const END_SUPPORTED_TIME = Date.parse(`+0${MAX_SUPPORTED_YEAR + 1}-01-01T00:00:00+07:00`);

/**
 * Throws unless `d` is a valid Date inside the supported window. `caller` names the public
 * function in the message, because the stack of a formatting error deep inside a template
 * render is rarely read.
 */
export function assertSupportedDate(d: unknown, caller: string): asserts d is Date {
  // A tag check rather than instanceof: Dates from another realm (vm, jest sandboxes) fail
  // instanceof but are perfectly usable.
  if (Object.prototype.toString.call(d) !== '[object Date]') {
    throw new TypeError(`${caller}: expected a Date, got ${describe(d)}`);
  }
  const time = (d as Date).getTime();
  if (Number.isNaN(time)) {
    throw new RangeError(`${caller}: invalid Date (time value is NaN)`);
  }
  if (time < MIN_SUPPORTED_TIME || time >= END_SUPPORTED_TIME) {
    throw new RangeError(
      `${caller}: ${(d as Date).toISOString()} is outside the supported years ` +
        `${MIN_SUPPORTED_YEAR}–${MAX_SUPPORTED_YEAR} (Asia/Bangkok)`,
    );
  }
}

/** Throws unless `year` is an integer Gregorian year inside the supported window. */
export function assertSupportedYear(year: unknown, caller: string): asserts year is number {
  if (
    typeof year !== 'number' ||
    !Number.isInteger(year) ||
    year < MIN_SUPPORTED_YEAR ||
    year > MAX_SUPPORTED_YEAR
  ) {
    throw new RangeError(
      `${caller}: expected an integer Gregorian year ${MIN_SUPPORTED_YEAR}–${MAX_SUPPORTED_YEAR}, ` +
        `got ${describe(year)}`,
    );
  }
}

function describe(value: unknown): string {
  if (typeof value === 'string') return JSON.stringify(value);
  if (typeof value === 'number' || typeof value === 'boolean' || value == null) {
    return String(value);
  }
  return Object.prototype.toString.call(value);
}
