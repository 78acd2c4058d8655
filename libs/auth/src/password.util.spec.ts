import { DUMMY_PASSWORD_HASH, hashPassword, verifyPassword } from './password.util';

describe('password hashing', () => {
  it('verifies the right password and rejects a wrong one', async () => {
    const hash = await hashPassword('รหัสผ่านทดสอบ1');
    expect(hash).toMatch(/^scrypt\$16384\$8\$1\$/);
    expect(hash).not.toContain('รหัสผ่านทดสอบ1');
    await expect(verifyPassword('รหัสผ่านทดสอบ1', hash)).resolves.toBe(true);
    await expect(verifyPassword('รหัสผ่านทดสอบ2', hash)).resolves.toBe(false);
  });

  it('salts: the same password hashes differently', async () => {
    expect(await hashPassword('x')).not.toBe(await hashPassword('x'));
  });

  it('the dummy hash matches nothing', async () => {
    await expect(verifyPassword('', DUMMY_PASSWORD_HASH)).resolves.toBe(false);
  });
});
