import Holidays from 'date-holidays';

/** A day off: 'YYYY-MM-DD' (Bangkok) and its name. */
export interface Holiday {
  readonly date: string;
  readonly name: string;
}

const byYear = new Map<number, readonly Holiday[]>();
let source: Holidays | undefined;

/**
 * Thailand's public holidays of a Gregorian year from date-holidays (its maintained TH data, type
 * "public" only: not bank or observance days). Computed, not fetched; memoised per year.
 * The cabinet's special days and substitutes the data lacks come from the organisation file.
 */
export function thaiPublicHolidays(year: number): readonly Holiday[] {
  const known = byYear.get(year);
  if (known) return known;
  source ??= new Holidays('TH', { types: ['public'], languages: ['th', 'en'] });
  const holidays = (source.getHolidays(year, 'th') || [])
    .filter((h) => h.type === 'public')
    .map((h) => ({ date: h.date.slice(0, 10), name: h.name }));
  byYear.set(year, holidays);
  return holidays;
}
