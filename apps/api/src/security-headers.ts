import type { NestExpressApplication } from '@nestjs/platform-express';
import type { NextFunction, Request, RequestHandler, Response } from 'express';
import helmet from 'helmet';
import { APP_CONFIG, type AppConfig } from '@saraban/config';

/** Third-party pages we serve that write <style> elements and style attributes of their own. */
const TOOL_PAGES = ['/api/docs', '/admin/queues'];

/**
 * Security headers on every answer, through helmet: a CSP without inline script (our pages have
 * none: one script file, no handlers in the markup), no framing (frame-ancestors 'none' and
 * X-Frame-Options DENY), nosniff, Referrer-Policy same-origin (our error page's back link needs
 * the same-origin referer), and HSTS with upgrade-insecure-requests only when PUBLIC_BASE_URL is
 * https. Express's X-Powered-By is off. Also where Express takes the client's address from
 * (TRUST_PROXY_HOPS), which the sign-in and upload limits count by.
 */
export function useSecurityHeaders(app: NestExpressApplication): void {
  const config = app.get<AppConfig>(APP_CONFIG);
  const https = new URL(config.PUBLIC_BASE_URL).protocol === 'https:';
  app.disable('x-powered-by');
  if (config.TRUST_PROXY_HOPS > 0) app.set('trust proxy', config.TRUST_PROXY_HOPS);

  const headers = (styleSrc: string[]): RequestHandler =>
    helmet({
      contentSecurityPolicy: {
        useDefaults: false,
        directives: {
          'default-src': ["'self'"],
          'script-src': ["'self'"],
          'style-src': styleSrc,
          'img-src': ["'self'", 'data:'],
          'font-src': ["'self'"],
          'connect-src': ["'self'"],
          'object-src': ["'none'"],
          'base-uri': ["'self'"],
          'form-action': ["'self'"],
          'frame-ancestors': ["'none'"],
          ...(https ? { 'upgrade-insecure-requests': [] } : {}),
        },
      },
      xFrameOptions: { action: 'deny' },
      referrerPolicy: { policy: 'same-origin' },
      strictTransportSecurity: https ? { maxAge: 365 * 24 * 3600, includeSubDomains: true } : false,
    }) as RequestHandler;
  const pages = headers(["'self'"]);
  const tools = headers(["'self'", "'unsafe-inline'"]);
  app.use((req: Request, res: Response, next: NextFunction) =>
    (TOOL_PAGES.some((p) => req.path.startsWith(p)) ? tools : pages)(req, res, next),
  );
}
