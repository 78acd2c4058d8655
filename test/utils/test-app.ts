import type { NestExpressApplication } from '@nestjs/platform-express';
import { Test } from '@nestjs/testing';
import { ApiModule } from '../../apps/api/src/api.module';
import { configureApiApp } from '../../apps/api/src/configure-api-app';
import { createTestDatabase } from './test-database';

export interface TestApp {
  app: NestExpressApplication;
  databaseUrl: string;
  close: () => Promise<void>;
}

/** The real API on a fresh database; Redis is the real server. */
export async function createTestApp(env: Record<string, string> = {}): Promise<TestApp> {
  const database = await createTestDatabase();
  const saved = { ...process.env };
  Object.assign(process.env, { NODE_ENV: 'test', LOG_FORMAT: 'json', DATABASE_URL: database.url, ...env });
  const moduleRef = await Test.createTestingModule({ imports: [ApiModule] }).compile();
  const app = moduleRef.createNestApplication<NestExpressApplication>({
    logger: ['error', 'warn'],
    rawBody: true,
  });
  configureApiApp(app);
  await app.init();
  process.env = saved;
  return {
    app,
    databaseUrl: database.url,
    close: async () => {
      await app.close();
      await database.drop();
    },
  };
}
