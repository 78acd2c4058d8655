import { Column, Entity, PrimaryColumn } from 'typeorm';

/** The next number of one register in one calendar year; its row lock serialises issuing. */
@Entity('register_counters')
export class RegisterCounter {
  @PrimaryColumn({ type: 'uuid' })
  organisationId: string;

  @PrimaryColumn({ type: 'text' })
  register: string;

  @PrimaryColumn({ type: 'int' })
  year: number;

  @Column({ type: 'int' })
  nextNumber: number;
}
