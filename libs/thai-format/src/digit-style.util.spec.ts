import { DIGIT_STYLES, applyDigits, assertDigitStyle, isDigitStyle } from './digit-style.util';

describe('applyDigits', () => {
  it('writes every digit in Thai for the thai style, whatever the input used', () => {
    expect(applyDigits('ที่ นธ 61401/๙๓๕', 'thai')).toBe('ที่ นธ ๖๑๔๐๑/๙๓๕');
  });

  it('writes every digit in Arabic for the arabic style, whatever the input used', () => {
    expect(applyDigits('ที่ นธ 61401/๙๓๕', 'arabic')).toBe('ที่ นธ 61401/935');
  });

  it('rejects an unknown style coming from untyped settings', () => {
    const fromJson: unknown = JSON.parse('"latin"');
    expect(() => applyDigits('1', fromJson as 'thai')).toThrow(
      new RangeError('applyDigits: unknown digit style "latin"; expected one of thai, arabic'),
    );
  });
});

describe('isDigitStyle / assertDigitStyle', () => {
  it('accepts exactly the declared styles', () => {
    expect(DIGIT_STYLES.every(isDigitStyle)).toBe(true);
    expect([undefined, null, '', 'Thai', 'latn', 1].some(isDigitStyle)).toBe(false);
  });

  it('names the caller in its error', () => {
    expect(() => assertDigitStyle(undefined, 'orgSettings.digitStyle')).toThrow(
      /^orgSettings\.digitStyle: unknown digit style undefined/,
    );
  });
});
