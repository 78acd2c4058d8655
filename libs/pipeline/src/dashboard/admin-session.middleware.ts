import { Injectable, type NestMiddleware } from '@nestjs/common';
import type { NextFunction, Request, Response } from 'express';
import { SESSION_COOKIE, SessionService } from '@saraban/auth';
import { AppException, ErrorCode, errorCatalogue } from '@saraban/errors';

/** Guards the queue dashboard (an Express router, outside Nest's guards): administrators only. */
@Injectable()
export class AdminSessionMiddleware implements NestMiddleware {
  constructor(private readonly sessions: SessionService) {}

  async use(req: Request, res: Response, next: NextFunction): Promise<void> {
    const header = req.headers.authorization;
    const cookies = req.cookies as Record<string, string> | undefined;
    const token = header?.startsWith('Bearer ') ? header.slice(7).trim() : cookies?.[SESSION_COOKIE];
    const user = token ? await this.sessions.resolve(token) : null;
    const code = !user
      ? ErrorCode.Unauthenticated
      : !user.roles.includes('admin')
        ? ErrorCode.Forbidden
        : null;
    if (code) {
      const error = new AppException(code);
      res
        .status(error.status)
        .json({ statusCode: error.status, code, message: errorCatalogue[code].message });
      return;
    }
    next();
  }
}
