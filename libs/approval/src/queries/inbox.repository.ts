import type { EntityManager } from 'typeorm';
import { queryPrepared } from '@saraban/postgres';
import { heldOrCoveredPostsSql, personNameSql } from '@saraban/organisation';
import type { RouteStep } from '../core/route-step';

/**
 * The inbox statements, exported for EXPLAIN in the benchmark. Parameters: $1 organisation,
 * $2 the caller (their own memos never wait for them), $3 the Bangkok day, $4 one post to
 * narrow to or null, $5 urgency order or null, $6/$7 the search as LIKE patterns (as typed, and
 * with Thai digits) or null; items also $8 per-post limit (offset + limit), $9 limit, $10 offset.
 * The caller's posts (held, or covered by an order that day) are found inside each statement,
 * so the capacities, the counts and the items can run at the same time.
 */
/*
 * The inbox: per capacity (a post I hold or act for today) an ordered, LIMITed index scan of
 * approval_inbox_idx (organisation, post, urgency, waiting since), merged and cut again.
 * Each scan reads at most offset+limit entries, whatever the backlog of the post.
 */
const CAPS = `caps AS (
  ${heldOrCoveredPostsSql('$1', '$2', '$3::date')}
)`;

const MATCHES = `($5::smallint IS NULL OR w.urgency_order = $5::smallint)
       AND ($6::text IS NULL OR w.subject ILIKE $6 OR w.document_no ILIKE $6 OR w.document_no ILIKE $7)`;

export const INBOX_ITEMS_SQL = `
WITH ${CAPS}
SELECT w.memo_id, w.subject, w.document_no, w.urgency_order, w.waiting_since, w.submitted_at, w.version,
       w.current_position_id, w.route -> w.current_seq AS step, ${personNameSql('w.author_id')} AS author_name,
       w.due_at, w.remind_at
  FROM caps
  CROSS JOIN LATERAL (
    SELECT w.memo_id, w.subject, w.document_no, w.urgency_order, w.waiting_since, w.submitted_at, w.version,
           w.current_position_id, w.current_seq, w.route, w.author_id, w.due_at, w.remind_at
      FROM memo_workflows w
     WHERE w.organisation_id = $1 AND w.state = 'review' AND w.current_position_id = caps.position_id
       AND w.author_id <> $2
       AND ${MATCHES}
     ORDER BY w.urgency_order, w.waiting_since, w.memo_id
     LIMIT $8
  ) w
 WHERE $4::uuid IS NULL OR caps.position_id = $4::uuid
 ORDER BY w.urgency_order, w.waiting_since, w.memo_id
 LIMIT $9 OFFSET $10`;

export const INBOX_COUNTS_SQL = `
WITH ${CAPS}
SELECT caps.position_id, count(w.memo_id)::int AS count,
       count(w.memo_id) FILTER (WHERE ($4::uuid IS NULL OR caps.position_id = $4::uuid) AND ${MATCHES})::int AS matching
  FROM caps
  LEFT JOIN memo_workflows w ON w.organisation_id = $1 AND w.state = 'review'
   AND w.current_position_id = caps.position_id AND w.author_id <> $2
 GROUP BY caps.position_id`;

/**
 * My memos returned to me for revision ($1 organisation, $2 me, $3 urgency order or null, $4/$5
 * the search patterns or null): work waiting for its writer, most urgent and oldest first.
 */
export const RETURNED_TO_ME_SQL = `
SELECT w.memo_id, w.subject, w.document_no, w.urgency_order, w.waiting_since, w.version, w.machine_version, w.snapshot
  FROM memo_workflows w
 WHERE w.organisation_id = $1 AND w.author_id = $2 AND w.state = 'returned'
   AND ($3::smallint IS NULL OR w.urgency_order = $3::smallint)
   AND ($4::text IS NULL OR w.subject ILIKE $4 OR w.document_no ILIKE $4 OR w.document_no ILIKE $5)
 ORDER BY w.urgency_order, w.waiting_since, w.memo_id
 LIMIT 200`;

export interface InboxRow {
  memo_id: string;
  subject: string;
  document_no: string | null;
  urgency_order: number;
  waiting_since: Date;
  submitted_at: Date;
  version: number;
  current_position_id: string;
  step: RouteStep;
  author_name: string;
  due_at: Date | null;
  remind_at: Date | null;
}

export interface ReturnedRow {
  memo_id: string;
  subject: string;
  document_no: string | null;
  urgency_order: number;
  waiting_since: Date;
  version: number;
  machine_version: number;
  snapshot: Record<string, unknown>;
}

/** Per post of the caller: how many memos wait there, and how many of them match the search. */
export function inboxCounts(
  manager: EntityManager,
  params: readonly unknown[],
): Promise<{ position_id: string; count: number; matching: number }[]> {
  return queryPrepared(manager, INBOX_COUNTS_SQL, [...params]);
}

/** One page of the memos waiting for the caller, most urgent and longest waiting first. */
export function inboxItems(
  manager: EntityManager,
  params: readonly unknown[],
  page: { limit: number; offset: number },
): Promise<InboxRow[]> {
  return queryPrepared(manager, INBOX_ITEMS_SQL, [
    ...params,
    page.offset + page.limit,
    page.limit,
    page.offset,
  ]);
}

/** The caller's memos returned to them for changes ($1 organisation, $2 person, $3 urgency, $4/$5 search). */
export function returnedToMe(manager: EntityManager, params: readonly unknown[]): Promise<ReturnedRow[]> {
  return queryPrepared(manager, RETURNED_TO_ME_SQL, [...params]);
}
