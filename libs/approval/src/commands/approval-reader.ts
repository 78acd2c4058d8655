import { Injectable } from '@nestjs/common';
import type { EntityManager } from 'typeorm';
import type { AuthUser } from '@saraban/auth';
import {
  MemoAccessPolicy,
  isCopyRecipient,
  memoContentFromRow,
  memoFromHeaderRow,
  type MemoHeader,
  type SubmittedContent,
} from '@saraban/memo';
import { readApprovalChain, type WorkingTimeSettings } from '@saraban/organisation';
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
import type { MemoWorkflow } from '../entities/memo-workflow.entity';
import { hasActedOn } from '../history/approval-history.repository';
import { StaffingReader, staffingOf, type StaffingWithNames } from '../staffing/staffing.reader';
import { loadApprovalRow, workflowOf } from './approval-load.repository';

/** A memo with its approval as one command or view sees it, at one moment. */
export interface LoadedApproval {
  memo: MemoHeader;
  workflow: MemoWorkflow | null;
  snapshot: ApprovalSnapshot;
  staffing: StaffingWithNames;
  /** The register entry's ลงวันที่, once submitted. */
  datedOn: string | null;
  /** Who may act on the waiting step today; null outside review. */
  resolution: StepResolution | null;
  /** The memo's content, when loaded for a submission (`withContent`); null otherwise. */
  content: SubmittedContent | null;
  /** The organisation's working-time settings (a waiting step's deadline counts in them). */
  workingTime: WorkingTimeSettings;
  now: Date;
  day: string;
}

/** Loads a memo's approval state and the staffing of its route for today. */
@Injectable()
export class ApprovalReader {
  constructor(
    private readonly staffing: StaffingReader,
    private readonly access: MemoAccessPolicy,
  ) {}

  async load(
    manager: EntityManager,
    organisationId: string,
    memoId: string,
    extraPositionIds: readonly string[] = [],
    options: { lock?: boolean; now?: Date; withContent?: boolean } = {},
  ): Promise<LoadedApproval | null> {
    const now = options.now ?? new Date();
    const day = bangkokDateString(now);
    const row = await loadApprovalRow(manager, {
      memoId,
      organisationId,
      day,
      extraPositionIds,
      lock: options.lock ?? false,
      withContent: options.withContent ?? false,
    });
    if (!row) return null;
    const memo = memoFromHeaderRow(row);
    const workflow = row.memo_id ? workflowOf(row) : null;
    // A draft's route is the chain as it is now; it is frozen into the snapshot at submission.
    const snapshot = workflow
      ? loadApproval({ machineVersion: workflow.machineVersion, snapshot: workflow.snapshot })
      : startApproval(await this.currentRoute(manager, organisationId, memo.unitId));
    const route = snapshot.context.route;
    const loadedStaffing = row.staffing_rows ? staffingOf(row.staffing_rows) : null;
    // The statement staffs the posts of the stored route; a draft (no route stored yet) reads them now.
    const staffing =
      loadedStaffing && route.every((s) => loadedStaffing.positionTitles.has(s.positionId))
        ? loadedStaffing
        : await this.staffing.forPositions(
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
      datedOn: row.dated_on,
      resolution: resolutionOf(snapshot, staffing, day, memo.authorId),
      content: memoContentFromRow(row),
      workingTime: row.working_time ?? {},
      now,
      day,
    };
  }

  async currentRoute(manager: EntityManager, organisationId: string, unitId: string): Promise<RouteStep[]> {
    const { steps, positions } = await readApprovalChain(manager, organisationId, unitId);
    if (steps.length === 0) return [];
    return buildRoute(steps, positions);
  }

  /**
   * The memo policy's own rules (the author; clerks and admins, who list the whole organisation;
   * the people it is copied to) or a place on the route, all on the command's connection. Not `accessOf()`: its grants (ours
   * included) read through the pool, and a transaction waiting for a second connection while
   * holding one deadlocks the pool under load.
   */
  async mayRead(m: EntityManager, user: AuthUser, loaded: LoadedApproval): Promise<boolean> {
    if (loaded.memo.organisationId !== user.organisationId) return false;
    if (loaded.memo.authorId === user.personId || this.access.canListOrganisation(user)) return true;
    if (await this.onRoute(m, user, loaded)) return true;
    // สำเนาเรียน: the memo's own rule (submitted, copied to the person or their unit), on this connection.
    return isCopyRecipient(m, user.organisationId, loaded.memo.id, user.personId);
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
    return hasActedOn(manager, loaded.memo.organisationId, loaded.memo.id, user.personId);
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
