import type { EntityManager } from 'typeorm';
import { memoHeaderSql, type MemoContentRow, type MemoHeaderRow } from '@saraban/memo';
import {
  staffingRowsSql,
  workingTimeSettingsSql,
  type StaffingRow,
  type WorkingTimeSettings,
} from '@saraban/organisation';
import { queryPrepared } from '@saraban/postgres';
import { registerDatedOnSql } from '@saraban/register';
import { MemoWorkflow } from '../entities/memo-workflow.entity';

/** The workflow's columns, named (a prepared `w.*` breaks when a migration adds one). */
const WORKFLOW_COLUMNS = `w.memo_id, w.organisation_id, w.machine_version, w.snapshot, w.route, w.state, w.round,
    w.current_seq, w.current_position_id, w.author_id, w.subject, w.document_no, w.register_entry_id, w.urgency_order,
    w.waiting_since, w.submitted_at, w.version, w.updated_at, w.decision_order`;

/**
 * One statement for the memo, its workflow, the register date and — once submitted — the
 * staffing of its frozen route for the day ($3, plus the posts in $4), and the organisation's
 * working time (the waiting step's deadline): everything a command reads, in one round trip; the memo, register and
 * organisation parts come from their owners. A command locks the memo row (the memo library's FOR UPDATE): separate reads in
 * READ COMMITTED could straddle another's commit.
 */
function loadSql(lock: boolean, withContent = false): string {
  return `WITH memo_row AS (
  SELECT m.*, ${WORKFLOW_COLUMNS}, ${registerDatedOnSql('w.register_entry_id')} AS dated_on
    FROM (${memoHeaderSql('$1', '$2', lock, withContent)}) m
    LEFT JOIN memo_workflows w ON w.memo_id = m.m_id
), wanted AS (
  SELECT ARRAY(
    SELECT (step->>'positionId')::uuid FROM memo_row, jsonb_array_elements(memo_row.route) step
    UNION SELECT unnest($4::uuid[])
  ) AS ids
), ${staffingRowsSql('$2', '(SELECT ids FROM wanted)::uuid[]', '$3::date')}
SELECT memo_row.*,
       CASE WHEN memo_row.memo_id IS NULL THEN NULL
            ELSE (SELECT coalesce(jsonb_agg(staffing), '[]'::jsonb) FROM staffing) END AS staffing_rows,
       ${workingTimeSettingsSql('$2')} AS working_time
  FROM memo_row`;
}
const LOAD_SQL = loadSql(false);
const LOAD_FOR_UPDATE_SQL = loadSql(true);
/** A submission's load: also the content it checks for completeness. */
const LOAD_FOR_SUBMIT_SQL = loadSql(true, true);

/** The row of the load statement: the memo's header, its workflow (if any), ลงวันที่, staffing and working time. */
export type ApprovalLoadRow = WorkflowRow &
  MemoHeaderRow &
  Partial<MemoContentRow> & {
    dated_on: string | null;
    staffing_rows: StaffingRow[] | null;
    working_time: WorkingTimeSettings | null;
  };

/** Runs the load statement (prepared; `lock` takes the memo row FOR UPDATE); null when there is no such memo. */
export async function loadApprovalRow(
  manager: EntityManager,
  p: {
    memoId: string;
    organisationId: string;
    day: string;
    extraPositionIds: readonly string[];
    lock: boolean;
    /** With the memo's content (a submission checks it); implies the lock. */
    withContent?: boolean;
  },
): Promise<ApprovalLoadRow | null> {
  const sql = p.withContent ? LOAD_FOR_SUBMIT_SQL : p.lock ? LOAD_FOR_UPDATE_SQL : LOAD_SQL;
  const rows = await queryPrepared<ApprovalLoadRow>(manager, sql, [
    p.memoId,
    p.organisationId,
    p.day,
    p.extraPositionIds,
  ]);
  return rows[0] ?? null;
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
export function workflowOf(r: WorkflowRow): MemoWorkflow {
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
