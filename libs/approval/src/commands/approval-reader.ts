import { Injectable } from '@nestjs/common';
import type { EntityManager } from 'typeorm';
import type { AuthUser } from '@saraban/auth';
import {
  MemoAccessPolicy,
  isCopyRecipient,
  memoFromHeaderRow,
  memoHeaderSql,
  type MemoHeader,
  type MemoHeaderRow,
} from '@saraban/memo';
import { readApprovalChain, staffingRowsSql, type StaffingRow } from '@saraban/organisation';
import { queryPrepared } from '@saraban/postgres';
import { registerDatedOnSql } from '@saraban/register';
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
import { StaffingReader, staffingOf, type StaffingWithNames } from '../staffing/staffing.reader';

/** The workflow's columns, named (a prepared `w.*` breaks when a migration adds one). */
const WORKFLOW_COLUMNS = `w.memo_id, w.organisation_id, w.machine_version, w.snapshot, w.route, w.state, w.round,
    w.current_seq, w.current_position_id, w.author_id, w.subject, w.document_no, w.register_entry_id, w.urgency_order,
    w.waiting_since, w.submitted_at, w.version, w.updated_at, w.decision_order`;

/**
 * One statement for the memo, its workflow, the register date and — once submitted — the
 * staffing of its frozen route for the day ($3, plus the posts in $4): everything a command
 * reads, in one round trip; the memo, register and
 * organisation parts come from their owners. A command locks the memo row (the memo library's FOR UPDATE): separate reads in
 * READ COMMITTED could straddle another's commit.
 */
function loadSql(lock: boolean): string {
  return `WITH memo_row AS (
  SELECT m.*, ${WORKFLOW_COLUMNS}, ${registerDatedOnSql('w.register_entry_id')} AS dated_on
    FROM (${memoHeaderSql('$1', '$2', lock)}) m
    LEFT JOIN memo_workflows w ON w.memo_id = m.m_id
), wanted AS (
  SELECT ARRAY(
    SELECT (step->>'positionId')::uuid FROM memo_row, jsonb_array_elements(memo_row.route) step
    UNION SELECT unnest($4::uuid[])
  ) AS ids
), ${staffingRowsSql('$2', '(SELECT ids FROM wanted)::uuid[]', '$3::date')}
SELECT memo_row.*,
       CASE WHEN memo_row.memo_id IS NULL THEN NULL
            ELSE (SELECT coalesce(jsonb_agg(staffing), '[]'::jsonb) FROM staffing) END AS staffing_rows
  FROM memo_row`;
}
const LOAD_SQL = loadSql(false);
const LOAD_FOR_UPDATE_SQL = loadSql(true);

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
    options: { lock?: boolean; now?: Date } = {},
  ): Promise<LoadedApproval | null> {
    const now = options.now ?? new Date();
    const day = bangkokDateString(now);
    const rows = await queryPrepared<
      WorkflowRow & MemoHeaderRow & { dated_on: string | null; staffing_rows: StaffingRow[] | null }
    >(manager, options.lock ? LOAD_FOR_UPDATE_SQL : LOAD_SQL, [
      memoId,
      organisationId,
      day,
      extraPositionIds,
    ]);
    const row = rows[0];
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
    const acted: unknown[] = await manager.query(
      'SELECT 1 FROM approval_history WHERE organisation_id = $1 AND memo_id = $2 AND actor_id = $3 LIMIT 1',
      [loaded.memo.organisationId, loaded.memo.id, user.personId],
    );
    return acted.length > 0;
  }
}

interface WorkflowRow {
  memo_id: string;
  organisation_id: string;
  machine_version: number;
  snapshot: MemoWorkflow['snapshot'];
  route: MemoWorkflow['route'];
  state: MemoWorkflow['state'];
  round: number;
  current_seq: number | null;
  current_position_id: string | null;
  author_id: string;
  subject: string;
  document_no: string | null;
  register_entry_id: string | null;
  urgency_order: number;
  waiting_since: Date;
  submitted_at: Date;
  version: number;
  updated_at: Date;
  decision_order: string | null;
}

/** One round trip for the workflow and its register date: mapped by hand from the raw row. */
function workflowOf(r: WorkflowRow): MemoWorkflow {
  return Object.assign(new MemoWorkflow(), {
    memoId: r.memo_id,
    organisationId: r.organisation_id,
    machineVersion: r.machine_version,
    snapshot: r.snapshot,
    route: r.route,
    state: r.state,
    round: r.round,
    currentSeq: r.current_seq,
    currentPositionId: r.current_position_id,
    authorId: r.author_id,
    subject: r.subject,
    documentNo: r.document_no,
    registerEntryId: r.register_entry_id,
    urgencyOrder: r.urgency_order,
    waitingSince: r.waiting_since,
    submittedAt: r.submitted_at,
    version: r.version,
    updatedAt: r.updated_at,
    decisionOrder: r.decision_order,
  });
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
