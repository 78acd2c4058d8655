import {
  Logger,
  Module,
  RequestMethod,
  type DynamicModule,
  type MiddlewareConsumer,
  type NestModule,
} from '@nestjs/common';
import { LoggerModule, Logger as PinoNestLogger, PinoLogger, type Params } from 'nestjs-pino';
import type { DestinationStream } from 'pino';
import { APP_CONFIG, ConfigModule, type AppConfig } from '@saraban/config';
import { HttpLogging } from './http-logging';
import { setRootLogger } from './log-context';
import { createRootLogger } from './logger-options';

/** Where the lines go: stdout unless provided (tests override it to read the lines). */
export const LOG_DESTINATION = Symbol('LOG_DESTINATION');

export interface LoggingOptions {
  /** Bound as `service` on every line: `saraban-api`, `saraban-worker`. */
  service: string;
  /** Instead of stdout (tests). */
  destination?: DestinationStream;
}

/**
 * pino through nestjs-pino, configured from AppConfig (LOG_LEVEL, LOG_FORMAT). Give the process
 * it with `NestFactory.create(…, { bufferLogs: true })` and `app.useLogger(app.get(Logger))`
 * (`Logger` from nestjs-pino); code keeps logging through Nest's `Logger`. In an HTTP app every
 * request gets an id (`X-Request-Id`, in and out) and one line; everything logged while handling
 * it carries `reqId` (`useRequestLogging(app)` extends this to requests the body parsers refuse). Log errors as `logger.error({ err }, 'what failed')` (or `{ err, memoId }`):
 * the line then has `err.type`, `err.message` and `err.stack`; a string loses the stack's structure.
 */
@Module({})
export class LoggingModule implements NestModule {
  constructor(private readonly http: HttpLogging) {}

  configure(consumer: MiddlewareConsumer): void {
    consumer.apply(this.http.middleware).forRoutes({ path: '{*path}', method: RequestMethod.ALL });
  }

  static forRoot(options: LoggingOptions): DynamicModule {
    return {
      module: LoggingModule,
      imports: [
        LoggerModule.forRootAsync({
          imports: [ConfigModule],
          providers: [{ provide: LOG_DESTINATION, useValue: options.destination ?? null }],
          inject: [APP_CONFIG, LOG_DESTINATION],
          useFactory: (config: AppConfig, destination: DestinationStream | null): Params => {
            const root = createRootLogger(config, options.service, destination ?? undefined);
            setRootLogger(root);
            // The request logging is HttpLogging's (it must also run before the body parsers):
            // nestjs-pino only binds req.log, which that sets, to its async storage.
            return {
              pinoHttp: { logger: root },
              useExisting: true,
              forRoutes: [{ path: '{*path}', method: RequestMethod.ALL }],
            };
          },
        }),
      ],
      providers: [HttpLogging],
      exports: [LoggerModule, HttpLogging],
    };
  }
}

/**
 * For a process without a Nest application (the API's cluster primary, which only forks):
 * Nest `Logger` calls there write the same JSON lines as the applications'.
 */
export function useStandaloneLogger(
  config: Pick<AppConfig, 'LOG_LEVEL' | 'LOG_FORMAT'>,
  service: string,
): void {
  const root = createRootLogger(config, service);
  setRootLogger(root);
  Logger.overrideLogger(new PinoNestLogger(new PinoLogger({ pinoHttp: { logger: root } }), {}));
}
