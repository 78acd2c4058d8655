import {
  allowedNetworks,
  BlockedAddressError,
  checkHost,
  guardedLookup,
  mayReach,
} from './webhook-address.util';

describe('webhook addresses (SSRF)', () => {
  const none = allowedNetworks('');

  it('refuses loopback, private, link-local and other internal addresses, IPv4 and IPv6', () => {
    for (const ip of [
      '127.0.0.1',
      '127.8.9.10',
      '10.1.2.3',
      '172.16.0.1',
      '172.31.255.255',
      '192.168.1.10',
      '169.254.169.254',
      '100.64.0.1',
      '0.0.0.0',
      '224.0.0.1',
      '255.255.255.255',
      '::1',
      '::',
      'fe80::1',
      'fd00::1',
      '::ffff:127.0.0.1',
      '::ffff:a00:1',
    ]) {
      expect([ip, mayReach(ip, none)]).toEqual([ip, false]);
    }
  });

  it('lets public addresses through', () => {
    for (const ip of ['8.8.8.8', '172.32.0.1', '203.150.1.1', '2001:4860:4860::8888', '1.1.1.1']) {
      expect([ip, mayReach(ip, none)]).toEqual([ip, true]);
    }
  });

  it('reaches only the internal networks the deployment allows', () => {
    const allowed = allowedNetworks(' 127.0.0.1, 10.20.0.0/16 ,::1');
    expect(mayReach('127.0.0.1', allowed)).toBe(true);
    expect(mayReach('127.0.0.2', allowed)).toBe(false);
    expect(mayReach('10.20.5.5', allowed)).toBe(true);
    expect(mayReach('10.21.0.1', allowed)).toBe(false);
    expect(mayReach('::1', allowed)).toBe(true);
    expect(mayReach('169.254.169.254', allowed)).toBe(false);
    expect(() => allowedNetworks('localhost')).toThrow(/WEBHOOK_ALLOWED_NETWORKS/);
    expect(() => allowedNetworks('10.0.0.0/33')).toThrow(/WEBHOOK_ALLOWED_NETWORKS/);
  });

  it('checks a URL host as it will connect: literals, odd spellings and names that resolve inside', async () => {
    for (const host of [
      '127.0.0.1',
      new URL('http://2130706433/').hostname,
      '[::ffff:7f00:1]',
      'localhost',
    ]) {
      await expect(checkHost(host, none)).rejects.toBeInstanceOf(BlockedAddressError);
    }
    await expect(checkHost('localhost', allowedNetworks('127.0.0.1,::1'))).resolves.toBeUndefined();
  });

  it('the connection’s own lookup refuses an internal answer (no window for DNS rebinding)', async () => {
    const lookup = guardedLookup(none);
    const error = await new Promise<Error | null>((resolve) => lookup('localhost', {}, (e) => resolve(e)));
    expect(error).toBeInstanceOf(BlockedAddressError);
    const allowed = guardedLookup(allowedNetworks('127.0.0.1,::1'));
    const address = await new Promise<string>((resolve, reject) =>
      allowed('localhost', {}, (e, a) => (e ? reject(e) : resolve(a as string))),
    );
    expect(['127.0.0.1', '::1']).toContain(address);
  });
});
