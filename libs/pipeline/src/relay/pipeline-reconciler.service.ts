import { Inject, Injectable, Logger } from '@nestjs/common';
import { InjectDataSource } from '@nestjs/typeorm';
import { DataSource } from 'typeorm';
import { decidedVersionsSql, GO_AHEAD_ORDERS } from '@saraban/approval';
import { APP_CONFIG, type AppConfig } from '@saraban/config';
import { PdfRenderer } from '@saraban/document-render';
import { memoPublicationSql } from '@saraban/memo';
import { publicationsSql, signedDocumentsSql } from '@saraban/publication';
import { DocumentFailureRepository } from '../failures/document-failure.repository';
import { DocumentRetryService } from '../failures/document-retry.service';
import { DocumentQueueService } from '../jobs/document-queue.service';

interface Unfinished {
  organisation_id: string;
  memo_id: string;
  version: number;
}

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
    const rows: Unfinished[] = await this.db.query(
      `SELECT w.organisation_id, w.memo_id, w.version
         FROM (${decidedVersionsSql()}) w
         JOIN (${memoPublicationSql()}) m ON m.id = w.memo_id
         LEFT JOIN (${signedDocumentsSql()}) d ON d.memo_id = w.memo_id AND d.memo_version = w.version
         LEFT JOIN (${publicationsSql()}) p ON p.memo_id = w.memo_id AND p.memo_version = w.version
        WHERE w.decided_at < now() - make_interval(secs => $1::double precision / 1000)
          -- A bounded scan; a document that failed is followed by document_failures, however old.
          AND w.decided_at > now() - interval '7 days'
          AND (d.stage IS DISTINCT FROM 'signed'
               OR (m.publish AND p.id IS NULL AND w.decision_order = ANY($2::text[])))
        ORDER BY w.decided_at
        LIMIT 500`,
      [graceMs, GO_AHEAD_ORDERS],
    );
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
