import { Column, Entity, PrimaryColumn } from 'typeorm';

/** One rung of a unit's approval chain; the highest `seq` is the decision maker. */
@Entity('approval_chain_steps')
export class ApprovalChainStep {
  @PrimaryColumn({ type: 'uuid' })
  unitId: string;

  @PrimaryColumn({ type: 'int' })
  seq: number;

  @Column({ type: 'uuid' })
  organisationId: string;

  @Column({ type: 'uuid' })
  positionId: string;
}
