import { toArabicDigits, toThaiDigits } from './thai-digits.util';

/**
 * Which digits an organisation prints in its documents. Thai digits are the norm in
 * official correspondence, but the domain guide marks this configurable because some
 * offices use Arabic digits.
 */
export type DigitStyle = 'thai' | 'arabic';

export const DIGIT_STYLES: readonly DigitStyle[] = ['thai', 'arabic'];

/** Narrows an untrusted value (organisation settings, query strings) to a DigitStyle. */
export function isDigitStyle(value: unknown): value is DigitStyle {
  return value === 'thai' || value === 'arabic';
}

/**
 * Throws unless `style` is a DigitStyle. Typed callers cannot get this wrong; the check is
 * for values that come from JSON settings, where a typo must fail loudly rather than
 * silently print the wrong digits on a signed document.
 */
export function assertDigitStyle(style: unknown, caller: string): asserts style is DigitStyle {
  if (!isDigitStyle(style)) {
    throw new RangeError(
      `${caller}: unknown digit style ${typeof style === 'string' ? JSON.stringify(style) : String(style)}; ` +
        `expected one of ${DIGIT_STYLES.join(', ')}`,
    );
  }
}

/** Converts every digit in `s` to the given style, whichever style it was written in. */
export function applyDigits(s: string, style: DigitStyle): string {
  assertDigitStyle(style, 'applyDigits');
  return style === 'thai' ? toThaiDigits(s) : toArabicDigits(s);
}
