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
import { queueConnection } from '../jobs/queue-connection.util';
import { PublishStage } from '../stages/publish.stage';
import { RenderStage } from '../stages/render.stage';
import { SignStage } from '../stages/sign.stage';
import { workerConcurrency } from './pipeline-concurrency.util';

/** One stage per job name of the flow. */
type DocumentJobHandlers = Record<DocumentJob, (payload: DocumentJobPayload) => Promise<unknown>>;

/** Thin: takes the flow's jobs off the queue and runs the stage each one names. */
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
  }

  onApplicationBootstrap(): void {
    this.connection = queueConnection(this.config);
    this.worker = new Worker<DocumentJobPayload>(DOCUMENT_QUEUE, (job) => this.process(job), {
      connection: this.connection,
      prefix: this.config.QUEUE_PREFIX,
      concurrency: workerConcurrency(this.config),
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
   * lapse and another worker takes them over, and the checkpoints make that safe.
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
