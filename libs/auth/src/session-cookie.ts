import type { CookieOptions, Request, Response } from 'express';
import type { AppConfig } from '@saraban/config';

export const SESSION_COOKIE = 'saraban_session';

/** Cookies are Secure when the public address is https (or COOKIE_SECURE says so). */
export function secureCookies(config: AppConfig): boolean {
  return config.COOKIE_SECURE || new URL(config.PUBLIC_BASE_URL).protocol === 'https:';
}

/** The flags every cookie of ours carries: HttpOnly, SameSite=Strict, Secure over https, path /. */
export function baseCookieOptions(config: AppConfig): CookieOptions {
  return { httpOnly: true, sameSite: 'strict', secure: secureCookies(config), path: '/' };
}

/** The session cookie: the base flags, until the session's absolute end. */
export function sessionCookieOptions(config: AppConfig, expires: Date): CookieOptions {
  return { ...baseCookieOptions(config), expires };
}

/** Clearing must name the same path (and flags) as setting. */
export function clearedSessionCookieOptions(config: AppConfig): CookieOptions {
  return baseCookieOptions(config);
}

/** Sets the session cookie (sign-in, from the API or the web form). */
export function setSessionCookie(res: Response, config: AppConfig, token: string, expires: Date): void {
  res.cookie(SESSION_COOKIE, token, sessionCookieOptions(config, expires));
}

/** Clears the session cookie (sign-out, a session that ended). */
export function clearSessionCookie(res: Response, config: AppConfig): void {
  res.clearCookie(SESSION_COOKIE, clearedSessionCookieOptions(config));
}

/** The session token a browser sent in its cookie, if any. */
export function cookieSessionToken(req: Request): string | undefined {
  return (req.cookies as Record<string, string> | undefined)?.[SESSION_COOKIE];
}

/** Whether the request carries a bearer token (never sent by a browser on its own). */
export function hasBearerToken(req: Request): boolean {
  return req.headers.authorization?.startsWith('Bearer ') ?? false;
}

/** The caller's session token: the bearer token if there is one, else the session cookie. */
export function sessionTokenOf(req: Request): string | undefined {
  const header = req.headers.authorization;
  if (header?.startsWith('Bearer ')) return header.slice('Bearer '.length).trim();
  return cookieSessionToken(req);
}
