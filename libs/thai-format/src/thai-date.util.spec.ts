import fc from 'fast-check';
import {
  LONG_MONTHS,
  SHORT_MONTHS,
  bangkokWallClockOracle,
  supportedDate,
} from './internal/date-arbitraries.spec-helper';
import { formatThaiDate, formatThaiDateTime, formatThaiShortDate } from './thai-date.util';
import { toArabicDigits } from './thai-digits.util';

// Every instant here carries an explicit offset, so results cannot depend on the TZ the
// tests run under (the suite is also run with TZ=America/Los_Angeles and Pacific/Kiritimati).

describe('formatThaiDate', () => {
  it('formats the memo header date of seed 000: ๕ มกราคม ๒๕๖๗', () => {
    expect(formatThaiDate(new Date('2024-01-05T09:30:00+07:00'))).toBe('๕ มกราคม ๒๕๖๗');
  });

  it('formats the example of the domain guide: ๒๔ ตุลาคม ๒๕๖๘', () => {
    expect(formatThaiDate(new Date('2025-10-24T10:00:00+07:00'))).toBe('๒๔ ตุลาคม ๒๕๖๘');
  });

  it('uses the Bangkok day, not the UTC day', () => {
    expect(formatThaiDate(new Date('2024-01-04T16:59:59.999Z'))).toBe('๔ มกราคม ๒๕๖๗');
    expect(formatThaiDate(new Date('2024-01-04T17:00:00Z'))).toBe('๕ มกราคม ๒๕๖๗');
    expect(formatThaiDate(new Date('2024-01-05T16:59:59.999Z'))).toBe('๕ มกราคม ๒๕๖๗');
  });

  it('turns the Buddhist year at Bangkok midnight on New Year', () => {
    expect(formatThaiDate(new Date('2025-12-31T16:59:59.999Z'))).toBe('๓๑ ธันวาคม ๒๕๖๘');
    expect(formatThaiDate(new Date('2025-12-31T17:00:00Z'))).toBe('๑ มกราคม ๒๕๖๙');
  });

  it('writes Arabic digits for the arabic style', () => {
    expect(formatThaiDate(new Date('2024-01-05T12:00:00+07:00'), 'arabic')).toBe('5 มกราคม 2567');
  });

  it('uses the month names of the domain guide, in order', () => {
    const names = LONG_MONTHS.map(
      (_, i) =>
        formatThaiDate(new Date(`2025-${String(i + 1).padStart(2, '0')}-15T12:00:00+07:00`)).split(' ')[1],
    );
    expect(names).toEqual([...LONG_MONTHS]);
  });

  it('rejects an invalid Date with a RangeError that names the function', () => {
    expect(() => formatThaiDate(new Date('not a date'))).toThrow(
      new RangeError('formatThaiDate: invalid Date (time value is NaN)'),
    );
  });
});

describe('formatThaiShortDate', () => {
  it('formats the endorsement date of seed 002: ๑๓ เม.ย. ๖๘', () => {
    expect(formatThaiShortDate(new Date('2025-04-13T15:00:00+07:00'))).toBe('๑๓ เม.ย. ๖๘');
  });

  it('writes Arabic digits for the arabic style', () => {
    expect(formatThaiShortDate(new Date('2025-04-13T15:00:00+07:00'), 'arabic')).toBe('13 เม.ย. 68');
  });

  it('uses the short month forms of the domain guide, in order', () => {
    const names = SHORT_MONTHS.map(
      (_, i) =>
        formatThaiShortDate(new Date(`2025-${String(i + 1).padStart(2, '0')}-15T12:00:00+07:00`)).split(
          ' ',
        )[1],
    );
    expect(names).toEqual([...SHORT_MONTHS]);
  });

  it('keeps the leading zero of a two-digit year and wraps at the century', () => {
    expect(formatThaiShortDate(new Date('2057-06-01T12:00:00+07:00'))).toBe('๑ มิ.ย. ๐๐'); // 2600
    expect(formatThaiShortDate(new Date('2062-06-01T12:00:00+07:00'))).toBe('๑ มิ.ย. ๐๕'); // 2605
  });
});

describe('formatThaiDateTime', () => {
  it('formats date and 24-hour time for timelines', () => {
    expect(formatThaiDateTime(new Date('2025-10-24T14:05:00+07:00'))).toBe('๒๔ ตุลาคม ๒๕๖๘ เวลา ๑๔:๐๕ น.');
    expect(formatThaiDateTime(new Date('2025-10-24T14:05:00+07:00'), 'arabic')).toBe(
      '24 ตุลาคม 2568 เวลา 14:05 น.',
    );
  });

  it('writes midnight as 00:00 of the new day, not 24:00 of the old one', () => {
    expect(formatThaiDateTime(new Date('2025-12-31T17:00:00Z'))).toBe('๑ มกราคม ๒๕๖๙ เวลา ๐๐:๐๐ น.');
    expect(formatThaiDateTime(new Date('2025-12-31T16:59:59.999Z'))).toBe('๓๑ ธันวาคม ๒๕๖๘ เวลา ๒๓:๕๙ น.');
  });
});

describe('Thai date properties', () => {
  const FULL = /^(\d{1,2}) (\S+) (\d{4,5})$/; // พ.ศ. reaches 5 digits after ค.ศ. 9456
  const SHORT = /^(\d{1,2}) (\S+) (\d{2})$/;
  const DATE_TIME = /^(.+) เวลา (\d{2}):(\d{2}) น\.$/;

  it('full date = Bangkok day, month name, and Gregorian year + 543', () => {
    fc.assert(
      fc.property(supportedDate, (d) => {
        const expected = bangkokWallClockOracle(d);
        const match = FULL.exec(formatThaiDate(d, 'arabic'));
        expect(match).not.toBeNull();
        const [, day, month, year] = match ?? [];
        expect(Number(day)).toBe(expected.day);
        expect(month).toBe(LONG_MONTHS[expected.month - 1]);
        expect(Number(year)).toBe(expected.year + 543);
      }),
    );
  });

  it('short date = same day, short month, last two digits of the full พ.ศ. year', () => {
    fc.assert(
      fc.property(supportedDate, (d) => {
        const expected = bangkokWallClockOracle(d);
        const match = SHORT.exec(formatThaiShortDate(d, 'arabic'));
        expect(match).not.toBeNull();
        const [, day, month, year] = match ?? [];
        expect(Number(day)).toBe(expected.day);
        expect(month).toBe(SHORT_MONTHS[expected.month - 1]);
        expect(year).toBe(String(expected.year + 543).slice(-2));
      }),
    );
  });

  it('date-time = full date plus the Bangkok hour and minute', () => {
    fc.assert(
      fc.property(supportedDate, (d) => {
        const expected = bangkokWallClockOracle(d);
        const match = DATE_TIME.exec(formatThaiDateTime(d, 'arabic'));
        expect(match).not.toBeNull();
        const [, date, hour, minute] = match ?? [];
        expect(date).toBe(formatThaiDate(d, 'arabic'));
        expect(Number(hour)).toBe(expected.hour);
        expect(Number(minute)).toBe(expected.minute);
      }),
    );
  });

  it('the two digit styles differ only in their digits', () => {
    fc.assert(
      fc.property(supportedDate, (d) => {
        for (const format of [formatThaiDate, formatThaiShortDate, formatThaiDateTime]) {
          const thai = format(d, 'thai');
          expect(thai).not.toMatch(/[0-9]/);
          expect(toArabicDigits(thai)).toBe(format(d, 'arabic'));
          expect(format(d)).toBe(thai);
        }
      }),
    );
  });
});
