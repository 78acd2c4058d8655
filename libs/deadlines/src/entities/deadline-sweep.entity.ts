import { Column, Entity, PrimaryColumn } from 'typeorm';

/**
 * How far each sweep has looked: the next looks from here on (less a grace for commands that
 * committed late). Its row lock serialises sweeps of one kind across workers.
 */
@Entity('deadline_sweeps')
export class DeadlineSweep {
  @PrimaryColumn({ type: 'text' })
  kind: string;

  @Column({ type: 'timestamptz' })
  sweptTo: Date;
}
