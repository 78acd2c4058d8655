import type { EntityManager } from 'typeorm';
import type { RouteStep } from '../core/route-step';

/** A memo waiting at a step, with the times its deadline set (the approval read model's copy). */
export interface WaitingStepDeadline {
  memoId: string;
  organisationId: string;
  memoVersion: number;
  authorId: string;
  subject: string;
  documentNo: string | null;
  round: number;
  stepSeq: number;
  step: RouteStep;
  /** The step after this one on the route (up the chain); null at the decision maker. */
  nextStep: RouteStep | null;
  startedAt: Date;
  dueAt: Date;
  remindAt: Date;
}

/** Which time of a waiting step a sweep looks for. */
export type StepTime = 'remind' | 'due';

const COLUMN: Record<StepTime, string> = { remind: 'remind_at', due: 'due_at' };

/**
 * Waiting steps whose reminder or due time is in (after, upTo], in that time's order, across
 * every organisation (the sweeps are the deployment's, not an organisation's). A partial index
 * per time (approval_remind_idx, approval_due_idx) answers it.
 */
export async function waitingStepsReaching(
  m: EntityManager,
  time: StepTime,
  after: Date,
  upTo: Date,
  limit: number,
): Promise<WaitingStepDeadline[]> {
  const column = COLUMN[time];
  const rows: {
    memo_id: string;
    organisation_id: string;
    version: number;
    author_id: string;
    subject: string;
    document_no: string | null;
    round: number;
    current_seq: number;
    step: RouteStep;
    next_step: RouteStep | null;
    waiting_since: Date;
    due_at: Date;
    remind_at: Date;
  }[] = await m.query(
    `SELECT memo_id, organisation_id, version, author_id, subject, document_no, round, current_seq,
            route -> current_seq AS step, route -> (current_seq + 1) AS next_step, waiting_since, due_at, remind_at
       FROM memo_workflows
      WHERE state = 'review' AND ${column} IS NOT NULL AND ${column} > $1 AND ${column} <= $2
      ORDER BY ${column}, memo_id
      LIMIT $3`,
    [after, upTo, limit],
  );
  return rows.map((r) => ({
    memoId: r.memo_id,
    organisationId: r.organisation_id,
    memoVersion: r.version,
    authorId: r.author_id,
    subject: r.subject,
    documentNo: r.document_no,
    round: r.round,
    stepSeq: r.current_seq,
    step: r.step,
    nextStep: r.next_step,
    startedAt: r.waiting_since,
    dueAt: r.due_at,
    remindAt: r.remind_at,
  }));
}
