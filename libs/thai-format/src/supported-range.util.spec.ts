import * as api from './index';
import { MAX_SUPPORTED_YEAR, MIN_SUPPORTED_YEAR } from './supported-range.util';

type DateFunction = (d: Date) => unknown;

const DATE_FUNCTIONS: Record<string, DateFunction> = {
  formatThaiDate: api.formatThaiDate,
  formatThaiShortDate: api.formatThaiShortDate,
  formatThaiDateTime: api.formatThaiDateTime,
  bangkokCalendarYear: api.bangkokCalendarYear,
  bangkokBuddhistYear: api.bangkokBuddhistYear,
  bangkokDateString: api.bangkokDateString,
  bangkokDateParts: api.bangkokDateParts,
  fiscalYearOf: api.fiscalYearOf,
};

describe.each(Object.entries(DATE_FUNCTIONS))('%s input checks', (name, fn) => {
  it('throws a RangeError naming itself for an invalid Date', () => {
    expect(() => fn(new Date('2025-02-30T25:00:00Z'))).toThrow(
      new RangeError(`${name}: invalid Date (time value is NaN)`),
    );
  });

  it('throws a TypeError for something that is not a Date', () => {
    const notADate: unknown = '2025-10-24';
    expect(() => fn(notADate as Date)).toThrow(new TypeError(`${name}: expected a Date, got "2025-10-24"`));
  });

  it(`accepts exactly the years ${MIN_SUPPORTED_YEAR}–${MAX_SUPPORTED_YEAR} in Bangkok`, () => {
    expect(() => fn(new Date('1940-12-31T16:59:59.999Z'))).toThrow(/outside the supported years 1941–9999/);
    expect(() => fn(new Date('1940-12-31T17:00:00Z'))).not.toThrow();
    expect(() => fn(new Date('9999-12-31T16:59:59.999Z'))).not.toThrow();
    expect(() => fn(new Date('9999-12-31T17:00:00Z'))).toThrow(RangeError);
  });
});

describe('public API', () => {
  it('exports the functions other libraries rely on', () => {
    const contract = [
      'toThaiDigits',
      'toArabicDigits',
      'applyDigits',
      'formatThaiDate',
      'formatThaiShortDate',
      'formatThaiDateTime',
      'bangkokCalendarYear',
      'bangkokBuddhistYear',
      'bangkokDateString',
      'fiscalYearOf',
      'fiscalYearRange',
      'fiscalYearLabel',
      'bangkokYearRange',
    ];
    const exported = api as unknown as Record<string, unknown>;
    expect(contract.filter((name) => typeof exported[name] !== 'function')).toEqual([]);
  });
});
