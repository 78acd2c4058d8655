import 'reflect-metadata';
import { Logger } from '@nestjs/common';
import { NestFactory } from '@nestjs/core';
import { ConfigException, loadConfig } from '@saraban/config';
import { closeOnSignals, createLogger } from '@saraban/logging';
import { WorkerModule } from './worker.module';

async function bootstrap(): Promise<void> {
  const config = loadConfig();
  const app = await NestFactory.createApplicationContext(WorkerModule, {
    logger: createLogger(config, 'saraban-worker'),
  });
  // SIGTERM/SIGINT run the shutdown hooks: processors finish or hand back their jobs, connections close.
  closeOnSignals(app);
  await app.init();
  new Logger('Worker').log('worker ready');
}

bootstrap().catch((error: unknown) => {
  console.error(error instanceof ConfigException ? error.message : error);
  process.exit(1);
});
