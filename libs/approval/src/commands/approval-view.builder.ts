import { Injectable } from '@nestjs/common';
import type { EntityManager } from 'typeorm';
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
  async build(manager: EntityManager, user: AuthUser, loaded: LoadedApproval): Promise<ApprovalStateView> {
    const { memo, snapshot, resolution } = loaded;
    const accepted = new Set(acceptedEventTypes(snapshot));
    const caller = { personId: user.personId, roles: user.roles };
    const allowedCommands = APPROVAL_COMMANDS.filter(
      (c) => accepted.has(COMMAND_EVENT[c]) && permission(c, caller, memo.authorId, resolution).ok,
    );
    const actors = resolution?.kind === 'actors' ? resolution.actors : [];
    const mine = actors.find((a) => a.personId === user.personId);
    const names = await this.names(
      manager,
      actors.map((a) => a.personId),
    );
    const entry: { document_no: string; dated_on: string }[] = loaded.workflow?.registerEntryId
      ? await manager.query(
          'SELECT document_no, dated_on::text AS dated_on FROM register_entries WHERE id = $1 AND organisation_id = $2',
          [loaded.workflow.registerEntryId, memo.organisationId],
        )
      : [];
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
      documentNo: entry[0]?.document_no ?? null,
      datedOn: entry[0]?.dated_on ?? null,
      decision: decisionView(snapshot.context.decision),
      returnReason: snapshot.context.returnReason,
      myCapacity: mine ? capacityView(mine.capacity) : null,
      allowedCommands,
    };
  }

  private async names(manager: EntityManager, ids: string[]): Promise<Map<string, string>> {
    if (ids.length === 0) return new Map();
    const rows: { id: string; name: string }[] = await manager.query(
      'SELECT id, prefix || full_name AS name FROM people WHERE id = ANY($1::uuid[])',
      [ids],
    );
    return new Map(rows.map((r) => [r.id, r.name]));
  }
}
