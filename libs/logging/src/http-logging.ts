import type { IncomingMessage, ServerResponse } from 'node:http';
import { Inject, Injectable, type INestApplication } from '@nestjs/common';
import { PARAMS_PROVIDER_TOKEN, type Params } from 'nestjs-pino';
import { Store, storage } from 'nestjs-pino/storage';
import type { Logger as PinoLogger } from 'pino';
import { pinoHttp } from 'pino-http';
import { httpLoggingOptions } from './logger-options';

const SEEN = Symbol('saraban.requestLogged');
type Request = IncomingMessage & { [SEEN]?: true };

/**
 * pino-http on the process's root logger, once per request however often the middleware is
 * mounted (first in the app, and again as Nest middleware), then the request's logger (bound to
 * its reqId) in nestjs-pino's async storage around everything that follows.
 */
@Injectable()
export class HttpLogging {
  readonly middleware: (req: IncomingMessage, res: ServerResponse, next: () => void) => void;

  constructor(@Inject(PARAMS_PROVIDER_TOKEN) params: Params) {
    const httpLogger = pinoHttp(httpLoggingOptions((params.pinoHttp as { logger: PinoLogger }).logger));
    this.middleware = (req: Request, res, next) => {
      if (!req[SEEN]) {
        req[SEEN] = true;
        httpLogger(req, res);
      }
      storage.run(new Store(req.log), next);
    };
  }
}

/**
 * Mounts the request id and line before anything the app registers itself (cookie and body
 * parsers: a body they refuse, 400 or 413, ends the request before Nest's middleware runs).
 * Call it first; without it the Nest middleware still covers every request that reaches a route.
 */
export function useRequestLogging(app: INestApplication): void {
  app.use(app.get(HttpLogging).middleware);
}
