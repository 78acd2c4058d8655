import { createHash, timingSafeEqual } from 'node:crypto';
import { Inject, Injectable, type NestMiddleware } from '@nestjs/common';
import type { NextFunction, Request, Response } from 'express';
import {
  DUMMY_PASSWORD_HASH,
  SESSION_COOKIE,
  SessionService,
  SignInThrottle,
  clientAddressOf,
  setRetryAfter,
  verifyPassword,
} from '@saraban/auth';
import { APP_CONFIG, type AppConfig } from '@saraban/config';
import { AppException, ErrorCode } from '@saraban/errors';

const REALM = 'Basic realm="Saraban Flow operators", charset="UTF-8"';
/** A verified login is remembered this long: the board polls every few seconds, scrypt costs ~50 ms. */
const REMEMBER_MS = 5 * 60_000;

const sha256 = (text: string) => createHash('sha256').update(text, 'utf8').digest();

/**
 * Guards the queue board (an Express router, outside Nest's guards). The board shows every
 * organisation's jobs, so it belongs to the deployment's operator, configured by
 * OPERATOR_USERNAME and OPERATOR_PASSWORD_HASH and signing in with HTTP Basic; no organisation's
 * user is the operator, whatever their roles (403). Without the settings nobody gets in.
 * Wrong logins are throttled by the sign-in page's SignInThrottle (per name typed and per client
 * address, in Redis): growing waits, then a lock, each a 429 with Retry-After.
 */
@Injectable()
export class OperatorAccessMiddleware implements NestMiddleware {
  private remembered: { digest: Buffer; until: number } | null = null;

  constructor(
    @Inject(APP_CONFIG) private readonly config: AppConfig,
    private readonly sessions: SessionService,
    private readonly throttle: SignInThrottle,
  ) {}

  async use(req: Request, res: Response, next: NextFunction): Promise<void> {
    const header = req.headers.authorization;
    if (header?.startsWith('Basic ')) {
      try {
        await this.signInOperator(header, clientAddressOf(req));
      } catch (err) {
        if (err instanceof AppException) return this.refuse(res, err);
        throw err;
      }
      return next();
    }
    // A signed-in organisation user (an administrator too) is told no rather than asked to sign in.
    const cookies = req.cookies as Record<string, string> | undefined;
    const token = header?.startsWith('Bearer ') ? header.slice(7).trim() : cookies?.[SESSION_COOKIE];
    const user = token ? await this.sessions.resolve(token) : null;
    this.refuse(res, new AppException(user ? ErrorCode.Forbidden : ErrorCode.Unauthenticated));
  }

  /**
   * Passes for the operator's login; throws INVALID_CREDENTIALS (401), or SIGN_IN_THROTTLED /
   * ACCOUNT_LOCKED (429) as the sign-in page does. A login verified in the last few minutes is
   * taken as it is, like a session: a lock stops new logins, not one already made.
   */
  private async signInOperator(header: string, address: string): Promise<void> {
    const digest = sha256(header);
    const now = Date.now();
    if (this.remembered && this.remembered.until > now && timingSafeEqual(this.remembered.digest, digest)) {
      return;
    }
    const decoded = Buffer.from(header.slice('Basic '.length).trim(), 'base64').toString('utf8');
    const colon = decoded.indexOf(':');
    const username = colon < 0 ? '' : decoded.slice(0, colon);
    const password = colon < 0 ? '' : decoded.slice(colon + 1);
    await this.throttle.attempt({ organisation: null, username, address }, async () =>
      (await this.isOperator(username, password)) ? true : null,
    );
    this.remembered = { digest, until: now + REMEMBER_MS };
  }

  private async isOperator(username: string, password: string): Promise<boolean> {
    const { OPERATOR_USERNAME: operator, OPERATOR_PASSWORD_HASH: hash } = this.config;
    // The hash is checked even for a wrong name (or no operator), so timing tells nothing.
    const passwordOk = await verifyPassword(password, hash ?? DUMMY_PASSWORD_HASH);
    const nameOk = operator !== undefined && timingSafeEqual(sha256(username), sha256(operator));
    return passwordOk && nameOk && hash !== undefined;
  }

  /** Answers with the usual error body; a 401 asks for the operator's login, a 429 says how long to wait. */
  private refuse(res: Response, error: AppException): void {
    if (error.status === 401) res.setHeader('WWW-Authenticate', REALM);
    setRetryAfter(res, error);
    res
      .status(error.status)
      .json({ statusCode: error.status, code: error.code, message: error.message, details: error.details });
  }
}
