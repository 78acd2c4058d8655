import { Injectable } from '@nestjs/common';
import { InjectDataSource } from '@nestjs/typeorm';
import { DataSource, type EntityManager } from 'typeorm';
import { AppException, ErrorCode } from '@saraban/errors';
import { Organisation } from '@saraban/organisation';
import {
  applyDigits,
  assertSupportedYear,
  bangkokCalendarYear,
  bangkokDateString,
  toArabicDigits,
} from '@saraban/thai-format';
import { RegisterEntry } from './entities/register-entry.entity';
import { RegisterNumberChange } from './entities/register-number-change.entity';
import type { IssueNumberInput } from './issue-number-input';
import { queryPrepared } from '@saraban/postgres';
import { registerCsv } from './register-csv.util';
import { OUTGOING_REGISTER, REGISTER_NAME_PATTERN } from './register-name';
import type { RegisterCsvExport } from './register-csv-export';
import type { RegisterListQuery, RegisterPage } from './register-page';
import type { RegisterYearSummary } from './register-year-summary';

const ALL_DIGITS = '0123456789๐๑๒๓๔๕๖๗๘๙';
const THAI_DIGITS = '๐๑๒๓๔๕๖๗๘๙';
const ARABIC_DIGITS = '0123456789';

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
 * - `serial` takes the queue lock above; `org` reads from it, and the upsert from `org`, so
 *   the lock is held before the counter is touched (and not at all for an unknown
 *   organisation, which then touches no counter either).
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
  SELECT id, register_code, digits FROM organisations, serial WHERE id = $1::uuid
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

const DEFAULT_PAGE_SIZE = 50;
const DATE_ONLY = /^\d{4}-\d{2}-\d{2}$/;

function assertRegisterName(register: string): void {
  if (!REGISTER_NAME_PATTERN.test(register)) {
    throw new AppException(ErrorCode.ValidationFailed, { field: 'register', value: register });
  }
}

function escapeLike(s: string): string {
  return s.replace(/[\\%_]/g, (c) => `\\${c}`);
}

/**
 * The outgoing register (ทะเบียนหนังสือส่ง) and any other numbered register: numbers run
 * without gaps per organisation, register and Bangkok calendar year, and are never reused.
 */
@Injectable()
export class RegisterService {
  constructor(@InjectDataSource() private readonly db: DataSource) {}

  /**
   * Issues the next number inside the caller's transaction: if the caller rolls back, the
   * number was never issued and goes to the next issuer. The counter row stays locked until
   * the caller's transaction ends, so call this as the last write before COMMIT, and keep
   * the transaction READ COMMITTED (the default).
   */
  async issueNumber(manager: EntityManager, input: IssueNumberInput): Promise<RegisterEntry> {
    const register = input.register ?? OUTGOING_REGISTER;
    assertRegisterName(register);
    const year = bangkokCalendarYear(input.at);
    const datedOn = input.datedOn ?? bangkokDateString(input.at);
    if (!DATE_ONLY.test(datedOn)) {
      throw new AppException(ErrorCode.ValidationFailed, { field: 'datedOn', value: datedOn });
    }
    const rows = await queryPrepared<Record<string, unknown>>(manager, ISSUE_SQL, [
      input.organisationId,
      register,
      year,
      ALL_DIGITS,
      applyDigits(ALL_DIGITS, 'arabic'),
      applyDigits(ALL_DIGITS, 'thai'),
      input.at,
      datedOn,
      input.fromText,
      input.toText,
      input.subject,
      input.action ?? null,
      input.remarks ?? null,
      input.memoId ?? null,
      input.issuedById ?? null,
    ]);
    if (rows.length !== 1)
      throw new AppException(ErrorCode.NotFound, { organisationId: input.organisationId });
    return Object.assign(new RegisterEntry(), rows[0]);
  }

