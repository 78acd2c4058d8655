import { Injectable } from '@nestjs/common';
import { DataSource } from 'typeorm';
import type { AuthUser } from '@saraban/auth';
import { MemoDraftService } from '@saraban/memo';
import { deadlineNoticeRepository as notices } from '../notices/deadline-notice.repository';
import type { DeadlineTimelineView } from './deadline-notice.view';

/** A memo's reminders and escalations, for whoever may read the memo (404 to anyone else). */
@Injectable()
export class DeadlineTimelineService {
  constructor(
    private readonly db: DataSource,
    private readonly memos: MemoDraftService,
  ) {}

  async ofMemo(user: AuthUser, memoId: string): Promise<DeadlineTimelineView> {
    await this.memos.get(user, memoId);
    const rows = await notices.ofMemo(this.db.manager, user.organisationId, memoId);
    return {
      memoId,
      notices: rows.map((r) => ({
        id: r.id,
        kind: r.kind,
        round: r.round,
        stepSeq: r.stepSeq,
        positionTitle: r.positionTitle,
        stepStartedAt: r.stepStartedAt,
        dueAt: r.dueAt,
        recipientNames: r.recipientNames,
        createdAt: r.createdAt,
      })),
    };
  }
}
