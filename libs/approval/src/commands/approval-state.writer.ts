import { Injectable } from '@nestjs/common';
import type { EntityManager } from 'typeorm';
import type { AuthUser } from '@saraban/auth';
import { urgencyRank } from '@saraban/memo';
import { stepDeadline, workingCalendarOf } from '@saraban/organisation';
import { cancelIssuedEntry, RegisterService } from '@saraban/register';
import { approvalStateName, currentRouteStep, persistApproval } from '../core/approval-snapshot.util';
import { pendingHistoryJson } from '../history/approval-history.writer';
import { commandHistory } from '../history/command-history.util';
import type { Applied, Written } from './applied-command';
import type { LoadedApproval } from './approval-reader';
import {
  insertWorkflow,
  updateMemoForFirstSubmission,
  writeLaterCommand,
  type WorkflowWrite,
} from './workflow-write.repository';

/**
 * Writes what an approval command decided, in the command's transaction: the memo's status and
 * version (guarded: only if nobody changed it since it was read), the register (number issued
 * on the first submission, cancelled on withdrawal or cancellation), the workflow row with the
 * waiting step's deadline, and the history with its outbox events.
 */
@Injectable()
export class ApprovalStateWriter {
  constructor(private readonly register: RegisterService) {}

  /** Answers null when the guard found the memo changed (a 409; the caller's rollback undoes the rest). */
  async write(
    m: EntityManager,
    user: AuthUser,
    loaded: LoadedApproval,
    applied: Applied[],
    status: string,
  ): Promise<Written | null> {
    const { memo, now } = loaded;
    const intents = applied.flatMap((a) => a.intents);
    const final = applied[applied.length - 1].snapshot;
    const stored = persistApproval(final);
    const step = currentRouteStep(final);
    const decisionOrder = final.context.decision?.order ?? null;
    let registerEntryId = loaded.workflow?.registerEntryId ?? null;
    let documentNo = loaded.workflow?.documentNo ?? null;
    let datedOn = loaded.datedOn;
    // The history goes with the write that the version guard decides: one round trip for both.
    const history = (version: number) =>
      pendingHistoryJson(
        commandHistory(
          { personId: user.personId, name: `${user.prefix}${user.fullName}` },
          memo,
          now,
          applied,
          {
            version,
            documentNo,
            registerEntryId,
          },
        ),
      );

    const cancellation = intents.find((i) => i.type === 'recordCancellation');
    if (intents.some((i) => i.type === 'cancelRegisterEntry') && registerEntryId) {
      // In the command's transaction: the cancellation commits (or rolls back) with it.
      await cancelIssuedEntry(m, {
        organisationId: memo.organisationId,
        entryId: registerEntryId,
        reason:
          cancellation?.type === 'recordCancellation' ? cancellation.params.reason : 'ถอนเรื่องโดยเจ้าของเรื่อง',
        cancelledById: user.personId,
        at: now,
      });
    }

    // A step starts whenever a command leaves the memo waiting: due in the organisation's working time.
    const deadline = step
      ? stepDeadline(loaded.workingTime, workingCalendarOf(loaded.workingTime), memo.urgency, now)
      : null;
    const workflow = (version: number): WorkflowWrite => ({
      memoId: memo.id,
      organisationId: memo.organisationId,
      machineVersion: stored.machineVersion,
      snapshot: JSON.stringify(stored.snapshot),
      route: JSON.stringify(final.context.route),
      state: approvalStateName(final),
      round: final.context.round,
      currentSeq: step?.seq ?? null,
      currentPositionId: step?.positionId ?? null,
      subject: memo.subject,
      documentNo,
      registerEntryId,
      urgencyOrder: urgencyRank(memo.urgency),
      now,
      version,
    });
    const tail = (version: number) => ({
      history: history(version),
      dueAt: deadline?.dueAt ?? null,
      remindAt: deadline?.remindAt ?? null,
      decisionOrder,
    });

    if (!loaded.workflow) {
      // The first submission: the memo row first (its lock and guard), then the number, then the row.
      const version = await updateMemoForFirstSubmission(m, {
        id: memo.id,
        organisationId: memo.organisationId,
        status,
        version: memo.version,
      });
      if (version === null) return null;
      if (intents.some((i) => i.type === 'issueRegisterNumber')) {
        const entry = await this.register.issueNumber(m, {
          organisationId: memo.organisationId,
          at: now,
          memoId: memo.id,
          issuedById: user.personId,
          fromText: memo.unitLine,
          toText: memo.addressee,
          subject: memo.subject,
        });
        registerEntryId = entry.id;
        documentNo = entry.documentNo;
        datedOn = entry.datedOn;
      }
      // The rollback that follows the 409 also returns the register number taken above.
      if (!(await insertWorkflow(m, workflow(version), memo.authorId, tail(version)))) return null;
      return { version, registerEntryId, documentNo, datedOn };
    }

    // Later commands: memo, workflow and history in one statement. The guard: no memo row updated
    // → no workflow row either → no row answered → 409, and the rollback drops the history too.
    const version = await writeLaterCommand(
      m,
      workflow(loaded.workflow.version),
      { status, version: memo.version },
      tail(memo.version + 1),
    );
    return version === null ? null : { version, registerEntryId, documentNo, datedOn };
  }
}