  /**
   * A clerk registers a document that is not a memo (e.g. a paper letter) now. The issuing
   * statement is its own transaction (no BEGIN … COMMIT around it): PostgreSQL commits it
   * as soon as it has run, so the counter is never held across a round trip to this process.
   */
  async registerDocument(
    organisationId: string,
    register: string,
    input: Pick<IssueNumberInput, 'fromText' | 'toText' | 'subject' | 'datedOn' | 'action' | 'remarks'>,
    issuedById: string | null,
  ): Promise<RegisterEntry> {
    const runner = this.db.createQueryRunner();
    try {
      return await this.issueNumber(runner.manager, {
        ...input,
        organisationId,
        register,
        at: new Date(),
        issuedById,
        memoId: null,
      });
    } finally {
      await runner.release();
    }
  }

  /**
   * The clerk sets the number the next issue of `year` gets, e.g. 936 when the office moves
   * from the paper book after 935 letters. It must lie above every number already in the
   * register that year (cancelled ones included), since a number is never reused.
   */
  async setNextNumber(
    organisationId: string,
    register: string,
    year: number,
    nextNumber: number,
    changedById: string | null,
    note: string | null = null,
  ): Promise<RegisterYearSummary> {
    assertRegisterName(register);
    assertSupportedYear(year, 'setNextNumber');
    if (!Number.isInteger(nextNumber) || nextNumber < 1) {
      throw new AppException(ErrorCode.ValidationFailed, { field: 'nextNumber', value: nextNumber });
    }
    await this.db.transaction(async (m) => {
      // Queues with the issuers, creates the year's counter if need be and locks it, so the
      // highest number read below cannot move before this transaction ends.
      await m.query(SERIAL_SQL, [organisationId, register, year]);
      const created = await m.query<unknown[]>(
        `INSERT INTO register_counters (organisation_id, register, year, next_number)
         SELECT id, $2, $3, 1 FROM organisations WHERE id = $1
         ON CONFLICT (organisation_id, register, year) DO NOTHING RETURNING next_number`,
        [organisationId, register, year],
      );
      const locked = await m.query<{ next_number: number }[]>(
        `SELECT next_number FROM register_counters
         WHERE organisation_id = $1 AND register = $2 AND year = $3 FOR UPDATE`,
        [organisationId, register, year],
      );
      if (locked.length !== 1) throw new AppException(ErrorCode.NotFound);
      const lastIssuedNumber = await this.lastIssuedNumber(m, organisationId, register, year);
      if (nextNumber <= lastIssuedNumber) {
        throw new AppException(ErrorCode.RegisterNumberTaken, { year, nextNumber, lastIssuedNumber });
      }
      await m.query(
        `UPDATE register_counters SET next_number = $4 WHERE organisation_id = $1 AND register = $2 AND year = $3`,
        [organisationId, register, year, nextNumber],
      );
      await m.getRepository(RegisterNumberChange).insert({
        organisationId,
        register,
        year,
        previousNextNumber: created.length === 1 ? null : locked[0].next_number,
        nextNumber,
        lastIssuedNumber,
        note,
        changedById,
      });
    });
    return this.yearSummary(organisationId, register, year);
  }

  /** Where the register stands in `year`: the next number, the last one issued, the clerk's changes. */
  async yearSummary(organisationId: string, register: string, year: number): Promise<RegisterYearSummary> {
    assertRegisterName(register);
    const [counter, counts, changes] = await Promise.all([
      this.db.query<{ next_number: number }[]>(
        `SELECT next_number FROM register_counters WHERE organisation_id = $1 AND register = $2 AND year = $3`,
        [organisationId, register, year],
      ),
      this.db.query<{ last: number; issued: number; cancelled: number }[]>(
        `SELECT coalesce(max(number), 0)::int AS last,
                count(*) FILTER (WHERE status = 'issued')::int AS issued,
                count(*) FILTER (WHERE status = 'cancelled')::int AS cancelled
         FROM register_entries WHERE organisation_id = $1 AND register = $2 AND year = $3`,
        [organisationId, register, year],
      ),
      this.db.getRepository(RegisterNumberChange).find({
        where: { organisationId, register, year },
        order: { changedAt: 'ASC' },
      }),
    ]);
    return {
      register,
      year,
      nextNumber: counter[0]?.next_number ?? 1,
      lastIssuedNumber: counts[0].last,
      issuedCount: counts[0].issued,
      cancelledCount: counts[0].cancelled,
      changes,
    };
  }

