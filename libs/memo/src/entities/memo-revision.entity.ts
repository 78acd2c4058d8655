import {
  Column,
  CreateDateColumn,
  Entity,
  Index,
  JoinColumn,
  ManyToOne,
  PrimaryGeneratedColumn,
} from 'typeorm';
import type { MemoSnapshot } from '../memo-content';
import { Memo } from './memo.entity';

/** The memo's content (attachment list included) as it was before a save; never changed afterwards. */
@Entity('memo_revisions')
@Index(['memoId', 'version'], { unique: true })
export class MemoRevision {
  @PrimaryGeneratedColumn('uuid')
  id: string;

  @Column({ type: 'uuid' })
  memoId: string;

  // Deleting a draft takes its revisions with it; nothing else deletes memos.
  @ManyToOne(() => Memo, { onDelete: 'CASCADE' })
  @JoinColumn({ name: 'memo_id' })
  memo?: Memo;

  @Column({ type: 'uuid' })
  organisationId: string;

  /** The memo's version this content belonged to. */
  @Column({ type: 'int' })
  version: number;

  @Column({ type: 'jsonb' })
  content: MemoSnapshot;

  /** Who made the save that replaced this content. */
  @Column({ type: 'uuid' })
  savedById: string;

  @CreateDateColumn({ type: 'timestamptz' })
  savedAt: Date;
}
