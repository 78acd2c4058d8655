import { Injectable, Logger } from '@nestjs/common';
import { DataSource } from 'typeorm';
import { waitingStepsReaching, type StepTime, type WaitingStepDeadline } from '@saraban/approval';
import { appendOutboxEvents } from '@saraban/outbox';
import { bangkokDateString } from '@saraban/thai-format';
import type { DeadlineNoticeKind } from '../entities/deadline-notice.entity';
import { deadlineNoticeRepository as notices } from '../notices/deadline-notice.repository';
import { DeadlineRecipients } from './deadline-recipients';

/** The outbox event each notice writes; the notification channels deliver it. */
export const DEADLINE_EVENT: Record<DeadlineNoticeKind, string> = {
  reminder: 'memo.step_reminder',
  escalation: 'memo.step_escalated',
};

const TIME_OF: Record<DeadlineNoticeKind, StepTime> = { reminder: 'remind', escalation: 'due' };

/** Steps per sweep transaction; a larger backlog is taken by the following ticks. */
const BATCH = 200;
/**
 * A sweep looks this far behind where the last one stopped: a command whose reminder time was
 * its own start (an allowance shorter than the warning) may commit after a sweep passed it.
 */
const GRACE_MS = 5 * 60_000;
/** The very first sweep of a deployment looks back this far (older steps are escalated too). */
const FIRST_LOOK_BACK_MS = 366 * 24 * 3_600_000;

export interface SweepResult {
  kind: DeadlineNoticeKind;
  /** Steps whose time had come. */
  looked: number;
  /** Notices written (and outbox events): steps not already told. */
  written: number;
}

/**
 * Reminders and escalations. One transaction per sweep: the sweep's row lock (one sweep of a
 * kind at a time, whichever worker runs it), the waiting steps whose time came since the last,
 * one notice per step start written once (unique), its outbox event in the same transaction,
 * and how far the sweep got.
 */
@Injectable()
export class DeadlineSweepService {
  private readonly logger = new Logger('DeadlineSweep');

  constructor(
    private readonly db: DataSource,
    private readonly recipients: DeadlineRecipients,
  ) {}

  sweep(kind: DeadlineNoticeKind, now = new Date()): Promise<SweepResult> {
    return this.db.transaction(async (m) => {
      const sweptTo = await notices.lockSweep(m, kind, new Date(now.getTime() - FIRST_LOOK_BACK_MS));
      const after = new Date(Math.min(sweptTo.getTime(), now.getTime()) - GRACE_MS);
      const steps = await waitingStepsReaching(m, TIME_OF[kind], after, now, BATCH);
      const day = bangkokDateString(now);
      let written = 0;
      for (const step of steps) {
        const to = await this.recipients.of(m, kind, step, day);
        const inserted = await notices.insertOnce(m, {
          organisationId: step.organisationId,
          memoId: step.memoId,
          kind,
          round: step.round,
          stepSeq: step.stepSeq,
          positionId: step.step.positionId,
          positionTitle: step.step.positionTitle,
          stepStartedAt: step.startedAt,
          dueAt: step.dueAt,
          recipientIds: to.ids,
          recipientNames: to.names,
        });
        if (!inserted) continue;
        written++;
        await appendOutboxEvents(m, [
          {
            organisationId: step.organisationId,
            type: DEADLINE_EVENT[kind],
            payload: payloadOf(kind, step, to.ids),
          },
        ]);
      }
      // A full batch stops at its last step's time: the next tick goes on from there.
      const last = steps[steps.length - 1];
      const reached = steps.length === BATCH ? (kind === 'reminder' ? last.remindAt : last.dueAt) : now;
      await notices.advanceSweep(m, kind, reached);
      if (written > 0) this.logger.log({ msg: 'deadline notices', kind, written });
      return { kind, looked: steps.length, written };
    });
  }
}

function payloadOf(kind: DeadlineNoticeKind, step: WaitingStepDeadline, recipientUserIds: string[]) {
  return {
    memoId: step.memoId,
    memoVersion: step.memoVersion,
    organisationId: step.organisationId,
    recipientUserIds,
    dueAt: step.dueAt.toISOString(),
    stepSeq: step.stepSeq,
    round: step.round,
    stepStartedAt: step.startedAt.toISOString(),
    positionId: step.step.positionId,
    positionTitle: step.step.positionTitle,
    subject: step.subject,
    documentNo: step.documentNo,
    ...(kind === 'escalation' ? { nextPositionId: step.nextStep?.positionId ?? null } : {}),
  };
}
