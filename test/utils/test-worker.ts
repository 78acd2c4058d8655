import type { INestApplicationContext } from '@nestjs/common';
import { Test } from '@nestjs/testing';
import { WorkerModule } from '../../apps/worker/src/worker.module';

/** The real worker (relay, queue processor, Chromium pool) in this process, on a test app's database and queues. */
export async function startTestWorker(env: Record<string, string>): Promise<INestApplicationContext> {
  const saved = { ...process.env };
  Object.assign(process.env, env);
  try {
    const moduleRef = await Test.createTestingModule({ imports: [WorkerModule] })
      .setLogger({
        log: () => undefined,
        warn: () => undefined,
        error: console.error,
        debug: () => undefined,
        verbose: () => undefined,
        fatal: console.error,
      })
      .compile();
    await moduleRef.init();
    return moduleRef;
  } finally {
    process.env = saved;
  }
}
