import cluster, { type Worker } from 'node:cluster';
import { Logger } from '@nestjs/common';
import { closeWithLauncher } from '@saraban/logging';

/**
 * Runs the API as `count` processes sharing one port (node:cluster): one Node process runs
 * JavaScript on one core, so a single API process leaves the other cores to PostgreSQL alone.
 * The primary only forks, restarts a process that dies unexpectedly, and passes SIGTERM/SIGINT
 * on (each process closes gracefully), exiting once all have ended. With count 1, `start` runs
 * in this process.
 */
export function runApiProcesses(count: number, start: () => Promise<void>): Promise<void> {
  if (count <= 1 || !cluster.isPrimary) return start();
  const logger = new Logger('ApiProcesses');
  let stopping = false;
  const started = Date.now();
  const fork = (): Worker => cluster.fork();
  for (let i = 0; i < count; i++) fork();
  cluster.on('exit', (worker, code, signal) => {
    if (!stopping) {
      logger.error(`API process ${worker.process.pid} ended (${signal ?? code}): starting another`);
      // A process that cannot boot (bad configuration) ends at once: stop rather than loop.
      if (code === 1 && Date.now() - started < 10_000) {
        stopping = true;
        process.exitCode = 1;
        for (const w of Object.values(cluster.workers ?? {})) w?.kill('SIGTERM');
      } else {
        fork();
      }
    }
    if (Object.keys(cluster.workers ?? {}).length === 0) process.exit(process.exitCode ?? 0);
  });
  const onSignal = (signal: NodeJS.Signals) => {
    stopping = true;
    for (const w of Object.values(cluster.workers ?? {})) w?.process.kill(signal);
  };
  process.on('SIGTERM', onSignal);
  process.on('SIGINT', onSignal);
  closeWithLauncher(onSignal);
  logger.log(`${count} API processes`);
  return Promise.resolve();
}
