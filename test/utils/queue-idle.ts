import type { Queue } from 'bullmq';
import { waitFor } from './wait-for';

/**
 * Waits until nothing waits, runs, is delayed or prioritised in the queue: whatever was started
 * has finished (a job of a killed worker stays active until its lock expires and it runs again).
 */
export function waitForIdleQueue(queue: Queue, timeoutMs = 10_000): Promise<true> {
  return waitFor(
    async () => {
      const counts = await queue.getJobCounts(
        'waiting',
        'active',
        'delayed',
        'prioritized',
        'waiting-children',
      );
      return Object.values(counts).every((n) => n === 0) || undefined;
    },
    `the queue ${queue.name} idle`,
    { timeoutMs },
  );
}
