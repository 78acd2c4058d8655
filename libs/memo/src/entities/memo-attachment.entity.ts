import { Column, CreateDateColumn, Entity, Index, PrimaryGeneratedColumn } from 'typeorm';

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

  @CreateDateColumn({ type: 'timestamptz' })
  createdAt: Date;
}
