import { Column, Entity, Index, PrimaryColumn } from 'typeorm';
import type { Capacity } from '../core/capacity';

export type HistoryAction =
  | 'submitted'
  | 'resubmitted'
  | 'endorsed'
  | 'skipped'
  | 'returned'
  | 'decided'
  | 'withdrawn'
  | 'cancelled'
  | 'rerouted';

export const HISTORY_ACTIONS: readonly HistoryAction[] = [
  'submitted',
  'resubmitted',
  'endorsed',
  'skipped',
  'returned',
  'decided',
  'withdrawn',
  'cancelled',
  'rerouted',
];

/**
 * One thing that happened to a memo, append-only (a trigger refuses UPDATE, DELETE and
 * TRUNCATE) and hash-chained per organisation: `hash` = SHA-256 of
 * `prev_hash|seq|canonical JSON of the entry` (see history-hash.util.ts).
 */
@Entity('approval_history')
@Index(['memoId', 'seq'])
// One person's entries, latest first (partial; migration ThaiMemoSearch): "the memos I acted on".
@Index('approval_history_actor_idx', { synchronize: false })
export class ApprovalHistoryEntry {
  @PrimaryColumn({ type: 'uuid' })
  organisationId: string;

  /** 1, 2, 3 … per organisation, without gaps. */
  @PrimaryColumn({ type: 'bigint' })
  seq: string;

  @Column({ type: 'uuid' })
  memoId: string;

  @Column({ type: 'int' })
  round: number;

  /** The route step acted on; null when not tied to a step (a returned memo withdrawn). */
  @Column({ type: 'int', nullable: true })
  stepSeq: number | null;

  @Column({ type: 'text' })
  action: HistoryAction;

  /** Null when nobody acted (a skipped step). */
  @Column({ type: 'uuid', nullable: true })
  actorId: string | null;

  /** "นายสมประสงค์ วีระวัฒน์" as it was when the entry was written. */
  @Column({ type: 'text', nullable: true })
  actorName: string | null;

  @Column({ type: 'jsonb', nullable: true })
  capacity: Capacity | null;

  /** The opinion, the reason or the order's text. */
  @Column({ type: 'text', nullable: true })
  text: string | null;

  @Column({ type: 'text', nullable: true })
  orderKind: string | null;

  @Column({ type: 'jsonb', nullable: true })
  details: Record<string, unknown> | null;

  @Column({ type: 'timestamptz' })
  occurredAt: Date;

  @Column({ type: 'text' })
  prevHash: string;

  @Column({ type: 'text' })
  hash: string;
}
