import { Injectable, SetMetadata, type CanActivate, type ExecutionContext } from '@nestjs/common';
import { Reflector } from '@nestjs/core';
import type { Request } from 'express';
import { AppException, ErrorCode } from '@saraban/errors';
import { cookieSessionToken, hasBearerToken } from '../session-cookie';
import { CSRF_FIELD, CsrfService } from './csrf.service';

export const CSRF_FORM_KEY = 'saraban:csrf-form';

/** A public form that needs its token all the same (the sign-in form: no signing a browser in from elsewhere). */
export const RequiresCsrfToken = (): MethodDecorator & ClassDecorator => SetMetadata(CSRF_FORM_KEY, true);

const SAFE_METHODS = new Set(['GET', 'HEAD', 'OPTIONS']);

/**
 * Global guard, before the session guard: an unsafe request authenticated by the session cookie
 * needs the page's CSRF token, and one whose Origin (or Referer) is another site's is refused.
 * Bearer tokens are never sent by a browser on its own: those requests pass as before.
 */
@Injectable()
export class CsrfGuard implements CanActivate {
  constructor(
    private readonly reflector: Reflector,
    private readonly csrf: CsrfService,
  ) {}

  canActivate(context: ExecutionContext): boolean {
    if (context.getType() !== 'http') return true;
    const req = context.switchToHttp().getRequest<Request>();
    try {
      if (SAFE_METHODS.has(req.method)) return true;
      if (hasBearerToken(req)) return true;
      if (!this.csrf.sameOrigin(req)) throw new AppException(ErrorCode.CsrfRejected, { reason: 'origin' });
      const cookieSession = Boolean(cookieSessionToken(req));
      const form = this.reflector.getAllAndOverride<boolean>(CSRF_FORM_KEY, [
        context.getHandler(),
        context.getClass(),
      ]);
      if ((cookieSession || form) && !this.csrf.hasValidToken(req)) {
        throw new AppException(ErrorCode.CsrfRejected, { reason: 'token' });
      }
      return true;
    } finally {
      // The token is not part of any form's data: validation would refuse it as an unknown field.
      const body = req.body as Record<string, unknown> | undefined;
      if (body && typeof body === 'object' && CSRF_FIELD in body) delete body[CSRF_FIELD];
    }
  }
}
