/**
 * The instant of 00:00 Bangkok time on the first day of `month` (1–12) of Gregorian `year`.
 *
 * Built from an ISO string with an explicit +07:00 offset rather than from Date's local-time
 * constructor, which would use the server's zone. Hard-coding +07:00 is safe for boundaries:
 * Asia/Bangkok has been UTC+7 with no DST since 1920, before the supported window begins.
 */
export function bangkokMonthStart(year: number, month: number): Date {
  // ISO 8601 needs the expanded ±YYYYYY form outside 0000–9999 (the end of year 9999's range).
  const isoYear =
    year >= 0 && year <= 9999
      ? String(year).padStart(4, '0')
      : `${year < 0 ? '-' : '+'}${String(Math.abs(year)).padStart(6, '0')}`;
  return new Date(`${isoYear}-${String(month).padStart(2, '0')}-01T00:00:00+07:00`);
}
