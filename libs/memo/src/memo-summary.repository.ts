import type { DataSource, EntityManager } from 'typeorm';
import type { Urgency } from './memo-vocabulary';

/** What other libraries show of a memo (a notification, a reminder): never its body. */
export interface MemoSummary {
  memoId: string;
  organisationId: string;
  subject: string;
  urgency: Urgency;
  authorId: string;
}

/** One memo's summary within its organisation, or null. */
export async function memoSummary(
  db: DataSource | EntityManager,
  organisationId: string,
  memoId: string,
): Promise<MemoSummary | null> {
  const rows = await db.query<MemoSummary[]>(
    `SELECT id AS "memoId", organisation_id AS "organisationId", subject, urgency, author_id AS "authorId"
       FROM memos WHERE id = $1 AND organisation_id = $2`,
    [memoId, organisationId],
  );
  return rows[0] ?? null;
}

/** The copies (สำเนาเรียน) a memo names, people and units: none while it is a draft. */
export async function memoCopyTargets(
  db: DataSource | EntityManager,
  organisationId: string,
  memoId: string,
): Promise<{ personIds: string[]; unitIds: string[] }> {
  const rows: { copies: { kind: string; id: string }[] | null }[] = await db.query(
    `SELECT copies FROM memos WHERE id = $1 AND organisation_id = $2 AND status <> 'draft'`,
    [memoId, organisationId],
  );
  const copies = rows[0]?.copies ?? [];
  return {
    personIds: copies.filter((c) => c.kind === 'person').map((c) => c.id),
    unitIds: copies.filter((c) => c.kind === 'unit').map((c) => c.id),
  };
}
