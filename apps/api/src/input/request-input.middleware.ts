import type { IncomingMessage } from 'node:http';
import type { NestExpressApplication } from '@nestjs/platform-express';
import type { ExpressAdapter } from '@nestjs/platform-express';
import type { NextFunction, Request, Response } from 'express';
import { AppException, ErrorCode } from '@saraban/errors';
import { findInputProblem, jsonNestedDeeperThan, tooDeepProblem, urlProblem } from './request-input.util';

/** Thrown from the JSON parser's verify hook; body-parser keeps its status (400). */
class JsonTooDeepError extends Error {
  readonly status = 400;
  readonly type = 'entity.too.deep';
}

/**
 * Keeps the raw bytes (organisation files cite their lines; Nest's rawBody does the same) and
 * refuses JSON nested too deep before it is parsed.
 */
function verifyJson(req: IncomingMessage & { rawBody?: Buffer }, _res: unknown, bytes: Buffer): void {
  req.rawBody = bytes;
  if (jsonNestedDeeperThan(bytes)) throw new JsonTooDeepError('JSON nested too deep');
}

/**
 * The body parsers (JSON, forms, YAML text) and, right after them, the check of the request line
 * and the parsed body: a 400 with the usual error body before any route, guard or validation.
 * Multipart bodies are parsed later, per route: RequestInputPipe checks them.
 */
export function useRequestInputChecks(app: NestExpressApplication): void {
  // Through the adapter: app.useBodyParser would replace this verify with Nest's rawBody one.
  (app.getHttpAdapter() as ExpressAdapter).useBodyParser('json', false, { limit: '2mb', verify: verifyJson });
  app.use((error: unknown, _req: Request, _res: Response, next: NextFunction) =>
    next(
      error instanceof JsonTooDeepError
        ? new AppException(ErrorCode.ValidationFailed, [tooDeepProblem('body')])
        : error,
    ),
  );
  // Registered here (not by Nest at init, after every app.use) so that forms are checked too.
  app.useBodyParser('urlencoded', { extended: true });
  // Organisation files arrive as YAML text.
  app.useBodyParser('text', { type: ['application/yaml', 'application/x-yaml', 'text/yaml'], limit: '2mb' });
  app.use((req: Request, _res: Response, next: NextFunction) => {
    const problem = urlProblem(req.originalUrl) ?? findInputProblem(req.body, 'body');
    next(problem ? new AppException(ErrorCode.ValidationFailed, [problem]) : undefined);
  });
}
