import {
  Inject,
  Injectable,
  Logger,
  type OnApplicationBootstrap,
  type OnApplicationShutdown,
} from '@nestjs/common';
import { APP_CONFIG, type AppConfig } from '@saraban/config';
import { ScheduledTicks, type ScheduledTick } from '@saraban/redis';
import { DeadlineSweepService } from '../sweep/deadline-sweep.service';
import { DEADLINE_QUEUE, DeadlineJob } from './deadline-job';

/**
 * Reminders and escalations as BullMQ job schedulers (ScheduledTicks): every worker upserts the
 * same two schedulers (idempotent), each tick is one job that one worker takes — never a timer per
 * process. A tick that runs twice (a stalled job taken over) writes nothing twice: the sweep's
 * notices are unique per step start.
 */
@Injectable()
export class DeadlineSchedulerProcessor implements OnApplicationBootstrap, OnApplicationShutdown {
  private readonly logger = new Logger('DeadlineScheduler');
  private schedule?: ScheduledTicks;

  constructor(
    @Inject(APP_CONFIG) private readonly config: AppConfig,
    private readonly sweeps: DeadlineSweepService,
  ) {}

  async onApplicationBootstrap(): Promise<void> {
    const every = this.config.DEADLINE_SWEEP_MS;
    const ticks: Record<DeadlineJob, ScheduledTick> = {
      [DeadlineJob.Remind]: { every, run: () => this.sweeps.sweep('reminder') },
      [DeadlineJob.Escalate]: { every, run: () => this.sweeps.sweep('escalation') },
    };
    this.schedule = await ScheduledTicks.start({
      queue: DEADLINE_QUEUE,
      label: 'deadline',
      logger: this.logger,
      config: this.config,
      ticks,
    });
  }

  async onApplicationShutdown(): Promise<void> {
    await this.schedule?.close();
  }
}
