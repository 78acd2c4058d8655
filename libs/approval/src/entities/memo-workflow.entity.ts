import { Column, Entity, Index, PrimaryColumn, UpdateDateColumn } from 'typeorm';
import type { JsonRecord } from '../core/approval-snapshot-migrations';
import type { RouteStep } from '../core/route-step';

/** Where a submitted memo stands in the machine; `review` rows are the inboxes. */
export type WorkflowState = 'review' | 'returned' | 'decided' | 'withdrawn' | 'cancelled';

/**
 * A memo's approval, from its first submission on (a draft has no row). The snapshot is the
 * source of truth; the other columns are copies of it for the inbox and the lists, written in
 * the same statement. The inbox index is hand-written (partial, see the ApprovalInboxIndexes
 * migration), hence `synchronize: false`.
 */
@Entity('memo_workflows')
@Index('approval_inbox_idx', { synchronize: false })
@Index('approval_sent_idx', { synchronize: false })
@Index('approval_due_idx', { synchronize: false })
@Index('approval_remind_idx', { synchronize: false })
@Index('approval_number_trgm_idx', { synchronize: false })
export class MemoWorkflow {
  @PrimaryColumn({ type: 'uuid' })
  memoId: string;

  @Column({ type: 'uuid' })
  organisationId: string;

  @Column({ type: 'int' })
  machineVersion: number;

  /** xstate's getPersistedSnapshot(): plain JSON, no live objects. */
  @Column({ type: 'jsonb' })
  snapshot: JsonRecord;

  /** The route as frozen at submission (re-routes included); the same as the snapshot's. */
  @Column({ type: 'jsonb' })
  route: RouteStep[];

  @Column({ type: 'text' })
  state: WorkflowState;

  @Column({ type: 'int' })
  round: number;

  @Column({ type: 'int', nullable: true })
  currentSeq: number | null;

  /** The post whose inbox the memo is in; null outside review. */
  @Column({ type: 'uuid', nullable: true })
  currentPositionId: string | null;

  @Column({ type: 'uuid' })
  authorId: string;

  @Column({ type: 'text' })
  subject: string;

  @Column({ type: 'text', nullable: true })
  documentNo: string | null;

  @Column({ type: 'uuid', nullable: true })
  registerEntryId: string | null;

  /** 0 = ด่วนที่สุด … 3 = ปกติ, so that an ascending index puts the urgent first. */
  @Column({ type: 'smallint' })
  urgencyOrder: number;

  /** Since when the current step has been waiting. */
  @Column({ type: 'timestamptz' })
  waitingSince: Date;

  @Column({ type: 'timestamptz' })
  submittedAt: Date;

  /** When the waiting step is due (working time of the organisation's calendar); null outside review. */
  @Column({ type: 'timestamptz', nullable: true })
  dueAt: Date | null;

  /** When the people who may act on the waiting step are reminded; null outside review. */
  @Column({ type: 'timestamptz', nullable: true })
  remindAt: Date | null;

  /**
   * The executive's order once decided (ทราบ, อนุมัติ, …: an OrderKind), null before: what other
   * libraries need of the decision, published as a column so that nobody reads the snapshot.
   */
  @Column({ type: 'text', nullable: true })
  decisionOrder: string | null;

  /** Equal to the memo's version after the last command; the guarded UPDATE compares it. */
  @Column({ type: 'int' })
  version: number;

  @UpdateDateColumn({ type: 'timestamptz' })
  updatedAt: Date;
}
