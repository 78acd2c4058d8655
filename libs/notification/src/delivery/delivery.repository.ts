import { Injectable } from '@nestjs/common';
import { InjectDataSource } from '@nestjs/typeorm';
import { DataSource } from 'typeorm';
import { queryPrepared } from '@saraban/postgres';
import type { DeliveryChannel } from '../events/notification-kind';
import type { NotificationRow } from '../inbox/notification.repository';
import type { DeliveryPlan } from './delivery-plan.util';

export interface NewDelivery extends DeliveryPlan {
  notificationId: string;
  organisationId: string;
  personId: string;
  channel: DeliveryChannel;
}

export interface DeliveryRow {
  id: string;
  notificationId: string;
  organisationId: string;
  personId: string;
  channel: DeliveryChannel;
  status: 'pending' | 'held' | 'digest' | 'sent' | 'skipped' | 'failed';
  dueAt: Date;
  attempts: number;
}

interface Raw {
  id: string;
  notification_id: string;
  organisation_id: string;
  person_id: string;
  channel: DeliveryChannel;
  status: DeliveryRow['status'];
  due_at: Date;
  attempts: number;
}

const toRow = (r: Raw): DeliveryRow => ({
  id: r.id,
  notificationId: r.notification_id,
  organisationId: r.organisation_id,
  personId: r.person_id,
  channel: r.channel,
  status: r.status,
  dueAt: r.due_at,
  attempts: r.attempts,
});

const COLUMNS = 'id, notification_id, organisation_id, person_id, channel, status, due_at, attempts';

/**
 * `notification_deliveries`: one row per notification and channel, the key that makes every
 * send idempotent (a job that runs again finds its row sent and sends nothing).
 */
@Injectable()
export class DeliveryRepository {
  constructor(@InjectDataSource() private readonly db: DataSource) {}

  /** Writes the deliveries once; answers those still to send (new, or left by an earlier run). */
  async insertMany(rows: readonly NewDelivery[]): Promise<DeliveryRow[]> {
    if (rows.length === 0) return [];
    const raw: Raw[] = await this.db.query(
      `WITH x AS (
         SELECT * FROM jsonb_to_recordset($1::jsonb) AS x(notification_id uuid, organisation_id uuid, person_id uuid,
           channel text, status text, due_at timestamptz)
       ), ins AS (
         INSERT INTO notification_deliveries (notification_id, organisation_id, person_id, channel, status, due_at)
         SELECT notification_id, organisation_id, person_id, channel, status, due_at FROM x
         ON CONFLICT (notification_id, channel) DO NOTHING
         RETURNING ${COLUMNS}
       )
       SELECT * FROM ins
       UNION ALL
       SELECT ${COLUMNS.split(', ')
         .map((c) => `d.${c}`)
         .join(', ')}
         FROM notification_deliveries d JOIN x ON x.notification_id = d.notification_id AND x.channel = d.channel
        WHERE d.status IN ('pending', 'held')`,
      [
        JSON.stringify(
          rows.map((r) => ({
            notification_id: r.notificationId,
            organisation_id: r.organisationId,
            person_id: r.personId,
            channel: r.channel,
            status: r.status,
            due_at: r.dueAt.toISOString(),
          })),
        ),
      ],
    );
    // A row both inserted and matched by the second branch cannot happen (a CTE's snapshot), but be exact.
    const seen = new Set<string>();
    return raw.filter((r) => !seen.has(r.id) && seen.add(r.id) && r.status !== 'digest').map(toRow);
  }

  async get(id: string): Promise<DeliveryRow | null> {
    const raw: Raw[] = await this.db.query(`SELECT ${COLUMNS} FROM notification_deliveries WHERE id = $1`, [
      id,
    ]);
    return raw[0] ? toRow(raw[0]) : null;
  }

