import { randomBytes } from 'node:crypto';
import type { NestExpressApplication } from '@nestjs/platform-express';
import { Test } from '@nestjs/testing';
import { Redis } from 'ioredis';
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

/** The real API on a fresh database; Redis is the real server, with queues under a prefix of its own. */
export async function createTestApp(extra: Record<string, string> = {}): Promise<TestApp> {
  const database = await createTestDatabase();
  const queuePrefix = `t${randomBytes(5).toString('hex')}`;
  const env = {
    NODE_ENV: 'test',
    LOG_FORMAT: 'json',
    DATABASE_URL: database.url,
    QUEUE_PREFIX: queuePrefix,
    ...extra,
  };
  const saved = { ...process.env };
  Object.assign(process.env, env);
  try {
    const moduleRef = await Test.createTestingModule({ imports: [ApiModule] }).compile();
    const app = moduleRef.createNestApplication<NestExpressApplication>({
      logger: ['error', 'warn'],
      rawBody: true,
    });
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
