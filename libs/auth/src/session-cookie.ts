import type { CookieOptions } from 'express';
import type { AppConfig } from '@saraban/config';

export const SESSION_COOKIE = 'saraban_session';

/** Cookies are Secure when the public address is https (or COOKIE_SECURE says so). */
export function secureCookies(config: AppConfig): boolean {
  return config.COOKIE_SECURE || new URL(config.PUBLIC_BASE_URL).protocol === 'https:';
}

/** The session cookie: HttpOnly, SameSite=Strict, Secure over https, until the session's absolute end. */
export function sessionCookieOptions(config: AppConfig, expires: Date): CookieOptions {
  return { httpOnly: true, sameSite: 'strict', secure: secureCookies(config), expires, path: '/' };
}

/** Clearing must name the same path (and flags) as setting. */
export function clearedSessionCookieOptions(config: AppConfig): CookieOptions {
  return { httpOnly: true, sameSite: 'strict', secure: secureCookies(config), path: '/' };
}
