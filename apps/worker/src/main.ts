import 'reflect-metadata';
import { Logger, Module } from '@nestjs/common';
import { NestFactory } from '@nestjs/core';
import { Logger as PinoNestLogger } from 'nestjs-pino';
import { ConfigException, loadConfig } from '@saraban/config';
import { closeOnSignals, LoggingModule } from '@saraban/logging';
import { WorkerModule } from './worker.module';

/** The worker process: its modules and pino's JSON lines (service saraban-worker). */
@Module({ imports: [LoggingModule.forRoot({ service: 'saraban-worker' }), WorkerModule] })
class WorkerProcessModule {}

async function bootstrap(): Promise<void> {
  // A malformed setting ends the process here, with the names of the settings, before Nest starts.
  const config = loadConfig();
  // An HTTP application only for its health: /health/live and /health/ready (the renderer
  // prints, the queue worker runs, PostgreSQL and Redis answer) for orchestrators and the demo.
  const app = await NestFactory.create(WorkerProcessModule, { bufferLogs: true });
  app.useLogger(app.get(PinoNestLogger));
  // SIGTERM/SIGINT run the shutdown hooks: processors finish or hand back their jobs, connections close.
  closeOnSignals(app);
  await app.listen(config.WORKER_HEALTH_PORT, config.HOST);
  new Logger('Worker').log({ msg: 'worker ready', healthPort: config.WORKER_HEALTH_PORT });
}

bootstrap().catch((error: unknown) => {
  console.error(error instanceof ConfigException ? error.message : error);
  process.exit(1);
});
