import os from 'node:os';
import {
  Inject,
  Injectable,
  Logger,
  type OnApplicationBootstrap,
  type OnApplicationShutdown,
} from '@nestjs/common';
import { UnrecoverableError, Worker, type Job } from 'bullmq';
import type { Redis } from 'ioredis';
import { APP_CONFIG, type AppConfig } from '@saraban/config';
import { PdfRenderer } from '@saraban/document-render';
import { DOCUMENT_QUEUE, DocumentJob, type DocumentJobPayload } from '../jobs/document-job';
import type { DocumentJobHandlers } from '../jobs/document-job-handler';
import { queueConnection } from '../jobs/queue-connection.util';
import { PublishStage } from '../stages/publish.stage';
import { RenderStage } from '../stages/render.stage';
import { SignStage } from '../stages/sign.stage';

/** Fails at start-up when a job of the catalogue has no handler (or a handler has no job). */
export function assertHandlersCoverCatalogue(handlers: DocumentJobHandlers): void {
  const jobs = Object.values(DocumentJob).sort();
  const handled = Object.keys(handlers).sort();
  if (JSON.stringify(jobs) !== JSON.stringify(handled)) {
    throw new Error(
      `document job handlers ${handled.join(',')} do not match the catalogue ${jobs.join(',')}`,
    );
  }
}

/** Thin: takes jobs off the queue and calls the stage use case named by the job. */
@Injectable()
export class DocumentJobProcessor implements OnApplicationBootstrap, OnApplicationShutdown {
  private readonly logger = new Logger('DocumentJobs');
  private worker?: Worker<DocumentJobPayload>;
  private connection?: Redis;
  private readonly handlers: DocumentJobHandlers;

  constructor(
    @Inject(APP_CONFIG) private readonly config: AppConfig,
    render: RenderStage,
    sign: SignStage,
    publish: PublishStage,
    private readonly renderer: PdfRenderer,
  ) {
    this.handlers = {
      [DocumentJob.Render]: (p) => render.run(p),
      [DocumentJob.Sign]: (p) => sign.run(p),
      [DocumentJob.Publish]: (p) => publish.run(p),
    };
    assertHandlersCoverCatalogue(this.handlers);
  }

  onApplicationBootstrap(): void {
    this.connection = queueConnection(this.config);
    this.worker = new Worker<DocumentJobPayload>(DOCUMENT_QUEUE, (job) => this.process(job), {
      connection: this.connection,
      prefix: this.config.QUEUE_PREFIX,
      concurrency: this.config.WORKER_CONCURRENCY ?? 4 * os.availableParallelism(),
      lockDuration: this.config.JOB_LOCK_MS,
      stalledInterval: Math.max(500, Math.floor(this.config.JOB_LOCK_MS / 2)),
      maxStalledCount: 5,
    });
    this.worker.on('failed', (job, error) =>
      this.logger.warn({ job: job?.id, attempt: job?.attemptsMade, reason: error.message }),
    );
    this.worker.on('error', (error) => this.logger.error(error.message));
  }

  private async process(job: Job<DocumentJobPayload>): Promise<unknown> {
    const handler = this.handlers[job.name as DocumentJob] as DocumentJobHandlers[DocumentJob] | undefined;
    if (!handler) throw new UnrecoverableError(`unknown job ${job.name}`);
    return handler(job.data);
  }

  /**
   * Lets the jobs in flight finish (bounded); past the bound they are handed back: their locks
   * lapse and another worker takes them over, and the stages' idempotence makes that safe.
   */
  async onApplicationShutdown(): Promise<void> {
    if (!this.worker) return this.renderer.close();
    const closing = this.worker.close();
    const timeout = new Promise<'timeout'>((resolve) => setTimeout(() => resolve('timeout'), 20_000).unref());
    if ((await Promise.race([closing.then(() => 'closed' as const), timeout])) === 'timeout') {
      this.logger.warn('jobs still running after 20 s: handing them back');
      await this.worker.close(true);
    }
    await this.connection?.quit().catch(() => this.connection?.disconnect());
    // Chromium closes last, when no job can still be printing.
    await this.renderer.close();
  }
}
