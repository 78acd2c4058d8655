import { Injectable } from '@nestjs/common';
import { AppException, ErrorCode } from '@saraban/errors';
import { NOTIFICATION_KIND_LABELS } from '../events/notification-kind';
import { URGENCY_LABELS } from '../delivery/delivery-content.util';
import { NotificationRepository, type NotificationRow } from './notification.repository';

export interface NotificationItemView extends NotificationRow {
  kindLabel: string;
  urgencyLabel: string;
}

export interface NotificationListView {
  total: number;
  unread: number;
  items: NotificationItemView[];
}

/** A person's in-app list: what it shows, how many are unread, marking read. Always the caller's own. */
@Injectable()
export class NotificationInboxService {
  constructor(private readonly repository: NotificationRepository) {}

  async list(
    personId: string,
    o: { limit?: number; offset?: number; unreadOnly?: boolean } = {},
  ): Promise<NotificationListView> {
    const [counts, rows] = await Promise.all([
      this.repository.counts(personId),
      this.repository.list(personId, o.limit ?? 50, o.offset ?? 0, o.unreadOnly ?? false),
    ]);
    return {
      ...counts,
      items: rows.map((r) => ({
        ...r,
        kindLabel: NOTIFICATION_KIND_LABELS[r.kind],
        urgencyLabel: URGENCY_LABELS[r.urgency] ?? r.urgency,
      })),
    };
  }

  /** Opens one of my notifications: it is read now; answers where it leads. */
  async open(personId: string, id: string): Promise<NotificationRow> {
    const n = await this.repository.own(personId, id);
    if (!n) throw new AppException(ErrorCode.NotFound);
    await this.repository.markRead(personId, id);
    return n;
  }

  unreadCount(personId: string): Promise<number> {
    return this.repository.unreadCount(personId);
  }

  async markRead(personId: string, id: string): Promise<void> {
    if (!(await this.repository.markRead(personId, id))) throw new AppException(ErrorCode.NotFound);
  }

  markAllRead(personId: string): Promise<number> {
    return this.repository.markAllRead(personId);
  }

  markMemoRead(personId: string, memoId: string): Promise<void> {
    return this.repository.markMemoRead(personId, memoId);
  }
}
