import { ArgumentsHost, Catch, HttpException, Logger, type ExceptionFilter } from '@nestjs/common';
import type { Request, Response } from 'express';
import { AppException, ErrorCode, errorCatalogue } from '@saraban/errors';
import { WebAssets } from './web-assets.service';
import { WebViews } from './web-views.service';

/** Where the sign-in page sends people back to: only paths of the interface itself. */
export function safeNext(next: unknown): string {
  if (typeof next !== 'string' || !next.startsWith('/app') || next.startsWith('//') || next.includes('\\')) {
    return '/app';
  }
  if (next.startsWith('/app/login') || next.startsWith('/app/logout')) return '/app';
  return next;
}

/** The page the browser came from, when it is one of ours. */
function refererPath(req: Request): string | null {
  const referer = req.get('referer');
  if (!referer) return null;
  try {
    const url = new URL(referer, 'http://x');
    const path = url.pathname + url.search;
    return safeNext(path) === path ? path : null;
  } catch {
    return null;
  }
}

/**
 * For the interface's routes only (the JSON API keeps its 401 and error bodies): a request without a
 * session goes to the sign-in page and comes back afterwards; any other error is a page in Thai.
 */
@Catch()
export class WebExceptionFilter implements ExceptionFilter {
  private readonly logger = new Logger('Web');

  constructor(
    private readonly views: WebViews,
    private readonly assets: WebAssets,
  ) {}

  catch(exception: unknown, host: ArgumentsHost): void {
    const http = host.switchToHttp();
    const req = http.getRequest<Request>();
    const res = http.getResponse<Response>();
    const { status, code, message } = this.describe(exception);
    if (status === 401 && code !== String(ErrorCode.InvalidCredentials)) {
      const next = req.method === 'GET' ? safeNext(req.originalUrl) : refererPath(req);
      res.redirect(303, `/app/login?next=${encodeURIComponent(next ?? '/app')}`);
      return;
    }
    if (status >= 500) this.logger.error({ err: exception }, 'unhandled error');
    let assetVersion = '';
    try {
      assetVersion = this.assets.assetVersion();
    } catch {
      // The error page must show even when the assets are what failed.
    }
    const back = refererPath(req);
    this.views.send(
      res,
      'error',
      // A citizen's page (the portal, verification) leads back to the citizens' pages, not the staff's.
      {
        title: 'เกิดข้อผิดพลาด',
        assetVersion,
        status,
        code,
        message,
        back,
        citizen: !req.path.startsWith('/app'),
      },
      status,
    );
  }

  private describe(exception: unknown): { status: number; code: string; message: string } {
    if (exception instanceof AppException) {
      return { status: exception.status, code: exception.code, message: exception.message };
    }
    if (exception instanceof HttpException) {
      const status = exception.getStatus();
      if (status === 404)
        return { status, code: ErrorCode.NotFound, message: errorCatalogue[ErrorCode.NotFound].message };
      if (status === 413)
        return {
          status,
          code: ErrorCode.PayloadTooLarge,
          message: errorCatalogue[ErrorCode.PayloadTooLarge].message,
        };
      if (status < 500) return { status, code: `HTTP_${status}`, message: 'คำขอไม่ถูกต้อง' };
    }
    return {
      status: 500,
      code: ErrorCode.InternalError,
      message: errorCatalogue[ErrorCode.InternalError].message,
    };
  }
}
