import {
  Inject,
  Injectable,
  Logger,
  type OnApplicationBootstrap,
  type OnApplicationShutdown,
} from '@nestjs/common';
import { InjectDataSource } from '@nestjs/typeorm';
import { Client } from 'pg';
import { DataSource } from 'typeorm';
import { APP_CONFIG, type AppConfig } from '@saraban/config';
import { NotificationQueueService } from '@saraban/notification';
import { claimOutboxBatch, listenForOutboxEvents, markOutboxProcessed } from '@saraban/outbox';
import type { DocumentJobPayload } from '../jobs/document-job';
import { DocumentQueueService } from '../jobs/document-queue.service';
import { documentPayloadOf } from './outbox-event.util';

const BATCH = 100;

/**
 * Moves committed outbox events into the queues: a document flow for each decision, a
 * notification fan-out (in-app, email, LINE, webhooks) for each event people or integrators follow. Woken by the outbox trigger's NOTIFY, with a
 * poll as a safety net (a maintenance tick: once per OUTBOX_POLL_MS across all workers). Rows are claimed with SKIP LOCKED (several workers may run), the
 * batch's jobs are enqueued in one round trip with deterministic ids, and only then are the rows
 * marked: a crash between the two re-relays the events, which the ids turn into no-ops.
 */
@Injectable()
export class OutboxRelayService implements OnApplicationBootstrap, OnApplicationShutdown {
  private readonly logger = new Logger('OutboxRelay');
  private listener?: Client;
  private running: Promise<void> = Promise.resolve();
  private again = false;
  private busy = false;
  private stopped = false;

  constructor(
    @InjectDataSource() private readonly db: DataSource,
    private readonly queue: DocumentQueueService,
    private readonly notifications: NotificationQueueService,
    @Inject(APP_CONFIG) private readonly config: AppConfig,
  ) {}

  async onApplicationBootstrap(): Promise<void> {
    this.listener = new Client({ connectionString: this.config.DATABASE_URL });
    this.listener.on('notification', () => this.wake());
    this.listener.on('error', (error) => this.logger.warn(`listener: ${error.message}`));
    await this.listener.connect();
    await listenForOutboxEvents(this.listener);
    this.wake();
  }

  async onApplicationShutdown(): Promise<void> {
    this.stopped = true;
    await this.running;
    await this.listener?.end().catch(() => undefined);
  }

  /** Coalesces wake-ups: at most one drain runs, and one more follows if woken meanwhile. */
  wake(): void {
    if (this.stopped) return;
    if (this.busy) {
      this.again = true;
      return;
    }
    this.busy = true;
    this.running = this.drain()
      .then(() => undefined)
      .catch((error: unknown) => this.logger.error(error instanceof Error ? error.message : String(error)))
      .finally(() => {
        this.busy = false;
        if (this.again) {
          this.again = false;
          this.wake();
        }
      });
  }

  /** Relays until the outbox is empty; answers how many events it handled. */
  async drain(): Promise<number> {
    let total = 0;
    for (;;) {
      const handled = await this.relayBatch();
      total += handled;
      if (handled < BATCH || this.stopped) return total;
    }
  }

  private relayBatch(): Promise<number> {
    return this.db.transaction(async (m) => {
      const rows = await claimOutboxBatch(m, BATCH);
      const payloads: DocumentJobPayload[] = [];
      for (const row of rows) {
        try {
          const payload = documentPayloadOf(row.type, row.organisation_id, row.payload);
          if (payload) payloads.push(payload);
        } catch (error) {
          // A malformed event must not block the events behind it; it is logged for a person.
          this.logger.error(`outbox ${row.id}: ${error instanceof Error ? error.message : String(error)}`);
        }
      }
      // Both hand-overs before the rows are marked, both with ids derived from the event: a
      // batch relayed again after a crash starts no second flow and no second fan-out.
      await Promise.all([
        this.queue.enqueueMany(payloads),
        this.notifications.enqueueEvents(
          rows.map((r) => ({
            id: r.id,
            organisationId: r.organisation_id,
            type: r.type,
            payload: r.payload,
            createdAt: new Date(r.created_at).toISOString(),
          })),
        ),
      ]);
      await markOutboxProcessed(
        m,
        rows.map((r) => r.id),
      );
      return rows.length;
    });
  }
}
