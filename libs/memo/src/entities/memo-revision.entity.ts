import { Column, CreateDateColumn, Entity, Index, PrimaryGeneratedColumn } from 'typeorm';
import type { MemoContent } from '../memo-content';

/** The memo's editable content as it was before a save; never changed afterwards. */
@Entity('memo_revisions')
@Index(['memoId', 'version'], { unique: true })
export class MemoRevision {
  @PrimaryGeneratedColumn('uuid')
  id: string;

  @Column({ type: 'uuid' })
  memoId: string;

  @Column({ type: 'uuid' })
  organisationId: string;

  @Column({ type: 'int' })
  version: number;

  @Column({ type: 'jsonb' })
  content: MemoContent;

  @Column({ type: 'uuid' })
  savedById: string;

  @CreateDateColumn({ type: 'timestamptz' })
  savedAt: Date;
}
