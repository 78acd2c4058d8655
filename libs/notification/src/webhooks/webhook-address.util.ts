import { lookup as dnsLookup, type LookupAddress } from 'node:dns';
import { BlockList, isIP } from 'node:net';

/**
 * Addresses a webhook must not reach unless the deployment allows them (SSRF): this host and
 * its loopback, private and carrier-grade NAT networks, link-local (cloud metadata services at
 * 169.254.169.254), documentation, benchmark, multicast and reserved ranges, and their IPv6
 * counterparts. IPv4-mapped IPv6 addresses (::ffff:127.0.0.1) match their IPv4 rule.
 */
const INTERNAL: readonly [string, number, 'ipv4' | 'ipv6'][] = [
  ['0.0.0.0', 8, 'ipv4'],
  ['10.0.0.0', 8, 'ipv4'],
  ['100.64.0.0', 10, 'ipv4'],
  ['127.0.0.0', 8, 'ipv4'],
  ['169.254.0.0', 16, 'ipv4'],
  ['172.16.0.0', 12, 'ipv4'],
  ['192.0.0.0', 24, 'ipv4'],
  ['192.0.2.0', 24, 'ipv4'],
  ['192.88.99.0', 24, 'ipv4'],
  ['192.168.0.0', 16, 'ipv4'],
  ['198.18.0.0', 15, 'ipv4'],
  ['198.51.100.0', 24, 'ipv4'],
  ['203.0.113.0', 24, 'ipv4'],
  ['224.0.0.0', 4, 'ipv4'],
  ['240.0.0.0', 4, 'ipv4'],
  ['::', 128, 'ipv6'],
  ['::1', 128, 'ipv6'],
  ['64:ff9b::', 96, 'ipv6'],
  ['64:ff9b:1::', 48, 'ipv6'],
  ['100::', 64, 'ipv6'],
  ['2001:db8::', 32, 'ipv6'],
  ['fc00::', 7, 'ipv6'],
  ['fe80::', 10, 'ipv6'],
  ['ff00::', 8, 'ipv6'],
];

const internal = new BlockList();
for (const [network, prefix, type] of INTERNAL) internal.addSubnet(network, prefix, type);

/**
 * The networks a deployment lets webhooks reach although internal (WEBHOOK_ALLOWED_NETWORKS):
 * comma-separated addresses or CIDR blocks, e.g. "127.0.0.1" for the demo's and the tests'
 * local receivers, "10.20.0.0/16" for an integrator inside the organisation's network.
 * Throws on an entry that is not an address or a block (configuration fails at boot).
 */
export function allowedNetworks(setting: string): BlockList {
  const list = new BlockList();
  for (const entry of setting
    .split(',')
    .map((e) => e.trim())
    .filter(Boolean)) {
    const [address, prefixText, extra] = entry.split('/');
    const family = isIP(address);
    const max = family === 4 ? 32 : 128;
    const prefix = prefixText === undefined ? max : Number(prefixText);
    if (family === 0 || extra !== undefined || !Number.isInteger(prefix) || prefix < 0 || prefix > max) {
      throw new Error(`WEBHOOK_ALLOWED_NETWORKS: not an address or a CIDR block: ${entry}`);
    }
    list.addSubnet(address, prefix, family === 4 ? 'ipv4' : 'ipv6');
  }
  return list;
}

/** Whether a webhook may connect to this IP address. */
export function mayReach(ip: string, allowed: BlockList): boolean {
  const family = isIP(ip);
  if (family === 0) return false;
  const type = family === 4 ? 'ipv4' : 'ipv6';
  return !internal.check(ip, type) || allowed.check(ip, type);
}

/** A URL's host as an IP address, when it is one (brackets of an IPv6 literal removed). */
function literalAddress(hostname: string): string | null {
  const bare = hostname.replace(/^\[(.*)\]$/, '$1');
  return isIP(bare) ? bare : null;
}

export class BlockedAddressError extends Error {
  constructor(
    readonly host: string,
    readonly address: string,
  ) {
    super(`webhook address refused: ${host} is ${address}, an internal address`);
  }
}

/** Resolves a host as the connection will, and refuses it when any of its addresses is internal. */
export async function checkHost(hostname: string, allowed: BlockList): Promise<void> {
  const literal = literalAddress(hostname);
  const addresses = literal ? [literal] : (await resolveAll(hostname)).map((a) => a.address);
  const refused = addresses.find((a) => !mayReach(a, allowed));
  if (refused !== undefined) throw new BlockedAddressError(hostname, refused);
}

function resolveAll(hostname: string): Promise<LookupAddress[]> {
  return new Promise((resolve, reject) =>
    dnsLookup(hostname, { all: true }, (error, addresses) => (error ? reject(error) : resolve(addresses))),
  );
}

type LookupCallback = (
  error: NodeJS.ErrnoException | null,
  address: string | LookupAddress[],
  family?: number,
) => void;

/**
 * A `lookup` for http.request that answers only addresses a webhook may reach: the check and
 * the connection use the same answer, so a name that resolves to a public address when checked
 * and to an internal one a moment later (DNS rebinding) cannot slip through.
 */
export function guardedLookup(allowed: BlockList) {
  return (hostname: string, options: { all?: boolean }, callback: LookupCallback): void => {
    dnsLookup(hostname, { ...options, all: true }, (error, addresses) => {
      if (error) return callback(error, []);
      const refused = addresses.find((a) => !mayReach(a.address, allowed));
      if (refused) return callback(new BlockedAddressError(hostname, refused.address), []);
      if (options.all) return callback(null, addresses);
      callback(null, addresses[0].address, addresses[0].family);
    });
  };
}
