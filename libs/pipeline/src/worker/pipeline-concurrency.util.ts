import os from 'node:os';
import type { AppConfig } from '@saraban/config';

/**
 * Warm Chromium tabs, i.e. documents printed at once: one per core (RENDER_POOL_SIZE).
 * Printing is the pipeline's CPU work; more tabs than cores only interleave it.
 */
export function renderPoolSize(config: Pick<AppConfig, 'RENDER_POOL_SIZE'>): number {
  return config.RENDER_POOL_SIZE ?? os.availableParallelism();
}

/**
 * Jobs a worker runs at once (WORKER_CONCURRENCY): two per tab, so that while one job prints,
 * another reads its memo, signs or stores — the tabs never wait for the database or Redis.
 * Beyond that, jobs would only hold their locks while they queue for a tab.
 */
export function workerConcurrency(
  config: Pick<AppConfig, 'RENDER_POOL_SIZE' | 'WORKER_CONCURRENCY'>,
): number {
  return config.WORKER_CONCURRENCY ?? 2 * renderPoolSize(config);
}
