import { ApiProperty, ApiPropertyOptional } from '@nestjs/swagger';
import { MEMO_STATUSES, URGENCIES, type MemoStatus, type Urgency } from '@saraban/memo';
import { APPROVAL_STATE_NAMES, type ApprovalStateName } from '../core/approval-snapshot.util';
import { ORDER_KINDS, type OrderKind } from '../core/order-kind';
import type { CapacityKind } from '../core/capacity';
import { HISTORY_ACTIONS, type HistoryAction } from '../entities/approval-history-entry.entity';

export const APPROVAL_COMMANDS = [
  'submit',
  'endorse',
  'return',
  'decide',
  'withdraw',
  'cancel',
  'reroute',
] as const;
export type ApprovalCommandName = (typeof APPROVAL_COMMANDS)[number];
const CAPACITY_KINDS = ['own', 'acting', 'delegated', 'acting_in_position'];

export class RouteStepView {
  @ApiProperty() seq: number;
  @ApiProperty() positionId: string;
  @ApiProperty({ example: 'ปลัดเทศบาลเมืองตากใบ' }) positionTitle: string;
  @ApiProperty({ example: 'ความเห็นของปลัดเทศบาลเมืองตากใบ' }) heading: string;
}

export class CapacityView {
  @ApiProperty({ enum: CAPACITY_KINDS }) kind: CapacityKind;
  @ApiProperty() stepPositionId: string;
  @ApiProperty() stepPositionTitle: string;
  @ApiProperty({ nullable: true, type: String }) ownPositionTitle: string | null;
  @ApiProperty({ nullable: true, type: String }) orderReference: string | null;
  @ApiProperty({
    type: [String],
    description: 'The position lines of the signature block',
    example: ['หัวหน้าสำนักปลัดเทศบาล รักษาราชการแทน', 'ปลัดเทศบาลเมืองตากใบ'],
  })
  lines: string[];
}

export class ActorView {
  @ApiProperty() personId: string;
  @ApiProperty({ example: 'นายสมประสงค์ วีระวัฒน์' }) name: string;
  @ApiProperty({ type: CapacityView }) capacity: CapacityView;
}

export class DecisionView {
  @ApiProperty({ enum: ORDER_KINDS }) order: OrderKind;
  @ApiProperty({ nullable: true, type: String }) text: string | null;
  @ApiProperty({ description: 'As printed', example: 'อนุมัติ' }) printed: string;
}

export class ApprovalStateView {
  @ApiProperty() memoId: string;
  @ApiProperty({ enum: MEMO_STATUSES }) status: MemoStatus;
  @ApiProperty({ description: 'The memo version; send it back with the next command' }) version: number;
  @ApiProperty({ enum: APPROVAL_STATE_NAMES }) state: ApprovalStateName;
  @ApiProperty({ description: '0 before submission; each resubmission starts a new round' }) round: number;
  @ApiProperty({ type: [RouteStepView] }) route: RouteStepView[];
  @ApiProperty({ type: RouteStepView, nullable: true }) currentStep: RouteStepView | null;
  @ApiProperty({ description: 'Nobody may act on the current step today; a clerk or admin re-routes it' })
  stuck: boolean;
  @ApiProperty({ type: [ActorView], description: 'Who may act on the current step today' })
  waitingFor: ActorView[];
  @ApiProperty({ nullable: true, type: String, example: 'นพ ๗๑๕๐๑/๙๓๕' }) documentNo: string | null;
  @ApiProperty({ nullable: true, type: String, example: '2025-10-24' }) datedOn: string | null;
  @ApiProperty({ type: DecisionView, nullable: true }) decision: DecisionView | null;
  @ApiProperty({ nullable: true, type: String }) returnReason: string | null;
  @ApiProperty({
    type: CapacityView,
    nullable: true,
    description: 'The capacity in which the caller may act now',
  })
  myCapacity: CapacityView | null;
  @ApiProperty({ enum: APPROVAL_COMMANDS, isArray: true, description: 'What the caller may do next' })
  allowedCommands: ApprovalCommandName[];
}

