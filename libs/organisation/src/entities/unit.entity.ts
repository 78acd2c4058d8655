import { Column, Entity, Index, PrimaryGeneratedColumn } from 'typeorm';

/** A ส่วนราชการ (office, division or section) that owns memos. */
@Entity('units')
@Index(['organisationId', 'code'], { unique: true })
export class Unit {
  @PrimaryGeneratedColumn('uuid')
  id: string;

  @Column({ type: 'uuid' })
  organisationId: string;

  @Column({ type: 'text' })
  code: string;

  /** As printed on the ส่วนราชการ line, e.g. "งานนิติการ สำนักปลัดองค์การบริหารส่วนตำบลคำพี่". */
  @Column({ type: 'text' })
  name: string;

  @Column({ type: 'text', nullable: true })
  phone: string | null;

  @Column({ type: 'boolean', default: true })
  active: boolean;
}
