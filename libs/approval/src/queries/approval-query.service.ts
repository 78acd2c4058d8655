import { Injectable } from '@nestjs/common';
import { DataSource } from 'typeorm';
import type { AuthUser } from '@saraban/auth';
import { AppException, ErrorCode } from '@saraban/errors';
import { memoStatusSql, URGENCIES, URGENCIES_MOST_URGENT_FIRST, type MemoStatus } from '@saraban/memo';
import { readWorkingTime, staffedPostsSql, workingCalendarOf } from '@saraban/organisation';
import { bangkokDateString, toArabicDigits, toThaiDigits } from '@saraban/thai-format';
import { approvalStateName, currentRouteStep, loadApproval } from '../core/approval-snapshot.util';
import type { Capacity } from '../core/capacity';
import type { OrderKind } from '../core/order-kind';
import type { RouteStep } from '../core/route-step';
import { ApprovalReader } from '../commands/approval-reader';
import { capacityView, decisionView } from '../commands/approval-view.builder';
import type {
  DeadlineStanding,
  InboxView,
  SentListView,
  StuckListView,
  TimelineView,
} from '../dto/approval-views';
import type { InboxQuery, SentQuery } from '../dto/inbox.query';
import type { HistoryAction } from '../entities/approval-history-entry.entity';
import { StaffingReader } from '../staffing/staffing.reader';
import { INBOX_COUNTS_SQL, INBOX_ITEMS_SQL, RETURNED_TO_ME_SQL } from './inbox-sql';

const URGENCY_BY_ORDER = URGENCIES_MOST_URGENT_FIRST;

function likePattern(q: string): string {
  return `%${q.replace(/[\\%_]/g, (c) => `\\${c}`)}%`;
}

interface InboxRow {
  memo_id: string;
  subject: string;
  document_no: string | null;
  urgency_order: number;
  waiting_since: Date;
  submitted_at: Date;
  version: number;
  current_position_id: string;
  step: RouteStep;
  author_name: string;
  due_at: Date | null;
  remind_at: Date | null;
}

interface ReturnedRow {
  memo_id: string;
  subject: string;
  document_no: string | null;
  urgency_order: number;
  waiting_since: Date;
  version: number;
  machine_version: number;
  snapshot: Record<string, unknown>;
}

/** Where a waiting step stands against its due time at `now`. */
function standingOf(now: Date, dueAt: Date | null, remindAt: Date | null): DeadlineStanding | null {
  if (!dueAt) return null;
  if (now >= dueAt) return 'overdue';
  return remindAt && now >= remindAt ? 'due_soon' : 'on_time';
}

const round2 = (n: number) => Math.round(n * 100) / 100;

/** Inbox, "sent by me", timelines and the stuck list. */
@Injectable()
export class ApprovalQueryService {
  constructor(
    private readonly db: DataSource,
    private readonly staffing: StaffingReader,
    private readonly reader: ApprovalReader,
  ) {}

  async inbox(user: AuthUser, query: InboxQuery, now = new Date()): Promise<InboxView> {
    const day = bangkokDateString(now);
    const limit = query.limit ?? 50;
    const offset = query.offset ?? 0;
    const urgency = query.urgency ? URGENCY_BY_ORDER.indexOf(query.urgency) : null;
    const q = query.q?.trim() ? query.q.trim() : null;
    const params = [
      user.organisationId,
      user.personId,
      day,
      query.capacity ?? null,
      urgency,
      q ? likePattern(q) : null,
      q ? likePattern(toThaiDigits(toArabicDigits(q))) : null,
    ];
    // Five statements at once: each finds the caller's posts (or own memos) for itself; and the working time.
    const [capacities, counts, rows, returned, workingTime] = await Promise.all([
      this.staffing.capacitiesOf(this.db.manager, user.organisationId, user.personId, day),
      this.db.query<{ position_id: string; count: number; matching: number }[]>(INBOX_COUNTS_SQL, params),
      this.db.query<InboxRow[]>(INBOX_ITEMS_SQL, [...params, offset + limit, limit, offset]),
      // Narrowed to one capacity, the list is that post's work only: no returned memos.
      query.capacity
        ? Promise.resolve([])
        : this.db.query<ReturnedRow[]>(RETURNED_TO_ME_SQL, [
            user.organisationId,
            user.personId,
            urgency,
            params[5],
            params[6],
          ]),
      readWorkingTime(this.db.manager, [user.organisationId]),
    ]);
    const calendar = workingCalendarOf(workingTime.get(user.organisationId)?.settings ?? {});
    const byPosition = new Map(capacities.map((c) => [c.stepPositionId, c]));
    const countOf = new Map(counts.map((c) => [c.position_id, c]));
    return {
      capacities: capacities.map((c) => ({
        capacity: capacityView(c),
        count: countOf.get(c.stepPositionId)?.count ?? 0,
      })),
      total: counts.reduce((sum, c) => sum + c.matching, 0) + returned.length,
      items: rows
        .filter((r) => byPosition.has(r.current_position_id))
        .map((r) => ({
          memoId: r.memo_id,
          subject: r.subject,
          documentNo: r.document_no,
          urgency: URGENCY_BY_ORDER[r.urgency_order] ?? URGENCIES[0],
          waitingSince: r.waiting_since,
          submittedAt: r.submitted_at,
          authorName: r.author_name,
          step: r.step,
          capacity: capacityView(byPosition.get(r.current_position_id)!),
          version: r.version,
          dueAt: r.due_at,
          deadline: standingOf(now, r.due_at, r.remind_at),
          waitingWorkingHours: round2(calendar.workingTimeBetween(r.waiting_since, now).hours),
          remainingWorkingHours: r.due_at ? round2(calendar.workingTimeBetween(now, r.due_at).hours) : null,
        })),
      returned: returned.map((r) => ({
        memoId: r.memo_id,
        subject: r.subject,
        documentNo: r.document_no,
        urgency: URGENCY_BY_ORDER[r.urgency_order] ?? URGENCIES[0],
        waitingSince: r.waiting_since,
        returnReason: loadApproval({ machineVersion: r.machine_version, snapshot: r.snapshot }).context
          .returnReason,
        version: r.version,
      })),
    };
  }

