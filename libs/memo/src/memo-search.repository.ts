import type { DataSource, EntityManager } from 'typeorm';
import { unitsOfPersonSql } from '@saraban/organisation';
import { thaiSearchPatternSql } from '@saraban/postgres';

/*
 * The memo's part of a search over memos (the approval library's search statement embeds these,
 * so that the caller never names the memo's table). Arguments are SQL expressions, e.g. `$1`.
 */

/**
 * A relation of the ids of the organisation's memos whose subject, เรียน or body contain the term
 * (`term` holds the LIKE-escaped text as typed), Thai-normalised; served by memo_search_texts_trgm_idx
 * (the text kept in its own table by a trigger, so approval commands never rewrite its index).
 */
export function memoTextMatchSql(organisationId: string, term: string): string {
  return `SELECT mt.memo_id AS id FROM memo_search_texts mt
   WHERE mt.organisation_id = ${organisationId}
     AND mt.search_text ILIKE ${thaiSearchPatternSql(term)}`;
}

/** A relation of the ids of the organisation's memos written by any of the people in `authorIds` (a relation of ids). */
export function memosByAuthorsSql(organisationId: string, authorIds: string): string {
  return `SELECT ma.id FROM memos ma WHERE ma.organisation_id = ${organisationId} AND ma.author_id IN (${authorIds})`;
}

/**
 * A relation of the organisation's memos as a search result lists them: id, subject, status,
 * urgency, author_id, created_at, updated_at.
 */
export function memoListingSql(organisationId: string): string {
  return `SELECT ml.id, ml.subject, ml.status, ml.urgency, ml.author_id, ml.created_at, ml.updated_at
    FROM memos ml WHERE ml.organisation_id = ${organisationId}`;
}

/** A row of `memoListingSql`. */
export interface MemoListingRow {
  id: string;
  subject: string;
  status: string;
  urgency: string;
  author_id: string;
  created_at: Date;
  updated_at: Date;
}

/**
 * SQL: the copies entries that reach the person (an array of jsonb, for `copies @> ANY (…)`): by
 * name, and through each unit they belong to.
 */
function copyTargetsSql(organisationId: string, personId: string): string {
  return `ARRAY(
    SELECT jsonb_build_array(jsonb_build_object('kind', 'person', 'id', ${personId}::text))
    UNION ALL
    SELECT jsonb_build_array(jsonb_build_object('kind', 'unit', 'id', cu.unit_id::text))
      FROM (${unitsOfPersonSql(organisationId, personId)}) cu)`;
}

/** The copy rule (สำเนาเรียน): a submitted memo whose copies reach the person, for `mc` the memo row. */
function copiedCondition(organisationId: string, personId: string): string {
  return `mc.organisation_id = ${organisationId} AND mc.status <> 'draft'
     AND mc.copies @> ANY (${copyTargetsSql(organisationId, personId)})`;
}

/**
 * SQL boolean: the memo (an id expression) is submitted and copied (สำเนาเรียน) to the person, by
 * name or through a unit they belong to. Reading rights (`isCopyRecipient`) and the search's
 * visibility embed it; `memosCopiedToSql` lists by the same condition.
 */
export function memoCopiedToSql(memoId: string, organisationId: string, personId: string): string {
  return `EXISTS (SELECT 1 FROM memos mc WHERE mc.id = ${memoId} AND ${copiedCondition(organisationId, personId)})`;
}

/** A relation of the ids of the memos copied to the person (the "copies to me" list; memos_copies_idx). */
export function memosCopiedToSql(organisationId: string, personId: string): string {
  return `SELECT mc.id FROM memos mc WHERE ${copiedCondition(organisationId, personId)}`;
}

/** Whether the memo is submitted and copied to the person (who may then read it). */
export async function isCopyRecipient(
  db: DataSource | EntityManager,
  organisationId: string,
  memoId: string,
  personId: string,
): Promise<boolean> {
  const rows = await db.query<{ copied: boolean }[]>(
    `SELECT ${memoCopiedToSql('$1::uuid', '$2::uuid', '$3::uuid')} AS copied`,
    [memoId, organisationId, personId],
  );
  return rows[0]?.copied === true;
}
