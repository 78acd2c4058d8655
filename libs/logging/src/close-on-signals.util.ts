import cluster from 'node:cluster';
import { Logger, type INestApplicationContext } from '@nestjs/common';

/**
 * SIGTERM/SIGINT close the application (its shutdown hooks drain the queue worker, close
 * Chromium, the pools and connections) and then exit 0; a second signal, or a close that takes
 * longer than `timeoutMs`, exits 1 at once. A process launched over an IPC channel closes the
 * same way when its launcher goes (closeWithLauncher).
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
  // A node:cluster process belongs to its primary, which passes the signals on.
  if (!cluster.isWorker) closeWithLauncher(onSignal);
}

/**
 * A process launched with an IPC channel (the tests' and benches' harness, a supervisor that
 * forks it) stops as on SIGTERM when that channel closes: its launcher ended, even SIGKILLed or
 * crashed, and nothing would stop it any more (seen: a crashed bench's API and worker, with
 * Chromium, ran on for an hour). Without a channel (systemd, Docker, a shell) this does nothing.
 */
export function closeWithLauncher(stop: (signal: NodeJS.Signals) => void): void {
  if (!process.send) return;
  const gone = () => {
    new Logger('Shutdown').warn('the launcher is gone (IPC channel closed)');
    stop('SIGTERM');
  };
  // The launcher may have gone while the application was still starting (before this ran).
  if (!process.connected) gone();
  else process.once('disconnect', gone);
}
