import { Column, CreateDateColumn, Entity, Index, PrimaryGeneratedColumn } from 'typeorm';

/**
 * A domain event written in the same transaction as the change it reports; a relay moves it
 * to the queues after commit and sets `processedAt`. Rows are inserted only by the database
 * function `outbox_append_event` (see `appendOutboxEvents`); a trigger NOTIFYs channel `outbox`
 * on insert.
 */
@Entity('outbox')
@Index('outbox_pending_idx', { synchronize: false })
export class OutboxEvent {
  @PrimaryGeneratedColumn('uuid')
  id: string;

  @Column({ type: 'uuid' })
  organisationId: string;

  /** e.g. "memo.decided". */
  @Column({ type: 'text' })
  type: string;

  @Column({ type: 'jsonb' })
  payload: Record<string, unknown>;

  @CreateDateColumn({ type: 'timestamptz' })
  createdAt: Date;

  @Column({ type: 'timestamptz', nullable: true })
  processedAt: Date | null;
}
