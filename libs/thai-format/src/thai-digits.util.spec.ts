import fc from 'fast-check';
import { toArabicDigits, toThaiDigits } from './thai-digits.util';

const THAI = '๐๑๒๓๔๕๖๗๘๙';
const ARABIC = '0123456789';

// Arbitrary strings, plus strings dense in digits of both kinds and Thai letters so the
// interesting characters are not drowned out by random code points.
const anyText = fc.oneof(
  fc.string({ unit: 'binary' }),
  fc.string({ unit: fc.constantFrom(...`${THAI}${ARABIC}กขค ./-,:น.`) }),
);

describe('toThaiDigits', () => {
  it('converts each ASCII digit to its Thai digit', () => {
    expect(toThaiDigits(ARABIC)).toBe(THAI);
  });

  it('converts the digits of a register number and leaves everything else alone', () => {
    expect(toThaiDigits('นธ 61401/935')).toBe('นธ ๖๑๔๐๑/๙๓๕');
    expect(toThaiDigits('โทร. 042-061-226')).toBe('โทร. ๐๔๒-๐๖๑-๒๒๖');
  });

  it('renders numbers without grouping separators', () => {
    expect(toThaiDigits(2568)).toBe('๒๕๖๘');
    expect(toThaiDigits(935)).toBe('๙๓๕');
    expect(toThaiDigits(0)).toBe('๐');
    expect(toThaiDigits(-12.5)).toBe('-๑๒.๕');
  });

  it('rejects non-finite numbers instead of printing "NaN" on a document', () => {
    expect(() => toThaiDigits(Number.NaN)).toThrow(RangeError);
    expect(() => toThaiDigits(Number.POSITIVE_INFINITY)).toThrow(/non-finite/);
  });

  it('leaves Thai digits already present as they are', () => {
    expect(toThaiDigits('๑๓ เม.ย. 68')).toBe('๑๓ เม.ย. ๖๘');
  });
});

describe('toArabicDigits', () => {
  it('converts each Thai digit to its ASCII digit', () => {
    expect(toArabicDigits(THAI)).toBe(ARABIC);
  });

  it('leaves everything else alone', () => {
    expect(toArabicDigits('ที่ นพ ๗๑๕๐๑/๙๓๕ วันที่ ๕ มกราคม ๒๕๖๗')).toBe('ที่ นพ 71501/935 วันที่ 5 มกราคม 2567');
  });
});

describe('digit conversion properties', () => {
  it('round-trips Arabic → Thai → Arabic on any string without Thai digits', () => {
    fc.assert(
      fc.property(anyText, (s) => {
        const plain = s.replace(/[๐-๙]/g, '');
        expect(toArabicDigits(toThaiDigits(plain))).toBe(plain);
      }),
    );
  });

  it('round-trips Thai → Arabic → Thai on any string without ASCII digits', () => {
    fc.assert(
      fc.property(anyText, (s) => {
        const plain = s.replace(/[0-9]/g, '');
        expect(toThaiDigits(toArabicDigits(plain))).toBe(plain);
      }),
    );
  });

  it('normalises mixed strings: each direction is idempotent and undone by the other', () => {
    fc.assert(
      fc.property(anyText, (s) => {
        const thai = toThaiDigits(s);
        const arabic = toArabicDigits(s);
        expect(thai).not.toMatch(/[0-9]/);
        expect(arabic).not.toMatch(/[๐-๙]/);
        expect(toThaiDigits(thai)).toBe(thai);
        expect(toArabicDigits(arabic)).toBe(arabic);
        expect(toThaiDigits(arabic)).toBe(thai);
        expect(toArabicDigits(thai)).toBe(arabic);
      }),
    );
  });

  it('changes digits only, one UTF-16 unit for one', () => {
    fc.assert(
      fc.property(anyText, (s) => {
        const thai = toThaiDigits(s);
        expect(thai).toHaveLength(s.length);
        for (let i = 0; i < s.length; i++) {
          const isDigit = ARABIC.includes(s.charAt(i)) || THAI.includes(s.charAt(i));
          if (isDigit) {
            expect(THAI).toContain(thai.charAt(i));
          } else {
            expect(thai.charCodeAt(i)).toBe(s.charCodeAt(i));
          }
        }
      }),
    );
  });

  it('renders any safe integer as its decimal digits', () => {
    fc.assert(
      fc.property(fc.maxSafeInteger(), (n) => {
        expect(toArabicDigits(toThaiDigits(n))).toBe(String(n));
      }),
    );
  });
});
