import {
  Column,
  CreateDateColumn,
  Entity,
  Index,
  JoinColumn,
  ManyToOne,
  PrimaryGeneratedColumn,
} from 'typeorm';
import { Memo } from './memo.entity';

export type AttachmentKind = 'pdf' | 'table';

/** A report table attached to a memo, printed as landscape pages. */
export interface ReportTable {
  columns: string[];
  rows: string[][];
}

/** An attachment: an uploaded PDF (bytes in `content`) or a structured report table. */
@Entity('memo_attachments')
@Index(['memoId', 'seq'])
export class MemoAttachment {
  @PrimaryGeneratedColumn('uuid')
  id: string;

  @Column({ type: 'uuid' })
  memoId: string;

  @ManyToOne(() => Memo, { onDelete: 'CASCADE' })
  @JoinColumn({ name: 'memo_id' })
  memo?: Memo;

  @Column({ type: 'uuid' })
  organisationId: string;

  @Column({ type: 'text' })
  kind: AttachmentKind;

  @Column({ type: 'text' })
  title: string;

  @Column({ type: 'int' })
  seq: number;

  @Column({ type: 'text', nullable: true })
  filename: string | null;

  @Column({ type: 'bytea', nullable: true, select: false })
  content: Buffer | null;

  @Column({ type: 'jsonb', nullable: true })
  table: ReportTable | null;

  @Column({ type: 'int', default: 0 })
  sizeBytes: number;

  @Column({ type: 'text', nullable: true })
  sha256: string | null;

  /** Pages of an uploaded PDF, as pdf-lib counted them at upload. */
  @Column({ type: 'int', nullable: true })
  pageCount: number | null;

  @CreateDateColumn({ type: 'timestamptz' })
  createdAt: Date;
}