export class InboxCapacityCount {
  @ApiProperty({ type: CapacityView }) capacity: CapacityView;
  @ApiProperty() count: number;
}

export const DEADLINE_STANDINGS = ['on_time', 'due_soon', 'overdue'] as const;
export type DeadlineStanding = (typeof DEADLINE_STANDINGS)[number];

export class InboxItemView {
  @ApiProperty() memoId: string;
  @ApiProperty() subject: string;
  @ApiProperty({ nullable: true, type: String }) documentNo: string | null;
  @ApiProperty({ enum: URGENCIES }) urgency: Urgency;
  @ApiProperty() waitingSince: Date;
  @ApiProperty() submittedAt: Date;
  @ApiProperty() authorName: string;
  @ApiProperty({ type: RouteStepView }) step: RouteStepView;
  @ApiProperty({ type: CapacityView, description: 'In what capacity the caller acts on it' })
  capacity: CapacityView;
  @ApiProperty() version: number;
  @ApiProperty({
    nullable: true,
    type: Date,
    description: 'When this step is due: its urgency class’s time to act, in working time',
  })
  dueAt: Date | null;
  @ApiProperty({
    enum: DEADLINE_STANDINGS,
    nullable: true,
    description: 'on_time; due_soon once the reminder time has passed; overdue after the due time',
  })
  deadline: DeadlineStanding | null;
  @ApiProperty({ description: 'Working hours (office hours of working days) this step has waited' })
  waitingWorkingHours: number;
  @ApiProperty({
    nullable: true,
    type: Number,
    description: 'Working hours left until the due time; negative when overdue',
  })
  remainingWorkingHours: number | null;
}

/** My own memo, returned to me for revision: work waiting for its writer. */
export class ReturnedInboxItemView {
  @ApiProperty() memoId: string;
  @ApiProperty() subject: string;
  @ApiProperty({ nullable: true, type: String }) documentNo: string | null;
  @ApiProperty({ enum: URGENCIES }) urgency: Urgency;
  @ApiProperty({ description: 'When it was returned' }) waitingSince: Date;
  @ApiProperty({ nullable: true, type: String }) returnReason: string | null;
  @ApiProperty() version: number;
}

export class InboxView {
  @ApiProperty({
    type: [InboxCapacityCount],
    description: 'Every capacity held today, with what waits in it',
  })
  capacities: InboxCapacityCount[];
  @ApiProperty({ description: 'Items matching the filters' }) total: number;
  @ApiProperty({ type: [InboxItemView] }) items: InboxItemView[];
  @ApiProperty({
    type: [ReturnedInboxItemView],
    description:
      'My memos returned to me for revision (not narrowed by capacity); counted in `total` when no capacity is chosen',
  })
  returned: ReturnedInboxItemView[];
}

export class SentItemView {
  @ApiProperty() memoId: string;
  @ApiProperty() subject: string;
  @ApiProperty({ nullable: true, type: String }) documentNo: string | null;
  @ApiProperty({ enum: MEMO_STATUSES }) status: MemoStatus;
  @ApiProperty({ enum: APPROVAL_STATE_NAMES }) state: ApprovalStateName;
  @ApiProperty({ type: RouteStepView, nullable: true }) currentStep: RouteStepView | null;
  @ApiProperty({ nullable: true, type: Date }) waitingSince: Date | null;
  @ApiProperty({ type: DecisionView, nullable: true }) decision: DecisionView | null;
  @ApiProperty({ nullable: true, type: String }) returnReason: string | null;
  @ApiProperty() submittedAt: Date;
  @ApiProperty() updatedAt: Date;
}

export class SentListView {
  @ApiProperty() total: number;
  @ApiProperty({ type: [SentItemView] }) items: SentItemView[];
}

