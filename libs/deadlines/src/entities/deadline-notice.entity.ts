import { Column, CreateDateColumn, Entity, Index, PrimaryGeneratedColumn } from 'typeorm';

export const DEADLINE_NOTICE_KINDS = ['reminder', 'escalation'] as const;
export type DeadlineNoticeKind = (typeof DEADLINE_NOTICE_KINDS)[number];

/**
 * A reminder before a step's due time or an escalation after it, as written once: the memo's
 * deadline timeline. One of each kind per step start (memo, started at): the unique index makes
 * a second sweep — another worker's, a retried tick — write nothing.
 */
@Entity('deadline_notices')
@Index('deadline_notices_once_idx', ['memoId', 'stepStartedAt', 'kind'], { unique: true })
export class DeadlineNotice {
  @PrimaryGeneratedColumn('uuid')
  id: string;

  @Column({ type: 'uuid' })
  organisationId: string;

  @Column({ type: 'uuid' })
  memoId: string;

  @Column({ type: 'text' })
  kind: DeadlineNoticeKind;

  @Column({ type: 'int' })
  round: number;

  @Column({ type: 'int' })
  stepSeq: number;

  /** The post the step waits at, and its title as printed then. */
  @Column({ type: 'uuid' })
  positionId: string;

  @Column({ type: 'text' })
  positionTitle: string;

  @Column({ type: 'timestamptz' })
  stepStartedAt: Date;

  @Column({ type: 'timestamptz' })
  dueAt: Date;

  /** Who was told: the people who may act (reminder); the clerks and the next up the chain (escalation). */
  @Column({ type: 'uuid', array: true })
  recipientIds: string[];

  /** Their names as they were then, for the timeline. */
  @Column({ type: 'text', array: true })
  recipientNames: string[];

  @CreateDateColumn({ type: 'timestamptz' })
  createdAt: Date;
}
