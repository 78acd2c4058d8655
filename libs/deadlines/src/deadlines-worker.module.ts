import { Module } from '@nestjs/common';
import { StaffingReader } from '@saraban/approval';
import { DeadlineSchedulerProcessor } from './schedule/deadline-scheduler.processor';
import { DeadlineRecipients } from './sweep/deadline-recipients';
import { DeadlineSweepService } from './sweep/deadline-sweep.service';

/** The worker side: the reminder and escalation sweeps on their job schedulers. */
@Module({
  providers: [StaffingReader, DeadlineRecipients, DeadlineSweepService, DeadlineSchedulerProcessor],
  exports: [DeadlineSweepService],
})
export class DeadlinesWorkerModule {}
