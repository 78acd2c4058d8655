import { ConsoleLogger, type LoggerService } from '@nestjs/common';
import type { AppConfig } from '@saraban/config';

/** Structured JSON logs (one object per line) unless LOG_FORMAT=pretty. */
export function createLogger(config: Pick<AppConfig, 'LOG_FORMAT'>, prefix: string): LoggerService {
  return new ConsoleLogger({
    json: config.LOG_FORMAT === 'json',
    prefix,
    colors: config.LOG_FORMAT !== 'json',
  });
}
