import {
  Inject,
  Injectable,
  Logger,
  type OnApplicationBootstrap,
  type OnApplicationShutdown,
} from '@nestjs/common';
import { DelayedError, UnrecoverableError, Worker, type Job } from 'bullmq';
import type { Redis } from 'ioredis';
import { APP_CONFIG, type AppConfig } from '@saraban/config';
import { ReadinessChecks } from '@saraban/health';
import { runWithLogContext } from '@saraban/logging';
import { HeavyLaneBusyError, PdfRenderer } from '@saraban/document-render';
import { DocumentFailureRepository } from '../failures/document-failure.repository';
import { failureCause } from '../failures/failure-cause.util';
import { DOCUMENT_QUEUE, DocumentStep, type DocumentJobPayload } from '../jobs/document-job';
import { queueConnection } from '@saraban/redis';
import { DocumentCheckpointReader, type DocumentCheckpoint } from '../stages/document-checkpoint.reader';
import { PublishStage } from '../stages/publish.stage';
import { RenderStage, type PrintedMemo } from '../stages/render.stage';
import { SignStage, type SignResult } from '../stages/sign.stage';
import { workerConcurrency } from './pipeline-concurrency.util';

/** How long a large document waits in the queue when the heavy lane is taken. */
const HEAVY_LANE_RETRY_MS = 2_000;

/** What the job did, as BullMQ keeps it for the Bull Board. */
export interface DocumentJobResult {
  documentId: string;
  sha256: string;
  /** False when an earlier run had already stored the signed document. */
  signed: boolean;
  published: boolean;
  publicationId: string | null;
}

/** The checkpoint of a document this run has just stored: signed, not yet published. */
function signedCheckpoint(printed: PrintedMemo, signed: SignResult): DocumentCheckpoint {
  return {
    documentId: signed.documentId,
    stage: 'signed',
    sha256: signed.sha256,
    subject: printed.subject,
    documentNo: printed.documentNo,
    datedOn: printed.datedOn,
    chain: printed.chain,
    publicationId: null,
  };
}

/**
 * Thin: takes a memo version's document job off the queue and runs its steps — render, sign
 * (in memory, stored once signed), publish — each skipped when its checkpoint says it was done
 * (see DocumentStep). A failure is
 * recorded with its cause (document_failures: what the memo page and the admin page show); when
 * the job gives up, or retrying cannot help, the document is set aside for the reconciler to
 * retry later, so one bad document never holds the others. The finished flow clears its record.
 */
@Injectable()
export class DocumentJobProcessor implements OnApplicationBootstrap, OnApplicationShutdown {
  private readonly logger = new Logger('DocumentJobs');
  private worker?: Worker<DocumentJobPayload>;
  private connection?: Redis;

  constructor(
    @Inject(APP_CONFIG) private readonly config: AppConfig,
    private readonly checkpoints: DocumentCheckpointReader,
    private readonly render: RenderStage,
    private readonly sign: SignStage,
    private readonly publish: PublishStage,
    private readonly renderer: PdfRenderer,
    private readonly failures: DocumentFailureRepository,
    private readonly readiness: ReadinessChecks,
  ) {}

  onApplicationBootstrap(): void {
    // What this process's readiness reports: a renderer that prints, a worker taking jobs.
    this.readiness.register('renderer', () => {
      const h = this.renderer.health();
      return { up: h.up, details: { ...h, stats: this.renderer.stats() } };
    });
    this.readiness.register('documentQueue', () => ({
      up: this.worker?.isRunning() === true && this.connection?.status === 'ready',
      details: { connection: this.connection?.status ?? 'none' },
    }));
    this.connection = queueConnection(this.config);
    this.worker = new Worker<DocumentJobPayload>(DOCUMENT_QUEUE, (job, token) => this.inContext(job, token), {
      connection: this.connection,
      prefix: this.config.QUEUE_PREFIX,
      concurrency: workerConcurrency(this.config),
      lockDuration: this.config.JOB_LOCK_MS,
      stalledInterval: Math.max(500, Math.floor(this.config.JOB_LOCK_MS / 2)),
      maxStalledCount: 5,
    });
    this.worker.on('error', (err) => this.logger.error({ msg: 'document worker', err }));
  }

  /** Every log line of the job, down to the renderer's, names the job, the memo and the organisation. */
  private inContext(job: Job<DocumentJobPayload>, token?: string): Promise<unknown> {
    const bindings = {
      jobId: job.id,
      attempt: job.attemptsMade + 1,
      memoId: job.data.memoId,
      memoVersion: job.data.memoVersion,
      organisationId: job.data.organisationId,
    };
    return runWithLogContext(bindings, () => this.process(job, token));
  }

  private async process(job: Job<DocumentJobPayload>, token?: string): Promise<DocumentJobResult> {
    const step = { current: DocumentStep.Render };
    try {
      const result = await this.steps(job.data, step);
      await this.failures.clear(job.data);
      return result;
    } catch (err) {
      if (err instanceof HeavyLaneBusyError) {
        // Not a failure: the job steps back into the queue for a moment, its attempts untouched.
        await job.moveToDelayed(Date.now() + HEAVY_LANE_RETRY_MS, token);
        throw new DelayedError();
      }
      const stage = step.current;
      const cause = failureCause(stage, err);
      const gaveUp = cause.permanent || job.attemptsMade + 1 >= (job.opts.attempts ?? 1);
      this.logger.warn({
        msg: `${stage} failed`,
        stage,
        gaveUp,
        reason: cause.reason,
        cause: cause.cause,
        err,
      });
      await this.failures
        .record(job.data, {
          stage,
          errorCode: cause.errorCode,
          reason: cause.reason,
          cause: cause.cause,
          gaveUp,
          retryAfterMs: cause.permanent ? null : this.config.DOCUMENT_RETRY_MS,
        })
        .catch((recordErr: unknown) =>
          this.logger.error({ msg: 'recording a failure failed', err: recordErr }),
        );
      // Retrying cannot help: the job fails now instead of using up its attempts.
      if (cause.permanent) throw new UnrecoverableError(`${cause.errorCode}: ${cause.cause}`);
      throw err;
    }
  }

  /** Render → sign → publish, from wherever the checkpoint says the document got to. */
  private async steps(p: DocumentJobPayload, step: { current: DocumentStep }): Promise<DocumentJobResult> {
    const done = await this.checkpoints.read(p);
    let signed: SignResult;
    // What the publish step needs of the document; read again unless this run stored it.
    let stored: DocumentCheckpoint | undefined;
    if (!done) {
      const printed = await this.render.run(p);
      step.current = DocumentStep.Sign;
      signed = await this.sign.run(p, printed);
      if (signed.signed) stored = signedCheckpoint(printed, signed);
    } else if (done.stage !== 'signed' || !done.sha256) {
      step.current = DocumentStep.Sign;
      signed = await this.sign.signStored(p, done);
    } else {
      signed = { documentId: done.documentId, sha256: done.sha256, signed: false };
      stored = done;
    }
    step.current = DocumentStep.Publish;
    const published = await this.publish.run(p, stored);
    return { ...signed, published: published.published, publicationId: published.publicationId };
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
