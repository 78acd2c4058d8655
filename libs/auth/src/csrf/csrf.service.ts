import { hkdfSync } from 'node:crypto';
import { Inject, Injectable } from '@nestjs/common';
import { doubleCsrf, type DoubleCsrfUtilities } from 'csrf-csrf';
import type { Request, Response } from 'express';
import { APP_CONFIG, type AppConfig } from '@saraban/config';
import { baseCookieOptions, cookieSessionToken, secureCookies } from '../session-cookie';

/** The form field and header a token travels in (multipart forms: the field in their action's query). */
export const CSRF_FIELD = '_csrf';
export const CSRF_HEADER = 'x-csrf-token';

function tokenFrom(req: Request): string | undefined {
  const header = req.headers[CSRF_HEADER];
  if (typeof header === 'string') return header;
  const body = req.body as Record<string, unknown> | undefined;
  if (body && typeof body === 'object' && typeof body[CSRF_FIELD] === 'string') return body[CSRF_FIELD];
  const query = req.query as Record<string, unknown> | undefined;
  return typeof query?.[CSRF_FIELD] === 'string' ? query[CSRF_FIELD] : undefined;
}

/**
 * CSRF tokens by csrf-csrf's double-submit cookie: the token is an HMAC of the session cookie and
 * a random value, kept in an HttpOnly cookie and repeated by the page (a hidden field, or the
 * script's X-CSRF-Token header); a request passes when both agree and the HMAC matches its own
 * session. Bound to the session, so a token of another session, or one planted before sign-in,
 * does not pass; needs no store, and works before sign-in (the sign-in form). Plus the
 * Origin/Referer check against PUBLIC_BASE_URL.
 */
@Injectable()
export class CsrfService {
  private readonly csrf: DoubleCsrfUtilities;
  private readonly origin: string;
  /** `__Host-` over https: the browser then refuses it from a sibling subdomain or over http. */
  readonly cookieName: string;

  constructor(@Inject(APP_CONFIG) config: AppConfig) {
    const secure = secureCookies(config);
    this.cookieName = secure ? '__Host-saraban_csrf' : 'saraban_csrf';
    this.origin = new URL(config.PUBLIC_BASE_URL).origin;
    // Its own key, derived from the deployment's secret (required in production).
    const secret = Buffer.from(
      hkdfSync('sha256', config.SIGNING_KEY_SECRET, 'saraban', 'csrf token hmac', 32),
    ).toString('hex');
    this.csrf = doubleCsrf({
      getSecret: () => secret,
      getSessionIdentifier: (req) => cookieSessionToken(req) ?? '',
      cookieName: this.cookieName,
      cookieOptions: baseCookieOptions(config),
      getCsrfTokenFromRequest: tokenFrom,
    });
  }

  /**
   * The token for the page being sent (sets or keeps the cookie): the same for every page of a
   * session, so several open tabs all keep working; a new one after sign-in or sign-out.
   */
  tokenFor(req: Request, res: Response): string {
    return this.csrf.generateCsrfToken(req, res, { overwrite: false, validateOnReuse: false });
  }

  /** The request carries the token of its own session (header, form field or query). */
  hasValidToken(req: Request): boolean {
    return this.csrf.validateRequest(req);
  }

  /**
   * The request comes from our own pages, as far as the browser says: its Origin (or, without
   * one, its Referer) is PUBLIC_BASE_URL's. Programs that send neither pass here; the token
   * still stands in their way when they carry the session cookie.
   */
  sameOrigin(req: Request): boolean {
    const origin = req.headers.origin;
    if (origin !== undefined) return origin === this.origin;
    const referer = req.headers.referer;
    if (!referer) return true;
    try {
      return new URL(referer).origin === this.origin;
    } catch {
      return false;
    }
  }
}
