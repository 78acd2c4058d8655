import { BUDDHIST_ERA_OFFSET } from './buddhist-era.constant';
import type { DigitStyle } from './digit-style.util';
import { applyDigits } from './digit-style.util';
import { toArabicDigits } from './thai-digits.util';

/** A year this large is a พ.ศ. year (ค.ศ. 2400 is far outside any memo). */
const FIRST_BUDDHIST_YEAR_TYPED = 2400;

/**
 * A day as a person types it in a form: "๑/๑๐/๒๕๖๙" or "1/10/2569" (day/month/year, the year in
 * พ.ศ. or ค.ศ., Thai or Arabic digits; "-" or "." between also do), or an ISO "2026-10-01".
 * Answers the ISO day ("2026-10-01"), or null when it is not a real date.
 */
export function parseTypedDay(text: string): string | null {
  const s = toArabicDigits(text.trim());
  let day: number;
  let month: number;
  let year: number;
  const iso = /^(\d{4})-(\d{1,2})-(\d{1,2})$/.exec(s);
  const dmy = /^(\d{1,2})\s*[/.-]\s*(\d{1,2})\s*[/.-]\s*(\d{4})$/.exec(s);
  if (iso) [year, month, day] = [Number(iso[1]), Number(iso[2]), Number(iso[3])];
  else if (dmy) [day, month, year] = [Number(dmy[1]), Number(dmy[2]), Number(dmy[3])];
  else return null;
  if (year >= FIRST_BUDDHIST_YEAR_TYPED) year -= BUDDHIST_ERA_OFFSET;
  const d = new Date(Date.UTC(year, month - 1, day));
  if (d.getUTCFullYear() !== year || d.getUTCMonth() !== month - 1 || d.getUTCDate() !== day) return null;
  return d.toISOString().slice(0, 10);
}

/** An ISO day as a form shows it back: "๑/๑๐/๒๕๖๙" (day/month/พ.ศ. year) in the given digits. */
export function formatTypedDay(isoDay: string, style: DigitStyle = 'thai'): string {
  const [y, m, d] = isoDay.split('-').map(Number);
  return applyDigits(`${d}/${m}/${y + BUDDHIST_ERA_OFFSET}`, style);
}
