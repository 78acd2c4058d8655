import { Injectable } from '@nestjs/common';
import type { AuthUser } from '@saraban/auth';
import type { MemoStatus } from '@saraban/memo';
import { acceptedEventTypes, approvalStateName, currentRouteStep } from '../core/approval-snapshot.util';
import { capacityLines, type Capacity } from '../core/capacity';
import { orderText, type Decision } from '../core/order-kind';
import {
  APPROVAL_COMMANDS,
  type ApprovalStateView,
  type CapacityView,
  type DecisionView,
} from '../dto/approval-views';
import { COMMAND_EVENT, isStuck, permission } from './approval-permissions.util';
import type { LoadedApproval } from './approval-reader';

export function capacityView(c: Capacity): CapacityView {
  return {
    kind: c.kind,
    stepPositionId: c.stepPositionId,
    stepPositionTitle: c.stepPositionTitle,
    ownPositionTitle: c.ownPositionTitle,
    orderReference: c.orderReference,
    lines: capacityLines(c),
  };
}

export function decisionView(d: Decision | null): DecisionView | null {
  return d ? { order: d.order, text: d.text, printed: orderText(d) } : null;
}

/** The memo status that mirrors each machine state. */
export const STATUS_OF_STATE: Record<ReturnType<typeof approvalStateName>, MemoStatus> = {
  draft: 'draft',
  review: 'in_review',
  returned: 'returned',
  decided: 'decided',
  withdrawn: 'withdrawn',
  cancelled: 'cancelled',
};

/** Builds the answer of every command and of GET /memos/:id/approval for one caller. */
@Injectable()
export class ApprovalViewBuilder {
  build(user: AuthUser, loaded: LoadedApproval): ApprovalStateView {
    const { memo, snapshot, resolution } = loaded;
    const accepted = new Set(acceptedEventTypes(snapshot));
    const caller = { personId: user.personId, roles: user.roles };
    const allowedCommands = APPROVAL_COMMANDS.filter(
      (c) => accepted.has(COMMAND_EVENT[c]) && permission(c, caller, memo.authorId, resolution).ok,
    );
    const actors = resolution?.kind === 'actors' ? resolution.actors : [];
    const mine = actors.find((a) => a.personId === user.personId);
    const names = loaded.staffing.personNames;
    return {
      memoId: memo.id,
      status: memo.status,
      version: memo.version,
      state: approvalStateName(snapshot),
      round: snapshot.context.round,
      route: snapshot.context.route,
      currentStep: currentRouteStep(snapshot),
      stuck: isStuck(resolution),
      waitingFor: actors.map((a) => ({
        personId: a.personId,
        name: names.get(a.personId) ?? '',
        capacity: capacityView(a.capacity),
      })),
      documentNo: loaded.workflow?.documentNo ?? null,
      datedOn: loaded.datedOn,
      decision: decisionView(snapshot.context.decision),
      returnReason: snapshot.context.returnReason,
      myCapacity: mine ? capacityView(mine.capacity) : null,
      allowedCommands,
    };
  }
}
