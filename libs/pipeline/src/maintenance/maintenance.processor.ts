import {
  Inject,
  Injectable,
  Logger,
  type OnApplicationBootstrap,
  type OnApplicationShutdown,
} from '@nestjs/common';
import { Queue, UnrecoverableError, Worker, type Job } from 'bullmq';
import type { Redis } from 'ioredis';
import { SessionService } from '@saraban/auth';
import { APP_CONFIG, type AppConfig } from '@saraban/config';
import { queueConnection } from '../jobs/queue-connection.util';
import { OutboxRelayService } from '../relay/outbox-relay.service';
import { PipelineReconcilerService } from '../relay/pipeline-reconciler.service';
import { MAINTENANCE_QUEUE, MaintenanceJob } from './maintenance-job';

/** How often each worker makes sure the schedulers exist (after Redis lost them). */
const ENSURE_SCHEDULERS_MS = 10_000;

/**
 * The pipeline's scheduled work as BullMQ job schedulers: each tick is one job, run by one worker
 * however many are running — never a timer in each process. Every worker upserts the same
 * schedulers (idempotent) and takes ticks off the queue.
 */
@Injectable()
export class MaintenanceProcessor implements OnApplicationBootstrap, OnApplicationShutdown {
  private readonly logger = new Logger('Maintenance');
  private connection?: Redis;
  private queue?: Queue;
  private worker?: Worker;
  private ensureTimer?: NodeJS.Timeout;
  /** Ticks this process ran, per job (tests count them across processes). */
  readonly ticks: Record<MaintenanceJob, number> = {
    [MaintenanceJob.RelayPoll]: 0,
    [MaintenanceJob.Reconcile]: 0,
    [MaintenanceJob.SessionCleanup]: 0,
  };

  constructor(
    @Inject(APP_CONFIG) private readonly config: AppConfig,
    private readonly relay: OutboxRelayService,
    private readonly reconciler: PipelineReconcilerService,
    private readonly sessions: SessionService,
  ) {}

  async onApplicationBootstrap(): Promise<void> {
    this.connection = queueConnection(this.config);
    const prefix = this.config.QUEUE_PREFIX;
    this.queue = new Queue(MAINTENANCE_QUEUE, { connection: this.connection, prefix });
    this.queue.on('error', (err: Error) => this.logger.warn({ msg: 'maintenance queue', err }));
    await this.ensureSchedulers();
    // A Redis that lost its data (restarted without persistence, flushed) lost the schedulers
    // too: they are upserted again whenever the connection comes back, and every little while.
    this.connection.on('ready', () => void this.ensureSchedulers());
    this.ensureTimer = setInterval(() => void this.ensureSchedulers(), ENSURE_SCHEDULERS_MS);
    this.ensureTimer.unref();
    this.worker = new Worker(MAINTENANCE_QUEUE, (job) => this.process(job), {
      connection: this.connection,
      prefix,
      concurrency: 1,
    });
    this.worker.on('error', (err: Error) => this.logger.warn({ msg: 'maintenance worker', err }));
    this.worker.on('failed', (job, err) =>
      this.logger.warn({ msg: 'maintenance tick failed', job: job?.name, err }),
    );
  }

  /** Idempotent: the same schedulers, whichever worker upserts them and however often. */
  private async ensureSchedulers(): Promise<void> {
    const queue = this.queue;
    if (!queue) return;
    const every: Record<MaintenanceJob, number> = {
      [MaintenanceJob.RelayPoll]: this.config.OUTBOX_POLL_MS,
      [MaintenanceJob.Reconcile]: this.config.RECONCILE_MS,
      [MaintenanceJob.SessionCleanup]: this.config.SESSION_CLEANUP_MS,
    };
    try {
      for (const [name, ms] of Object.entries(every)) {
        await queue.upsertJobScheduler(
          name,
          { every: ms },
          { name, opts: { removeOnComplete: 1000, removeOnFail: 1000 } },
        );
      }
    } catch (err) {
      this.logger.warn({ msg: 'maintenance schedulers not upserted (Redis down?)', err });
    }
  }

  private async process(job: Job): Promise<unknown> {
    switch (job.name as MaintenanceJob) {
      case MaintenanceJob.RelayPoll:
        this.ticks[MaintenanceJob.RelayPoll] += 1;
        return this.relay.drain();
      case MaintenanceJob.Reconcile:
        this.ticks[MaintenanceJob.Reconcile] += 1;
        return this.reconciler.reconcileDetailed();
      case MaintenanceJob.SessionCleanup:
        this.ticks[MaintenanceJob.SessionCleanup] += 1;
        return { deleted: await this.sessions.deleteExpired() };
      default:
        throw new UnrecoverableError(`unknown maintenance job ${job.name}`);
    }
  }

  async onApplicationShutdown(): Promise<void> {
    clearInterval(this.ensureTimer);
    await this.worker?.close();
    await this.queue?.close();
    await this.connection?.quit().catch(() => this.connection?.disconnect());
  }
}
