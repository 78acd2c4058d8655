import { BUDDHIST_ERA_OFFSET } from './buddhist-era.constant';
import type { DigitStyle } from './digit-style.util';
import { applyDigits, assertDigitStyle } from './digit-style.util';
import type { InstantRange } from './instant-range.interface';
import { bangkokMonthStart } from './internal/bangkok-month-start';
import { readBangkokDateParts } from './internal/read-bangkok-date-parts';
import { MAX_SUPPORTED_YEAR, MIN_SUPPORTED_YEAR, assertSupportedDate } from './supported-range.util';

// The Thai government fiscal year (ปีงบประมาณ) runs 1 October – 30 September and is named
// by the พ.ศ. year it ends in: ปีงบประมาณ พ.ศ. ๒๕๖๖ = ๑ ต.ค. ๒๕๖๕ – ๓๐ ก.ย. ๒๕๖๖.
const FISCAL_YEAR_FIRST_MONTH = 10;

// The fiscal years of the supported dates: a date in Jan–Sep of the first supported year
// belongs to the fiscal year ending then; a date in Oct–Dec of the last one, to the next.
const MIN_FISCAL_YEAR = MIN_SUPPORTED_YEAR + BUDDHIST_ERA_OFFSET;
const MAX_FISCAL_YEAR = MAX_SUPPORTED_YEAR + BUDDHIST_ERA_OFFSET + 1;

/** The fiscal year (as its พ.ศ. number) that the instant `d` falls in, in Bangkok time. */
export function fiscalYearOf(d: Date): number {
  assertSupportedDate(d, 'fiscalYearOf');
  const { year, month } = readBangkokDateParts(d);
  const endingGregorianYear = month >= FISCAL_YEAR_FIRST_MONTH ? year + 1 : year;
  return endingGregorianYear + BUDDHIST_ERA_OFFSET;
}

/**
 * Fiscal year `fiscalYearBE` as instants: `start` is 1 October 00:00 Bangkok of the
 * previous year; `end` is EXCLUSIVE, 1 October 00:00 Bangkok of the year it is named by
 * (so fiscalYearRange(fy).end equals fiscalYearRange(fy + 1).start). Query with
 * `t >= start AND t < end`.
 */
export function fiscalYearRange(fiscalYearBE: number): InstantRange {
  assertFiscalYear(fiscalYearBE, 'fiscalYearRange');
  const endingGregorianYear = fiscalYearBE - BUDDHIST_ERA_OFFSET;
  return {
    start: bangkokMonthStart(endingGregorianYear - 1, FISCAL_YEAR_FIRST_MONTH),
    end: bangkokMonthStart(endingGregorianYear, FISCAL_YEAR_FIRST_MONTH),
  };
}

/** "ปีงบประมาณ พ.ศ. ๒๕๖๖" (or "… พ.ศ. 2566" with Arabic digits). */
export function fiscalYearLabel(fiscalYearBE: number, style: DigitStyle = 'thai'): string {
  assertFiscalYear(fiscalYearBE, 'fiscalYearLabel');
  assertDigitStyle(style, 'fiscalYearLabel');
  return `ปีงบประมาณ พ.ศ. ${applyDigits(String(fiscalYearBE), style)}`;
}

function assertFiscalYear(fy: unknown, caller: string): asserts fy is number {
  if (typeof fy !== 'number' || !Number.isInteger(fy) || fy < MIN_FISCAL_YEAR || fy > MAX_FISCAL_YEAR) {
    // Passing a ค.ศ. year (e.g. 2023) is the likely mistake; the range check catches it.
    throw new RangeError(
      `${caller}: expected an integer fiscal year in พ.ศ. ${MIN_FISCAL_YEAR}–${MAX_FISCAL_YEAR}, ` +
        `got ${String(fy)}`,
    );
  }
}
