import { Inject, Injectable, Logger, type OnApplicationShutdown } from '@nestjs/common';
import { FlowProducer, Queue, type FlowJob } from 'bullmq';
import type { Redis } from 'ioredis';
import { APP_CONFIG, type AppConfig } from '@saraban/config';
import { DOCUMENT_QUEUE, DocumentJob, documentJobId, type DocumentJobPayload } from './document-job';

/** The flow's jobs, leaf first; the last is the root (publish), whose id stands for the flow. */
const FLOW_JOBS = [DocumentJob.Render, DocumentJob.Sign, DocumentJob.Publish] as const;
import { documentFlow } from './document-flow';
import { queueConnection } from './queue-connection.util';

/** Enqueues document flows; the one place that writes to the queue. */
@Injectable()
export class DocumentQueueService implements OnApplicationShutdown {
  private readonly connection: Redis;
  readonly queue: Queue<DocumentJobPayload>;
  private readonly flows: FlowProducer;

  constructor(@Inject(APP_CONFIG) private readonly config: AppConfig) {
    this.connection = queueConnection(config);
    this.queue = new Queue<DocumentJobPayload>(DOCUMENT_QUEUE, {
      connection: this.connection,
      prefix: config.QUEUE_PREFIX,
    });
    this.flows = new FlowProducer({ connection: this.connection, prefix: config.QUEUE_PREFIX });
    // Without a listener BullMQ prints every Redis hiccup to the console itself.
    const logger = new Logger('DocumentQueue');
    this.queue.on('error', (error: Error) => logger.warn(`queue: ${error.message}`));
    this.flows.on('error', (error: Error) => logger.warn(`flows: ${error.message}`));
  }

  /**
   * Starts the flow of a memo version unless it was started before: the publish job's id is
   * deterministic and it is kept a week after completion, so a second enqueue finds it and
   * adds nothing.
   */
  async enqueue(payload: DocumentJobPayload): Promise<'added' | 'exists'> {
    if (await this.queue.getJob(documentJobId(DocumentJob.Publish, payload))) return 'exists';
    await this.flows.add(this.flowOf(payload));
    return 'added';
  }

  /**
   * Makes sure a memo version's flow will run: added when the queue has none (lost queue state),
   * its failed jobs put back when it has given up. Answers what it did ('exists': running or
   * waiting, nothing to do).
   */
  async ensureFlow(payload: DocumentJobPayload): Promise<'added' | 'retried' | 'exists'> {
    const jobs = await Promise.all(FLOW_JOBS.map((name) => this.queue.getJob(documentJobId(name, payload))));
    if (!jobs[jobs.length - 1]) {
      await this.flows.add(this.flowOf(payload));
      return 'added';
    }
    let retried = false;
    for (const job of jobs) {
      if (job && (await job.isFailed())) {
        await job.retry('failed');
        retried = true;
      }
    }
    return retried ? 'retried' : 'exists';
  }

  /**
   * Many flows at once, in one round trip (the relay's batches). BullMQ adds nothing for an id
   * it already holds, so a version relayed twice still has one flow (tested).
   */
  async enqueueMany(payloads: DocumentJobPayload[]): Promise<void> {
    if (payloads.length === 0) return;
    await this.flows.addBulk(payloads.map((p) => this.flowOf(p)));
  }

  private flowOf(payload: DocumentJobPayload): FlowJob {
    return documentFlow(payload, this.config.QUEUE_PREFIX, this.config.DOCUMENT_JOB_ATTEMPTS);
  }

  async onApplicationShutdown(): Promise<void> {
    await this.flows.close();
    await this.queue.close();
    await this.connection.quit().catch(() => this.connection.disconnect());
  }
}
