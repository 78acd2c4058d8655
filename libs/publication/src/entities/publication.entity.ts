import { Column, Entity, Index, PrimaryGeneratedColumn } from 'typeorm';

export type PublicationStatus = 'published' | 'withdrawn' | 'replaced';

/**
 * A document on the organisation's public portal. Withdrawing or replacing keeps the row (and the
 * PDF) so the portal can show the history; one row per memo version makes publishing idempotent.
 */
@Entity('publications')
@Index(['memoId', 'memoVersion'], { unique: true })
@Index(['organisationId', 'fiscalYear', 'publishedAt'])
export class Publication {
  @PrimaryGeneratedColumn('uuid')
  id: string;

  @Column({ type: 'uuid' })
  organisationId: string;

  @Column({ type: 'uuid' })
  memoId: string;

  @Column({ type: 'int' })
  memoVersion: number;

  @Column({ type: 'uuid' })
  documentId: string;

  /** ปีงบประมาณ (พ.ศ.) of the memo's date. */
  @Column({ type: 'int' })
  fiscalYear: number;

  @Column({ type: 'text', nullable: true })
  oitItem: string | null;

  @Column({ type: 'text' })
  title: string;

  @Column({ type: 'text' })
  documentNo: string;

  @Column({ type: 'date' })
  datedOn: string;

  /** The executive's order as printed: "อนุมัติ", "ทราบ" … */
  @Column({ type: 'text' })
  orderText: string;

  @Column({ type: 'timestamptz' })
  publishedAt: Date;

  @Column({ type: 'text', default: 'published' })
  status: PublicationStatus;

  @Column({ type: 'uuid', nullable: true })
  replacedById: string | null;

  @Column({ type: 'timestamptz', nullable: true })
  withdrawnAt: Date | null;

  @Column({ type: 'text', nullable: true })
  withdrawReason: string | null;
}
