import type { EntityManager } from 'typeorm';
import { memoStatusSql, type MemoStatus } from '@saraban/memo';
import { staffedPostsSql } from '@saraban/organisation';
import type { RouteStep } from '../core/route-step';

/* Lists read from memo_workflows: the author's sent memos, and the memos stuck at a step nobody may act on. */

export interface SentWorkflowRow {
  memo_id: string;
  subject: string;
  document_no: string | null;
  status: MemoStatus;
  machine_version: number;
  snapshot: Record<string, unknown>;
  waiting_since: Date;
  submitted_at: Date;
  updated_at: Date;
}

/** One page of the author's submitted memos, most recently moved first. */
export function sentWorkflows(
  manager: EntityManager,
  organisationId: string,
  authorId: string,
  page: { limit: number; offset: number },
): Promise<SentWorkflowRow[]> {
  return manager.query(
    `SELECT w.memo_id, w.subject, w.document_no, ${memoStatusSql('w.memo_id')} AS status, w.machine_version,
            w.snapshot, w.waiting_since, w.submitted_at, w.updated_at
       FROM memo_workflows w
      WHERE w.organisation_id = $1 AND w.author_id = $2
      ORDER BY w.updated_at DESC, w.memo_id LIMIT $3 OFFSET $4`,
    [organisationId, authorId, page.limit, page.offset],
  );
}

/** How many memos the author has submitted. */
export async function sentWorkflowCount(
  manager: EntityManager,
  organisationId: string,
  authorId: string,
): Promise<number> {
  const rows: { n: number }[] = await manager.query(
    'SELECT count(*)::int AS n FROM memo_workflows WHERE organisation_id = $1 AND author_id = $2',
    [organisationId, authorId],
  );
  return rows[0].n;
}

export interface StuckWorkflowRow {
  memo_id: string;
  subject: string;
  document_no: string | null;
  step: RouteStep;
  waiting_since: Date;
  author_only: boolean;
  version: number;
}

/** Memos waiting at a step nobody (but perhaps the author) may act on `day`, longest waiting first. */
export function stuckWorkflows(
  manager: EntityManager,
  organisationId: string,
  day: string,
): Promise<StuckWorkflowRow[]> {
  return manager.query(
    `WITH acting AS (
       ${staffedPostsSql('$1', '$2::date')}
     )
     SELECT w.memo_id, w.subject, w.document_no, w.route -> w.current_seq AS step, w.waiting_since, w.version,
            EXISTS (SELECT 1 FROM acting a WHERE a.position_id = w.current_position_id) AS author_only
       FROM memo_workflows w
      WHERE w.organisation_id = $1 AND w.state = 'review'
        AND NOT EXISTS (SELECT 1 FROM acting a WHERE a.position_id = w.current_position_id AND a.person_id <> w.author_id)
      ORDER BY w.waiting_since, w.memo_id
      LIMIT 500`,
    [organisationId, day],
  );
}
