/**
 * The inbox statements, exported for EXPLAIN in the benchmark. Parameters: $1 organisation,
 * $2 the posts (uuid[]), $3 the caller (their own memos never wait for them), $4 urgency order
 * or null, $5/$6 the search as LIKE patterns (as typed, and with Thai digits) or null;
 * items also $7 per-post limit (offset + limit), $8 limit, $9 offset.
 */
/*
 * The inbox: per capacity (a post I hold or act for today) an ordered, LIMITed index scan of
 * approval_inbox_idx (organisation, post, urgency, waiting since), merged and cut again.
 * Each scan reads at most offset+limit entries, whatever the backlog of the post.
 */
export const INBOX_ITEMS_SQL = `
SELECT w.memo_id, w.subject, w.document_no, w.urgency_order, w.waiting_since, w.submitted_at, w.version,
       w.current_position_id, w.route -> w.current_seq AS step, p.prefix || p.full_name AS author_name
  FROM unnest($2::uuid[]) AS cap(position_id)
  CROSS JOIN LATERAL (
    SELECT w.memo_id, w.subject, w.document_no, w.urgency_order, w.waiting_since, w.submitted_at, w.version,
           w.current_position_id, w.current_seq, w.route, w.author_id
      FROM memo_workflows w
     WHERE w.organisation_id = $1 AND w.state = 'review' AND w.current_position_id = cap.position_id
       AND w.author_id <> $3
       AND ($4::smallint IS NULL OR w.urgency_order = $4::smallint)
       AND ($5::text IS NULL OR w.subject ILIKE $5 OR w.document_no ILIKE $5 OR w.document_no ILIKE $6)
     ORDER BY w.urgency_order, w.waiting_since, w.memo_id
     LIMIT $7
  ) w
  JOIN people p ON p.id = w.author_id
 ORDER BY w.urgency_order, w.waiting_since, w.memo_id
 LIMIT $8 OFFSET $9`;

export const INBOX_COUNTS_SQL = `
SELECT w.current_position_id AS position_id, count(*)::int AS count,
       count(*) FILTER (WHERE ($4::smallint IS NULL OR w.urgency_order = $4::smallint)
         AND ($5::text IS NULL OR w.subject ILIKE $5 OR w.document_no ILIKE $5 OR w.document_no ILIKE $6))::int AS matching
  FROM memo_workflows w
 WHERE w.organisation_id = $1 AND w.state = 'review' AND w.current_position_id = ANY($2::uuid[])
   AND w.author_id <> $3
 GROUP BY w.current_position_id`;
