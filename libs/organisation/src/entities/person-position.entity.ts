import { Column, Entity, Index, PrimaryColumn } from 'typeorm';

/** Which posts a person holds in their own right (acting is in `acting_orders`). */
@Entity('person_positions')
@Index(['positionId'])
export class PersonPosition {
  @PrimaryColumn({ type: 'uuid' })
  personId: string;

  @PrimaryColumn({ type: 'uuid' })
  positionId: string;

  @Column({ type: 'uuid' })
  organisationId: string;

  /** The post printed under the person's own signature when they author a memo. */
  @Column({ type: 'boolean', default: false })
  primary: boolean;
}
