import { ConfigException } from './config.exception';
import { loadConfig } from './load-config.util';

describe('loadConfig', () => {
  it('applies local defaults when nothing is set', () => {
    const config = loadConfig({});
    expect(config.PORT).toBe(3000);
    expect(config.DATABASE_URL).toBe('postgres://postgres:postgres@127.0.0.1:5432/saraban');
  });

  it('names every malformed variable', () => {
    let error: unknown;
    try {
      loadConfig({ PORT: 'eighty', REDIS_URL: 'http://nope' });
    } catch (e) {
      error = e;
    }
    expect(error).toBeInstanceOf(ConfigException);
    const problems = (error as ConfigException).problems.join('\n');
    expect(problems).toMatch(/^PORT:/m);
    expect(problems).toMatch(/^REDIS_URL:/m);
  });

  it('refuses development secrets in production', () => {
    expect(() => loadConfig({ NODE_ENV: 'production' })).toThrow(
      /SIGNING_KEY_SECRET: required in production/,
    );
    expect(loadConfig({ NODE_ENV: 'production', SIGNING_KEY_SECRET: 'x'.repeat(32) }).NODE_ENV).toBe(
      'production',
    );
  });

  it('the operator needs a name and a scrypt hash together', () => {
    const hash = 'scrypt$16384$8$1$AAAAAAAAAAAAAAAAAAAAAA==$AAAAAAAAAAAAAAAAAAAAAAAAAAAAAAAAAAAAAAAAAAA=';
    expect(loadConfig({}).OPERATOR_USERNAME).toBeUndefined();
    expect(loadConfig({ OPERATOR_USERNAME: 'ops', OPERATOR_PASSWORD_HASH: hash })).toMatchObject({
      OPERATOR_USERNAME: 'ops',
      OPERATOR_PASSWORD_HASH: hash,
    });
    expect(() => loadConfig({ OPERATOR_USERNAME: 'ops' })).toThrow(
      /OPERATOR_PASSWORD_HASH: set together with/,
    );
    expect(() => loadConfig({ OPERATOR_PASSWORD_HASH: hash })).toThrow(
      /OPERATOR_USERNAME: set together with/,
    );
    expect(() => loadConfig({ OPERATOR_USERNAME: 'ops', OPERATOR_PASSWORD_HASH: 'hunter2' })).toThrow(
      /OPERATOR_PASSWORD_HASH: must be a scrypt hash/,
    );
    expect(() => loadConfig({ OPERATOR_USERNAME: 'ops:x', OPERATOR_PASSWORD_HASH: hash })).toThrow(
      /OPERATOR_USERNAME/,
    );
  });
});
