import { Injectable } from '@nestjs/common';
import {
  CAPACITY_WORDS,
  ApprovalCommandService,
  ApprovalQueryService,
  commandRequestHash,
  type ApprovalCommand,
  type ApprovalStateView,
  type CapacityView,
  type TimelineEntryView,
} from '@saraban/approval';
import type { AuthUser } from '@saraban/auth';
import { AppException, ErrorCode } from '@saraban/errors';
import { DeadlineTimelineService, type DeadlineNoticeView } from '@saraban/deadlines';
import { MemoAttachmentService, MemoDraftService, type MemoView, type ReportTableView } from '@saraban/memo';
import { ORDER_LABELS, PURPOSE_LABELS, QUICK_OPINIONS } from './web-labels';

const ACTION_LABELS: Record<string, string> = {
  submitted: 'ส่งเสนอ',
  resubmitted: 'ส่งเสนอใหม่หลังแก้ไข',
  endorsed: 'ลงความเห็นและเสนอต่อ',
  skipped: 'ข้ามขั้นตอน (ผู้เขียนเป็นผู้ดำรงตำแหน่งเอง)',
  returned: 'ส่งคืนให้แก้ไข',
  decided: 'สั่งการ',
  withdrawn: 'ถอนเรื่อง',
  cancelled: 'ยกเลิก',
  rerouted: 'เปลี่ยนผู้พิจารณา',
};

/** "หัวหน้าสำนักปลัด รักษาราชการแทน ปลัด…" or the post itself: how a capacity reads in one line. */
export function capacityLabel(capacity: CapacityView | null): string {
  return capacity ? capacity.lines.join(' ') : '';
}

/** The order as printed: "อนุมัติ ให้ดำเนินการ", or the decision maker's own words. */
function printedOrder(e: TimelineEntryView): string {
  if (typeof e.details?.printed === 'string') return e.details.printed;
  if (!e.orderKind || e.orderKind === 'custom') return e.text ?? '';
  return [ORDER_LABELS[e.orderKind], e.text].filter(Boolean).join(' ');
}

export interface MemoPage {
  memo: MemoView;
  state: ApprovalStateView;
  timeline: TimelineEntryView[];
  /** Reminders and escalations of the memo's steps, written by the deadline sweeps. */
  deadlineNotices: DeadlineNoticeView[];
  /** The memo's attached tables with their content, in printing order: shown as they will print. */
  tables: { seq: number; title: string; table: ReportTableView }[];
}

const NOTICE_LABELS: Record<DeadlineNoticeView['kind'], string> = {
  reminder: 'แจ้งเตือนใกล้ครบกำหนด',
  escalation: 'เกินกำหนด แจ้งงานสารบรรณและผู้บังคับบัญชาถัดไป',
};

/** How many rows of an attached table the memo page shows; the printed preview has them all. */
const TABLE_ROWS_SHOWN = 50;

/**
 * The approval engine as the pages need it: the memo with its state and history, the action panel
 * for the caller, and the commands (the same ApprovalCommandService the JSON API calls).
 */
@Injectable()
export class WebApproval {
  constructor(
    private readonly commands: ApprovalCommandService,
    private readonly queries: ApprovalQueryService,
    private readonly drafts: MemoDraftService,
    private readonly deadlines: DeadlineTimelineService,
    private readonly attachments: MemoAttachmentService,
  ) {}

  /** The memo if the caller may read it (author, clerk, admin, or a place on its route); 404 otherwise. */
  async memoPage(user: AuthUser, memoId: string): Promise<MemoPage> {
    const state = await this.commands.state(user, memoId);
    const [memo, timeline, deadlines] = await Promise.all([
      this.drafts.getForOrganisation(user.organisationId, memoId),
      this.queries.timeline(user, memoId),
      this.deadlines.ofMemo(user, memoId),
    ]);
    const tables = await Promise.all(
      memo.attachments
        .filter((a) => a.kind === 'table')
        .map(async (a) => {
          const detail = await this.attachments.get(user, memoId, a.id);
          return detail.table ? [{ seq: a.seq, title: a.title, table: detail.table }] : [];
        }),
    );
    return {
      memo,
      state,
      timeline: timeline.entries,
      deadlineNotices: deadlines.notices,
      tables: tables.flat(),
    };
  }

  run(
    user: AuthUser,
    memoId: string,
    command: ApprovalCommand,
    version?: number,
    key?: string,
  ): Promise<ApprovalStateView> {
    return this.commands.execute(user, memoId, command, {
      expectedVersion: version,
      idempotency: key ? { key, requestHash: commandRequestHash(memoId, command, version) } : undefined,
    });
  }

  inbox: ApprovalQueryService['inbox'] = (...args) => this.queries.inbox(...args);
  sent: ApprovalQueryService['sent'] = (...args) => this.queries.sent(...args);
  stuck: ApprovalQueryService['stuck'] = (...args) => this.queries.stuck(...args);
  state: ApprovalCommandService['state'] = (...args) => this.commands.state(...args);

