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
      .setDescription('บันทึกข้อความ: drafting, the outgoing register, approval and publication.')
      .setVersion('0.1.0')
      .addBearerAuth()
      .addCookieAuth(SESSION_COOKIE)
      .build(),
  );
  SwaggerModule.setup('api/docs', app, document, { jsonDocumentUrl: 'api/docs-json' });
}
