import { Column, CreateDateColumn, Entity, Index, PrimaryGeneratedColumn, UpdateDateColumn } from 'typeorm';
import type { WorkingTimeSettings } from '../working-time/working-time-settings';

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

  /**
   * The name as people read it, unique in the deployment so that no organisation can pass itself
   * off as another. Written by PostgreSQL (a trigger calls organisation_name_key: NFC, zero-width
   * characters removed, whitespace collapsed, ํ + า read as ำ, lower case) whatever path writes
   * the name, so the rule lives in one place.
   */
  @Index('organisations_name_key_idx', { unique: true })
  @Column({ type: 'text', insert: false, update: false, select: false })
  nameKey: string;

  /** Printed before "/number" in the ที่ line, e.g. "นพ ๗๑๕๐๑". */
  @Column({ type: 'text' })
  registerCode: string;

  @Column({ type: 'text', default: 'thai' })
  digits: DigitPreference;

  /** Office hours, own days off and deadlines as the organisation file states them (defaults apply when read). */
  @Column({ type: 'jsonb', default: {} })
  workingTime: WorkingTimeSettings;

  /** Whether a person's away notice becomes an acting order only once an administrator approves it. */
  @Column({ type: 'boolean', default: true })
  awayRequiresApproval: boolean;

  /** Where its public pages are served (its own domain); null: the deployment's PUBLIC_BASE_URL. */
  @Column({ type: 'text', nullable: true })
  publicUrl: string | null;

  /** Thai distributed justification of memo body paragraphs. */
  @Column({ type: 'boolean', default: true })
  printJustify: boolean;

  /** The continuation word at the foot of each printed page but the last. */
  @Column({ type: 'boolean', default: true })
  printContinuationWord: boolean;

  /** The Garuda emblem as the organisation supplies it (PNG), printed at the top left of memos. */
  @Column({ type: 'bytea', nullable: true, select: false })
  emblemPng: Buffer | null;

  @CreateDateColumn({ type: 'timestamptz' })
  createdAt: Date;

  @UpdateDateColumn({ type: 'timestamptz' })
  updatedAt: Date;
}
