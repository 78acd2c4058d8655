import { Injectable } from '@nestjs/common';
import { InjectDataSource } from '@nestjs/typeorm';
import { DataSource } from 'typeorm';
import { decidedVersionsSql, GO_AHEAD_ORDERS, workflowSummariesSql } from '@saraban/approval';
import { memoPublicationSql } from '@saraban/memo';
import { organisationCodesSql } from '@saraban/organisation';
import {
  publicationsSql,
  signedDocumentsSql,
  type PublicationStatus,
  type SignedDocumentStage,
} from '@saraban/publication';

/** A decided memo version with everything its document has reached: the print, the portal, a failure. */
export interface DecidedDocumentRow {
  memoId: string;
  memoVersion: number;
  subject: string;
  documentNo: string | null;
  /** When the order was given (the decided workflow row's last change). */
  decidedAt: Date;
  /** Marked for publication and decided with a go-ahead order: the publish stage will publish it. */
  shouldPublish: boolean;
  organisationCode: string;
  documentStage: SignedDocumentStage | null;
  verificationCode: string | null;
  signedAt: Date | null;
  publicationId: string | null;
  publicationStatus: PublicationStatus | null;
  publishedAt: Date | null;
  failureReason: string | null;
  failureAttempts: number | null;
  failureSetAsideAt: Date | null;
  failureNextRetryAt: Date | null;
  failureLastFailedAt: Date | null;
}

/** How many decided memo versions reached the same checkpoints (the facts of documentStateOf). */
export interface DocumentStateFactsCount {
  signed: boolean;
  published: boolean;
  setAside: boolean;
  shouldPublish: boolean;
  count: number;
}

/** An outstanding failure with what an administrator needs to recognise the memo. */
export interface FailureListRow {
  memoId: string;
  memoVersion: number;
  subject: string | null;
  documentNo: string | null;
  stage: string;
  errorCode: string;
  reason: string;
  cause: string;
  attempts: number;
  setAsideAt: Date | null;
  nextRetryAt: Date | null;
  firstFailedAt: Date;
  lastFailedAt: Date;
}

/**
 * "Should be published", as the reconciler and the publish stage decide it: the memo is marked for
 * publication and its order is a go-ahead ($2 is GO_AHEAD_ORDERS in every statement below).
 */
const SHOULD_PUBLISH = `(m.publish AND w.decision_order = ANY($2::text[]))`;

const DECIDED = `
  SELECT w.memo_id AS "memoId", w.version AS "memoVersion", w.subject, w.document_no AS "documentNo",
         w.decided_at AS "decidedAt", ${SHOULD_PUBLISH} AS "shouldPublish", o.code AS "organisationCode",
         d.stage AS "documentStage", d.verification_code AS "verificationCode", d.signed_at AS "signedAt",
         p.id AS "publicationId", p.status AS "publicationStatus", p.published_at AS "publishedAt",
         f.reason AS "failureReason", f.attempts AS "failureAttempts", f.set_aside_at AS "failureSetAsideAt",
         f.next_retry_at AS "failureNextRetryAt", f.last_failed_at AS "failureLastFailedAt"
    FROM (${decidedVersionsSql()}) w
    JOIN (${memoPublicationSql()}) m ON m.id = w.memo_id
    JOIN (${organisationCodesSql()}) o ON o.id = w.organisation_id
    LEFT JOIN (${signedDocumentsSql()}) d ON d.memo_id = w.memo_id AND d.memo_version = w.version
    LEFT JOIN (${publicationsSql()}) p ON p.memo_id = w.memo_id AND p.memo_version = w.version
    LEFT JOIN document_failures f ON f.memo_id = w.memo_id AND f.memo_version = w.version
   WHERE w.organisation_id = $1`;

/** Where decided memos' documents stand: read-only statements over the pipeline's checkpoints, per organisation. */
@Injectable()
export class DocumentStatusRepository {
  constructor(@InjectDataSource() private readonly db: DataSource) {}

