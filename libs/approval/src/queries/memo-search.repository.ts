import type { EntityManager } from 'typeorm';
import {
  memoCopiedToSql,
  memoListingSql,
  memosByAuthorsSql,
  memosCopiedToSql,
  memoTextMatchSql,
} from '@saraban/memo';
import { heldOrCoveredPostsSql, peopleNamedSql, personNameSql } from '@saraban/organisation';
import { thaiSearchNormSql, thaiSearchPatternSql } from '@saraban/postgres';
import { registerDatedOnSql } from '@saraban/register';

/*
 * The search over memos. Parameters: $1 organisation, $2 the caller, $3 the Bangkok day, $4 whether
 * the caller reads every memo of the organisation (clerks and admins: MemoAccessPolicy), $5 status
 * or null, $6 first day or null, $7 the day after the last or null, $8 which list ('all', 'acted': what I acted on, 'copied':
 * the memos copied to me), $9 limit,
 * $10 offset; with a term, $11 the term LIKE-escaped.
 *
 * Who may read a memo is the rule of MemoAccessPolicy and ApprovalReader.mayRead, in SQL: the
 * writer; clerks and admins; once submitted, whoever holds or covers (acting order, today) a post
 * on its route, or is named as the actor of an entry of its history, and the people it is copied
 * to (สำเนาเรียน, the memo library's rule).
 */

/** Every memo matching the term, by each trigram index: text, number, the writer's and the actors' names. */
const MATCHED = `matched AS (
  ${memoTextMatchSql('$1', '$11')}
  UNION
  SELECT wn.memo_id FROM memo_workflows wn
   WHERE wn.organisation_id = $1 AND ${thaiSearchNormSql('wn.document_no')} ILIKE ${thaiSearchPatternSql('$11')}
  UNION
  ${memosByAuthorsSql('$1', peopleNamedSql('$1', '$11'))}
  UNION
  SELECT hn.memo_id FROM approval_history hn
   WHERE hn.organisation_id = $1 AND hn.actor_id IN (${peopleNamedSql('$1', '$11')})
)`;

/** My latest endorsement, return or decision on each memo (approval_history_actor_idx). */
const ACTED = `acted AS (
  SELECT DISTINCT ON (ha.memo_id) ha.memo_id, ha.action, ha.order_kind, ha.text, ha.occurred_at
    FROM approval_history ha
   WHERE ha.organisation_id = $1 AND ha.actor_id = $2 AND ha.action IN ('endorsed', 'returned', 'decided')
   ORDER BY ha.memo_id, ha.seq DESC
)`;

/**
 * Where the candidates come from: the trigram indexes (a term), the copies index (the memos copied
 * to me, no term), or the organisation's memos (filters only; the memos I acted on).
 */
type Driver = 'term' | 'copied' | 'all';

function searchSql(driver: Driver): string {
  const withTerm = driver === 'term';
  return `
WITH caps AS (
  ${heldOrCoveredPostsSql('$1', '$2', '$3::date')}
), ${ACTED}${withTerm ? `, ${MATCHED}` : ''}
SELECT m.id, m.subject, m.status, m.urgency, m.updated_at, ${personNameSql('m.author_id')} AS author_name,
       w.document_no, w.decision_order, d.day::text AS day,
       a.action AS my_action, a.order_kind AS my_order_kind, a.text AS my_text, a.occurred_at AS acted_at,
       count(*) OVER ()::int AS total
  FROM (${memoListingSql('$1')}) m
  ${withTerm ? 'JOIN (SELECT DISTINCT id FROM matched) mm ON mm.id = m.id' : ''}
  ${driver === 'copied' ? `JOIN (${memosCopiedToSql('$1', '$2')}) cm ON cm.id = m.id` : ''}
  LEFT JOIN memo_workflows w ON w.memo_id = m.id
  LEFT JOIN acted a ON a.memo_id = m.id
  CROSS JOIN LATERAL (
    SELECT coalesce(${registerDatedOnSql('w.register_entry_id')}::date, (m.created_at AT TIME ZONE 'Asia/Bangkok')::date) AS day
  ) d
 WHERE (m.author_id = $2 OR $4::boolean OR a.memo_id IS NOT NULL
        OR (w.memo_id IS NOT NULL AND (
              EXISTS (SELECT 1 FROM jsonb_array_elements(w.route) s
                        JOIN caps ON caps.position_id = (s ->> 'positionId')::uuid)
           OR EXISTS (SELECT 1 FROM approval_history hv
                       WHERE hv.organisation_id = $1 AND hv.memo_id = m.id AND hv.actor_id = $2)
           OR ${memoCopiedToSql('m.id', '$1', '$2')})))
   AND ($5::text IS NULL OR m.status = $5::text)
   AND ($6::date IS NULL OR d.day >= $6::date)
   AND ($7::date IS NULL OR d.day < $7::date)
   AND ($8::text <> 'acted' OR a.memo_id IS NOT NULL)
   AND ($8::text <> 'copied' OR ${memoCopiedToSql('m.id', '$1', '$2')})
 ORDER BY CASE WHEN $8::text = 'acted' THEN a.occurred_at ELSE m.updated_at END DESC, m.id
 LIMIT $9 OFFSET $10`;
}

/** The search with a term (the trigram indexes find the candidates first). */
export const MEMO_SEARCH_SQL = searchSql('term');
/** The memos copied to me, without a term. */
export const MEMO_COPIES_SQL = searchSql('copied');
/** The same without a term: filters only, or the memos I acted on. */
export const MEMO_LIST_SQL = searchSql('all');

export interface MemoSearchRow {
  id: string;
  subject: string;
  status: string;
  urgency: string;
  updated_at: Date;
  author_name: string | null;
  document_no: string | null;
  decision_order: string | null;
  day: string;
  my_action: 'endorsed' | 'returned' | 'decided' | null;
  my_order_kind: string | null;
  my_text: string | null;
  acted_at: Date | null;
  total: number;
}

/**
 * Runs the list of a search: by words when `term` is given (already LIKE-escaped, as parameter
 * $11), else the copied-to-me list or the plain list. `params` are $1 … $10 of the statements.
 */
export function searchMemoRows(
  manager: EntityManager,
  params: readonly unknown[],
  term: string | null,
  copied: boolean,
): Promise<MemoSearchRow[]> {
  return term
    ? manager.query<MemoSearchRow[]>(MEMO_SEARCH_SQL, [...params, term])
    : manager.query<MemoSearchRow[]>(copied ? MEMO_COPIES_SQL : MEMO_LIST_SQL, [...params]);
}
