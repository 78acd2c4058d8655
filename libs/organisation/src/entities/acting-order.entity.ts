import { Column, Entity, Index, PrimaryGeneratedColumn } from 'typeorm';

/** รักษาราชการแทน / ปฏิบัติราชการแทน / รักษาการในตำแหน่ง */
export type ActingKind = 'acting' | 'delegated' | 'acting_in_position';
export const ACTING_KINDS: readonly ActingKind[] = ['acting', 'delegated', 'acting_in_position'];

/** An effective-dated order letting a person act for a post; the printed wording comes from it. */
@Entity('acting_orders')
@Index(['organisationId', 'positionId', 'fromDate'])
@Index(['personId'])
export class ActingOrder {
  @PrimaryGeneratedColumn('uuid')
  id: string;

  @Column({ type: 'uuid' })
  organisationId: string;

  @Column({ type: 'uuid' })
  personId: string;

  @Column({ type: 'uuid' })
  positionId: string;

  @Column({ type: 'text' })
  kind: ActingKind;

  /** Bangkok calendar days, inclusive. */
  @Column({ type: 'date' })
  fromDate: string;

  @Column({ type: 'date', nullable: true })
  toDate: string | null;

  /** The order's reference, e.g. "คำสั่งเทศบาลเมืองตากใบ ที่ ๑๒๓/๒๕๖๘". */
  @Column({ type: 'text' })
  reference: string;

  /**
   * The away notice this order came from (a person away named who acts); null for the orders of
   * the organisation file, which an import makes the database say — it leaves these alone.
   */
  @Column({ type: 'uuid', nullable: true })
  awayNoticeId: string | null;
}
