import type { Request, Response } from 'express';
import { AppException } from '@saraban/errors';

/**
 * The key a client address is counted under: IPv4 as it is (also when mapped into IPv6), IPv6 by
 * its /64, since one subscriber usually holds a whole /64 and could otherwise change address at will.
 */
export function clientAddressKey(ip: string | undefined): string {
  if (!ip) return 'unknown';
  const address = ip.split('%')[0];
  const mapped = /^::ffff:(\d{1,3}(?:\.\d{1,3}){3})$/i.exec(address);
  if (mapped) return mapped[1];
  if (!address.includes(':')) return address;
  const [head, tail] = address.split('::');
  const left = head ? head.split(':') : [];
  const right = tail ? tail.split(':') : [];
  const groups =
    tail === undefined
      ? left
      : [...left, ...Array<string>(8 - left.length - right.length).fill('0'), ...right];
  const prefix = groups.slice(0, 4).map((g) => (parseInt(g, 16) || 0).toString(16));
  return `${prefix.join(':')}::/64`;
}

/** The client's address as Express sees it (TRUST_PROXY_HOPS decides whether X-Forwarded-For counts). */
export function clientAddressOf(req: Request): string {
  return req.ip ?? req.socket.remoteAddress ?? '';
}

/** Seconds to wait, as a 429 answer carries them in `details.retryAfterSeconds`. */
export function retryAfterOf(error: unknown): number | null {
  if (!(error instanceof AppException) || error.status !== 429) return null;
  const details = error.details as { retryAfterSeconds?: unknown } | undefined;
  return typeof details?.retryAfterSeconds === 'number' ? details.retryAfterSeconds : null;
}

/** Sets `Retry-After` on the answer when the error is a 429 that says how long to wait. */
export function setRetryAfter(res: Response, error: unknown): void {
  const seconds = retryAfterOf(error);
  if (seconds !== null) res.setHeader('Retry-After', String(seconds));
}

/** Where a sign-in comes from: its address (counted and shown) and its browser (shown). */
export function sessionClientOf(req: Request): { address: string; userAgent?: string } {
  return { address: clientAddressOf(req), userAgent: req.get('user-agent') ?? undefined };
}
