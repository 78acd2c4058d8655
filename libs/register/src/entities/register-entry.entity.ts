import { Column, Entity, Index, PrimaryGeneratedColumn } from 'typeorm';

export type RegisterEntryStatus = 'issued' | 'cancelled';

/** One line of the outgoing register (ทะเบียนหนังสือส่ง). Numbers are never reused. */
@Entity('register_entries')
@Index(['organisationId', 'register', 'year', 'number'], { unique: true })
@Index(['memoId'])
export class RegisterEntry {
  @PrimaryGeneratedColumn('uuid')
  id: string;

  @Column({ type: 'uuid' })
  organisationId: string;

  @Column({ type: 'text' })
  register: string;

  /** Gregorian calendar year in Asia/Bangkok. */
  @Column({ type: 'int' })
  year: number;

  @Column({ type: 'int' })
  number: number;

  /** The ที่ as printed: register code "/" number, in the organisation's digits. */
  @Column({ type: 'text' })
  documentNo: string;

  @Column({ type: 'timestamptz' })
  registeredAt: Date;

  /** ลงวันที่: the Bangkok date the document carries. */
  @Column({ type: 'date' })
  datedOn: string;

  @Column({ type: 'text' })
  fromText: string;

  @Column({ type: 'text' })
  toText: string;

  @Column({ type: 'text' })
  subject: string;

  @Column({ type: 'text', nullable: true })
  action: string | null;

  @Column({ type: 'text', nullable: true })
  remarks: string | null;

  @Column({ type: 'uuid', nullable: true })
  memoId: string | null;

  @Column({ type: 'uuid', nullable: true })
  issuedById: string | null;

  @Column({ type: 'text', default: 'issued' })
  status: RegisterEntryStatus;

  @Column({ type: 'timestamptz', nullable: true })
  cancelledAt: Date | null;

  @Column({ type: 'text', nullable: true })
  cancelReason: string | null;

  @Column({ type: 'uuid', nullable: true })
  cancelledById: string | null;
}
