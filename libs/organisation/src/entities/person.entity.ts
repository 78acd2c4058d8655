import { Column, CreateDateColumn, Entity, Index, PrimaryGeneratedColumn } from 'typeorm';

export type Role = 'officer' | 'clerk' | 'admin';
export const ROLES: readonly Role[] = ['officer', 'clerk', 'admin'];

/** Someone who signs in. "approver" is not stored: it follows from the positions held. */
@Entity('people')
@Index(['organisationId', 'username'], { unique: true })
// Trigram index on the Thai-normalised name (migration ThaiMemoSearch), for the memo search.
@Index('people_name_trgm_idx', { synchronize: false })
export class Person {
  @PrimaryGeneratedColumn('uuid')
  id: string;

  @Column({ type: 'uuid' })
  organisationId: string;

  @Column({ type: 'text' })
  username: string;

  /** คำนำหน้า as printed: นาย, นาง, นางสาว, ว่าที่ร้อยตรี … */
  @Column({ type: 'text' })
  prefix: string;

  @Column({ type: 'text' })
  fullName: string;

  @Column({ type: 'text', nullable: true, select: false })
  passwordHash: string | null;

  @Column({ type: 'text', array: true, default: () => "'{officer}'" })
  roles: Role[];

  @Column({ type: 'uuid', nullable: true })
  unitId: string | null;

  @Column({ type: 'boolean', default: true })
  active: boolean;

  /** The person's scanned signature (PNG), printed above "(name)" where they sign. */
  @Column({ type: 'bytea', nullable: true, select: false })
  signaturePng: Buffer | null;

  @CreateDateColumn({ type: 'timestamptz' })
  createdAt: Date;
}
