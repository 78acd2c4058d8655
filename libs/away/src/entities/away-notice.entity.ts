import { Column, CreateDateColumn, Entity, Index, PrimaryGeneratedColumn } from 'typeorm';
import type { ActingKind } from '@saraban/organisation';

export const AWAY_STATUSES = ['pending', 'approved', 'rejected', 'cancelled'] as const;
export type AwayStatus = (typeof AWAY_STATUSES)[number];

/**
 * A person's notice that they will be away for some days and who acts for them. Approved (by an
 * administrator where the organisation requires it, at once otherwise) it becomes acting orders
 * for each post the person holds, from which the printed acting line comes.
 */
@Entity('away_notices')
@Index('IDX_away_notices_organisation_status', ['organisationId', 'status'])
@Index('IDX_away_notices_person', ['personId'])
export class AwayNotice {
  @PrimaryGeneratedColumn('uuid')
  id: string;

  @Column({ type: 'uuid' })
  organisationId: string;

  /** Who is away. */
  @Column({ type: 'uuid' })
  personId: string;

  /** Who acts for them. */
  @Column({ type: 'uuid' })
  actingPersonId: string;

  @Column({ type: 'text' })
  kind: ActingKind;

  /** Bangkok calendar days, inclusive. */
  @Column({ type: 'date' })
  fromDate: string;

  @Column({ type: 'date' })
  toDate: string;

  @Column({ type: 'text', nullable: true })
  note: string | null;

  @Column({ type: 'text' })
  status: AwayStatus;

  @Column({ type: 'uuid', nullable: true })
  decidedById: string | null;

  @Column({ type: 'timestamptz', nullable: true })
  decidedAt: Date | null;

  @Column({ type: 'text', nullable: true })
  decisionNote: string | null;

  @CreateDateColumn({ type: 'timestamptz' })
  createdAt: Date;
}
