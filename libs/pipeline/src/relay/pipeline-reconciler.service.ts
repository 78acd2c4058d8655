import { Inject, Injectable, Logger } from '@nestjs/common';
import { InjectDataSource } from '@nestjs/typeorm';
import { DataSource } from 'typeorm';
import { APP_CONFIG, type AppConfig } from '@saraban/config';
import { PdfRenderer } from '@saraban/document-render';
import { DocumentFailureRepository } from '../failures/document-failure.repository';
import { DocumentRetryService } from '../failures/document-retry.service';
import { DocumentQueueService } from '../jobs/document-queue.service';
import { unfinishedDocuments } from './unfinished-documents.repository';

export interface ReconcileResult {
  /** Flows added again (the queue had lost them). */
  added: number;
  /** Flows whose failed jobs were put back. */
  retried: number;
}

const RETRY_BATCH = 50;

/**
 * The safety net under the outbox and the jobs' own retries: every decided memo version ends
 * with its signed (and, when asked, published) document, with no manual step.
 * - A decided memo whose document is missing after a grace period gets its flow again if the
 *   queue lost it (Redis restarted without persistence), or its failed jobs put back.
 * - A document set aside after its jobs gave up is retried when its time comes (the wait doubles
 *   each time), and only while this worker's renderer is healthy: a broken renderer would only
 *   fail it again.
 * Runs once per tick across all workers (a BullMQ job scheduler: MaintenanceProcessor).
 * Deterministic job ids make a job that is merely slow a no-op.
 */
@Injectable()
export class PipelineReconcilerService {
  private readonly logger = new Logger('PipelineReconciler');

  constructor(
    @InjectDataSource() private readonly db: DataSource,
    private readonly queue: DocumentQueueService,
    private readonly failures: DocumentFailureRepository,
    private readonly retries: DocumentRetryService,
    private readonly renderer: PdfRenderer,
    @Inject(APP_CONFIG) private readonly config: AppConfig,
  ) {}

  /** Answers how many flows it enqueued again or retried. */
  async reconcile(graceMs = this.config.RECONCILE_MS): Promise<number> {
    const { added, retried } = await this.reconcileDetailed(graceMs);
    return added + retried;
  }

  async reconcileDetailed(graceMs = this.config.RECONCILE_MS): Promise<ReconcileResult> {
    const result: ReconcileResult = { added: 0, retried: 0 };
    const rows = await unfinishedDocuments(this.db.manager, graceMs);
    const aside = await this.failures.setAside(rows.map((r) => r.memo_id));
    for (const r of rows) {
      if (aside.has(`${r.memo_id}:${r.version}`)) continue;
      const outcome = await this.queue.ensureFlow({
        organisationId: r.organisation_id,
        memoId: r.memo_id,
        memoVersion: r.version,
      });
      if (outcome === 'added') result.added++;
      if (outcome === 'retried') result.retried++;
    }

    if (this.renderer.health().up) {
      for (const f of await this.failures.dueForRetry(RETRY_BATCH)) {
        await this.retries.retry({
          organisationId: f.organisationId,
          memoId: f.memoId,
          memoVersion: f.memoVersion,
        });
        result.retried++;
      }
    }
    if (result.added + result.retried > 0) {
      this.logger.warn({ msg: 'document flows put back', ...result });
    }
    return result;
  }
}
