import { BANGKOK_TIME_ZONE } from '../buddhist-era.constant';
import type { DigitStyle } from '../digit-style.util';

/**
 * Cached Intl.DateTimeFormat instances. Constructing one costs far more than formatting
 * with it (locale negotiation, ICU pattern generation), and these run once per date on
 * every rendered memo, register row and timeline entry.
 *
 * Not part of the public API.
 */

export type ThaiDateFormatKind = 'long-date' | 'short-date' | 'long-date-time';

const THAI_OPTIONS: Record<ThaiDateFormatKind, Intl.DateTimeFormatOptions> = {
  'long-date': { day: 'numeric', month: 'long', year: 'numeric' },
  // ICU's 2-digit buddhist year is the last two digits of the พ.ศ. year ("๖๘" for 2568),
  // which is exactly the endorsement-date form in the domain guide, so no need to
  // truncate the numeric year ourselves. A spec test pins this down in case ICU changes.
  'short-date': { day: 'numeric', month: 'short', year: '2-digit' },
  // hourCycle h23, not hour12:false: the latter has resolved to h24 ("24:05") in some
  // engines for some locales.
  'long-date-time': {
    day: 'numeric',
    month: 'long',
    year: 'numeric',
    hour: '2-digit',
    minute: '2-digit',
    hourCycle: 'h23',
  },
};

const LOCALE_BY_STYLE: Record<DigitStyle, string> = {
  thai: 'th-TH-u-ca-buddhist-nu-thai',
  arabic: 'th-TH-u-ca-buddhist-nu-latn',
};

const thaiCache = new Map<string, Intl.DateTimeFormat>();

export function thaiFormatter(kind: ThaiDateFormatKind, style: DigitStyle): Intl.DateTimeFormat {
  const key = `${kind}|${style}`;
  let formatter = thaiCache.get(key);
  if (formatter === undefined) {
    formatter = new Intl.DateTimeFormat(LOCALE_BY_STYLE[style], {
      ...THAI_OPTIONS[kind],
      timeZone: BANGKOK_TIME_ZONE,
    });
    thaiCache.set(key, formatter);
  }
  return formatter;
}

let gregorianDayFormatter: Intl.DateTimeFormat | undefined;

/**
 * Numeric Gregorian year/month/day in Bangkok. The gregory calendar is asked for explicitly
 * (with Latin digits) so the user's or server's default locale can never leak in.
 */
export function bangkokGregorianFormatter(): Intl.DateTimeFormat {
  gregorianDayFormatter ??= new Intl.DateTimeFormat('en-US-u-ca-gregory-nu-latn', {
    year: 'numeric',
    month: 'numeric',
    day: 'numeric',
    timeZone: BANGKOK_TIME_ZONE,
  });
  return gregorianDayFormatter;
}

export type DatePartsByType = Partial<Record<Intl.DateTimeFormatPartTypes, string>>;

/**
 * Collects formatToParts output by part type. Callers assemble their own string from the
 * parts rather than using format(): CLDR's th patterns have changed between ICU versions
 * (e.g. whether an era "พ.ศ." is inserted and what literal joins date and time), while the
 * layout of an official memo date is fixed by regulation.
 */
export function partsByType(formatter: Intl.DateTimeFormat, d: Date): DatePartsByType {
  const result: DatePartsByType = {};
  for (const part of formatter.formatToParts(d)) {
    if (part.type !== 'literal') result[part.type] = part.value;
  }
  return result;
}

export function requirePart(parts: DatePartsByType, type: Intl.DateTimeFormatPartTypes): string {
  const value = parts[type];
  if (value === undefined) {
    // Only an ICU/Node change could cause this; say so instead of printing "undefined".
    throw new Error(`Intl.DateTimeFormat returned no '${type}' part; check the Node/ICU version`);
  }
  return value;
}
