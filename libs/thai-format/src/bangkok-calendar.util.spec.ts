import fc from 'fast-check';
import {
  bangkokBuddhistYear,
  bangkokCalendarYear,
  bangkokDateParts,
  bangkokDateString,
} from './bangkok-calendar.util';
import { bangkokYearRange } from './bangkok-year-range.util';
import {
  LAST_SUPPORTED_INSTANT,
  bangkokWallClockOracle,
  supportedDate,
} from './internal/date-arbitraries.spec-helper';

describe('bangkokCalendarYear / bangkokBuddhistYear', () => {
  it('is still 2025 (พ.ศ. 2568) one millisecond before Bangkok New Year', () => {
    const d = new Date('2025-12-31T16:59:59.999Z');
    expect(bangkokCalendarYear(d)).toBe(2025);
    expect(bangkokBuddhistYear(d)).toBe(2568);
  });

  it('is 2026 (พ.ศ. 2569) from Bangkok New Year on, while it is still 2025 in UTC', () => {
    const d = new Date('2025-12-31T17:00:00Z');
    expect(bangkokCalendarYear(d)).toBe(2026);
    expect(bangkokBuddhistYear(d)).toBe(2569);
  });

  it('gives a register year that differs from the UTC year in the first hours of January', () => {
    const d = new Date('2026-01-01T06:59:59Z');
    expect(d.getUTCFullYear()).toBe(2026);
    expect(bangkokCalendarYear(new Date('2025-12-31T23:00:00Z'))).toBe(2026);
  });
});

describe('bangkokDateString / bangkokDateParts', () => {
  it('gives the Bangkok calendar day as YYYY-MM-DD', () => {
    expect(bangkokDateString(new Date('2024-01-04T16:59:59.999Z'))).toBe('2024-01-04');
    expect(bangkokDateString(new Date('2024-01-04T17:00:00Z'))).toBe('2024-01-05');
    expect(bangkokDateString(new Date('2024-02-29T12:00:00+07:00'))).toBe('2024-02-29');
  });

  it('returns numeric Gregorian parts', () => {
    expect(bangkokDateParts(new Date('2025-10-24T00:30:00+07:00'))).toEqual({
      year: 2025,
      month: 10,
      day: 24,
    });
  });
});

describe('Bangkok calendar properties', () => {
  it('agrees with the UTC+7 oracle on year, month and day', () => {
    fc.assert(
      fc.property(supportedDate, (d) => {
        const { year, month, day } = bangkokWallClockOracle(d);
        expect(bangkokDateParts(d)).toEqual({ year, month, day });
        expect(bangkokCalendarYear(d)).toBe(year);
        expect(bangkokBuddhistYear(d)).toBe(year + 543);
        expect(bangkokDateString(d)).toBe(
          `${year}-${String(month).padStart(2, '0')}-${String(day).padStart(2, '0')}`,
        );
      }),
    );
  });

  it('changes year between d and d + 1 ms exactly at a Bangkok New-Year instant', () => {
    // Random instants almost never land on New Year, so also sample right around it.
    const nearNewYear = fc
      .tuple(fc.integer({ min: 1942, max: 9999 }), fc.integer({ min: -5, max: 5 }))
      .map(([year, ms]) => new Date(bangkokYearRange(year).start.getTime() + ms));
    const beforeLast = supportedDate.filter((d) => d.getTime() < LAST_SUPPORTED_INSTANT.getTime());
    fc.assert(
      fc.property(fc.oneof(beforeLast, nearNewYear), (d) => {
        const next = new Date(d.getTime() + 1);
        const isNewYearInstant =
          next.getTime() === bangkokYearRange(bangkokCalendarYear(next)).start.getTime();
        expect(bangkokCalendarYear(next) !== bangkokCalendarYear(d)).toBe(isNewYearInstant);
        if (isNewYearInstant) {
          expect(bangkokCalendarYear(next)).toBe(bangkokCalendarYear(d) + 1);
        }
      }),
    );
  });

  it('YYYY-MM-DD strings sort in time order', () => {
    fc.assert(
      fc.property(supportedDate, supportedDate, (a, b) => {
        const [earlier, later] = a.getTime() <= b.getTime() ? [a, b] : [b, a];
        expect(bangkokDateString(earlier) <= bangkokDateString(later)).toBe(true);
      }),
    );
  });
});
