import type { BangkokDateParts } from '../bangkok-calendar.util';
import { bangkokGregorianFormatter, partsByType, requirePart } from './intl-formatters';

/**
 * The last answer, by whole second: a busy API asks for "today in Bangkok" many times a second,
 * and formatToParts is the costly part. Time-zone offsets are whole seconds, so the Bangkok
 * date cannot change within one.
 */
let last: { second: number; parts: BangkokDateParts } | null = null;

/** bangkokDateParts without the input guard, for callers that have already checked `d`. */
export function readBangkokDateParts(d: Date): BangkokDateParts {
  const second = Math.floor(d.getTime() / 1000);
  if (last?.second !== second) {
    const parts = partsByType(bangkokGregorianFormatter(), d);
    last = {
      second,
      parts: {
        year: Number(requirePart(parts, 'year')),
        month: Number(requirePart(parts, 'month')),
        day: Number(requirePart(parts, 'day')),
      },
    };
  }
  return { ...last.parts };
}
