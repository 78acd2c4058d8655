import type { ApprovalIntent } from '../core/approval-intent';
import { approvalStateName, currentRouteStep, type ApprovalSnapshot } from '../core/approval-snapshot.util';
import { orderText } from '../core/order-kind';
import type { Applied, Written } from '../commands/applied-command';
import type { HistoryAction } from '../entities/approval-history-entry.entity';
import type { PendingHistoryEntry } from './approval-history.writer';

/*
 * What a command leaves in the history: one entry, with its outbox event, per record* intent
 * of the machine events it applied, in order.
 */

interface RecordedIntent {
  action: HistoryAction;
  stepSeq: number | null;
  text: string | null;
  orderKind: string | null;
  details: Record<string, unknown> | null;
}

/** The history entry a record* intent becomes; null for intents that are not history. */
function recorded(intent: ApprovalIntent): RecordedIntent | null {
  const none = { text: null, orderKind: null, details: null };
  switch (intent.type) {
    case 'issueRegisterNumber':
    case 'cancelRegisterEntry':
      return null;
    case 'recordSubmission':
      return { ...none, action: intent.params.resubmission ? 'resubmitted' : 'submitted', stepSeq: null };
    case 'recordEndorsement':
      return { ...none, action: 'endorsed', stepSeq: intent.params.seq, text: intent.params.opinion };
    case 'recordSkip':
      return {
        ...none,
        action: 'skipped',
        stepSeq: intent.params.seq,
        details: { reason: intent.params.reason },
      };
    case 'recordReturn':
      return { ...none, action: 'returned', stepSeq: intent.params.seq, text: intent.params.reason };
    case 'recordDecision':
      return {
        action: 'decided',
        stepSeq: intent.params.seq,
        text: intent.params.text,
        orderKind: intent.params.order,
        details: { printed: orderText({ order: intent.params.order, text: intent.params.text }) },
      };
    case 'recordWithdrawal':
      return { ...none, action: 'withdrawn', stepSeq: intent.params.seq };
    case 'recordCancellation':
      return { ...none, action: 'cancelled', stepSeq: intent.params.seq, text: intent.params.reason };
    case 'recordReroute':
      return {
        ...none,
        action: 'rerouted',
        stepSeq: intent.params.seq,
        text: intent.params.note,
        details: { fromPositionId: intent.params.fromPositionId, toPositionId: intent.params.toPositionId },
      };
  }
}

/** What a history entry keeps beside its text: the heading of its step as printed, the number on submission. */
function detailsOf(
  r: RecordedIntent,
  snapshot: ApprovalSnapshot,
  register: { documentNo: string | null; registerEntryId: string | null },
): Record<string, unknown> | null {
  const step = r.stepSeq === null ? undefined : snapshot.context.route[r.stepSeq];
  const extra = {
    ...(step
      ? { heading: step.heading, positionId: step.positionId, positionTitle: step.positionTitle }
      : {}),
    ...(r.action === 'submitted' ? register : {}),
  };
  return r.details === null && Object.keys(extra).length === 0 ? null : { ...r.details, ...extra };
}

const OUTBOX_TYPE: Record<HistoryAction, string> = {
  submitted: 'memo.submitted',
  resubmitted: 'memo.resubmitted',
  endorsed: 'memo.endorsed',
  skipped: 'memo.step_skipped',
  returned: 'memo.returned',
  decided: 'memo.decided',
  withdrawn: 'memo.withdrawn',
  cancelled: 'memo.cancelled',
  rerouted: 'memo.rerouted',
};

/** One history entry, with its outbox event, per recorded intent, in order. */
export function commandHistory(
  caller: { personId: string; name: string },
  memo: { id: string; organisationId: string },
  now: Date,
  applied: readonly Applied[],
  written: Pick<Written, 'version' | 'documentNo' | 'registerEntryId'>,
): PendingHistoryEntry[] {
  const { documentNo, registerEntryId, version } = written;
  const entries: PendingHistoryEntry[] = [];
  for (const a of applied) {
    const awaiting = currentRouteStep(a.snapshot);
    for (const intent of a.intents) {
      const r = recorded(intent);
      if (!r) continue;
      entries.push({
        entry: {
          organisationId: memo.organisationId,
          memoId: memo.id,
          round: a.snapshot.context.round,
          stepSeq: r.stepSeq,
          action: r.action,
          actorId: a.actorId,
          // The name as it is now, frozen in the entry (the caller is the only actor of a command).
          actorName: a.actorId === caller.personId ? caller.name : null,
          capacity: a.capacity,
          text: r.text,
          orderKind: r.orderKind,
          details: detailsOf(r, a.snapshot, { documentNo, registerEntryId }),
          occurredAt: now,
        },
        event: {
          type: OUTBOX_TYPE[r.action],
          payload: {
            memoId: memo.id,
            memoVersion: version,
            round: a.snapshot.context.round,
            stepSeq: r.stepSeq,
            actorId: a.actorId,
            state: approvalStateName(a.snapshot),
            awaiting: awaiting ? { seq: awaiting.seq, positionId: awaiting.positionId } : null,
            documentNo,
          },
        },
      });
    }
  }
  return entries;
}
