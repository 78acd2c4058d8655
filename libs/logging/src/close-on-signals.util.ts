import { Logger, type INestApplicationContext } from '@nestjs/common';

/**
 * SIGTERM/SIGINT close the application (its shutdown hooks drain the queue worker, close
 * Chromium, the pools and connections) and then exit 0; a second signal, or a close that takes
 * longer than `timeoutMs`, exits 1 at once.
 */
export function closeOnSignals(app: INestApplicationContext, timeoutMs = 30_000): void {
  const logger = new Logger('Shutdown');
  let closing = false;
  const onSignal = (signal: NodeJS.Signals) => {
    if (closing) process.exit(1);
    closing = true;
    logger.log(`${signal}: closing`);
    setTimeout(() => {
      logger.error(`still closing after ${timeoutMs} ms: exiting`);
      process.exit(1);
    }, timeoutMs).unref();
    app.close().then(
      () => {
        logger.log('closed');
        process.exit(0);
      },
      (error: unknown) => {
        logger.error({ err: error }, 'close failed');
        process.exit(1);
      },
    );
  };
  process.on('SIGTERM', onSignal);
  process.on('SIGINT', onSignal);
}