  /** The memo's decided version (null when the memo is not decided, or not this organisation's). */
  async decided(organisationId: string, memoId: string): Promise<DecidedDocumentRow | null> {
    const rows: DecidedDocumentRow[] = await this.db.query(`${DECIDED} AND w.memo_id = $3`, [
      organisationId,
      GO_AHEAD_ORDERS,
      memoId,
    ]);
    return rows[0] ?? null;
  }

  /**
   * Decided longer than `overdueMs` ago (at most a week back, as the reconciler's scan) and still
   * without their signed document, or without their publication when they should be published.
   */
  async overdue(organisationId: string, overdueMs: number, limit = 200): Promise<DecidedDocumentRow[]> {
    return this.db.query(
      `${DECIDED}
         AND w.decided_at < now() - make_interval(secs => $3::double precision / 1000)
         AND w.decided_at > now() - interval '7 days'
         AND (d.stage IS DISTINCT FROM 'signed' OR (${SHOULD_PUBLISH} AND p.id IS NULL))
       ORDER BY w.decided_at, w.memo_id
       LIMIT $4`,
      [organisationId, GO_AHEAD_ORDERS, overdueMs, limit],
    );
  }

  /**
   * This organisation's memo versions decided in the last `days` days (as the reconciler's and the
   * overdue scans), grouped by the checkpoints their documents reached: a handful of rows.
   */
  async stateFacts(organisationId: string, days = 7): Promise<DocumentStateFactsCount[]> {
    return this.db.query(
      `SELECT COALESCE(d.stage = 'signed', false) AS signed, (p.id IS NOT NULL) AS published,
              (f.set_aside_at IS NOT NULL) AS "setAside", ${SHOULD_PUBLISH} AS "shouldPublish", count(*)::int AS count
         FROM (${decidedVersionsSql()}) w
         JOIN (${memoPublicationSql()}) m ON m.id = w.memo_id
         LEFT JOIN (${signedDocumentsSql()}) d ON d.memo_id = w.memo_id AND d.memo_version = w.version
         LEFT JOIN (${publicationsSql()}) p ON p.memo_id = w.memo_id AND p.memo_version = w.version
         LEFT JOIN document_failures f ON f.memo_id = w.memo_id AND f.memo_version = w.version
        WHERE w.organisation_id = $1
          AND w.decided_at > now() - make_interval(days => $3::int)
        GROUP BY 1, 2, 3, 4`,
      [organisationId, GO_AHEAD_ORDERS, days],
    );
  }

  /** This organisation's outstanding failures, latest first. */
  async failures(organisationId: string, limit = 200): Promise<FailureListRow[]> {
    return this.db.query(
      `SELECT f.memo_id AS "memoId", f.memo_version AS "memoVersion", w.subject, w.document_no AS "documentNo",
              f.stage, f.error_code AS "errorCode", f.reason, f.cause, f.attempts, f.set_aside_at AS "setAsideAt",
              f.next_retry_at AS "nextRetryAt", f.first_failed_at AS "firstFailedAt", f.last_failed_at AS "lastFailedAt"
         FROM document_failures f
         LEFT JOIN (${workflowSummariesSql()}) w ON w.memo_id = f.memo_id AND w.organisation_id = f.organisation_id
        WHERE f.organisation_id = $1
        ORDER BY f.last_failed_at DESC, f.memo_id
        LIMIT $2`,
      [organisationId, limit],
    );
  }

  /** Whether this organisation has an outstanding failure of that memo version. */
  async hasFailure(organisationId: string, memoId: string, memoVersion: number): Promise<boolean> {
    const rows: unknown[] = await this.db.query(
      `SELECT 1 FROM document_failures WHERE organisation_id = $1 AND memo_id = $2 AND memo_version = $3`,
      [organisationId, memoId, memoVersion],
    );
    return rows.length > 0;
  }
}
