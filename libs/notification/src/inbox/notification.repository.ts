import { Injectable } from '@nestjs/common';
import { InjectDataSource } from '@nestjs/typeorm';
import { DataSource } from 'typeorm';
import { queryPrepared } from '@saraban/postgres';
import type { NotificationKind } from '../events/notification-kind';

/** What a notification tells one person: the same in the row written and in the row read back. */
export interface NotificationMessage {
  personId: string;
  kind: NotificationKind;
  memoId: string | null;
  subject: string;
  documentNo: string | null;
  urgency: string;
  summary: string;
  link: string;
}

export interface NewNotification extends NotificationMessage {
  organisationId: string;
  eventId: string;
}

export interface NotificationRow extends NotificationMessage {
  id: string;
  createdAt: Date;
  readAt: Date | null;
}

interface Raw {
  id: string;
  person_id: string;
  kind: NotificationKind;
  memo_id: string | null;
  subject: string;
  document_no: string | null;
  urgency: string;
  summary: string;
  link: string;
  created_at: Date;
  read_at: Date | null;
}

const toRow = (r: Raw): NotificationRow => ({
  id: r.id,
  personId: r.person_id,
  kind: r.kind,
  memoId: r.memo_id,
  subject: r.subject,
  documentNo: r.document_no,
  urgency: r.urgency,
  summary: r.summary,
  link: r.link,
  createdAt: r.created_at,
  readAt: r.read_at,
});

const COLUMNS =
  'id, person_id, kind, memo_id, subject, document_no, urgency, summary, link, created_at, read_at';

/** The `notifications` table: each person's in-app list. */
@Injectable()
export class NotificationRepository {
  constructor(@InjectDataSource() private readonly db: DataSource) {}

  /**
   * Writes an event's notifications, once per (event, person) however often the fan-out runs,
   * and answers all of the event's rows for these people (new or written by an earlier run).
   */
  async insertForEvent(rows: readonly NewNotification[]): Promise<NotificationRow[]> {
    if (rows.length === 0) return [];
    await this.db.query(
      `INSERT INTO notifications (organisation_id, person_id, event_id, kind, memo_id, subject, document_no, urgency,
         summary, link)
       SELECT * FROM jsonb_to_recordset($1::jsonb) AS x(organisation_id uuid, person_id uuid, event_id uuid, kind text,
         memo_id uuid, subject text, document_no text, urgency text, summary text, link text)
       ON CONFLICT (event_id, person_id) DO NOTHING`,
      [
        JSON.stringify(
          rows.map((r) => ({
            organisation_id: r.organisationId,
            person_id: r.personId,
            event_id: r.eventId,
            kind: r.kind,
            memo_id: r.memoId,
            subject: r.subject,
            document_no: r.documentNo,
            urgency: r.urgency,
            summary: r.summary,
            link: r.link,
          })),
        ),
      ],
    );
    const raw: Raw[] = await this.db.query(
      `SELECT ${COLUMNS} FROM notifications WHERE event_id = $1 AND person_id = ANY($2::uuid[])`,
      [rows[0].eventId, rows.map((r) => r.personId)],
    );
    return raw.map(toRow);
  }

  async list(
    personId: string,
    limit: number,
    offset: number,
    unreadOnly: boolean,
  ): Promise<NotificationRow[]> {
    const raw: Raw[] = await this.db.query(
      `SELECT ${COLUMNS} FROM notifications WHERE person_id = $1 AND ($4::boolean IS FALSE OR read_at IS NULL)
        ORDER BY created_at DESC, id LIMIT $2 OFFSET $3`,
      [personId, limit, offset, unreadOnly],
    );
    return raw.map(toRow);
  }

  async own(personId: string, id: string): Promise<NotificationRow | null> {
    const raw: Raw[] = await this.db.query(
      `SELECT ${COLUMNS} FROM notifications WHERE id = $1 AND person_id = $2`,
      [id, personId],
    );
    return raw[0] ? toRow(raw[0]) : null;
  }

  async counts(personId: string): Promise<{ total: number; unread: number }> {
    const [row] = await this.db.query<{ total: number; unread: number }[]>(
      `SELECT count(*)::int AS total, count(*) FILTER (WHERE read_at IS NULL)::int AS unread
         FROM notifications WHERE person_id = $1`,
      [personId],
    );
    return row;
  }

  async unreadCount(personId: string): Promise<number> {
    const [row] = await this.db.query<{ n: number }[]>(
      'SELECT count(*)::int AS n FROM notifications WHERE person_id = $1 AND read_at IS NULL',
      [personId],
    );
    return row.n;
  }

  /** Marks one of the person's notifications read; false when it is not theirs (or does not exist). */
  async markRead(personId: string, id: string): Promise<boolean> {
    const rows = await queryPrepared<{ id: string }>(
      this.db,
      `UPDATE notifications SET read_at = coalesce(read_at, now()) WHERE id = $1 AND person_id = $2 RETURNING id`,
      [id, personId],
    );
    return rows.length > 0;
  }

  /** Reading a memo reads its notifications: the person has seen what they were about. */
  async markMemoRead(personId: string, memoId: string): Promise<void> {
    await this.db.query(
      'UPDATE notifications SET read_at = now() WHERE person_id = $1 AND memo_id = $2 AND read_at IS NULL',
      [personId, memoId],
    );
  }

  async markAllRead(personId: string): Promise<number> {
    const rows = await queryPrepared<unknown>(
      this.db,
      'UPDATE notifications SET read_at = now() WHERE person_id = $1 AND read_at IS NULL RETURNING id',
      [personId],
    );
    return rows.length;
  }

  async byIds(ids: readonly string[]): Promise<NotificationRow[]> {
    if (ids.length === 0) return [];
    const raw: Raw[] = await this.db.query(
      `SELECT ${COLUMNS} FROM notifications WHERE id = ANY($1::uuid[])`,
      [ids],
    );
    return raw.map(toRow);
  }
}
