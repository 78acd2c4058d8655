import { Injectable } from '@nestjs/common';
import { InjectDataSource } from '@nestjs/typeorm';
import { DataSource, type EntityManager } from 'typeorm';
import { AppException, ErrorCode } from '@saraban/errors';
import { findOrganisationSummary } from '@saraban/organisation';
import {
  applyDigits,
  assertSupportedYear,
  bangkokCalendarYear,
  bangkokDateString,
} from '@saraban/thai-format';
import type { IssueNumberInput } from './issue-number-input';
import {
  cancelIssuedEntry,
  counterNext,
  findRegisterEntry,
  insertIssuedEntry,
  lockCounter,
  registerEntriesOfYear,
  registerEntriesPage,
  setCounterNext,
  yearCounts,
} from './register-entry.repository';
import { numberChangesOf, recordNumberChange } from './register-number-change.repository';
import { registerCsv } from './register-csv.util';
import { OUTGOING_REGISTER, REGISTER_NAME_PATTERN } from './register-name';
import type { RegisterCsvExport } from './register-csv-export';
import type { RegisterEntryView } from './register-entry.view';
import type { RegisterListQuery, RegisterPage } from './register-page';
import type { RegisterYearSummary } from './register-year-summary';

const ALL_DIGITS = '0123456789๐๑๒๓๔๕๖๗๘๙';

const DEFAULT_PAGE_SIZE = 50;
const DATE_ONLY = /^\d{4}-\d{2}-\d{2}$/;

function assertRegisterName(register: string): void {
  if (!REGISTER_NAME_PATTERN.test(register)) {
    throw new AppException(ErrorCode.ValidationFailed, { field: 'register', value: register });
  }
}

/**
 * The outgoing register (ทะเบียนหนังสือส่ง) and any other numbered register: numbers run
 * without gaps per organisation, register and Bangkok calendar year, and are never reused.
 * The rules live here; every statement is in register-entry.repository.ts and
 * register-number-change.repository.ts, the CSV's shape in register-csv.util.ts.
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
  async issueNumber(manager: EntityManager, input: IssueNumberInput): Promise<RegisterEntryView> {
    const register = input.register ?? OUTGOING_REGISTER;
    assertRegisterName(register);
    const year = bangkokCalendarYear(input.at);
    const datedOn = input.datedOn ?? bangkokDateString(input.at);
    if (!DATE_ONLY.test(datedOn)) {
      throw new AppException(ErrorCode.ValidationFailed, { field: 'datedOn', value: datedOn });
    }
    const entry = await insertIssuedEntry(manager, {
      organisationId: input.organisationId,
      register,
      year,
      allDigits: ALL_DIGITS,
      arabicDigits: applyDigits(ALL_DIGITS, 'arabic'),
      thaiDigits: applyDigits(ALL_DIGITS, 'thai'),
      at: input.at,
      datedOn,
      fromText: input.fromText,
      toText: input.toText,
      subject: input.subject,
      action: input.action ?? null,
      remarks: input.remarks ?? null,
      memoId: input.memoId ?? null,
      issuedById: input.issuedById ?? null,
    });
    if (!entry) throw new AppException(ErrorCode.NotFound, { organisationId: input.organisationId });
    return entry;
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
  ): Promise<RegisterEntryView> {
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
      const counter = await lockCounter(m, organisationId, register, year);
      if (!counter) throw new AppException(ErrorCode.NotFound);
      const { last: lastIssuedNumber } = await yearCounts(m, organisationId, register, year);
      if (nextNumber <= lastIssuedNumber) {
        throw new AppException(ErrorCode.RegisterNumberTaken, { year, nextNumber, lastIssuedNumber });
      }
      await setCounterNext(m, organisationId, register, year, nextNumber);
      await recordNumberChange(m, {
        organisationId,
        register,
        year,
        previousNextNumber: counter.created ? null : counter.nextNumber,
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
    const [next, counts, changes] = await Promise.all([
      counterNext(this.db.manager, organisationId, register, year),
      yearCounts(this.db.manager, organisationId, register, year),
      numberChangesOf(this.db.manager, organisationId, register, year),
    ]);
    return {
      register,
      year,
      nextNumber: next ?? 1,
      lastIssuedNumber: counts.last,
      issuedCount: counts.issued,
      cancelledCount: counts.cancelled,
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
  ): Promise<RegisterEntryView> {
    const cancelled = await cancelIssuedEntry(this.db.manager, {
      organisationId,
      entryId,
      reason,
      cancelledById,
      at: null,
      register,
    });
    if (cancelled) return cancelled;
    // Tells "already cancelled" from "not yours / not there" (the latter is always 404).
    const existing = await this.get(organisationId, entryId, register);
    throw new AppException(ErrorCode.RegisterEntryCancelled, {
      id: existing.id,
      cancelledAt: existing.cancelledAt,
    });
  }

  async get(organisationId: string, entryId: string, register?: string): Promise<RegisterEntryView> {
    const entry = await findRegisterEntry(this.db.manager, organisationId, entryId, register);
    if (!entry) throw new AppException(ErrorCode.NotFound);
    return entry;
  }

  /** One page of a year's register in running-number order. */
  async list(organisationId: string, query: RegisterListQuery): Promise<RegisterPage> {
    assertRegisterName(query.register);
    const year = query.year ?? bangkokCalendarYear(new Date());
    const page = query.page ?? 1;
    const pageSize = query.pageSize ?? DEFAULT_PAGE_SIZE;
    const { items, total } = await registerEntriesPage(this.db.manager, {
      organisationId,
      register: query.register,
      year,
      term: query.q?.trim() || undefined,
      offset: (page - 1) * pageSize,
      limit: pageSize,
    });
    return { items, total, page, pageSize };
  }

  /** The whole year's register as CSV (see registerCsv), in the organisation's digits. */
  async exportCsv(
    organisationId: string,
    query: { register: string; year?: number },
  ): Promise<RegisterCsvExport> {
    assertRegisterName(query.register);
    const year = query.year ?? bangkokCalendarYear(new Date());
    const organisation = await findOrganisationSummary(this.db.manager, organisationId);
    if (!organisation) throw new AppException(ErrorCode.NotFound);
    const entries = await registerEntriesOfYear(this.db.manager, organisationId, query.register, year);
    return { year, csv: registerCsv(entries, organisation.digits) };
  }
}
