import { ValidationPipe, type ValidationError } from '@nestjs/common';
import type { NestExpressApplication } from '@nestjs/platform-express';
import { DocumentBuilder, SwaggerModule } from '@nestjs/swagger';
import cookieParser from 'cookie-parser';
import { SESSION_COOKIE } from '@saraban/auth';
import { AppException, AppExceptionFilter, ErrorCode } from '@saraban/errors';
import { useRequestLogging } from '@saraban/logging';
import { RequestInputPipe } from './input/request-input.pipe';
import { useRequestInputChecks } from './input/request-input.middleware';
import { useSecurityHeaders } from './security-headers';

interface FieldProblem {
  field: string;
  problems: string[];
}

function flattenError(e: ValidationError): FieldProblem[] {
  const own = e.constraints ? [{ field: e.property, problems: Object.values(e.constraints) }] : [];
  const nested = (e.children ?? []).flatMap((child) =>
    flattenError(child).map((c) => ({ ...c, field: `${e.property}.${c.field}` })),
  );
  return [...own, ...nested];
}

/** Everything main.ts and the tests share: request logging, validation, errors, cookies, OpenAPI. */
export function configureApiApp(app: NestExpressApplication): void {
  // First: a request the body parsers refuse (400, 413) still gets its id and its line.
  useRequestLogging(app);
  // CSP, no framing, nosniff, Referrer-Policy, HSTS over https, no X-Powered-By (CSRF: a global guard in AuthModule).
  useSecurityHeaders(app);
  app.use(cookieParser());
  // Body parsers, then input no route can process (too deep, control characters) answers 400.
  useRequestInputChecks(app);
  app.useGlobalPipes(
    new RequestInputPipe(),
    new ValidationPipe({
      whitelist: true,
      forbidNonWhitelisted: true,
      transform: true,
      exceptionFactory: (errors) =>
        new AppException(ErrorCode.ValidationFailed, errors.flatMap(flattenError)),
    }),
  );
  app.useGlobalFilters(new AppExceptionFilter());

  const document = SwaggerModule.createDocument(
    app,
    new DocumentBuilder()
      .setTitle('Saraban Flow API')
      .setDescription(
        [
          'บันทึกข้อความ: drafting, the outgoing register, approval and publication.',
          '',
          '**Signing in.** `POST /auth/login` answers a session token (send it as `Authorization: Bearer …`) ' +
            `and sets the \`${SESSION_COOKIE}\` cookie (HttpOnly, SameSite=Strict). ` +
            'Failed sign-ins are counted per account and per client address: after a few, an attempt made ' +
            'too soon answers **429 `SIGN_IN_THROTTLED`**, and after more the account is locked for a while: ' +
            '**429 `ACCOUNT_LOCKED`**, the right password included (a locked address answers ' +
            '`SIGN_IN_THROTTLED` with `details.locked: true`). Both carry `Retry-After` (seconds) and ' +
            '`details.retryAfterSeconds`; wait that long. The public verification upload ' +
            'answers 429 `TOO_MANY_REQUESTS` (with `Retry-After`) past its limit per address.',
          '',
          '**CSRF.** Calls authenticated by the **bearer token need nothing more**. Unsafe calls ' +
            '(POST, PUT, PATCH, DELETE) that carry the session **cookie** also need the **`X-CSRF-Token`** ' +
            'header: the token is in `<meta name="csrf-token">` of any page of the web interface (`/app/…`), ' +
            'fetched with the same cookies after sign-in; that page also sets the HttpOnly `saraban_csrf` ' +
            'cookie (`__Host-saraban_csrf` over https), which must be sent back with it. The token belongs to ' +
            'its session (a new one after sign-in). An `Origin` (or `Referer`) other than the public URL is ' +
            'refused too. Either failure answers 403 `CSRF_REJECTED`.',
        ].join('\n'),
      )
      .setVersion('0.1.0')
      .addBearerAuth({
        type: 'http',
        bearerFormat: 'opaque',
        description: 'The token from POST /auth/login (random, not a JWT). No CSRF token needed.',
      })
      .addCookieAuth(SESSION_COOKIE, {
        type: 'apiKey',
        description:
          'The session cookie set by POST /auth/login. Unsafe calls (POST, PUT, PATCH, DELETE) also need ' +
          'the X-CSRF-Token header (see the description above), or answer 403 CSRF_REJECTED.',
      })
      .build(),
  );
  SwaggerModule.setup('api/docs', app, document, { jsonDocumentUrl: 'api/docs-json' });
}
