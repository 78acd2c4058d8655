import {
  Inject,
  Injectable,
  Logger,
  type OnApplicationBootstrap,
  type OnApplicationShutdown,
} from '@nestjs/common';
import { Queue, UnrecoverableError, Worker, type Job } from 'bullmq';
import { Redis } from 'ioredis';
import { APP_CONFIG, type AppConfig } from '@saraban/config';
import { DeadlineSweepService, type SweepResult } from '../sweep/deadline-sweep.service';
import { DEADLINE_QUEUE, DeadlineJob } from './deadline-job';

/** How often each worker makes sure the schedulers exist (after Redis lost them). */
const ENSURE_SCHEDULERS_MS = 10_000;

/**
 * Reminders and escalations as BullMQ job schedulers: every worker upserts the same two
 * schedulers (idempotent), each tick is one job that one worker takes — never a timer per
 * process. A tick that runs twice (a stalled job taken over) writes nothing twice: the sweep's
 * notices are unique per step start.
 */
@Injectable()
export class DeadlineSchedulerProcessor implements OnApplicationBootstrap, OnApplicationShutdown {
  private readonly logger = new Logger('DeadlineScheduler');
  private connection?: Redis;
  private queue?: Queue;
  private worker?: Worker;
  private ensureTimer?: NodeJS.Timeout;

  constructor(
    @Inject(APP_CONFIG) private readonly config: AppConfig,
    private readonly sweeps: DeadlineSweepService,
  ) {}

  async onApplicationBootstrap(): Promise<void> {
    // BullMQ's blocking commands need their own connection with unlimited retries per request.
    this.connection = new Redis(this.config.REDIS_URL, { maxRetriesPerRequest: null });
    this.connection.on('error', (err: Error) => this.logger.warn(`queue connection: ${err.message}`));
    const prefix = this.config.QUEUE_PREFIX;
    this.queue = new Queue(DEADLINE_QUEUE, { connection: this.connection, prefix });
    this.queue.on('error', (err: Error) => this.logger.warn({ msg: 'deadline queue', err }));
    await this.ensureSchedulers();
    this.connection.on('ready', () => void this.ensureSchedulers());
    this.ensureTimer = setInterval(() => void this.ensureSchedulers(), ENSURE_SCHEDULERS_MS);
    this.ensureTimer.unref();
    this.worker = new Worker(DEADLINE_QUEUE, (job) => this.process(job), {
      connection: this.connection,
      prefix,
      concurrency: 1,
    });
    this.worker.on('error', (err: Error) => this.logger.warn({ msg: 'deadline worker', err }));
    this.worker.on('failed', (job, err) =>
      this.logger.warn({ msg: 'deadline tick failed', job: job?.name, err }),
    );
  }

  private async ensureSchedulers(): Promise<void> {
    const queue = this.queue;
    if (!queue) return;
    try {
      for (const name of [DeadlineJob.Remind, DeadlineJob.Escalate]) {
        await queue.upsertJobScheduler(
          name,
          { every: this.config.DEADLINE_SWEEP_MS },
          { name, opts: { removeOnComplete: 1000, removeOnFail: 1000 } },
        );
      }
    } catch (err) {
      this.logger.warn({ msg: 'deadline schedulers not upserted (Redis down?)', err });
    }
  }

  private process(job: Job): Promise<SweepResult> {
    switch (job.name as DeadlineJob) {
      case DeadlineJob.Remind:
        return this.sweeps.sweep('reminder');
      case DeadlineJob.Escalate:
        return this.sweeps.sweep('escalation');
      default:
        throw new UnrecoverableError(`unknown deadline job ${job.name}`);
    }
  }

  async onApplicationShutdown(): Promise<void> {
    clearInterval(this.ensureTimer);
    await this.worker?.close();
    await this.queue?.close();
    await this.connection?.quit().catch(() => this.connection?.disconnect());
  }
}
