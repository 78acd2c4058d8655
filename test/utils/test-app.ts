import { randomBytes } from 'node:crypto';
import type { NestExpressApplication } from '@nestjs/platform-express';
import { Test } from '@nestjs/testing';
import { Queue } from 'bullmq';
import { Redis } from 'ioredis';
import { Logger } from 'nestjs-pino';
import type { DestinationStream } from 'pino';
import { LOG_DESTINATION } from '@saraban/logging';
import { ApiModule } from '../../apps/api/src/api.module';
import { configureApiApp } from '../../apps/api/src/configure-api-app';
import { createTestDatabase } from './test-database';

export interface TestApp {
  app: NestExpressApplication;
  databaseUrl: string;
  /** The queue key prefix of this app, to start a worker on the same queues. */
  queuePrefix: string;
  /** The environment the app was built with (database, queue prefix …), for a worker process. */
  env: Record<string, string>;
  close: () => Promise<void>;
}

/** Deletes every Redis key under a queue prefix (a test's queues). */
export async function dropQueueKeys(prefix: string): Promise<void> {
  const redis = new Redis(process.env.REDIS_URL ?? 'redis://127.0.0.1:6379');
  try {
    let cursor = '0';
    do {
      const [next, keys] = await redis.scan(cursor, 'MATCH', `${prefix}:*`, 'COUNT', 1000);
      if (keys.length) await redis.del(...keys);
      cursor = next;
    } while (cursor !== '0');
  } finally {
    redis.disconnect();
  }
}

/**
 * The real API on a fresh database; Redis is the real server, with queues under a prefix of its own.
 * Logs as in production (pino, JSON lines) but from warn up unless `extra` sets LOG_LEVEL;
 * `logDestination` receives the lines instead of stdout (tests that read them).
 */
export async function createTestApp(
  extra: Record<string, string> = {},
  options: { logDestination?: DestinationStream } = {},
): Promise<TestApp> {
  const database = await createTestDatabase();
  const queuePrefix = `t${randomBytes(5).toString('hex')}`;
  const env = {
    NODE_ENV: 'test',
    LOG_FORMAT: 'json',
    LOG_LEVEL: 'warn',
    DATABASE_URL: database.url,
    QUEUE_PREFIX: queuePrefix,
    ...extra,
  };
  const saved = { ...process.env };
  Object.assign(process.env, env);
  try {
    const builder = Test.createTestingModule({ imports: [ApiModule] });
    if (options.logDestination) builder.overrideProvider(LOG_DESTINATION).useValue(options.logDestination);
    const moduleRef = await builder.compile();
    const app = moduleRef.createNestApplication<NestExpressApplication>({ bufferLogs: true, rawBody: true });
    app.useLogger(app.get(Logger));
    configureApiApp(app);
    await app.init();
    return {
      app,
      databaseUrl: database.url,
      queuePrefix,
      env,
      close: async () => {
        await app.close();
        await database.drop();
        await dropQueueKeys(queuePrefix);
      },
    };
  } finally {
    process.env = saved;
  }
}

/** A client of one of the test app's queues (its Redis, its prefix), for a test to add or inspect jobs. */
export function openTestQueue(t: Pick<TestApp, 'env' | 'queuePrefix'>, name: string): Queue {
  return new Queue(name, {
    connection: { url: t.env.REDIS_URL ?? process.env.REDIS_URL ?? 'redis://127.0.0.1:6379' },
    prefix: t.queuePrefix,
  });
}
