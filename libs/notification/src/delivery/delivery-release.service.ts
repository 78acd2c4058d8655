import { Inject, Injectable } from '@nestjs/common';
import { APP_CONFIG, type AppConfig } from '@saraban/config';
import { NotificationQueueService } from '../queue/notification-queue.service';
import { assignBatches } from './delivery-batch.util';
import { DeliveryRepository } from './delivery.repository';

/** Deliveries released per sweep; the rest the next tick (a morning after a long weekend is large). */
const RELEASE_LIMIT = 50_000;

/**
 * The release sweep (a job scheduler, once per tick across every worker). Held deliveries (quiet
 * hours) live only in PostgreSQL until their office opens: then they are batched and queued.
 * Batches still waiting a while after they fell due are queued again: a job lost with Redis
 * comes back, a job that gave up (its rows' pause over, see DeliveryRepository.markFailed) runs
 * again with fresh attempts, and a job still waiting is not added twice (the batch id is its id).
 */
@Injectable()
export class DeliveryReleaseService {
  constructor(
    private readonly deliveries: DeliveryRepository,
    private readonly queue: NotificationQueueService,
    @Inject(APP_CONFIG) private readonly config: AppConfig,
  ) {}

  async release(): Promise<{ released: number; requeued: number }> {
    const sizes = { email: this.config.EMAIL_BATCH_SIZE, line: this.config.LINE_MULTICAST_SIZE };
    const released = await this.deliveries.releaseDue((rows) => {
      const fresh = assignBatches(
        rows.filter((r) => !r.batchId),
        sizes,
      );
      return [...rows.filter((r) => r.batchId).map((r) => ({ id: r.id, batchId: r.batchId! })), ...fresh];
    }, RELEASE_LIMIT);
    // A batch is stale when it waited longer than a sweep's period plus a job's lock: its job would have run.
    const stale = await this.deliveries.staleBatches(
      this.config.NOTIFICATION_RELEASE_MS + this.config.JOB_LOCK_MS,
      RELEASE_LIMIT,
    );
    await this.queue.enqueueBatches(released);
    const releasedSet = new Set(released);
    await this.queue.requeueBatches(stale.filter((b) => !releasedSet.has(b)));
    return { released: released.length, requeued: stale.length };
  }
}
