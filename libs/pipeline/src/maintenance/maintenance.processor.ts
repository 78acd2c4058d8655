import { Inject, Injectable, Logger } from '@nestjs/common';
import { SessionService } from '@saraban/auth';
import { APP_CONFIG, type AppConfig } from '@saraban/config';
import { ScheduledTicksHost, type ScheduledTick } from '@saraban/redis';
import { OutboxRelayService } from '../relay/outbox-relay.service';
import { PipelineReconcilerService } from '../relay/pipeline-reconciler.service';
import { MAINTENANCE_QUEUE, MaintenanceJob } from './maintenance-job';

/**
 * The pipeline's scheduled work as BullMQ job schedulers (ScheduledTicks): each tick is one job,
 * run by one worker however many are running — never a timer in each process.
 */
@Injectable()
export class MaintenanceProcessor extends ScheduledTicksHost {
  /** Ticks this process ran, per job (tests count them across processes). */
  readonly ticks: Record<MaintenanceJob, number> = {
    [MaintenanceJob.RelayPoll]: 0,
    [MaintenanceJob.Reconcile]: 0,
    [MaintenanceJob.SessionCleanup]: 0,
  };

  constructor(
    @Inject(APP_CONFIG) private readonly config: AppConfig,
    private readonly relay: OutboxRelayService,
    private readonly reconciler: PipelineReconcilerService,
    private readonly sessions: SessionService,
  ) {
    super({ queue: MAINTENANCE_QUEUE, label: 'maintenance', logger: new Logger('Maintenance'), config });
  }

  protected scheduledTicks(): Record<MaintenanceJob, ScheduledTick> {
    const counted = (job: MaintenanceJob, run: () => Promise<unknown>) => () => {
      this.ticks[job] += 1;
      return run();
    };
    return {
      [MaintenanceJob.RelayPoll]: {
        every: this.config.OUTBOX_POLL_MS,
        run: counted(MaintenanceJob.RelayPoll, () => this.relay.drain()),
      },
      [MaintenanceJob.Reconcile]: {
        every: this.config.RECONCILE_MS,
        run: counted(MaintenanceJob.Reconcile, () => this.reconciler.reconcileDetailed()),
      },
      [MaintenanceJob.SessionCleanup]: {
        every: this.config.SESSION_CLEANUP_MS,
        run: counted(MaintenanceJob.SessionCleanup, async () => ({
          deleted: await this.sessions.deleteExpired(),
        })),
      },
    };
  }
}
