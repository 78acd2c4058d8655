import fc from 'fast-check';

/**
 * Test-only helpers shared by the specs of this library.
 *
 * The oracle below deliberately hand-computes Bangkok wall-clock time as UTC+7 (true for
 * the whole supported window) so the specs check the Intl-based code against an
 * independent computation instead of against itself.
 */
const BANGKOK_OFFSET_MS = 7 * 60 * 60 * 1000;

export interface WallClock {
  year: number;
  month: number;
  day: number;
  hour: number;
  minute: number;
}

export function bangkokWallClockOracle(d: Date): WallClock {
  const shifted = new Date(d.getTime() + BANGKOK_OFFSET_MS);
  return {
    year: shifted.getUTCFullYear(),
    month: shifted.getUTCMonth() + 1,
    day: shifted.getUTCDate(),
    hour: shifted.getUTCHours(),
    minute: shifted.getUTCMinutes(),
  };
}

export const FIRST_SUPPORTED_INSTANT = new Date('1941-01-01T00:00:00+07:00');
export const LAST_SUPPORTED_INSTANT = new Date('9999-12-31T23:59:59.999+07:00');

/** Any supported instant, biased towards the decades the software will actually see. */
export const supportedDate: fc.Arbitrary<Date> = fc.oneof(
  fc.date({
    min: new Date('2000-01-01T00:00:00Z'),
    max: new Date('2100-01-01T00:00:00Z'),
    noInvalidDate: true,
  }),
  fc.date({ min: FIRST_SUPPORTED_INSTANT, max: LAST_SUPPORTED_INSTANT, noInvalidDate: true }),
);

/** Domain guide, "Dates and numerals". */
export const LONG_MONTHS = [
  'มกราคม',
  'กุมภาพันธ์',
  'มีนาคม',
  'เมษายน',
  'พฤษภาคม',
  'มิถุนายน',
  'กรกฎาคม',
  'สิงหาคม',
  'กันยายน',
  'ตุลาคม',
  'พฤศจิกายน',
  'ธันวาคม',
] as const;

export const SHORT_MONTHS = [
  'ม.ค.',
  'ก.พ.',
  'มี.ค.',
  'เม.ย.',
  'พ.ค.',
  'มิ.ย.',
  'ก.ค.',
  'ส.ค.',
  'ก.ย.',
  'ต.ค.',
  'พ.ย.',
  'ธ.ค.',
] as const;
