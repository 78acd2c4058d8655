import {
  Inject,
  Injectable,
  Logger,
  type OnApplicationBootstrap,
  type OnApplicationShutdown,
} from '@nestjs/common';
import { SessionService } from '@saraban/auth';
import { APP_CONFIG, type AppConfig } from '@saraban/config';
import { ScheduledTicks, type ScheduledTick } from '@saraban/redis';
import { OutboxRelayService } from '../relay/outbox-relay.service';
import { PipelineReconcilerService } from '../relay/pipeline-reconciler.service';
import { MAINTENANCE_QUEUE, MaintenanceJob } from './maintenance-job';

/**
 * The pipeline's scheduled work as BullMQ job schedulers (ScheduledTicks): each tick is one job,
 * run by one worker however many are running — never a timer in each process.
 */
@Injectable()
export class MaintenanceProcessor implements OnApplicationBootstrap, OnApplicationShutdown {
  private readonly logger = new Logger('Maintenance');
  private schedule?: ScheduledTicks;
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
  ) {}

  async onApplicationBootstrap(): Promise<void> {
    const counted = (job: MaintenanceJob, run: () => Promise<unknown>) => () => {
      this.ticks[job] += 1;
      return run();
    };
    const ticks: Record<MaintenanceJob, ScheduledTick> = {
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
    this.schedule = await ScheduledTicks.start({
      queue: MAINTENANCE_QUEUE,
      label: 'maintenance',
      logger: this.logger,
      config: this.config,
      ticks,
    });
  }

  async onApplicationShutdown(): Promise<void> {
    await this.schedule?.close();
  }
}