export class TimelineEntryView {
  @ApiProperty({ description: 'Place in the organisation history chain' }) seq: string;
  @ApiProperty({ enum: HISTORY_ACTIONS }) action: HistoryAction;
  @ApiProperty() round: number;
  @ApiProperty({ nullable: true, type: Number }) stepSeq: number | null;
  @ApiProperty({ nullable: true, type: String }) heading: string | null;
  @ApiProperty({ nullable: true, type: String }) actorId: string | null;
  @ApiProperty({ nullable: true, type: String }) actorName: string | null;
  @ApiProperty({ type: CapacityView, nullable: true }) capacity: CapacityView | null;
  @ApiProperty({ nullable: true, type: String, description: 'Opinion, reason, order or note as written' })
  text: string | null;
  @ApiProperty({ nullable: true, enum: ORDER_KINDS }) orderKind: OrderKind | null;
  @ApiPropertyOptional({ type: Object, nullable: true }) details: Record<string, unknown> | null;
  @ApiProperty() occurredAt: Date;
}

export class TimelineView {
  @ApiProperty() memoId: string;
  @ApiProperty({ type: [TimelineEntryView] }) entries: TimelineEntryView[];
}

export class StuckItemView {
  @ApiProperty() memoId: string;
  @ApiProperty() subject: string;
  @ApiProperty({ nullable: true, type: String }) documentNo: string | null;
  @ApiProperty({ type: RouteStepView }) step: RouteStepView;
  @ApiProperty() waitingSince: Date;
  @ApiProperty({ enum: ['nobody', 'author_only'] }) reason: 'nobody' | 'author_only';
  @ApiProperty() version: number;
}

export class StuckListView {
  @ApiProperty({ type: [StuckItemView] }) items: StuckItemView[];
}

export class ChainBreakView {
  @ApiProperty() seq: string;
  @ApiProperty({ nullable: true, type: String }) memoId: string | null;
  @ApiProperty({ enum: ['seq_gap', 'prev_hash_mismatch', 'hash_mismatch', 'head_mismatch'] }) problem: string;
}

export class AuditVerificationView {
  @ApiProperty() ok: boolean;
  @ApiProperty() entriesChecked: number;
  @ApiProperty({ nullable: true, type: String }) lastSeq: string | null;
  @ApiProperty({ type: ChainBreakView, nullable: true }) firstBroken: ChainBreakView | null;
}

/** What I did on a memo I acted on (my latest endorsement, return or decision). */
export class MyActionView {
  @ApiProperty({ enum: ['endorsed', 'returned', 'decided'] }) action: 'endorsed' | 'returned' | 'decided';
  @ApiProperty({ nullable: true, enum: ORDER_KINDS }) orderKind: OrderKind | null;
  @ApiProperty({ nullable: true, type: String, description: 'The opinion, reason or order as written' })
  text: string | null;
  @ApiProperty() at: Date;
}

export class MemoSearchItemView {
  @ApiProperty() memoId: string;
  @ApiProperty() subject: string;
  @ApiProperty({ enum: MEMO_STATUSES }) status: MemoStatus;
  @ApiProperty({ enum: URGENCIES }) urgency: Urgency;
  @ApiProperty() authorName: string;
  @ApiProperty({ nullable: true, type: String }) documentNo: string | null;
  @ApiProperty({ description: 'ลงวันที่ once numbered, else the day it was written (Bangkok, YYYY-MM-DD)' })
  day: string;
  @ApiProperty({ nullable: true, enum: ORDER_KINDS }) decisionOrder: OrderKind | null;
  @ApiProperty({ type: MyActionView, nullable: true }) myAction: MyActionView | null;
  @ApiProperty() updatedAt: Date;
}

export class MemoSearchView {
  @ApiProperty({ description: 'Memos matching, of those the caller may read' }) total: number;
  @ApiProperty({ type: [MemoSearchItemView] }) items: MemoSearchItemView[];
}