  /** Where each of my submitted memos stands, most recently moved first. */
  async sent(user: AuthUser, query: SentQuery): Promise<SentListView> {
    const limit = query.limit ?? 50;
    const offset = query.offset ?? 0;
    const [rows, total] = await Promise.all([
      this.db.query<
        {
          memo_id: string;
          subject: string;
          document_no: string | null;
          status: MemoStatus;
          machine_version: number;
          snapshot: Record<string, unknown>;
          waiting_since: Date;
          submitted_at: Date;
          updated_at: Date;
        }[]
      >(
        `SELECT w.memo_id, w.subject, w.document_no, ${memoStatusSql('w.memo_id')} AS status, w.machine_version,
                w.snapshot, w.waiting_since, w.submitted_at, w.updated_at
           FROM memo_workflows w
          WHERE w.organisation_id = $1 AND w.author_id = $2
          ORDER BY w.updated_at DESC, w.memo_id LIMIT $3 OFFSET $4`,
        [user.organisationId, user.personId, limit, offset],
      ),
      this.db.query<{ n: number }[]>(
        'SELECT count(*)::int AS n FROM memo_workflows WHERE organisation_id = $1 AND author_id = $2',
        [user.organisationId, user.personId],
      ),
    ]);
    return {
      total: total[0].n,
      items: rows.map((r) => {
        const s = loadApproval({ machineVersion: r.machine_version, snapshot: r.snapshot });
        const step = currentRouteStep(s);
        return {
          memoId: r.memo_id,
          subject: r.subject,
          documentNo: r.document_no,
          status: r.status,
          state: approvalStateName(s),
          currentStep: step,
          waitingSince: step ? r.waiting_since : null,
          decision: decisionView(s.context.decision),
          returnReason: s.context.returnReason,
          submittedAt: r.submitted_at,
          updatedAt: r.updated_at,
        };
      }),
    };
  }

  /** Every action on a memo, in order, with who, in what capacity, when and what was written. */
  async timeline(user: AuthUser, memoId: string): Promise<TimelineView> {
    const m = this.db.manager;
    const loaded = await this.reader.load(m, user.organisationId, memoId);
    if (!loaded || !(await this.reader.mayRead(m, user, loaded))) throw new AppException(ErrorCode.NotFound);
    const rows: {
      seq: string;
      action: HistoryAction;
      round: number;
      step_seq: number | null;
      actor_id: string | null;
      actor_name: string | null;
      capacity: Capacity | null;
      text: string | null;
      order_kind: OrderKind | null;
      details: Record<string, unknown> | null;
      occurred_at: Date;
    }[] = await m.query(
      `SELECT seq::text AS seq, action, round, step_seq, actor_id, actor_name, capacity, text, order_kind, details,
              occurred_at
         FROM approval_history h WHERE organisation_id = $1 AND memo_id = $2 ORDER BY h.seq`,
      [user.organisationId, memoId],
    );
    return {
      memoId,
      entries: rows.map((r) => ({
        seq: r.seq,
        action: r.action,
        round: r.round,
        stepSeq: r.step_seq,
        heading: typeof r.details?.heading === 'string' ? r.details.heading : null,
        actorId: r.actor_id,
        actorName: r.actor_name,
        capacity: r.capacity ? capacityView(r.capacity) : null,
        text: r.text,
        orderKind: r.order_kind,
        details: r.details,
        occurredAt: r.occurred_at,
      })),
    };
  }

  /** Memos waiting at a step nobody (but perhaps the author) may act on today; for clerks and admins. */
  async stuck(user: AuthUser, now = new Date()): Promise<StuckListView> {
    const day = bangkokDateString(now);
    const rows: {
      memo_id: string;
      subject: string;
      document_no: string | null;
      step: RouteStep;
      waiting_since: Date;
      author_only: boolean;
      version: number;
    }[] = await this.db.query(
      `WITH acting AS (
         ${staffedPostsSql('$1', '$2::date')}
       )
       SELECT w.memo_id, w.subject, w.document_no, w.route -> w.current_seq AS step, w.waiting_since, w.version,
              EXISTS (SELECT 1 FROM acting a WHERE a.position_id = w.current_position_id) AS author_only
         FROM memo_workflows w
        WHERE w.organisation_id = $1 AND w.state = 'review'
          AND NOT EXISTS (SELECT 1 FROM acting a WHERE a.position_id = w.current_position_id AND a.person_id <> w.author_id)
        ORDER BY w.waiting_since, w.memo_id
        LIMIT 500`,
      [user.organisationId, day],
    );
    return {
      items: rows.map((r) => ({
        memoId: r.memo_id,
        subject: r.subject,
        documentNo: r.document_no,
        step: r.step,
        waitingSince: r.waiting_since,
        reason: r.author_only ? 'author_only' : 'nobody',
        version: r.version,
      })),
    };
  }
}
