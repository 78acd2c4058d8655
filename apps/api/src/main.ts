import 'reflect-metadata';
import cluster from 'node:cluster';
import { NestFactory } from '@nestjs/core';
import type { NestExpressApplication } from '@nestjs/platform-express';
import { Logger } from 'nestjs-pino';
import { ConfigException, loadConfig, type AppConfig } from '@saraban/config';
import { closeOnSignals, useStandaloneLogger } from '@saraban/logging';
import { ApiModule } from './api.module';
import { runApiProcesses } from './api-processes';
import { configureApiApp } from './configure-api-app';

async function bootstrap(config: AppConfig): Promise<void> {
  const app = await NestFactory.create<NestExpressApplication>(ApiModule, {
    // Nest's own boot lines wait for pino (LoggingModule), then go out as JSON like the rest.
    bufferLogs: true,
    rawBody: true,
  });
  app.useLogger(app.get(Logger));
  configureApiApp(app);
  closeOnSignals(app);
  await app.listen(config.PORT, config.HOST);
}

async function main(): Promise<void> {
  const config = loadConfig();
  // The primary of several processes has no Nest application: its lines (forks, deaths) as JSON too.
  if (config.API_PROCESSES > 1 && cluster.isPrimary) useStandaloneLogger(config, 'saraban-api');
  await runApiProcesses(config.API_PROCESSES, () => bootstrap(config));
}

main().catch((error: unknown) => {
  console.error(error instanceof ConfigException ? error.message : error);
  process.exit(1);
});
