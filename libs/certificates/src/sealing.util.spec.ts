import { seal, sealingKey, unseal } from './sealing.util';

describe('sealing', () => {
  const key = sealingKey('a test secret of enough length');

  it('round-trips and never stores the plain text', () => {
    const plain = Buffer.from('{"password":"รหัสลับ"}');
    const sealed = seal(key, plain);
    expect(sealed.includes(plain)).toBe(false);
    expect(unseal(key, sealed)).toEqual(plain);
  });

  it('detects tampering and a wrong key', () => {
    const sealed = seal(key, Buffer.from('secret'));
    const flipped = Buffer.from(sealed);
    flipped[flipped.length - 1] ^= 1;
    expect(() => unseal(key, flipped)).toThrow();
    expect(() => unseal(sealingKey('another secret entirely'), sealed)).toThrow();
  });
});
