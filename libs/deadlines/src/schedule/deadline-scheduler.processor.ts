import { Inject, Injectable, Logger } from '@nestjs/common';
import { APP_CONFIG, type AppConfig } from '@saraban/config';
import { ScheduledTicksHost, type ScheduledTick } from '@saraban/redis';
import { DeadlineSweepService } from '../sweep/deadline-sweep.service';
import { DEADLINE_QUEUE, DeadlineJob } from './deadline-job';

/**
 * Reminders and escalations as BullMQ job schedulers (ScheduledTicks): every worker upserts the
 * same two schedulers (idempotent), each tick is one job that one worker takes — never a timer per
 * process. A tick that runs twice (a stalled job taken over) writes nothing twice: the sweep's
 * notices are unique per step start.
 */
@Injectable()
export class DeadlineSchedulerProcessor extends ScheduledTicksHost {
  constructor(
    @Inject(APP_CONFIG) private readonly config: AppConfig,
    private readonly sweeps: DeadlineSweepService,
  ) {
    super({ queue: DEADLINE_QUEUE, label: 'deadline', logger: new Logger('DeadlineScheduler'), config });
  }

  protected scheduledTicks(): Record<DeadlineJob, ScheduledTick> {
    const every = this.config.DEADLINE_SWEEP_MS;
    return {
      [DeadlineJob.Remind]: { every, run: () => this.sweeps.sweep('reminder') },
      [DeadlineJob.Escalate]: { every, run: () => this.sweeps.sweep('escalation') },
    };
  }
}
