import {
  Inject,
  Injectable,
  Logger,
  type OnApplicationBootstrap,
  type OnApplicationShutdown,
} from '@nestjs/common';
import { Worker, type Job } from 'bullmq';
import { Redis } from 'ioredis';
import { APP_CONFIG, type AppConfig } from '@saraban/config';
import { DeliveryReleaseService } from '../delivery/delivery-release.service';
import { DeliveryService } from '../delivery/delivery.service';
import { DigestService } from '../digest/digest.service';
import { NOTIFICATION_QUEUE, NotificationJob, type NotificationJobData } from '../events/notification-jobs';
import { NotificationFanOutService } from '../fanout/notification-fanout.service';
import { NotificationQueueService } from '../queue/notification-queue.service';
import { WebhookSenderService } from '../webhooks/webhook-sender.service';

const isLastAttempt = (job: Job) => job.attemptsMade + 1 >= (job.opts.attempts ?? 1);

/** Thin: each job calls one use case. Start-up fails if a job name has no handler (exhaustive switch). */
@Injectable()
export class NotificationProcessor implements OnApplicationBootstrap, OnApplicationShutdown {
  private readonly logger = new Logger('NotificationWorker');
  private worker?: Worker;
  private connection?: Redis;

  constructor(
    private readonly fanOut: NotificationFanOutService,
    private readonly deliveries: DeliveryService,
    private readonly webhooks: WebhookSenderService,
    private readonly digest: DigestService,
    private readonly release: DeliveryReleaseService,
    private readonly queue: NotificationQueueService,
    @Inject(APP_CONFIG) private readonly config: AppConfig,
  ) {}

  async onApplicationBootstrap(): Promise<void> {
    this.connection = new Redis(this.config.REDIS_URL, { maxRetriesPerRequest: null });
    this.connection.on('error', (error: Error) => this.logger.warn(`connection: ${error.message}`));
    this.worker = new Worker(NOTIFICATION_QUEUE, (job) => this.run(job), {
      connection: this.connection,
      prefix: this.config.QUEUE_PREFIX,
      concurrency: this.config.NOTIFICATION_CONCURRENCY,
      lockDuration: this.config.JOB_LOCK_MS,
    });
    this.worker.on('error', (error: Error) => this.logger.warn(`worker: ${error.message}`));
    this.worker.on('failed', (job, error) =>
      this.logger.warn({
        msg: 'notification job failed',
        job: job?.id,
        attempt: job?.attemptsMade,
        error: error.message,
      }),
    );
    await this.queue.scheduleDigest();
    await this.queue.scheduleRelease();
  }

  private async run(job: Job): Promise<unknown> {
    const name = job.name as NotificationJob;
    switch (name) {
      case NotificationJob.FanOut:
        return this.fanOut.fanOut(job.data as NotificationJobData[NotificationJob.FanOut]);
      case NotificationJob.Send: {
        const data = job.data as NotificationJobData[NotificationJob.Send];
        return this.deliveries.sendBatch(
          'batchId' in data ? data.batchId : data.deliveryId,
          isLastAttempt(job),
        );
      }
      case NotificationJob.Release:
        return this.release.release();
      case NotificationJob.Webhook:
        return this.webhooks.send(
          (job.data as NotificationJobData[NotificationJob.Webhook]).webhookDeliveryId,
          isLastAttempt(job),
        );
      case NotificationJob.Digest:
        return this.digest.sendAll();
    }
  }

  async onApplicationShutdown(): Promise<void> {
    await this.worker?.close();
    await this.connection?.quit().catch(() => this.connection?.disconnect());
  }
}
