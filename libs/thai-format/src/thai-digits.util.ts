const THAI_DIGITS = '๐๑๒๓๔๕๖๗๘๙';
const THAI_ZERO = THAI_DIGITS.charCodeAt(0);
const ARABIC_ZERO = '0'.charCodeAt(0);

/**
 * Replaces ASCII digits 0-9 with Thai digits ๐-๙; every other character is left as it is.
 *
 * Numbers are rendered with `String(n)` first, so a number never gains grouping separators
 * here: register numbers and years must print as "๙๓๕" and "๒๕๖๘", never "๒,๕๖๘".
 * Non-finite numbers are rejected because "NaN" or "Infinity" on an official document is
 * always a bug upstream, never something to print.
 */
export function toThaiDigits(s: string | number): string {
  if (typeof s === 'number' && !Number.isFinite(s)) {
    throw new RangeError(`toThaiDigits: cannot render non-finite number ${String(s)}`);
  }
  return String(s).replace(/[0-9]/g, (digit) =>
    String.fromCharCode(THAI_ZERO + digit.charCodeAt(0) - ARABIC_ZERO),
  );
}

/**
 * Replaces Thai digits ๐-๙ with ASCII digits 0-9; every other character is left as it is.
 * Used to read back numbers people typed in Thai digits (search boxes, the clerk's
 * "next number" field) before parsing them.
 */
export function toArabicDigits(s: string): string {
  return s.replace(/[๐-๙]/g, (digit) => String.fromCharCode(ARABIC_ZERO + digit.charCodeAt(0) - THAI_ZERO));
}
