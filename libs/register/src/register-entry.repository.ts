import type { EntityManager } from 'typeorm';
import { toArabicDigits } from '@saraban/thai-format';
import { queryPrepared } from '@saraban/postgres';
import { organisationNumberingSql } from '@saraban/organisation';
import { RegisterEntry } from './entities/register-entry.entity';
import type { RegisterEntryView } from './register-entry.view';

/*
 * Every statement on register_counters and register_entries (raw SQL for the hot paths and
 * locks, TypeORM for the plain finds); the service holds the rules and writes no query. Functions
 * take the caller's manager, so they run in the caller's transaction.
 */

/** Columns of register_entries under the entity's property names (raw queries return them). */
const ENTRY_COLUMNS = `id, organisation_id AS "organisationId", register, year, number, document_no AS "documentNo",
  registered_at AS "registeredAt", dated_on::text AS "datedOn", from_text AS "fromText", to_text AS "toText",
  subject, action, remarks, memo_id AS "memoId", issued_by_id AS "issuedById", status,
  cancelled_at AS "cancelledAt", cancel_reason AS "cancelReason", cancelled_by_id AS "cancelledById"`;

/**
 * Issuers of one counter queue on this advisory lock (class, hash of the counter's key)
 * before they touch the counter row. The row lock alone would be correct too, but every
 * waiter on a row held by INSERT … ON CONFLICT waits on the holder's transaction id, so each
 * commit wakes them all to race for the row again: CPU spent on a two-core machine, and an
 * unfair order that lengthens the slowest waits. Lock-manager waiters are woken one at a
 * time in arrival order. A hash collision only makes two counters share a queue.
 */
const REGISTER_LOCK_CLASS = 0x5247;

/*
 * One statement, so the counter is locked as late as possible and nothing but the caller's
 * COMMIT (or ROLLBACK) separates that from the release:
 * - `serial` takes the queue lock above; `org` (the organisation library's numbering columns)
 *   reads from it, and the upsert from `org`, so the lock is held before the counter is
 *   touched (and not at all for an unknown organisation, which then touches no counter either).
 * - the upsert creates the year's counter on its first number (next = 2, so this issue gets
 *   1) or bumps it. It works on the latest committed row whatever the statement's snapshot,
 *   and the row stays locked until the caller's transaction ends: a rolled-back number is
 *   handed out again (no gap), a committed one never is (no reuse).
 * - the ที่ is rendered here in the organisation's digits; the translation tables come from
 *   applyDigits, so the rule stays in @saraban/thai-format.
 */
const ISSUE_SQL = `
WITH serial AS (
  SELECT pg_advisory_xact_lock(${REGISTER_LOCK_CLASS}, hashtext($1::text || '/' || $2::text || '/' || $3::text))
), org AS (
  ${organisationNumberingSql('$1::uuid', 'serial')}
), counter AS (
  INSERT INTO register_counters AS c (organisation_id, register, year, next_number)
  SELECT org.id, $2::text, $3::int, 2 FROM org
  ON CONFLICT (organisation_id, register, year) DO UPDATE SET next_number = c.next_number + 1
  RETURNING c.next_number - 1 AS number
)
INSERT INTO register_entries (organisation_id, register, year, number, document_no, registered_at, dated_on,
  from_text, to_text, subject, action, remarks, memo_id, issued_by_id)
SELECT org.id, $2::text, $3::int, counter.number,
  translate(org.register_code || '/' || counter.number::text, $4::text,
    CASE WHEN org.digits = 'arabic' THEN $5::text ELSE $6::text END),
  $7::timestamptz, $8::date, $9::text, $10::text, $11::text, $12::text, $13::text, $14::uuid, $15::uuid
FROM org CROSS JOIN counter
RETURNING ${ENTRY_COLUMNS}`;

/** The same queue lock, for the clerk's change of the next number. */
const SERIAL_SQL = `SELECT pg_advisory_xact_lock(${REGISTER_LOCK_CLASS}, hashtext($1::text || '/' || $2::text || '/' || $3::text))`;

/**
 * The values of ISSUE_SQL (insertIssuedEntry passes them as $1 … $15): the entry's columns but
 * those the statement makes (id, number, ที่, time, status, cancellation), the digit tables and when.
 */
export type IssueValues = Omit<
  RegisterEntryView,
  | 'id'
  | 'number'
  | 'documentNo'
  | 'registeredAt'
  | 'status'
  | 'cancelledAt'
  | 'cancelReason'
  | 'cancelledById'
> & { allDigits: string; arabicDigits: string; thaiDigits: string; at: Date };

