import { Column, Entity, PrimaryColumn } from 'typeorm';

/** The end of an organisation's history chain; its row lock orders the appends. */
@Entity('approval_history_heads')
export class ApprovalHistoryHead {
  @PrimaryColumn({ type: 'uuid' })
  organisationId: string;

  @Column({ type: 'bigint' })
  lastSeq: string;

  @Column({ type: 'text' })
  lastHash: string;

  /** The hash before the last one: the append statement answers it as the new entry's prev_hash. */
  @Column({ type: 'text' })
  prevHash: string;
}
