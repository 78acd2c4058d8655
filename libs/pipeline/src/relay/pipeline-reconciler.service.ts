import {
  Inject,
  Injectable,
  Logger,
  type OnApplicationBootstrap,
  type OnApplicationShutdown,
} from '@nestjs/common';
import { InjectDataSource } from '@nestjs/typeorm';
import { DataSource } from 'typeorm';
import { GO_AHEAD_ORDERS } from '@saraban/approval';
import { APP_CONFIG, type AppConfig } from '@saraban/config';
import { DocumentQueueService } from '../jobs/document-queue.service';

interface Unfinished {
  organisation_id: string;
  memo_id: string;
  version: number;
}

/**
 * The safety net under the outbox: a decided memo whose document is not signed (or, when it asks
 * for publication, not published) after a grace period gets its flow enqueued again. Queue state
 * can be lost (Redis restarted without persistence, a flushed instance); the database cannot.
 * Deterministic job ids make a job that is merely slow a no-op.
 */
@Injectable()
export class PipelineReconcilerService implements OnApplicationBootstrap, OnApplicationShutdown {
  private readonly logger = new Logger('PipelineReconciler');
  private timer?: NodeJS.Timeout;
  private running: Promise<unknown> = Promise.resolve();

  constructor(
    @InjectDataSource() private readonly db: DataSource,
    private readonly queue: DocumentQueueService,
    @Inject(APP_CONFIG) private readonly config: AppConfig,
  ) {}

  onApplicationBootstrap(): void {
    this.timer = setInterval(() => {
      this.running = this.reconcile().catch((error: unknown) =>
        this.logger.warn(error instanceof Error ? error.message : String(error)),
      );
    }, this.config.RECONCILE_MS);
  }

  async onApplicationShutdown(): Promise<void> {
    clearInterval(this.timer);
    await this.running;
  }

  /** Answers how many jobs it enqueued again. */
  async reconcile(graceMs = this.config.RECONCILE_MS): Promise<number> {
    const rows: Unfinished[] = await this.db.query(
      `SELECT w.organisation_id, w.memo_id, w.version
         FROM memo_workflows w
         JOIN memos m ON m.id = w.memo_id
         LEFT JOIN signed_documents d ON d.memo_id = w.memo_id AND d.memo_version = w.version
         LEFT JOIN publications p ON p.memo_id = w.memo_id AND p.memo_version = w.version
        WHERE w.state = 'decided'
          AND w.updated_at < now() - make_interval(secs => $1::double precision / 1000)
          -- Older ones are an administrator's to look at (failed jobs are kept with their reason).
          AND w.updated_at > now() - interval '7 days'
          AND (d.stage IS DISTINCT FROM 'signed'
               OR (m.publish AND p.id IS NULL
                   AND (w.snapshot #>> '{context,decision,order}') = ANY($2::text[])))
        LIMIT 500`,
      [graceMs, GO_AHEAD_ORDERS],
    );
    let added = 0;
    for (const r of rows) {
      const result = await this.queue.enqueue({
        organisationId: r.organisation_id,
        memoId: r.memo_id,
        memoVersion: r.version,
      });
      if (result === 'added') added++;
    }
    if (added > 0) this.logger.warn(`re-enqueued ${added} document flow(s) missing from the queue`);
    return added;
  }
}
