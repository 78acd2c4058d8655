import { Injectable } from '@nestjs/common';
import { InjectDataSource } from '@nestjs/typeorm';
import { DataSource, type EntityManager } from 'typeorm';
import { appendOutboxEvents } from '@saraban/outbox';
import type { DocumentJobPayload } from '../jobs/document-job';

/** One failed attempt of a memo version's flow, as the processor saw it. */
export interface FailedAttempt {
  stage: string;
  errorCode: string;
  reason: string;
  cause: string;
  /** The jobs gave up: the document is set aside until `retryAfterMs` (null: until a person acts). */
  gaveUp: boolean;
  retryAfterMs: number | null;
}

export interface DocumentFailureRow {
  memoId: string;
  memoVersion: number;
  organisationId: string;
  stage: string;
  errorCode: string;
  reason: string;
  cause: string;
  attempts: number;
  setAsideCount: number;
  setAsideAt: Date | null;
  nextRetryAt: Date | null;
  firstFailedAt: Date;
  lastFailedAt: Date;
}

const COLUMNS = `memo_id AS "memoId", memo_version AS "memoVersion", organisation_id AS "organisationId", stage,
  error_code AS "errorCode", reason, cause, attempts, set_aside_count AS "setAsideCount", set_aside_at AS "setAsideAt",
  next_retry_at AS "nextRetryAt", first_failed_at AS "firstFailedAt", last_failed_at AS "lastFailedAt"`;

/** The document_failures table: every statement on it. */
@Injectable()
export class DocumentFailureRepository {
  constructor(@InjectDataSource() private readonly db: DataSource) {}

  /** Records a failed attempt; a give-up sets the document aside and schedules its next retry. */
  async record(p: DocumentJobPayload, a: FailedAttempt): Promise<void> {
    await this.db.transaction(async (m) => {
      await this.insertAttempt(m, p, a);
      // A give-up is news: the writer and the admins are told (document.failed), once per give-up.
      if (a.gaveUp) {
        await appendOutboxEvents(m, [
          {
            organisationId: p.organisationId,
            type: 'document.failed',
            payload: { memoId: p.memoId, memoVersion: p.memoVersion, stage: a.stage, errorCode: a.errorCode },
          },
        ]);
      }
    });
  }

  private async insertAttempt(m: EntityManager, p: DocumentJobPayload, a: FailedAttempt): Promise<void> {
    await m.query(
      `INSERT INTO document_failures AS f (memo_id, memo_version, organisation_id, stage, error_code, reason, cause,
         attempts, set_aside_count, set_aside_at, next_retry_at, first_failed_at, last_failed_at)
       VALUES ($1, $2, $3, $4, $5, $6, $7, 1, CASE WHEN $8 THEN 1 ELSE 0 END, CASE WHEN $8 THEN now() END,
               CASE WHEN $8 AND $9::bigint IS NOT NULL THEN now() + make_interval(secs => $9::bigint / 1000.0) END,
               now(), now())
       ON CONFLICT (memo_id, memo_version) DO UPDATE SET
         stage = EXCLUDED.stage, error_code = EXCLUDED.error_code, reason = EXCLUDED.reason, cause = EXCLUDED.cause,
         attempts = f.attempts + 1, last_failed_at = now(),
         set_aside_count = f.set_aside_count + CASE WHEN $8 THEN 1 ELSE 0 END,
         set_aside_at = CASE WHEN $8 THEN now() ELSE f.set_aside_at END,
         next_retry_at = CASE WHEN $8 AND $9::bigint IS NOT NULL
                              THEN now() + make_interval(secs => $9::bigint * power(2, least(f.set_aside_count, 6)) / 1000.0)
                              WHEN $8 THEN NULL ELSE f.next_retry_at END`,
      [
        p.memoId,
        p.memoVersion,
        p.organisationId,
        a.stage,
        a.errorCode,
        a.reason,
        a.cause,
        a.gaveUp,
        a.retryAfterMs,
      ],
    );
  }

  /** The document is done: its failures are history. */
  async clear(p: Pick<DocumentJobPayload, 'memoId' | 'memoVersion'>): Promise<void> {
    await this.db.query('DELETE FROM document_failures WHERE memo_id = $1 AND memo_version = $2', [
      p.memoId,
      p.memoVersion,
    ]);
  }

  /** Its jobs run again: no longer set aside (the failure stays on record until it succeeds). */
  async markRetrying(p: DocumentJobPayload): Promise<void> {
    await this.db.query(
      `UPDATE document_failures SET set_aside_at = NULL, next_retry_at = NULL
        WHERE memo_id = $1 AND memo_version = $2 AND organisation_id = $3`,
      [p.memoId, p.memoVersion, p.organisationId],
    );
  }

  /** Set-aside documents whose automatic retry is due, oldest first. */
  async dueForRetry(limit: number): Promise<DocumentFailureRow[]> {
    return this.db.query(
      `SELECT ${COLUMNS} FROM document_failures
        WHERE set_aside_at IS NOT NULL AND next_retry_at <= now()
        ORDER BY next_retry_at LIMIT $1`,
      [limit],
    );
  }

  /** Whether a memo version is set aside (its jobs gave up): the reconciler leaves it to dueForRetry. */
  async setAside(memoIds: string[]): Promise<Set<string>> {
    if (memoIds.length === 0) return new Set();
    const rows: { key: string }[] = await this.db.query(
      `SELECT memo_id || ':' || memo_version AS key FROM document_failures
        WHERE memo_id = ANY($1::uuid[]) AND set_aside_at IS NOT NULL`,
      [memoIds],
    );
    return new Set(rows.map((r) => r.key));
  }

  /** This organisation's outstanding failures, latest first. */
  async listForOrganisation(organisationId: string, limit = 200): Promise<DocumentFailureRow[]> {
    return this.db.query(
      `SELECT ${COLUMNS} FROM document_failures WHERE organisation_id = $1 ORDER BY last_failed_at DESC LIMIT $2`,
      [organisationId, limit],
    );
  }

  /** The outstanding failure of a memo's latest failing version, if any. */
  async forMemo(organisationId: string, memoId: string): Promise<DocumentFailureRow | null> {
    const rows: DocumentFailureRow[] = await this.db.query(
      `SELECT ${COLUMNS} FROM document_failures WHERE organisation_id = $1 AND memo_id = $2
        ORDER BY memo_version DESC LIMIT 1`,
      [organisationId, memoId],
    );
    return rows[0] ?? null;
  }
}
