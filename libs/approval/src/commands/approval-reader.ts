import { Injectable } from '@nestjs/common';
import type { EntityManager } from 'typeorm';
import type { AuthUser } from '@saraban/auth';
import { Memo } from '@saraban/memo';
import { ApprovalChainStep, Position } from '@saraban/organisation';
import { bangkokDateString } from '@saraban/thai-format';
import {
  currentRouteStep,
  loadApproval,
  startApproval,
  type ApprovalSnapshot,
} from '../core/approval-snapshot.util';
import { buildRoute } from '../core/build-route.util';
import type { RouteStep } from '../core/route-step';
import { resolveStep, type StepResolution, type Staffing } from '../core/who-may-act.util';
import { MemoWorkflow } from '../entities/memo-workflow.entity';
import { StaffingReader } from '../staffing/staffing.reader';

/** A memo with its approval as one command or view sees it, at one moment. */
export interface LoadedApproval {
  memo: Memo;
  workflow: MemoWorkflow | null;
  snapshot: ApprovalSnapshot;
  staffing: Staffing;
  /** Who may act on the waiting step today; null outside review. */
  resolution: StepResolution | null;
  now: Date;
  day: string;
}

/** Loads a memo's approval state and the staffing of its route for today. */
@Injectable()
export class ApprovalReader {
  constructor(private readonly staffing: StaffingReader) {}

  async load(
    manager: EntityManager,
    organisationId: string,
    memoId: string,
    extraPositionIds: readonly string[] = [],
    options: { lock?: boolean; now?: Date } = {},
  ): Promise<LoadedApproval | null> {
    const now = options.now ?? new Date();
    // A command locks the memo row first (FOR UPDATE), so the workflow read next is the one that
    // goes with this memo version: two statements in READ COMMITTED could otherwise straddle a commit.
    const memo = await manager.findOne(Memo, {
      where: { id: memoId, organisationId },
      ...(options.lock ? { lock: { mode: 'pessimistic_write' as const } } : {}),
    });
    if (!memo) return null;
    const workflow = await manager.findOne(MemoWorkflow, { where: { memoId, organisationId } });
    // A draft's route is the chain as it is now; it is frozen into the snapshot at submission.
    const snapshot = workflow
      ? loadApproval({ machineVersion: workflow.machineVersion, snapshot: workflow.snapshot })
      : startApproval(await this.currentRoute(manager, organisationId, memo.unitId));
    const day = bangkokDateString(now);
    const route = snapshot.context.route;
    const staffing = await this.staffing.forPositions(
      manager,
      organisationId,
      [...route.map((s) => s.positionId), ...extraPositionIds],
      day,
    );
    return {
      memo,
      workflow,
      snapshot,
      staffing,
      resolution: resolutionOf(snapshot, staffing, day, memo.authorId),
      now,
      day,
    };
  }

  async currentRoute(manager: EntityManager, organisationId: string, unitId: string): Promise<RouteStep[]> {
    const chain = await manager.find(ApprovalChainStep, { where: { organisationId, unitId } });
    if (chain.length === 0) return [];
    const positions = await manager
      .createQueryBuilder(Position, 'p')
      .where('p.organisationId = :organisationId AND p.id IN (:...ids)', {
        organisationId,
        ids: chain.map((c) => c.positionId),
      })
      .getMany();
    return buildRoute(chain, positions);
  }

  /** May the caller read this memo because of the approval: on its route today, or named in its history. */
  async onRoute(manager: EntityManager, user: AuthUser, loaded: LoadedApproval): Promise<boolean> {
    if (!loaded.workflow) return false;
    const route = loaded.snapshot.context.route;
    const mayActSomewhere = route.some((step) =>
      [resolveStep(step, loaded.day, loaded.staffing, loaded.memo.authorId)].some(
        (r) => r.kind === 'actors' && r.actors.some((a) => a.personId === user.personId),
      ),
    );
    if (mayActSomewhere) return true;
    const acted: unknown[] = await manager.query(
      'SELECT 1 FROM approval_history WHERE organisation_id = $1 AND memo_id = $2 AND actor_id = $3 LIMIT 1',
      [loaded.memo.organisationId, loaded.memo.id, user.personId],
    );
    return acted.length > 0;
  }
}

export function resolutionOf(
  snapshot: ApprovalSnapshot,
  staffing: Staffing,
  day: string,
  authorId: string,
): StepResolution | null {
  const step = currentRouteStep(snapshot);
  return step ? resolveStep(step, day, staffing, authorId) : null;
}
