import 'reflect-metadata';
import { NestFactory } from '@nestjs/core';
import { ConfigException, loadConfig } from '@saraban/config';
import { createLogger } from '@saraban/logging';
import { ApiModule } from './api.module';
import { configureApiApp } from './configure-api-app';

async function bootstrap(): Promise<void> {
  const config = loadConfig();
  const app = await NestFactory.create(ApiModule, { logger: createLogger(config, 'saraban-api') });
  configureApiApp(app);
  await app.listen(config.PORT, config.HOST);
}

bootstrap().catch((error: unknown) => {
  console.error(error instanceof ConfigException ? error.message : error);
  process.exit(1);
});
