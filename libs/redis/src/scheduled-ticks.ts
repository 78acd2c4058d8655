import type { Logger, OnApplicationBootstrap, OnApplicationShutdown } from '@nestjs/common';
import { Queue, UnrecoverableError, Worker, type Job } from 'bullmq';
import type { Redis } from 'ioredis';
import type { AppConfig } from '@saraban/config';
import { queueConnection } from './queue-connection.util';

/** How often each worker makes sure the schedulers exist (after Redis lost them). */
const ENSURE_SCHEDULERS_MS = 10_000;

export interface ScheduledTicksOptions {
  /** The queue the ticks are jobs of. */
  queue: string;
  /** The word the log lines start with ("deadline", "maintenance"). */
  label: string;
  logger: Logger;
  config: Pick<AppConfig, 'REDIS_URL' | 'QUEUE_PREFIX'>;
  /** Each tick by its job name: how often it runs (ms) and what it does. */
  ticks: Record<string, ScheduledTick>;
}

export interface ScheduledTick {
  every: number;
  /** What it answers is kept as the job's return value. */
  run: () => Promise<unknown>;
}

/**
 * Scheduled work as BullMQ job schedulers: every worker upserts the same schedulers (idempotent)
 * and takes ticks off one queue, one at a time, so each tick is one job run by one worker however
 * many are running — never a timer in each process. A Redis that lost its data (restarted without
 * persistence, flushed) lost the schedulers too: they are upserted again whenever the connection
 * comes back, and every little while.
 */
export class ScheduledTicks {
  private readonly ensureTimer: NodeJS.Timeout;
  private readonly worker: Worker;

  private constructor(
    private readonly options: ScheduledTicksOptions,
    private readonly connection: Redis,
    private readonly queue: Queue,
  ) {
    connection.on('ready', () => void this.ensureSchedulers());
    this.ensureTimer = setInterval(() => void this.ensureSchedulers(), ENSURE_SCHEDULERS_MS);
    this.ensureTimer.unref();
    const { label, logger } = options;
    this.worker = new Worker(options.queue, (job) => this.run(job), {
      connection,
      prefix: options.config.QUEUE_PREFIX,
      concurrency: 1,
    });
    this.worker.on('error', (err: Error) => logger.warn({ msg: `${label} worker`, err }));
    this.worker.on('failed', (job, err) => logger.warn({ msg: `${label} tick failed`, job: job?.name, err }));
  }

  /** Connects, upserts the schedulers, then starts taking ticks. */
  static async start(options: ScheduledTicksOptions): Promise<ScheduledTicks> {
    const { label, logger, config } = options;
    const connection = queueConnection(config, logger);
    const queue = new Queue(options.queue, { connection, prefix: config.QUEUE_PREFIX });
    queue.on('error', (err: Error) => logger.warn({ msg: `${label} queue`, err }));
    await ScheduledTicks.upsert(options, queue);
    return new ScheduledTicks(options, connection, queue);
  }

  /** Stops taking ticks and closes the queue and its connection. */
  async close(): Promise<void> {
    clearInterval(this.ensureTimer);
    await this.worker.close();
    await this.queue.close();
    await this.connection.quit().catch(() => this.connection.disconnect());
  }

  private run(job: Job): Promise<unknown> {
    const tick = Object.hasOwn(this.options.ticks, job.name) ? this.options.ticks[job.name] : undefined;
    if (!tick) throw new UnrecoverableError(`unknown ${this.options.label} job ${job.name}`);
    return tick.run();
  }

  private ensureSchedulers(): Promise<void> {
    return ScheduledTicks.upsert(this.options, this.queue);
  }

  /** Idempotent: the same schedulers, whichever worker upserts them and however often. */
  private static async upsert(options: ScheduledTicksOptions, queue: Queue): Promise<void> {
    try {
      for (const [name, { every }] of Object.entries(options.ticks)) {
        await queue.upsertJobScheduler(
          name,
          { every },
          { name, opts: { removeOnComplete: 1000, removeOnFail: 1000 } },
        );
      }
    } catch (err) {
      options.logger.warn({ msg: `${options.label} schedulers not upserted (Redis down?)`, err });
    }
  }
}

/**
 * A provider whose scheduled work is ScheduledTicks: started once the application has booted,
 * closed when it shuts down. A subclass names its queue, its log label and its ticks.
 */
export abstract class ScheduledTicksHost implements OnApplicationBootstrap, OnApplicationShutdown {
  private schedule?: ScheduledTicks;

  protected constructor(private readonly host: Omit<ScheduledTicksOptions, 'ticks'>) {}

  /** Each tick by its job name, read when the application has booted. */
  protected abstract scheduledTicks(): Record<string, ScheduledTick>;

  async onApplicationBootstrap(): Promise<void> {
    this.schedule = await ScheduledTicks.start({ ...this.host, ticks: this.scheduledTicks() });
  }

  async onApplicationShutdown(): Promise<void> {
    await this.schedule?.close();
  }
}
