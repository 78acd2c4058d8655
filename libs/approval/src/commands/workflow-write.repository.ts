import type { EntityManager } from 'typeorm';
import { guardedMemoStatusUpdateSql } from '@saraban/memo';
import { queryPrepared } from '@saraban/postgres';
import { pendingHistoryCte } from '../history/approval-history.writer';

/*
 * An approval command's writes, each one prepared statement on the command's transaction: the
 * memo's guarded status update (the memo library's statement), the workflow row, and the
 * pending history entries (`pendingHistoryJson`), which a deferred trigger links at COMMIT.
 */

/** The workflow row's columns a command writes, in the statements' parameter order ($1–$15). */
export interface WorkflowWrite {
  memoId: string;
  organisationId: string;
  machineVersion: number;
  snapshot: string;
  route: string;
  state: string;
  round: number;
  currentSeq: number | null;
  currentPositionId: string | null;
  subject: string;
  documentNo: string | null;
  registerEntryId: string | null;
  urgencyOrder: number;
  /** When the command ran: waiting_since, and updated_at (submitted_at on a first submission). */
  now: Date;
  /** The workflow's version: the new one on a first submission, the one read on a later command. */
  version: number;
}

/** The waiting step's due and reminder times, and the decision's order, as written with the row. */
export interface WorkflowWriteTail {
  /** `pendingHistoryJson` of the command's entries. */
  history: string;
  dueAt: Date | null;
  remindAt: Date | null;
  decisionOrder: string | null;
}

function workflowParams(w: WorkflowWrite): unknown[] {
  return [
    w.memoId,
    w.organisationId,
    w.machineVersion,
    w.snapshot,
    w.route,
    w.state,
    w.round,
    w.currentSeq,
    w.currentPositionId,
    w.subject,
    w.documentNo,
    w.registerEntryId,
    w.urgencyOrder,
    w.now,
    w.version,
  ];
}

/** The first submission's guarded memo update (the workflow row does not exist yet). */
const FIRST_MEMO_UPDATE_SQL = guardedMemoStatusUpdateSql({
  id: '$1',
  organisationId: '$2',
  status: '$3',
  version: '$4',
});

/**
 * The workflow row of a first submission ($1–$16, the step's due and reminder times $18–$19,
 * the decision's order $20), and its history ($17). No row answered: a
 * racing first submission got there first (the memo row's lock let this one through with the
 * workflow it read before waiting), which is a 409, not a duplicate key.
 */
const WORKFLOW_INSERT_SQL = `WITH ${pendingHistoryCte('$17')}
INSERT INTO memo_workflows (memo_id, organisation_id, machine_version, snapshot, route, state, round, current_seq,
  current_position_id, subject, document_no, register_entry_id, urgency_order, waiting_since, version,
  author_id, submitted_at, updated_at, due_at, remind_at, decision_order)
VALUES ($1, $2, $3, $4::jsonb, $5::jsonb, $6, $7, $8, $9, $10, $11, $12, $13, $14, $15, $16, $14, $14, $18, $19, $20)
ON CONFLICT (memo_id) DO NOTHING
RETURNING version`;

/**
 * Every later command: the memo (guarded by its version, $17: the memo library's statement), the
 * workflow (guarded by its own, $15, with the waiting step's due and reminder times $19–$20 and
 * the decision's order $21) and the history ($18), in one statement.
 */
const LATER_WRITE_SQL = `WITH memo AS (
  ${guardedMemoStatusUpdateSql({ id: '$1', organisationId: '$2', status: '$16', version: '$17' })}
), ${pendingHistoryCte('$18')}
UPDATE memo_workflows w SET machine_version = $3, snapshot = $4::jsonb, route = $5::jsonb, state = $6, round = $7,
  current_seq = $8, current_position_id = $9, subject = $10, document_no = $11, register_entry_id = $12,
  urgency_order = $13, waiting_since = $14, version = memo.version, updated_at = $14, due_at = $19, remind_at = $20,
  decision_order = $21
  FROM memo
 WHERE w.memo_id = $1 AND w.organisation_id = $2 AND w.version = $15
 RETURNING w.version`;

/** A first submission's memo update: its new version, or null when the memo was not at `version` (409). */
export async function updateMemoForFirstSubmission(
  m: EntityManager,
  memo: { id: string; organisationId: string; status: string; version: number },
): Promise<number | null> {
  const [row] = await queryPrepared<{ version: number }>(m, FIRST_MEMO_UPDATE_SQL, [
    memo.id,
    memo.organisationId,
    memo.status,
    memo.version,
  ]);
  return row === undefined ? null : row.version;
}

/** A first submission's workflow row and history; false when a racing submission inserted it first (409). */
export async function insertWorkflow(
  m: EntityManager,
  workflow: WorkflowWrite,
  authorId: string,
  tail: WorkflowWriteTail,
): Promise<boolean> {
  const inserted = await queryPrepared<{ version: number }>(m, WORKFLOW_INSERT_SQL, [
    ...workflowParams(workflow),
    authorId,
    tail.history,
    tail.dueAt,
    tail.remindAt,
    tail.decisionOrder,
  ]);
  return inserted.length > 0;
}

/**
 * A later command's memo, workflow and history in one statement: the new version, or null when
 * the memo was not at `memoVersion` (no memo row updated → no workflow row either → 409).
 */
export async function writeLaterCommand(
  m: EntityManager,
  workflow: WorkflowWrite,
  memo: { status: string; version: number },
  tail: WorkflowWriteTail,
): Promise<number | null> {
  const [row] = await queryPrepared<{ version: number }>(m, LATER_WRITE_SQL, [
    ...workflowParams(workflow),
    memo.status,
    memo.version,
    tail.history,
    tail.dueAt,
    tail.remindAt,
    tail.decisionOrder,
  ]);
  return row === undefined ? null : row.version;
}
