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
  /** The batch (send job) of a delivery due now; null for those that wait (held, digest). */
  batchId: string | null;
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
  batchId: string | null;
}

/** A delivery of a batch with everything its send needs. */
export interface DeliveryToSend extends DeliveryRow {
  notification: NotificationRow;
  email: string | null;
  lineUserId: string | null;
  /** The X-Line-Retry-Key of the LINE request this delivery already went out in, if any. */
  sendKey: string | null;
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
  batch_id: string | null;
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
  batchId: r.batch_id,
});

const COLUMNS =
  'id, notification_id, organisation_id, person_id, channel, status, due_at, attempts, batch_id';

/** Deliveries a send may still send: waiting, and due (a held one only once released into a batch). */
const SENDABLE = `status IN ('pending', 'held')`;

/**
 * `notification_deliveries`: one row per notification and channel, the key that makes every
 * send idempotent (a job that runs again finds its rows sent and sends nothing). Rows are sent
 * in batches (`batch_id`, one job each); every write here is one statement for a whole batch.
 */
@Injectable()
export class DeliveryRepository {
  constructor(@InjectDataSource() private readonly db: DataSource) {}

  /**
   * Writes the deliveries once, in one statement; answers those still to send (new, or left by
   * an earlier run, with the batch that run gave them) and those held.
   */
  async insertMany(rows: readonly NewDelivery[]): Promise<DeliveryRow[]> {
    if (rows.length === 0) return [];
    const raw: Raw[] = await this.db.query(
      `WITH x AS (
         SELECT * FROM jsonb_to_recordset($1::jsonb) AS x(notification_id uuid, organisation_id uuid, person_id uuid,
           channel text, status text, due_at timestamptz, batch_id uuid)
       ), ins AS (
         INSERT INTO notification_deliveries (notification_id, organisation_id, person_id, channel, status, due_at, batch_id)
         SELECT notification_id, organisation_id, person_id, channel, status, due_at, batch_id FROM x
         ON CONFLICT (notification_id, channel) DO NOTHING
         RETURNING ${COLUMNS}
       )
       SELECT * FROM ins
       UNION ALL
       SELECT ${COLUMNS.split(', ')
         .map((c) => `d.${c}`)
         .join(', ')}
         FROM notification_deliveries d JOIN x ON x.notification_id = d.notification_id AND x.channel = d.channel
        WHERE d.${SENDABLE}`,
      [
        JSON.stringify(
          rows.map((r) => ({
            notification_id: r.notificationId,
            organisation_id: r.organisationId,
            person_id: r.personId,
            channel: r.channel,
            status: r.status,
            due_at: r.dueAt.toISOString(),
            batch_id: r.batchId,
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
   * A batch's deliveries still to send, with what their send needs from this library's tables
   * (the notification, the person's email address and LINE user), in one round trip.
   */
  async batchForSend(batchId: string): Promise<DeliveryToSend[]> {
    const raw: (Raw & {
      send_key: string | null;
      email: string | null;
      line_user_id: string | null;
      n_kind: NotificationRow['kind'];
      n_memo_id: string | null;
      n_subject: string;
      n_document_no: string | null;
      n_urgency: string;
      n_summary: string;
      n_link: string;
      n_created_at: Date;
      n_read_at: Date | null;
    })[] = await queryPrepared(
      this.db,
      `SELECT d.id, d.notification_id, d.organisation_id, d.person_id, d.channel, d.status, d.due_at, d.attempts,
              d.batch_id, d.send_key, s.email, l.line_user_id,
              n.kind AS n_kind, n.memo_id AS n_memo_id, n.subject AS n_subject, n.document_no AS n_document_no,
              n.urgency AS n_urgency, n.summary AS n_summary, n.link AS n_link, n.created_at AS n_created_at,
              n.read_at AS n_read_at
         FROM notification_deliveries d
         JOIN notifications n ON n.id = d.notification_id
         LEFT JOIN notification_settings s ON s.person_id = d.person_id
         LEFT JOIN line_links l ON l.person_id = d.person_id
        WHERE d.batch_id = $1 AND d.status IN ('pending', 'held') AND d.due_at <= now() + interval '1 second'
        ORDER BY d.id`,
      [batchId],
    );
    return raw.map((r) => ({
      ...toRow(r),
      sendKey: r.send_key,
      email: r.email,
      lineUserId: r.line_user_id,
      notification: {
        id: r.notification_id,
        personId: r.person_id,
        kind: r.n_kind,
        memoId: r.n_memo_id,
        subject: r.n_subject,
        documentNo: r.n_document_no,
        urgency: r.n_urgency,
        summary: r.n_summary,
        link: r.n_link,
        createdAt: r.n_created_at,
        readAt: r.n_read_at,
      },
    }));
  }

  /**
   * Writes the retry key of a LINE request on its deliveries before it goes out (one statement
   * for every request of a batch): a batch retried after a lost answer repeats that request.
   */
  async setSendKeys(keys: readonly { id: string; key: string }[]): Promise<void> {
    if (keys.length === 0) return;
    await this.db.query(
      `UPDATE notification_deliveries d SET send_key = x.key
         FROM unnest($1::uuid[], $2::uuid[]) AS x(id, key)
        WHERE d.id = x.id AND d.send_key IS NULL`,
      [keys.map((k) => k.id), keys.map((k) => k.key)],
    );
  }

  /** Marks deliveries sent (those not sent already); answers how many this call marked. */
  async markSent(ids: readonly string[]): Promise<number> {
    if (ids.length === 0) return 0;
    const rows = await queryPrepared<unknown>(
      this.db,
      `UPDATE notification_deliveries SET status = 'sent', sent_at = now(), last_error = NULL, attempts = attempts + 1
        WHERE id = ANY($1::uuid[]) AND status <> 'sent' RETURNING id`,
      [ids],
    );
    return rows.length;
  }

  async markSkipped(ids: readonly string[], reason: string): Promise<void> {
    if (ids.length === 0) return;
    await this.db.query(
      `UPDATE notification_deliveries SET status = 'skipped', last_error = $2 WHERE id = ANY($1::uuid[]) AND status <> 'sent'`,
      [ids, reason],
    );
  }

  /** Records a failed attempt of these deliveries; on the last attempt they are failed for good. */
  /**
   * Failed sends. On a job's last attempt (`final`) a delivery that still has attempts left
   * (`retry.maxAttempts` in all) is not given up: it stays pending, due again after a pause that
   * triples each round (`retry.roundMs` × 3^(round − 1), a round being `retry.perRound` attempts),
   * and the release sweep queues its batch again then. Past the last attempt it is failed.
   */
  async markFailed(
    ids: readonly string[],
    error: string,
    final: boolean,
    retry: { maxAttempts: number; roundMs: number; perRound: number },
  ): Promise<void> {
    if (ids.length === 0) return;
    await this.db.query(
      `UPDATE notification_deliveries
          SET last_error = $2, attempts = attempts + 1,
              status = CASE WHEN $3 AND attempts + 1 >= $4 THEN 'failed' ELSE status END,
              due_at = CASE WHEN $3 AND attempts + 1 < $4
                         THEN now() + $5 * power(3, LEAST(6, GREATEST(0, (attempts + 1) / $6 - 1))) * interval '1 millisecond'
                         ELSE due_at END
        WHERE id = ANY($1::uuid[]) AND status <> 'sent'`,
      [ids, error.slice(0, 1000), final, retry.maxAttempts, retry.roundMs, retry.perRound],
    );
  }

  /**
   * Held deliveries that fell due (office hours began): given batches and made pending, in one
   * statement; answers their batches. Only rows still held are taken, so two sweeps at once
   * release each row once.
   */
  async releaseDue(
    assign: (rows: { id: string; channel: DeliveryChannel; batchId: string | null }[]) => {
      id: string;
      batchId: string;
    }[],
    limit: number,
  ): Promise<string[]> {
    const due: Raw[] = await this.db.query(
      `SELECT ${COLUMNS} FROM notification_deliveries
        WHERE status = 'held' AND due_at <= now() ORDER BY due_at, id LIMIT $1`,
      [limit],
    );
    if (due.length === 0) return [];
    const batches = assign(due.map((r) => ({ id: r.id, channel: r.channel, batchId: r.batch_id })));
    // queryPrepared answers the rows of an UPDATE … RETURNING (TypeORM's query answers [rows, count]).
    const released = await queryPrepared<{ batch_id: string }>(
      this.db,
      `UPDATE notification_deliveries d SET status = 'pending', batch_id = coalesce(d.batch_id, x.batch_id)
         FROM unnest($1::uuid[], $2::uuid[]) AS x(id, batch_id)
        WHERE d.id = x.id AND d.status = 'held'
        RETURNING d.batch_id`,
      [batches.map((b) => b.id), batches.map((b) => b.batchId)],
    );
    return [...new Set(released.map((r) => r.batch_id))];
  }

  /**
   * Batches with deliveries still waiting though due for longer than `graceMs`: their job was
   * lost (Redis emptied) or never added (a crash between the insert and the enqueue). Adding a
   * job whose id exists is a no-op, so re-queueing every one of them is safe.
   */
  async staleBatches(graceMs: number, limit: number): Promise<string[]> {
    const rows: { batch_id: string }[] = await this.db.query(
      `SELECT DISTINCT batch_id FROM notification_deliveries
        WHERE status = 'pending' AND batch_id IS NOT NULL AND due_at <= now() - $1 * interval '1 millisecond'
        LIMIT $2`,
      [graceMs, limit],
    );
    return rows.map((r) => r.batch_id);
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
