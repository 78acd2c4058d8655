import { Injectable } from '@nestjs/common';
import type { EntityManager } from 'typeorm';
import type { AuthUser } from '@saraban/auth';
import { Memo, MemoAccessPolicy } from '@saraban/memo';
import { ApprovalChainStep, Position } from '@saraban/organisation';
import { queryPrepared } from '@saraban/postgres';
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
import {
  StaffingReader,
  staffingOf,
  staffingRowsSql,
  type StaffingRow,
  type StaffingWithNames,
} from '../staffing/staffing.reader';

/**
 * One statement for the memo, its workflow, the register date and — once submitted — the
 * staffing of its frozen route for the day ($3, plus the posts in $4): everything a command
 * reads, in one round trip. A command locks the memo row (FOR UPDATE OF m): separate reads in
 * READ COMMITTED could straddle another's commit.
 */
function loadSql(lock: boolean): string {
  return `WITH memo_row AS (
  SELECT m.id AS m_id, m.organisation_id AS m_organisation_id, m.author_id AS m_author_id,
      m.unit_id AS m_unit_id, m.unit_line AS m_unit_line, m.subject AS m_subject, m.addressee AS m_addressee,
      m.urgency AS m_urgency, m.secrecy AS m_secrecy, m.signer_position_id AS m_signer_position_id,
      m.status AS m_status, m.version AS m_version, m.created_at AS m_created_at, m.updated_at AS m_updated_at,
      w.*, r.dated_on::text AS dated_on
    FROM memos m
    LEFT JOIN memo_workflows w ON w.memo_id = m.id
    LEFT JOIN register_entries r ON r.id = w.register_entry_id
   WHERE m.id = $1 AND m.organisation_id = $2
   ${lock ? 'FOR UPDATE OF m' : ''}
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
  memo: Memo;
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
      WorkflowRow & MemoRow & { dated_on: string | null; staffing_rows: StaffingRow[] | null }
    >(manager, options.lock ? LOAD_FOR_UPDATE_SQL : LOAD_SQL, [
      memoId,
      organisationId,
      day,
      extraPositionIds,
    ]);
    const row = rows[0];
    if (!row) return null;
    const memo = memoOf(row);
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

  /**
   * The memo policy's own rules (the author; clerks and admins, who list the whole organisation)
   * or a place on the route, all on the command's connection. Not `accessOf()`: its grants (ours
   * included) read through the pool, and a transaction waiting for a second connection while
   * holding one deadlocks the pool under load.
   */
  async mayRead(m: EntityManager, user: AuthUser, loaded: LoadedApproval): Promise<boolean> {
    if (loaded.memo.organisationId !== user.organisationId) return false;
    if (loaded.memo.authorId === user.personId || this.access.canListOrganisation(user)) return true;
    return this.onRoute(m, user, loaded);
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

interface MemoRow {
  m_id: string;
  m_organisation_id: string;
  m_author_id: string;
  m_unit_id: string;
  m_unit_line: string;
  m_subject: string;
  m_addressee: string;
  m_urgency: Memo['urgency'];
  m_secrecy: Memo['secrecy'];
  m_signer_position_id: string;
  m_status: Memo['status'];
  m_version: number;
  m_created_at: Date;
  m_updated_at: Date;
}

/** The memo's header fields (what the approval reads); body, closing and the rest stay unread. */
function memoOf(r: MemoRow): Memo {
  return Object.assign(new Memo(), {
    id: r.m_id,
    organisationId: r.m_organisation_id,
    authorId: r.m_author_id,
    unitId: r.m_unit_id,
    unitLine: r.m_unit_line,
    subject: r.m_subject,
    addressee: r.m_addressee,
    urgency: r.m_urgency,
    secrecy: r.m_secrecy,
    signerPositionId: r.m_signer_position_id,
    status: r.m_status,
    version: r.m_version,
    createdAt: r.m_created_at,
    updatedAt: r.m_updated_at,
  });
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
