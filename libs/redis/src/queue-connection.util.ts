import { Logger } from '@nestjs/common';
import { Redis } from 'ioredis';
import type { AppConfig } from '@saraban/config';

const redisLogger = new Logger('Redis');

/**
 * BullMQ's blocking commands need their own connection with unlimited retries per request.
 * ioredis reconnects by itself; its errors are logged (on `logger`, the Redis one by default)
 * rather than left unhandled.
 */
export function queueConnection(config: Pick<AppConfig, 'REDIS_URL'>, logger: Logger = redisLogger): Redis {
  const redis = new Redis(config.REDIS_URL, { maxRetriesPerRequest: null });
  redis.on('error', (error: Error) => logger.warn(`queue connection: ${error.message}`));
  return redis;
}
