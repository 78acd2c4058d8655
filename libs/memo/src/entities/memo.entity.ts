import { Column, CreateDateColumn, Entity, Index, PrimaryGeneratedColumn, UpdateDateColumn } from 'typeorm';
import type { MemoBlock } from '../memo-block';
import type { MemoCopy, MemoPurpose, MemoStatus, Secrecy, Urgency } from '../memo-vocabulary';

/** A บันทึกข้อความ. Editable fields are copied into `memo_revisions` on every save. */
@Entity('memos')
@Index(['organisationId', 'authorId', 'updatedAt'])
// The Thai-normalised subject, เรียน and body are searched in memo_search_texts, kept by a trigger
// (migration MemoSearchTexts): an index on this table would be rewritten by every status change.
@Index('memos_copies_idx', { synchronize: false })
export class Memo {
  @PrimaryGeneratedColumn('uuid')
  id: string;

  @Column({ type: 'uuid' })
  organisationId: string;

  @Column({ type: 'uuid' })
  authorId: string;

  @Column({ type: 'uuid' })
  unitId: string;

  /** The ส่วนราชการ line as printed (unit name and phone by default). */
  @Column({ type: 'text' })
  unitLine: string;

  @Column({ type: 'text' })
  subject: string;

  /** เรียน: the addressee by position. */
  @Column({ type: 'text' })
  addressee: string;

  @Column({ type: 'jsonb' })
  body: MemoBlock[];

  /** The closing request, e.g. "จึงเรียนมาเพื่อโปรดพิจารณา". */
  @Column({ type: 'text' })
  closing: string;

  @Column({ type: 'text', default: 'normal' })
  urgency: Urgency;

  @Column({ type: 'text', default: 'normal' })
  secrecy: Secrecy;

  /** เพื่อทราบ or เพื่อพิจารณา/อนุมัติ: what order the decision maker is offered first. */
  @Column({ type: 'text', default: 'decision' })
  purpose: MemoPurpose;

  /** The post printed under the author's signature. */
  @Column({ type: 'uuid' })
  signerPositionId: string;

  /** Whether the decided memo goes to the organisation's public portal. */
  @Column({ type: 'boolean', default: false })
  publish: boolean;

  /** สำเนาเรียน: who receives it for information once submitted (their list, never their inbox). */
  @Column({ type: 'jsonb', default: () => "'[]'" })
  copies: MemoCopy[];

  /** The open-data (OIT) item it is published under, e.g. "o28"; the catalogue is per fiscal year. */
  @Column({ type: 'text', nullable: true })
  oitItem: string | null;

  /**
   * The fiscal year (พ.ศ.) the published memo reports on, chosen when it is marked for publication;
   * null: the fiscal year of the decision's date.
   */
  @Column({ type: 'integer', nullable: true })
  publishFiscalYear: number | null;

  @Column({ type: 'text', default: 'draft' })
  status: MemoStatus;

  /** Bumped on every change; guarded updates compare it. */
  @Column({ type: 'int', default: 1 })
  version: number;

  @CreateDateColumn({ type: 'timestamptz' })
  createdAt: Date;

  @UpdateDateColumn({ type: 'timestamptz' })
  updatedAt: Date;
}