/** Issues the next number and its entry in one statement; null for an unknown organisation. */
export async function insertIssuedEntry(
  manager: EntityManager,
  v: IssueValues,
): Promise<RegisterEntryView | null> {
  const rows = await queryPrepared<RegisterEntryView>(manager, ISSUE_SQL, [
    v.organisationId,
    v.register,
    v.year,
    v.allDigits,
    v.arabicDigits,
    v.thaiDigits,
    v.at,
    v.datedOn,
    v.fromText,
    v.toText,
    v.subject,
    v.action,
    v.remarks,
    v.memoId,
    v.issuedById,
  ]);
  // ENTRY_COLUMNS names the view's properties in its order: the row is the view.
  return rows.length === 1 ? rows[0] : null;
}

/**
 * Queues behind the issuers of one counter, creates the year's counter if need be (answers
 * whether it did) and locks it: the highest number cannot move before the transaction ends.
 * Null when the organisation does not exist.
 */
export async function lockCounter(
  manager: EntityManager,
  organisationId: string,
  register: string,
  year: number,
): Promise<{ created: boolean; nextNumber: number } | null> {
  await manager.query(SERIAL_SQL, [organisationId, register, year]);
  const created = await manager.query<unknown[]>(
    `INSERT INTO register_counters (organisation_id, register, year, next_number)
     SELECT org.id, $2, $3, 1 FROM (${organisationNumberingSql('$1::uuid')}) org
     ON CONFLICT (organisation_id, register, year) DO NOTHING RETURNING next_number`,
    [organisationId, register, year],
  );
  const locked = await manager.query<{ next_number: number }[]>(
    `SELECT next_number FROM register_counters
     WHERE organisation_id = $1 AND register = $2 AND year = $3 FOR UPDATE`,
    [organisationId, register, year],
  );
  if (locked.length !== 1) return null;
  return { created: created.length === 1, nextNumber: locked[0].next_number };
}

export async function setCounterNext(
  manager: EntityManager,
  organisationId: string,
  register: string,
  year: number,
  nextNumber: number,
): Promise<void> {
  await manager.query(
    `UPDATE register_counters SET next_number = $4 WHERE organisation_id = $1 AND register = $2 AND year = $3`,
    [organisationId, register, year, nextNumber],
  );
}

/** The number the year's next issue gets, if the year has a counter. */
export async function counterNext(
  manager: EntityManager,
  organisationId: string,
  register: string,
  year: number,
): Promise<number | null> {
  const rows = await manager.query<{ next_number: number }[]>(
    `SELECT next_number FROM register_counters WHERE organisation_id = $1 AND register = $2 AND year = $3`,
    [organisationId, register, year],
  );
  return rows[0]?.next_number ?? null;
}

/** The highest number of the year (cancelled ones included) and how many are issued and cancelled. */
export async function yearCounts(
  manager: EntityManager,
  organisationId: string,
  register: string,
  year: number,
): Promise<{ last: number; issued: number; cancelled: number }> {
  const rows = await manager.query<{ last: number; issued: number; cancelled: number }[]>(
    `SELECT coalesce(max(number), 0)::int AS last,
            count(*) FILTER (WHERE status = 'issued')::int AS issued,
            count(*) FILTER (WHERE status = 'cancelled')::int AS cancelled
     FROM register_entries WHERE organisation_id = $1 AND register = $2 AND year = $3`,
    [organisationId, register, year],
  );
  return rows[0];
}

/**
 * Marks an issued entry cancelled in the caller's transaction (its number stays, never issued
 * again); null when it was not issued (already cancelled, not there, or not this organisation's).
 */
export async function cancelIssuedEntry(
  manager: EntityManager,
  c: {
    organisationId: string;
    entryId: string;
    reason: string;
    cancelledById: string | null;
    /** When; null: the transaction's now(). */
    at: Date | null;
    register?: string;
  },
): Promise<RegisterEntryView | null> {
  const [rows] = await manager.query<[RegisterEntryView[], number]>(
    `UPDATE register_entries
     SET status = 'cancelled', cancelled_at = coalesce($6, now()), cancel_reason = $3, cancelled_by_id = $4
     WHERE id = $1 AND organisation_id = $2 AND status = 'issued' AND ($5::text IS NULL OR register = $5)
     RETURNING ${ENTRY_COLUMNS}`,
    [c.entryId, c.organisationId, c.reason, c.cancelledById, c.register ?? null, c.at],
  );
  // ENTRY_COLUMNS names the view's properties in its order: the row is the view.
  return rows.length === 1 ? rows[0] : null;
}

