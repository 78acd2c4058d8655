import type { BangkokDateParts } from '../bangkok-calendar.util';
import { bangkokGregorianFormatter, partsByType, requirePart } from './intl-formatters';

/** bangkokDateParts without the input guard, for callers that have already checked `d`. */
export function readBangkokDateParts(d: Date): BangkokDateParts {
  const parts = partsByType(bangkokGregorianFormatter(), d);
  return {
    year: Number(requirePart(parts, 'year')),
    month: Number(requirePart(parts, 'month')),
    day: Number(requirePart(parts, 'day')),
  };
}
