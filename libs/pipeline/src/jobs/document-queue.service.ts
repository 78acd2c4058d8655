import { Inject, Injectable, Logger, type OnApplicationShutdown } from '@nestjs/common';
import { Queue } from 'bullmq';
import type { Redis } from 'ioredis';
import { APP_CONFIG, type AppConfig } from '@saraban/config';
import {
  DOCUMENT_JOB,
  DOCUMENT_QUEUE,
  documentJobId,
  documentJobOptions,
  type DocumentJobPayload,
} from './document-job';
import { queueConnection } from '@saraban/redis';

/** Enqueues document jobs; the one place that writes to the queue. */
@Injectable()
export class DocumentQueueService implements OnApplicationShutdown {
  private readonly connection: Redis;
  readonly queue: Queue<DocumentJobPayload>;

  constructor(@Inject(APP_CONFIG) private readonly config: AppConfig) {
    this.connection = queueConnection(config);
    this.queue = new Queue<DocumentJobPayload>(DOCUMENT_QUEUE, {
      connection: this.connection,
      prefix: config.QUEUE_PREFIX,
    });
    // Without a listener BullMQ prints every Redis hiccup to the console itself.
    const logger = new Logger('DocumentQueue');
    this.queue.on('error', (error: Error) => logger.warn(`queue: ${error.message}`));
  }

  /**
   * Starts the job of a memo version unless it was started before: its id is deterministic and
   * it is kept a week after completion, so a second enqueue finds it and adds nothing.
   */
  async enqueue(payload: DocumentJobPayload): Promise<'added' | 'exists'> {
    if (await this.queue.getJob(documentJobId(payload))) return 'exists';
    await this.add([payload]);
    return 'added';
  }

  /**
   * Makes sure a memo version's job will run: added when the queue has none (lost queue state),
   * put back when it has given up. Answers what it did ('exists': running or waiting, nothing
   * to do).
   */
  async ensureFlow(payload: DocumentJobPayload): Promise<'added' | 'retried' | 'exists'> {
    const job = await this.queue.getJob(documentJobId(payload));
    if (!job) {
      await this.add([payload]);
      return 'added';
    }
    if (await job.isFailed()) {
      await job.retry('failed');
      return 'retried';
    }
    return 'exists';
  }

  /**
   * Many jobs at once, in one round trip (the relay's batches). BullMQ adds nothing for an id
   * it already holds, so a version relayed twice still has one job (tested).
   */
  async enqueueMany(payloads: DocumentJobPayload[]): Promise<void> {
    if (payloads.length === 0) return;
    await this.add(payloads);
  }

  private async add(payloads: DocumentJobPayload[]): Promise<void> {
    const options = documentJobOptions(this.config.DOCUMENT_JOB_ATTEMPTS);
    await this.queue.addBulk(
      payloads.map((data) => ({
        name: DOCUMENT_JOB,
        data,
        opts: { ...options, jobId: documentJobId(data) },
      })),
    );
  }

  async onApplicationShutdown(): Promise<void> {
    await this.queue.close();
    await this.connection.quit().catch(() => this.connection.disconnect());
  }
}
