import type { DigitStyle } from './digit-style.util';
import { assertDigitStyle } from './digit-style.util';
import { partsByType, requirePart, thaiFormatter } from './internal/intl-formatters';
import { assertSupportedDate } from './supported-range.util';

// Month names, the Buddhist year and the digits all come from ICU through Intl (locale
// th-TH-u-ca-buddhist-nu-thai/-nu-latn); only the separators, fixed by the typing guide,
// are ours. See partsByType for why the string is assembled from parts.

/**
 * The full date of a memo header, in Bangkok: "๒๔ ตุลาคม ๒๕๖๘" (day without a leading
 * zero, full month name, พ.ศ. year, no era label).
 */
export function formatThaiDate(d: Date, style: DigitStyle = 'thai'): string {
  assertSupportedDate(d, 'formatThaiDate');
  assertDigitStyle(style, 'formatThaiDate');
  const parts = partsByType(thaiFormatter('long-date', style), d);
  return `${requirePart(parts, 'day')} ${requirePart(parts, 'month')} ${requirePart(parts, 'year')}`;
}

/**
 * The short date written under an endorsement, in Bangkok: "๑๓ เม.ย. ๖๘" (abbreviated
 * month, last two digits of the พ.ศ. year).
 */
export function formatThaiShortDate(d: Date, style: DigitStyle = 'thai'): string {
  assertSupportedDate(d, 'formatThaiShortDate');
  assertDigitStyle(style, 'formatThaiShortDate');
  const parts = partsByType(thaiFormatter('short-date', style), d);
  return `${requirePart(parts, 'day')} ${requirePart(parts, 'month')} ${requirePart(parts, 'year')}`;
}

/**
 * Full date and 24-hour time in Bangkok, as in timelines and audit trails:
 * "๒๔ ตุลาคม ๒๕๖๘ เวลา ๑๔:๐๕ น.".
 */
export function formatThaiDateTime(d: Date, style: DigitStyle = 'thai'): string {
  assertSupportedDate(d, 'formatThaiDateTime');
  assertDigitStyle(style, 'formatThaiDateTime');
  const parts = partsByType(thaiFormatter('long-date-time', style), d);
  const date = `${requirePart(parts, 'day')} ${requirePart(parts, 'month')} ${requirePart(parts, 'year')}`;
  return `${date} เวลา ${requirePart(parts, 'hour')}:${requirePart(parts, 'minute')} น.`;
}