  /** Everything the memo page shows beside the paper. */
  pageContext(user: AuthUser, page: MemoPage): Record<string, unknown> {
    const { memo, state, timeline, deadlineNotices } = page;
    const allowed = new Set(state.allowedCommands);
    const apiBase = `/memos/${memo.id}`;
    const base = { memoId: memo.id, apiBase, version: state.version };
    const current = state.currentStep;
    const mine = state.myCapacity;
    // What the caller already did on this memo in this round, in another capacity (one person
    // may sign two levels: once in his own post, once acting for the next).
    const before = timeline.filter(
      (e) => e.round === state.round && e.actorId === user.personId && e.action === 'endorsed',
    );
    const step =
      current && mine && (allowed.has('endorse') || allowed.has('decide'))
        ? {
            ...base,
            kind: allowed.has('decide') ? 'decide' : 'endorse',
            heading: current.heading,
            // The card's heading: the post the step belongs to, in whose name the caller signs.
            actingFor: mine.stepPositionTitle,
            acting: mine.kind !== 'own',
            actingWord: mine.kind === 'own' ? null : CAPACITY_WORDS[mine.kind],
            ownPosition: mine.ownPositionTitle,
            orderReference: mine.orderReference,
            capacityLabel: capacityLabel(mine),
            alreadyAs: before.map((e) => e.capacity?.stepPositionTitle ?? e.heading ?? '').filter(Boolean),
            phrases: QUICK_OPINIONS,
            purposeLabel: PURPOSE_LABELS[memo.purpose],
            // Only a memo for information starts at "ทราบ"; a request for approval starts at no order.
            orders: Object.entries(ORDER_LABELS).map(([value, label]) => ({
              value,
              label,
              checked: memo.purpose === 'information' && value === 'noted',
            })),
          }
        : null;
    const author =
      allowed.has('submit') || allowed.has('withdraw')
        ? {
            ...base,
            submit: allowed.has('submit'),
            resubmit: state.status === 'returned',
            withdraw: allowed.has('withdraw'),
          }
        : null;
    const clerk = allowed.has('cancel') ? base : null;
    // What the route looks like now: done steps of this round, the current one, the ones to come.
    const doneSeqs = new Set(
      timeline
        .filter(
          (e) =>
            e.round === state.round &&
            (e.action === 'endorsed' || e.action === 'skipped' || e.action === 'decided'),
        )
        .map((e) => e.stepSeq),
    );
    const endorsements = timeline
      .filter((e) => e.round === state.round && (e.action === 'endorsed' || e.action === 'decided'))
      .map((e) => ({
        heading: e.heading ?? '',
        text: e.action === 'decided' ? printedOrder(e) : (e.text ?? ''),
        name: e.actorName ?? '',
        positionLines: e.capacity?.lines ?? [],
        at: e.occurredAt,
      }));
    // "รอ:" names the post and its holder, then anyone acting for it, marked as such:
    // "ปลัด… (นายวิชัย) หรือผู้รักษาราชการแทน (นายสมประสงค์)".
    const holders = state.waitingFor.filter((a) => a.capacity.kind === 'own').map((a) => a.name);
    const others = state.waitingFor.flatMap((a) =>
      a.capacity.kind === 'own' ? [] : [`ผู้${CAPACITY_WORDS[a.capacity.kind]} (${a.name})`],
    );
    const waiting = current
      ? [`${current.positionTitle}${holders.length ? ` (${holders.join(', ')})` : ''}`, ...others].join(
          ' หรือ ',
        )
      : '';
    return {
      memo,
      approval: state,
      // On a phone the action card is below the memo: the page keeps room for the bar that jumps to it.
      bodyClass: step ? 'has-jump-bar' : '',
      tables: page.tables.map((t) => ({
        seq: t.seq,
        title: t.title,
        columns: t.table.columns,
        rows: t.table.rows.slice(0, TABLE_ROWS_SHOWN),
        more: Math.max(0, t.table.rows.length - TABLE_ROWS_SHOWN),
      })),
      documentNo: state.documentNo,
      memoDate: state.datedOn,
      endorsements,
      route:
        state.round > 0 && state.status !== 'draft'
          ? state.route.map((s) => ({
              title: s.positionTitle,
              current: state.status === 'in_review' && current?.seq === s.seq,
              done: doneSeqs.has(s.seq),
            }))
          : null,
      waiting: state.status === 'in_review' ? waiting || null : null,
      stuck: state.stuck,
      returnReason: state.status === 'returned' ? state.returnReason : null,
      decision: state.decision,
      actions: step || author || clerk ? { step, author, clerk } : null,
      // Newest first; entries of one moment (a command's own skips) keep their reversed order.
      timeline: [
        ...[...timeline].reverse().map((e) => ({
          what: `${ACTION_LABELS[e.action] ?? e.action}${e.heading && e.action !== 'submitted' ? ` · ${e.heading}` : ''}`,
          who: e.actorName ?? 'ระบบ',
          capacity: capacityLabel(e.capacity),
          text: e.action === 'decided' ? printedOrder(e) : e.text,
          at: e.occurredAt,
        })),
        ...deadlineNotices.map((n) => ({
          what: `${NOTICE_LABELS[n.kind]} · ${n.positionTitle}`,
          who: 'ระบบ',
          capacity: '',
          text: n.recipientNames.length > 0 ? `แจ้ง ${n.recipientNames.join(', ')}` : 'ไม่มีผู้รับแจ้ง',
          at: n.createdAt,
        })),
      ].sort((a, b) => new Date(b.at).getTime() - new Date(a.at).getTime()),
    };
  }
}

/** An approval refusal the page can show (not-your-turn, conflict, …); anything else goes to the error page. */
export function isShowableRefusal(err: unknown): err is AppException {
  return (
    err instanceof AppException &&
    err.status < 500 &&
    err.code !== ErrorCode.NotFound &&
    err.code !== ErrorCode.Unauthenticated
  );
}
