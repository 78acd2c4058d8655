import { randomUUID } from 'node:crypto';
import type { IncomingMessage, ServerResponse } from 'node:http';
import pino from 'pino';
import type { Options as HttpLoggingOptions } from 'pino-http';
import type { AppConfig } from '@saraban/config';
import { prettyDestination } from './pretty-destination';

/** Never written, whoever logs a request, a response or their headers. */
const REDACTED = [
  'req.body',
  'req.cookies',
  'req.headers.authorization',
  'req.headers.cookie',
  'res.headers["set-cookie"]',
  'headers.authorization',
  'headers.cookie',
  'headers["set-cookie"]',
];

/**
 * The process's one pino logger: JSON lines with `service` and `pid` bound, ISO times, level
 * names, errors under `err` as `{ type, message, stack, …own fields }`.
 */
export function createRootLogger(
  config: Pick<AppConfig, 'LOG_LEVEL' | 'LOG_FORMAT'>,
  service: string,
  destination?: pino.DestinationStream,
): pino.Logger {
  return pino(
    {
      level: config.LOG_LEVEL,
      base: { service, pid: process.pid },
      timestamp: pino.stdTimeFunctions.isoTime,
      formatters: { level: (label) => ({ level: label }) },
      serializers: { err: pino.stdSerializers.err },
      redact: { paths: REDACTED, censor: '[redacted]' },
    },
    destination ?? (config.LOG_FORMAT === 'pretty' ? prettyDestination() : undefined),
  );
}

export const REQUEST_ID_HEADER = 'X-Request-Id';
const SAFE_REQUEST_ID = /^[A-Za-z0-9._-]{1,64}$/;

/** The caller's request id when it is a short safe token (a proxy's or a client's), else a new UUID. */
export function requestIdFrom(header: string | string[] | undefined): string {
  return typeof header === 'string' && SAFE_REQUEST_ID.test(header) ? header : randomUUID();
}

type Request = IncomingMessage & { originalUrl?: string };

const pathOf = (req: Request): string => (req.originalUrl ?? req.url ?? '').split('?')[0];
const isHealthProbe = (path: string) => path.startsWith('/health/');
const isStaticAsset = (path: string) => path.startsWith('/app/assets/') || path === '/favicon.ico';

function requestLine(req: Request, res: ServerResponse, ms: number) {
  return { method: req.method, path: pathOf(req), status: res.statusCode, ms };
}

/**
 * pino-http: one line per request (method, path without its query, status, ms) on a child of
 * the root logger bound to `reqId`, which is also every line logged while handling the request.
 * Nothing of the request itself is serialised: no headers, cookies or bodies.
 */
export function httpLoggingOptions(logger: pino.Logger): HttpLoggingOptions {
  return {
    logger,
    quietReqLogger: true,
    quietResLogger: true,
    genReqId: (req, res) => {
      const id = requestIdFrom(req.headers['x-request-id']);
      res.setHeader(REQUEST_ID_HEADER, id);
      return id;
    },
    // Probes come every few seconds and assets with every page: readable logs keep them at debug.
    customLogLevel: (req, res, err) => {
      const path = pathOf(req);
      if (isHealthProbe(path)) return 'debug';
      if (err || res.statusCode >= 500) return 'error';
      return isStaticAsset(path) ? 'debug' : 'info';
    },
    customSuccessObject: (req, res, val: { responseTime: number }) => requestLine(req, res, val.responseTime),
    // The exception itself is logged by the exception filters, with the same reqId.
    customErrorObject: (req, res, _error, val: { responseTime: number }) =>
      requestLine(req, res, val.responseTime),
    customSuccessMessage: (req, res) =>
      res.writableEnded && !req.readableAborted ? 'request completed' : 'request aborted',
    customErrorMessage: () => 'request failed',
  };
}
