import { Redis } from 'ioredis';
import type { AppConfig } from '@saraban/config';

/** BullMQ's blocking commands need their own connection with unlimited retries per request. */
export function queueConnection(config: Pick<AppConfig, 'REDIS_URL'>): Redis {
  return new Redis(config.REDIS_URL, { maxRetriesPerRequest: null });
}
