import type { InstantRange } from './instant-range.interface';
import { bangkokMonthStart } from './internal/bangkok-month-start';
import { assertSupportedYear } from './supported-range.util';

/**
 * The calendar year `gregorianYear` (ค.ศ.) in Bangkok, as instants: from 1 January 00:00
 * Bangkok to the next 1 January 00:00 Bangkok, end EXCLUSIVE. This is the span of one
 * outgoing-register numbering sequence.
 */
export function bangkokYearRange(gregorianYear: number): InstantRange {
  assertSupportedYear(gregorianYear, 'bangkokYearRange');
  return {
    start: bangkokMonthStart(gregorianYear, 1),
    end: bangkokMonthStart(gregorianYear + 1, 1),
  };
}