  /** Marks an entry cancelled; its number stays in the register and is never issued again. */
  async cancel(
    organisationId: string,
    entryId: string,
    reason: string,
    cancelledById: string | null,
    register?: string,
  ): Promise<RegisterEntry> {
    const [rows] = await this.db.query<[Record<string, unknown>[], number]>(
      `UPDATE register_entries
       SET status = 'cancelled', cancelled_at = now(), cancel_reason = $3, cancelled_by_id = $4
       WHERE id = $1 AND organisation_id = $2 AND status = 'issued' AND ($5::text IS NULL OR register = $5)
       RETURNING ${ENTRY_COLUMNS}`,
      [entryId, organisationId, reason, cancelledById, register ?? null],
    );
    if (rows.length === 1) return Object.assign(new RegisterEntry(), rows[0]);
    // Tells "already cancelled" from "not yours / not there" (the latter is always 404).
    const existing = await this.get(organisationId, entryId, register);
    throw new AppException(ErrorCode.RegisterEntryCancelled, {
      id: existing.id,
      cancelledAt: existing.cancelledAt,
    });
  }

  async get(organisationId: string, entryId: string, register?: string): Promise<RegisterEntry> {
    const entry = await this.db.getRepository(RegisterEntry).findOne({
      where: { id: entryId, organisationId, ...(register ? { register } : {}) },
    });
    if (!entry) throw new AppException(ErrorCode.NotFound);
    return entry;
  }

  /** One page of a year's register in running-number order. */
  async list(organisationId: string, query: RegisterListQuery): Promise<RegisterPage> {
    assertRegisterName(query.register);
    const year = query.year ?? bangkokCalendarYear(new Date());
    const page = query.page ?? 1;
    const pageSize = query.pageSize ?? DEFAULT_PAGE_SIZE;
    const qb = this.db
      .getRepository(RegisterEntry)
      .createQueryBuilder('e')
      .where('e.organisationId = :organisationId AND e.register = :register AND e.year = :year', {
        organisationId,
        register: query.register,
        year,
      });
    const q = query.q?.trim();
    if (q) {
      // People type numbers in either digit style, and the ที่ is stored in the
      // organisation's, so both sides are compared in Arabic digits.
      qb.andWhere(
        `translate(concat_ws(' ', e.document_no, e.number::text, e.from_text, e.to_text, e.subject), :thai, :arabic)
         ILIKE :term`,
        { thai: THAI_DIGITS, arabic: ARABIC_DIGITS, term: `%${escapeLike(toArabicDigits(q))}%` },
      );
    }
    const [items, total] = await qb
      .orderBy('e.number', 'ASC')
      .skip((page - 1) * pageSize)
      .take(pageSize)
      .getManyAndCount();
    return { items, total, page, pageSize };
  }

  /** The whole year's register as CSV (see registerCsv), in the organisation's digits. */
  async exportCsv(
    organisationId: string,
    query: { register: string; year?: number },
  ): Promise<RegisterCsvExport> {
    assertRegisterName(query.register);
    const year = query.year ?? bangkokCalendarYear(new Date());
    const organisation = await this.db.getRepository(Organisation).findOne({ where: { id: organisationId } });
    if (!organisation) throw new AppException(ErrorCode.NotFound);
    const entries = await this.db.getRepository(RegisterEntry).find({
      where: { organisationId, register: query.register, year },
      order: { number: 'ASC' },
    });
    return { year, csv: registerCsv(entries, organisation.digits) };
  }

  private async lastIssuedNumber(
    manager: EntityManager,
    organisationId: string,
    register: string,
    year: number,
  ): Promise<number> {
    const rows = await manager.query<{ last: number }[]>(
      `SELECT coalesce(max(number), 0)::int AS last FROM register_entries
       WHERE organisation_id = $1 AND register = $2 AND year = $3`,
      [organisationId, register, year],
    );
    return rows[0].last;
  }
}
