import fc from 'fast-check';
import { bangkokCalendarYear } from './bangkok-calendar.util';
import { bangkokYearRange } from './bangkok-year-range.util';

describe('bangkokYearRange', () => {
  it('runs from 1 January 00:00 Bangkok to the next 1 January 00:00 Bangkok (exclusive)', () => {
    expect(bangkokYearRange(2026)).toEqual({
      start: new Date('2025-12-31T17:00:00.000Z'),
      end: new Date('2026-12-31T17:00:00.000Z'),
    });
  });

  it('reaches the end of the last supported year', () => {
    expect(bangkokYearRange(9999).end).toEqual(new Date('+010000-01-01T00:00:00+07:00'));
  });

  it('rejects non-integer or out-of-range years', () => {
    for (const bad of [2025.5, Number.NaN, 1940, 10000]) {
      expect(() => bangkokYearRange(bad)).toThrow(RangeError);
    }
    expect(() => bangkokYearRange(1940)).toThrow(
      'bangkokYearRange: expected an integer Gregorian year 1941–9999, got 1940',
    );
  });

  it('tiles: each year ends where the next begins, and contains exactly its own instants', () => {
    fc.assert(
      fc.property(
        fc.integer({ min: 1941, max: 9998 }),
        fc.double({ min: 0, max: 1, maxExcluded: true, noNaN: true }),
        (year, fraction) => {
          const { start, end } = bangkokYearRange(year);
          expect(bangkokYearRange(year + 1).start).toEqual(end);
          const inside = new Date(start.getTime() + Math.floor(fraction * (end.getTime() - start.getTime())));
          expect(bangkokCalendarYear(start)).toBe(year);
          expect(bangkokCalendarYear(inside)).toBe(year);
          expect(bangkokCalendarYear(new Date(end.getTime() - 1))).toBe(year);
          expect(bangkokCalendarYear(end)).toBe(year + 1);
        },
      ),
    );
  });
});