/** Whether any register entry (issued or cancelled) carries this memo: a numbered memo is never deleted. */
export async function memoHasRegisterEntry(
  manager: EntityManager,
  organisationId: string,
  memoId: string,
): Promise<boolean> {
  const rows = await manager.query<unknown[]>(
    'SELECT 1 FROM register_entries WHERE memo_id = $1 AND organisation_id = $2 LIMIT 1',
    [memoId, organisationId],
  );
  return rows.length > 0;
}

/** A scalar subquery: an entry's ลงวันที่ as text, for an entry id expression (null for a null id). */
export function registerDatedOnSql(entryId: string): string {
  return `(SELECT r.dated_on::text FROM register_entries r WHERE r.id = ${entryId})`;
}

/** The memo's issued number (the latest, if ever more than one): ที่ and ลงวันที่; null before submission. */
export async function issuedNumberOfMemo(
  manager: EntityManager,
  organisationId: string,
  memoId: string,
): Promise<{ documentNo: string; datedOn: string } | null> {
  const rows = await manager.query<{ document_no: string; dated_on: string }[]>(
    `SELECT r.document_no, r.dated_on::text AS dated_on FROM register_entries r
      WHERE r.organisation_id = $1 AND r.memo_id = $2 AND r.status = 'issued'
      ORDER BY r.registered_at DESC LIMIT 1`,
    [organisationId, memoId],
  );
  return rows[0] ? { documentNo: rows[0].document_no, datedOn: rows[0].dated_on } : null;
}

/** One entry of the organisation (and of `register`, if given); null when there is none. */
export async function findRegisterEntry(
  manager: EntityManager,
  organisationId: string,
  entryId: string,
  register?: string,
): Promise<RegisterEntryView | null> {
  const entry = await manager.getRepository(RegisterEntry).findOne({
    where: { id: entryId, organisationId, ...(register ? { register } : {}) },
  });
  return entry ? toRegisterEntryView(entry) : null;
}

/** The whole year's register in running-number order. */
export async function registerEntriesOfYear(
  manager: EntityManager,
  organisationId: string,
  register: string,
  year: number,
): Promise<RegisterEntryView[]> {
  const entries = await manager.getRepository(RegisterEntry).find({
    where: { organisationId, register, year },
    order: { number: 'ASC' },
  });
  return entries.map(toRegisterEntryView);
}

/** The entry as the library hands it out: a plain object, the columns in the order the API answers them. */
function toRegisterEntryView(e: RegisterEntry): RegisterEntryView {
  return {
    id: e.id,
    organisationId: e.organisationId,
    register: e.register,
    year: e.year,
    number: e.number,
    documentNo: e.documentNo,
    registeredAt: e.registeredAt,
    datedOn: e.datedOn,
    fromText: e.fromText,
    toText: e.toText,
    subject: e.subject,
    action: e.action,
    remarks: e.remarks,
    memoId: e.memoId,
    issuedById: e.issuedById,
    status: e.status,
    cancelledAt: e.cancelledAt,
    cancelReason: e.cancelReason,
    cancelledById: e.cancelledById,
  };
}

const THAI_DIGITS = '๐๑๒๓๔๕๖๗๘๙';
const ARABIC_DIGITS = '0123456789';

function escapeLike(s: string): string {
  return s.replace(/[\\%_]/g, (c) => `\\${c}`);
}

/**
 * One page of a year's register in running-number order, with the year's total. `term` matches
 * ที่, running number, from, to or subject: people type numbers in either digit style, and the
 * ที่ is stored in the organisation's, so both sides are compared in Arabic digits.
 */
export async function registerEntriesPage(
  manager: EntityManager,
  p: { organisationId: string; register: string; year: number; term?: string; offset: number; limit: number },
): Promise<{ items: RegisterEntryView[]; total: number }> {
  const qb = manager
    .getRepository(RegisterEntry)
    .createQueryBuilder('e')
    .where('e.organisationId = :organisationId AND e.register = :register AND e.year = :year', {
      organisationId: p.organisationId,
      register: p.register,
      year: p.year,
    });
  if (p.term) {
    qb.andWhere(
      `translate(concat_ws(' ', e.document_no, e.number::text, e.from_text, e.to_text, e.subject), :thai, :arabic)
         ILIKE :term`,
      { thai: THAI_DIGITS, arabic: ARABIC_DIGITS, term: `%${escapeLike(toArabicDigits(p.term))}%` },
    );
  }
  const [entries, total] = await qb.orderBy('e.number', 'ASC').skip(p.offset).take(p.limit).getManyAndCount();
  return { items: entries.map(toRegisterEntryView), total };
}