  /**
   * A delivery with everything its send needs from this library's tables, in one round trip:
   * the notification, the person's email address and LINE user.
   */
  async forSend(id: string): Promise<
    | (DeliveryRow & {
        notification: NotificationRow;
        email: string | null;
        lineUserId: string | null;
      })
    | null
  > {
    const raw: (Raw & {
      n: Record<string, unknown>;
      email: string | null;
      line_user_id: string | null;
    })[] = await this.db.query(
      `SELECT d.id, d.notification_id, d.organisation_id, d.person_id, d.channel, d.status, d.due_at, d.attempts,
              to_jsonb(n) AS n, s.email, l.line_user_id
         FROM notification_deliveries d
         JOIN notifications n ON n.id = d.notification_id
         LEFT JOIN notification_settings s ON s.person_id = d.person_id
         LEFT JOIN line_links l ON l.person_id = d.person_id
        WHERE d.id = $1`,
      [id],
    );
    const r = raw[0];
    if (!r) return null;
    const n = r.n;
    return {
      ...toRow(r),
      email: r.email,
      lineUserId: r.line_user_id,
      notification: {
        id: n.id as string,
        personId: n.person_id as string,
        kind: n.kind as NotificationRow['kind'],
        memoId: n.memo_id as string | null,
        subject: n.subject as string,
        documentNo: n.document_no as string | null,
        urgency: n.urgency as string,
        summary: n.summary as string,
        link: n.link as string,
        createdAt: new Date(n.created_at as string),
        readAt: n.read_at ? new Date(n.read_at as string) : null,
      },
    };
  }

  /** Answers false when another run marked it first (then it counts as sent by that one). */
  async markSent(id: string): Promise<boolean> {
    const rows = await queryPrepared<unknown>(
      this.db,
      `UPDATE notification_deliveries SET status = 'sent', sent_at = now(), last_error = NULL, attempts = attempts + 1
        WHERE id = $1 AND status <> 'sent' RETURNING id`,
      [id],
    );
    return rows.length > 0;
  }

  async markSkipped(id: string, reason: string): Promise<void> {
    await this.db.query(
      `UPDATE notification_deliveries SET status = 'skipped', last_error = $2 WHERE id = $1 AND status <> 'sent'`,
      [id, reason],
    );
  }

  async markFailed(id: string, error: string, final: boolean): Promise<void> {
    await this.db.query(
      `UPDATE notification_deliveries SET last_error = $2, attempts = attempts + 1, status = CASE WHEN $3 THEN 'failed' ELSE status END
        WHERE id = $1 AND status <> 'sent'`,
      [id, error.slice(0, 1000), final],
    );
  }

  /** People with digest emails waiting, and those deliveries' notification ids. */
  async digestBatches(): Promise<
    { personId: string; organisationId: string; deliveryIds: string[]; notificationIds: string[] }[]
  > {
    const raw: { person_id: string; organisation_id: string; ids: string[]; nids: string[] }[] =
      await this.db.query(
        `SELECT person_id, min(organisation_id::text)::uuid AS organisation_id,
              array_agg(id ORDER BY created_at) AS ids, array_agg(notification_id ORDER BY created_at) AS nids
         FROM notification_deliveries WHERE status = 'digest' GROUP BY person_id LIMIT 5000`,
      );
    return raw.map((r) => ({
      personId: r.person_id,
      organisationId: r.organisation_id,
      deliveryIds: r.ids,
      notificationIds: r.nids,
    }));
  }

  /** The digest went out: its deliveries are sent (only those still waiting: a second run sends nothing). */
  async claimDigest(ids: readonly string[]): Promise<string[]> {
    const rows = await queryPrepared<{ id: string }>(
      this.db,
      `UPDATE notification_deliveries SET status = 'sent', sent_at = now()
        WHERE id = ANY($1::uuid[]) AND status = 'digest' RETURNING id`,
      [ids],
    );
    return rows.map((r) => r.id);
  }

  /** Puts a digest back when its email could not be sent. */
  async unclaimDigest(ids: readonly string[], error: string): Promise<void> {
    await this.db.query(
      `UPDATE notification_deliveries SET status = 'digest', sent_at = NULL, last_error = $2 WHERE id = ANY($1::uuid[])`,
      [ids, error.slice(0, 1000)],
    );
  }

  /** How many deliveries of these channels are sent: the benchmark's and tests' progress. */
  async countSent(organisationId: string): Promise<number> {
    const [row] = await this.db.query<{ n: number }[]>(
      `SELECT count(*)::int AS n FROM notification_deliveries WHERE organisation_id = $1 AND status = 'sent'`,
      [organisationId],
    );
    return row.n;
  }
}
