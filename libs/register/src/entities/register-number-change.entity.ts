import { Column, CreateDateColumn, Entity, Index, PrimaryGeneratedColumn } from 'typeorm';

/**
 * A clerk's change of a register's next number (e.g. when an office moves from the paper
 * book mid-year): kept so that a jump in the running numbers can always be explained.
 */
@Entity('register_number_changes')
@Index(['organisationId', 'register', 'year', 'changedAt'])
export class RegisterNumberChange {
  @PrimaryGeneratedColumn('uuid')
  id: string;

  @Column({ type: 'uuid' })
  organisationId: string;

  @Column({ type: 'text' })
  register: string;

  @Column({ type: 'int' })
  year: number;

  /** The next number before the change; null when the year had no counter yet. */
  @Column({ type: 'int', nullable: true })
  previousNextNumber: number | null;

  @Column({ type: 'int' })
  nextNumber: number;

  /** The highest number already in the register that year when the change was made (0 if none). */
  @Column({ type: 'int' })
  lastIssuedNumber: number;

  @Column({ type: 'text', nullable: true })
  note: string | null;

  @Column({ type: 'uuid', nullable: true })
  changedById: string | null;

  @CreateDateColumn({ type: 'timestamptz' })
  changedAt: Date;
}
