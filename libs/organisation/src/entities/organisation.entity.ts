import { Column, CreateDateColumn, Entity, PrimaryGeneratedColumn, UpdateDateColumn } from 'typeorm';

export type DigitPreference = 'thai' | 'arabic';

/** A tenant: one อบต. or เทศบาล. Every other row points at one. */
@Entity('organisations')
export class Organisation {
  @PrimaryGeneratedColumn('uuid')
  id: string;

  /** Short slug used in URLs and at sign-in, e.g. "khampee". */
  @Column({ type: 'text', unique: true })
  code: string;

  @Column({ type: 'text' })
  name: string;

  /** Printed before "/number" in the ที่ line, e.g. "นพ ๗๑๕๐๑". */
  @Column({ type: 'text' })
  registerCode: string;

  @Column({ type: 'text', default: 'thai' })
  digits: DigitPreference;

  /** The Garuda emblem as the organisation supplies it (PNG), printed at the top left of memos. */
  @Column({ type: 'bytea', nullable: true, select: false })
  emblemPng: Buffer | null;

  @CreateDateColumn({ type: 'timestamptz' })
  createdAt: Date;

  @UpdateDateColumn({ type: 'timestamptz' })
  updatedAt: Date;
}
