import type { EntityManager } from 'typeorm';
import type { MemoBlock } from './memo-block';
import type { SubmittedContent } from './memo-completeness.util';
import type { MemoStatus, Secrecy, Urgency } from './memo-vocabulary';

/*
 * The memo's rows as other libraries' statements need them, in one round trip with their own
 * work: each function answers SQL text to embed (arguments are SQL expressions, e.g. `$1`), so
 * the caller never names the memo's table and the memo library keeps its columns to itself.
 */

/**
 * The version-guarded status change of an approval command: answers `version` (the new one)
 * when the memo was still at `version`, no row when someone changed it first (a 409).
 */
export function guardedMemoStatusUpdateSql(p: {
  id: string;
  organisationId: string;
  status: string;
  version: string;
}): string {
  return `UPDATE memos SET status = ${p.status}, version = version + 1, updated_at = now()
  WHERE id = ${p.id} AND organisation_id = ${p.organisationId} AND version = ${p.version} RETURNING version`;
}

/** The memo's header columns (`m_id`, `m_subject`, …) one approval command or view reads. */
export const MEMO_HEADER_COLUMNS = `m.id AS m_id, m.organisation_id AS m_organisation_id, m.author_id AS m_author_id,
      m.unit_id AS m_unit_id, m.unit_line AS m_unit_line, m.subject AS m_subject, m.addressee AS m_addressee,
      m.urgency AS m_urgency, m.secrecy AS m_secrecy, m.signer_position_id AS m_signer_position_id,
      m.status AS m_status, m.version AS m_version, m.created_at AS m_created_at, m.updated_at AS m_updated_at`;

/** The content columns a submission checks for completeness (`m_body`, `m_closing`; see MemoContentRow). */
const MEMO_CONTENT_COLUMNS = `m.body AS m_body, m.closing AS m_closing`;

/**
 * A sub-select of one memo's header columns (see MEMO_HEADER_COLUMNS), optionally locking its row
 * (FOR UPDATE: a command's reads must not straddle another's commit) and with the content columns
 * a submission checks (`withContent`: MemoContentRow).
 */
export function memoHeaderSql(
  id: string,
  organisationId: string,
  lock: boolean,
  withContent = false,
): string {
  return `SELECT ${MEMO_HEADER_COLUMNS}${withContent ? `, ${MEMO_CONTENT_COLUMNS}` : ''}
    FROM memos m
   WHERE m.id = ${id} AND m.organisation_id = ${organisationId}
   ${lock ? 'FOR UPDATE' : ''}`;
}

/** A scalar subquery: the memo's status, for a memo id expression. */
export function memoStatusSql(memoId: string): string {
  return `(SELECT ms.status FROM memos ms WHERE ms.id = ${memoId})`;
}

/** A sub-select of the columns the printed chain needs of one memo (author, signer's post, created). */
export function memoSignerSql(id: string, organisationId: string): string {
  return `SELECT m.id, m.author_id, m.signer_position_id, m.created_at FROM memos m
   WHERE m.id = ${id} AND m.organisation_id = ${organisationId}`;
}

/** The row `memoHeaderSql` answers (prefixed `m_`). */
export interface MemoHeaderRow {
  m_id: string;
  m_organisation_id: string;
  m_author_id: string;
  m_unit_id: string;
  m_unit_line: string;
  m_subject: string;
  m_addressee: string;
  m_urgency: string;
  m_secrecy: string;
  m_signer_position_id: string;
  m_status: string;
  m_version: number;
  m_created_at: Date;
  m_updated_at: Date;
}

/** The content columns `memoHeaderSql(…, withContent)` adds. */
export interface MemoContentRow {
  m_body: MemoBlock[];
  m_closing: string;
}

/** The parts a submission checks (missingParts) of a header row; null when it was read without its content. */
export function memoContentFromRow(r: MemoHeaderRow & Partial<MemoContentRow>): SubmittedContent | null {
  if (r.m_body === undefined || r.m_closing === undefined) return null;
  return { subject: r.m_subject, addressee: r.m_addressee, body: r.m_body, closing: r.m_closing };
}

/** A memo's header as other libraries read it (body, closing and the rest stay unread). */
export interface MemoHeader {
  id: string;
  organisationId: string;
  authorId: string;
  unitId: string;
  unitLine: string;
  subject: string;
  addressee: string;
  urgency: Urgency;
  secrecy: Secrecy;
  signerPositionId: string;
  status: MemoStatus;
  version: number;
  createdAt: Date;
  updatedAt: Date;
}

/** The header `memoHeaderSql` read. */
export function memoFromHeaderRow(r: MemoHeaderRow): MemoHeader {
  return {
    id: r.m_id,
    organisationId: r.m_organisation_id,
    authorId: r.m_author_id,
    unitId: r.m_unit_id,
    unitLine: r.m_unit_line,
    subject: r.m_subject,
    addressee: r.m_addressee,
    urgency: r.m_urgency as Urgency,
    secrecy: r.m_secrecy as Secrecy,
    signerPositionId: r.m_signer_position_id,
    status: r.m_status as MemoStatus,
    version: r.m_version,
    createdAt: r.m_created_at,
    updatedAt: r.m_updated_at,
  };
}

/** A relation (for `JOIN (…) m`) of memos' publication wishes: id, publish, oit_item. */
export function memoPublicationSql(): string {
  return `SELECT id, publish, oit_item FROM memos`;
}

/**
 * Whether the memo is marked for publication, under which OIT item and fiscal year (null: the
 * decision's); null when it is not there.
 */
export async function publicationWishOf(
  manager: EntityManager,
  organisationId: string,
  memoId: string,
): Promise<{ publish: boolean; oitItem: string | null; fiscalYear: number | null } | null> {
  const rows = await manager.query<
    { publish: boolean; oit_item: string | null; publish_fiscal_year: number | null }[]
  >('SELECT publish, oit_item, publish_fiscal_year FROM memos WHERE id = $1 AND organisation_id = $2', [
    memoId,
    organisationId,
  ]);
  return rows[0]
    ? { publish: rows[0].publish, oitItem: rows[0].oit_item, fiscalYear: rows[0].publish_fiscal_year }
    : null;
}
