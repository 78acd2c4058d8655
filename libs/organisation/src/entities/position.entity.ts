import { Column, Entity, Index, PrimaryGeneratedColumn } from 'typeorm';

/** A post, with its title exactly as printed under a signature, e.g. "ปลัดเทศบาลเมืองตากใบ". */
@Entity('positions')
@Index(['organisationId', 'code'], { unique: true })
export class Position {
  @PrimaryGeneratedColumn('uuid')
  id: string;

  @Column({ type: 'uuid' })
  organisationId: string;

  @Column({ type: 'text' })
  code: string;

  @Column({ type: 'text' })
  title: string;

  /** The heading of this post's endorsement, e.g. "ความเห็นของหัวหน้าสำนักปลัด"; derived from the title when null. */
  @Column({ type: 'text', nullable: true })
  endorsementHeading: string | null;

  @Column({ type: 'uuid', nullable: true })
  unitId: string | null;

  @Column({ type: 'boolean', default: true })
  active: boolean;
}
