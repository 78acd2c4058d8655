import fc from 'fast-check';
import { fiscalYearLabel, fiscalYearOf, fiscalYearRange } from './fiscal-year.util';
import {
  FIRST_SUPPORTED_INSTANT,
  LAST_SUPPORTED_INSTANT,
  bangkokWallClockOracle,
  supportedDate,
} from './internal/date-arbitraries.spec-helper';

describe('fiscalYearRange', () => {
  it('gives ปีงบประมาณ พ.ศ. ๒๕๖๖ = ๑ ตุลาคม ๒๕๖๕ – ๓๐ กันยายน ๒๕๖๖ (seed 000), end exclusive', () => {
    expect(fiscalYearRange(2566)).toEqual({
      start: new Date('2022-10-01T00:00:00+07:00'),
      end: new Date('2023-10-01T00:00:00+07:00'),
    });
    expect(fiscalYearRange(2566).start.toISOString()).toBe('2022-09-30T17:00:00.000Z');
  });

  it('rejects a ค.ศ. year passed by mistake, and non-integers', () => {
    expect(() => fiscalYearRange(2023)).toThrow(
      new RangeError('fiscalYearRange: expected an integer fiscal year in พ.ศ. 2484–10543, got 2023'),
    );
    expect(() => fiscalYearRange(2566.5)).toThrow(RangeError);
    expect(() => fiscalYearRange(Number.NaN)).toThrow(RangeError);
  });
});

describe('fiscalYearOf', () => {
  it('starts fiscal 2569 at 1 October 2025 00:00 Bangkok, i.e. 2025-09-30T17:00Z', () => {
    expect(fiscalYearOf(new Date('2025-09-30T16:59:59.999Z'))).toBe(2568);
    expect(fiscalYearOf(new Date('2025-09-30T17:00:00Z'))).toBe(2569);
  });

  it('keeps the fiscal year across the calendar New Year', () => {
    expect(fiscalYearOf(new Date('2025-12-31T16:59:59.999Z'))).toBe(2569);
    expect(fiscalYearOf(new Date('2025-12-31T17:00:00Z'))).toBe(2569);
  });

  it('rejects an invalid Date', () => {
    expect(() => fiscalYearOf(new Date(Number.NaN))).toThrow(
      new RangeError('fiscalYearOf: invalid Date (time value is NaN)'),
    );
  });
});

describe('fiscalYearLabel', () => {
  it('labels the fiscal year as in seed 000', () => {
    expect(fiscalYearLabel(2566)).toBe('ปีงบประมาณ พ.ศ. ๒๕๖๖');
    expect(fiscalYearLabel(2566, 'arabic')).toBe('ปีงบประมาณ พ.ศ. 2566');
  });

  it('rejects a ค.ศ. year', () => {
    expect(() => fiscalYearLabel(2023)).toThrow(RangeError);
  });
});

describe('fiscal year properties', () => {
  const fiscalYear = fc.integer({ min: 2484, max: 10543 });

  it('every supported instant lies in the range of its fiscal year', () => {
    fc.assert(
      fc.property(supportedDate, (d) => {
        const fy = fiscalYearOf(d);
        const { start, end } = fiscalYearRange(fy);
        expect(start.getTime()).toBeLessThanOrEqual(d.getTime());
        expect(d.getTime()).toBeLessThan(end.getTime());
        const { year, month } = bangkokWallClockOracle(d);
        expect(fy).toBe(year + 543 + (month >= 10 ? 1 : 0));
      }),
    );
  });

  it('every supported instant of fiscalYearRange(fy) has fiscal year fy', () => {
    fc.assert(
      fc.property(
        fiscalYear,
        fc.double({ min: 0, max: 1, maxExcluded: true, noNaN: true }),
        (fy, fraction) => {
          const { start, end } = fiscalYearRange(fy);
          const from = Math.max(start.getTime(), FIRST_SUPPORTED_INSTANT.getTime());
          const to = Math.min(end.getTime() - 1, LAST_SUPPORTED_INSTANT.getTime());
          for (const t of [from, to, from + Math.floor(fraction * (to - from))]) {
            expect(fiscalYearOf(new Date(t))).toBe(fy);
          }
        },
      ),
    );
  });

  it('ranges tile without gaps or overlaps, one year long each', () => {
    fc.assert(
      fc.property(fc.integer({ min: 2484, max: 10542 }), (fy) => {
        const current = fiscalYearRange(fy);
        const next = fiscalYearRange(fy + 1);
        expect(next.start.getTime()).toBe(current.end.getTime());
        const days = (current.end.getTime() - current.start.getTime()) / 86_400_000;
        expect([365, 366]).toContain(days);
      }),
    );
  });
});
