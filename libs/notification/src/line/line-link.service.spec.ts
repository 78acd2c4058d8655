import { linkCodeIn } from './line-link.service';

describe('linkCodeIn', () => {
  it('finds six digits, Thai or Arabic, alone or in a sentence', () => {
    expect(linkCodeIn('123456')).toBe('123456');
    expect(linkCodeIn('รหัส ๑๒๓๔๕๖ ครับ')).toBe('123456');
    expect(linkCodeIn('link:042311')).toBe('042311');
    expect(linkCodeIn('12345')).toBeNull();
    expect(linkCodeIn('1234567')).toBeNull();
    expect(linkCodeIn('สวัสดี')).toBeNull();
  });
});
