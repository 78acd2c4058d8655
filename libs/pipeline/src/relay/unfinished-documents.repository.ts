import type { EntityManager } from 'typeorm';
import { decidedVersionsSql, GO_AHEAD_ORDERS } from '@saraban/approval';
import { memoPublicationSql } from '@saraban/memo';
import { publicationsSql, signedDocumentsSql } from '@saraban/publication';

/** A decided memo version whose document is not finished. */
export interface Unfinished {
  organisation_id: string;
  memo_id: string;
  version: number;
}

/**
 * Decided memo versions (decided more than `graceMs` ago, within the last week) whose document
 * is not signed, or not published when it should be: the reconciler's work list, oldest first.
 * One statement from the owners' contributions (approval's decisions, memo's publish flag,
 * publication's documents and publications).
 */
export function unfinishedDocuments(manager: EntityManager, graceMs: number): Promise<Unfinished[]> {
  return manager.query(
    `SELECT w.organisation_id, w.memo_id, w.version
       FROM (${decidedVersionsSql()}) w
       JOIN (${memoPublicationSql()}) m ON m.id = w.memo_id
       LEFT JOIN (${signedDocumentsSql()}) d ON d.memo_id = w.memo_id AND d.memo_version = w.version
       LEFT JOIN (${publicationsSql()}) p ON p.memo_id = w.memo_id AND p.memo_version = w.version
      WHERE w.decided_at < now() - make_interval(secs => $1::double precision / 1000)
        -- A bounded scan; a document that failed is followed by document_failures, however old.
        AND w.decided_at > now() - interval '7 days'
        AND (d.stage IS DISTINCT FROM 'signed'
             OR (m.publish AND p.id IS NULL AND w.decision_order = ANY($2::text[])))
      ORDER BY w.decided_at
      LIMIT 500`,
    [graceMs, GO_AHEAD_ORDERS],
  );
}
