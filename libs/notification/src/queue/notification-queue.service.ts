import { Inject, Injectable, Logger, type OnApplicationShutdown } from '@nestjs/common';
import { Queue } from 'bullmq';
import { Redis } from 'ioredis';
import { APP_CONFIG, type AppConfig } from '@saraban/config';
import type { NotifiableEvent } from '../events/notifiable-event';
import { isNotifiable } from '../events/notifiable-event';
import {
  NOTIFICATION_QUEUE,
  NotificationJob,
  notificationJobId,
  SEND_JOB_OPTIONS,
  webhookJobOptions,
} from '../events/notification-jobs';

/** The one place that writes to the notification queue. */
@Injectable()
export class NotificationQueueService implements OnApplicationShutdown {
  private readonly connection: Redis;
  readonly queue: Queue;

  constructor(@Inject(APP_CONFIG) private readonly config: AppConfig) {
    this.connection = new Redis(config.REDIS_URL, { maxRetriesPerRequest: null });
    const logger = new Logger('NotificationQueue');
    this.connection.on('error', (error: Error) => logger.warn(`connection: ${error.message}`));
    this.queue = new Queue(NOTIFICATION_QUEUE, { connection: this.connection, prefix: config.QUEUE_PREFIX });
    this.queue.on('error', (error: Error) => logger.warn(`queue: ${error.message}`));
  }

  /**
   * The relay's hand-over: one fan-out job per notifiable event, in one round trip, with the
   * event's id as job id (a batch relayed twice adds nothing).
   */
  async enqueueEvents(events: readonly NotifiableEvent[]): Promise<void> {
    const notifiable = events.filter((e) => isNotifiable(e.type));
    if (notifiable.length === 0) return;
    await this.queue.addBulk(
      notifiable.map((e) => ({
        name: NotificationJob.FanOut,
        data: e,
        opts: { ...SEND_JOB_OPTIONS, jobId: notificationJobId.fanOut(e.id) },
      })),
    );
  }

  /**
   * One send job per batch of deliveries, in one round trip. The batch id is the job id: a batch
   * enqueued again (the fan-out run twice, the release sweep) while its job exists adds nothing.
   */
  async enqueueBatches(batchIds: readonly string[]): Promise<void> {
    if (batchIds.length === 0) return;
    await this.queue.addBulk(
      batchIds.map((batchId) => ({
        name: NotificationJob.Send,
        data: { batchId },
        opts: { ...SEND_JOB_OPTIONS, jobId: notificationJobId.send(batchId) },
      })),
    );
  }

  /**
   * Batches whose rows are still pending well after they fell due (their job was lost with Redis,
   * or gave up and the rows' pause is over): a lost job is added again; a job that failed (or, by
   * a race, completed) is retried with fresh attempts, since its id would make an add a no-op for as
   * long as BullMQ keeps it; a job waiting or running is left alone.
   */
  async requeueBatches(batchIds: readonly string[]): Promise<void> {
    const lost: string[] = [];
    for (const batchId of batchIds) {
      const job = await this.queue.getJob(notificationJobId.send(batchId));
      if (!job) {
        lost.push(batchId);
        continue;
      }
      const state = await job.getState();
      if (state !== 'failed' && state !== 'completed') continue;
      // Another sweep may have moved it meanwhile: then it is running again, which is the point.
      await job.retry(state, { resetAttemptsMade: true, resetAttemptsStarted: true }).catch(() => undefined);
    }
    await this.enqueueBatches(lost);
  }

  async enqueueWebhooks(deliveries: readonly { id: string; replays: number }[]): Promise<void> {
    if (deliveries.length === 0) return;
    await this.queue.addBulk(
      deliveries.map((d) => ({
        name: NotificationJob.Webhook,
        data: { webhookDeliveryId: d.id },
        opts: {
          ...webhookJobOptions(this.config.WEBHOOK_ATTEMPTS, this.config.WEBHOOK_BACKOFF_MS),
          jobId: notificationJobId.webhook(d.id, d.replays),
        },
      })),
    );
  }

  /**
   * The release sweep (held deliveries that fell due, batches whose job was lost), once per tick
   * across every worker (a BullMQ job scheduler).
   */
  async scheduleRelease(): Promise<void> {
    await this.queue.upsertJobScheduler(
      'notification-release',
      { every: this.config.NOTIFICATION_RELEASE_MS },
      { name: NotificationJob.Release, data: {}, opts: { removeOnComplete: 100, removeOnFail: 100 } },
    );
  }

  /** The daily digest, once per tick across every worker (a BullMQ job scheduler). */
  async scheduleDigest(): Promise<void> {
    await this.queue.upsertJobScheduler(
      'notification-digest',
      { pattern: this.config.NOTIFICATION_DIGEST_CRON, tz: 'Asia/Bangkok' },
      { name: NotificationJob.Digest, data: {}, opts: { removeOnComplete: 100, removeOnFail: 100 } },
    );
  }

  async onApplicationShutdown(): Promise<void> {
    await this.queue.close();
    await this.connection.quit().catch(() => this.connection.disconnect());
  }
}
