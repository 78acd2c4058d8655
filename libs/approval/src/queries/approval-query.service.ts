import { Injectable } from '@nestjs/common';
import { DataSource } from 'typeorm';
import type { AuthUser } from '@saraban/auth';
import { AppException, ErrorCode } from '@saraban/errors';
import { URGENCIES, URGENCIES_MOST_URGENT_FIRST } from '@saraban/memo';
import { readWorkingTime, workingCalendarOf } from '@saraban/organisation';
import { bangkokDateString, toArabicDigits, toThaiDigits } from '@saraban/thai-format';
import { approvalStateName, currentRouteStep, loadApproval } from '../core/approval-snapshot.util';
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
import { StaffingReader } from '../staffing/staffing.reader';
import { historyOfMemo } from '../history/approval-history.repository';
import { inboxCounts, inboxItems, returnedToMe } from './inbox.repository';
import { sentWorkflowCount, sentWorkflows, stuckWorkflows } from './workflow-lists.repository';

const URGENCY_BY_ORDER = URGENCIES_MOST_URGENT_FIRST;

function likePattern(q: string): string {
  return `%${q.replace(/[\\%_]/g, (c) => `\\${c}`)}%`;
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
      inboxCounts(this.db.manager, params),
      inboxItems(this.db.manager, params, { limit, offset }),
      // Narrowed to one capacity, the list is that post's work only: no returned memos.
      query.capacity
        ? Promise.resolve([])
        : returnedToMe(this.db.manager, [user.organisationId, user.personId, urgency, params[5], params[6]]),
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
      sentWorkflows(this.db.manager, user.organisationId, user.personId, { limit, offset }),
      sentWorkflowCount(this.db.manager, user.organisationId, user.personId),
    ]);
    return {
      total,
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
    const rows = await historyOfMemo(m, user.organisationId, memoId);
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
    const rows = await stuckWorkflows(this.db.manager, user.organisationId, day);
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
