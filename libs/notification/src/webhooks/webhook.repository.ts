import { Injectable } from '@nestjs/common';
import { InjectDataSource } from '@nestjs/typeorm';
import { DataSource } from 'typeorm';
import { queryPrepared } from '@saraban/postgres';

export interface WebhookSubscriptionRow {
  id: string;
  organisationId: string;
  url: string;
  events: string[];
  description: string;
  sealedSecret: Buffer;
  active: boolean;
  createdAt: Date;
}

export interface WebhookDeliveryRow {
  id: string;
  organisationId: string;
  subscriptionId: string;
  url: string;
  eventId: string;
  eventType: string;
  payload: Record<string, unknown>;
  status: 'pending' | 'delivered' | 'failed';
  attempts: number;
  replays: number;
  lastStatus: number | null;
  lastError: string | null;
  createdAt: Date;
  deliveredAt: Date | null;
}

interface SubRaw {
  id: string;
  organisation_id: string;
  url: string;
  events: string[];
  description: string;
  sealed_secret: Buffer;
  active: boolean;
  created_at: Date;
}

const toSub = (r: SubRaw): WebhookSubscriptionRow => ({
  id: r.id,
  organisationId: r.organisation_id,
  url: r.url,
  events: r.events,
  description: r.description,
  sealedSecret: r.sealed_secret,
  active: r.active,
  createdAt: r.created_at,
});

interface DelRaw {
  id: string;
  organisation_id: string;
  subscription_id: string;
  url: string;
  event_id: string;
  event_type: string;
  payload: Record<string, unknown>;
  status: WebhookDeliveryRow['status'];
  attempts: number;
  replays: number;
  last_status: number | null;
  last_error: string | null;
  created_at: Date;
  delivered_at: Date | null;
}

const toDel = (r: DelRaw): WebhookDeliveryRow => ({
  id: r.id,
  organisationId: r.organisation_id,
  subscriptionId: r.subscription_id,
  url: r.url,
  eventId: r.event_id,
  eventType: r.event_type,
  payload: r.payload,
  status: r.status,
  attempts: r.attempts,
  replays: r.replays,
  lastStatus: r.last_status,
  lastError: r.last_error,
  createdAt: r.created_at,
  deliveredAt: r.delivered_at,
});

const DELIVERY_SELECT = `SELECT d.id, d.organisation_id, d.subscription_id, s.url, d.event_id, d.event_type, d.payload,
       d.status, d.attempts, d.replays, d.last_status, d.last_error, d.created_at, d.delivered_at
  FROM webhook_deliveries d JOIN webhook_subscriptions s ON s.id = d.subscription_id`;

/** `webhook_subscriptions` and `webhook_deliveries` (the delivery log). Every read is bound to one organisation. */
@Injectable()
export class WebhookRepository {
  constructor(@InjectDataSource() private readonly db: DataSource) {}

  async create(
    organisationId: string,
    s: { url: string; events: string[]; description: string; sealedSecret: Buffer; createdBy: string },
  ): Promise<WebhookSubscriptionRow> {
    const [row] = await this.db.query<SubRaw[]>(
      `INSERT INTO webhook_subscriptions (organisation_id, url, events, description, sealed_secret, created_by)
       VALUES ($1, $2, $3, $4, $5, $6) RETURNING *`,
      [organisationId, s.url, s.events, s.description, s.sealedSecret, s.createdBy],
    );
    return toSub(row);
  }

  async list(organisationId: string): Promise<WebhookSubscriptionRow[]> {
    const rows: SubRaw[] = await this.db.query(
      'SELECT * FROM webhook_subscriptions WHERE organisation_id = $1 ORDER BY created_at',
      [organisationId],
    );
    return rows.map(toSub);
  }

  async get(organisationId: string, id: string): Promise<WebhookSubscriptionRow | null> {
    const rows: SubRaw[] = await this.db.query(
      'SELECT * FROM webhook_subscriptions WHERE organisation_id = $1 AND id = $2',
      [organisationId, id],
    );
    return rows[0] ? toSub(rows[0]) : null;
  }

  async setActive(organisationId: string, id: string, active: boolean): Promise<boolean> {
    const rows = await queryPrepared<unknown>(
      this.db,
      'UPDATE webhook_subscriptions SET active = $3 WHERE organisation_id = $1 AND id = $2 RETURNING id',
      [organisationId, id, active],
    );
    return rows.length > 0;
  }

  async delete(organisationId: string, id: string): Promise<boolean> {
    const rows = await queryPrepared<unknown>(
      this.db,
      'DELETE FROM webhook_subscriptions WHERE organisation_id = $1 AND id = $2 RETURNING id',
      [organisationId, id],
    );
    return rows.length > 0;
  }

  /** An event's deliveries, one per active subscription to its type, written once; answers those still pending. */
  async deliveriesFor(
    organisationId: string,
    eventId: string,
    eventType: string,
    payload: Record<string, unknown>,
  ): Promise<{ id: string; replays: number }[]> {
    return this.db.query(
      `WITH ins AS (
         INSERT INTO webhook_deliveries (organisation_id, subscription_id, event_id, event_type, payload, status)
         SELECT $1, s.id, $2, $3, $4::jsonb, 'pending' FROM webhook_subscriptions s
          WHERE s.organisation_id = $1 AND s.active AND $3 = ANY(s.events)
         ON CONFLICT (subscription_id, event_id) DO NOTHING
         RETURNING id, replays
       )
       SELECT id, replays FROM ins
       UNION
       SELECT id, replays FROM webhook_deliveries WHERE organisation_id = $1 AND event_id = $2 AND status = 'pending'`,
      [organisationId, eventId, eventType, JSON.stringify(payload)],
    );
  }

  async delivery(
    id: string,
  ): Promise<(WebhookDeliveryRow & { sealedSecret: Buffer; active: boolean }) | null> {
    const rows: (DelRaw & { sealed_secret: Buffer; active: boolean })[] = await this.db.query(
      `${DELIVERY_SELECT.replace('d.delivered_at', 'd.delivered_at, s.sealed_secret, s.active')} WHERE d.id = $1`,
      [id],
    );
    return rows[0]
      ? { ...toDel(rows[0]), sealedSecret: rows[0].sealed_secret, active: rows[0].active }
      : null;
  }

  async log(organisationId: string, limit = 100): Promise<WebhookDeliveryRow[]> {
    const rows: DelRaw[] = await this.db.query(
      `${DELIVERY_SELECT} WHERE d.organisation_id = $1 ORDER BY d.created_at DESC, d.id LIMIT $2`,
      [organisationId, limit],
    );
    return rows.map(toDel);
  }

  async recordAttempt(
    id: string,
    outcome: { status: number | null; error: string | null; delivered: boolean; final: boolean },
  ): Promise<void> {
    await this.db.query(
      `UPDATE webhook_deliveries SET attempts = attempts + 1, last_status = $2, last_error = $3,
         status = CASE WHEN $4 THEN 'delivered' WHEN $5 THEN 'failed' ELSE status END,
         delivered_at = CASE WHEN $4 THEN now() ELSE delivered_at END
        WHERE id = $1`,
      [id, outcome.status, outcome.error?.slice(0, 1000) ?? null, outcome.delivered, outcome.final],
    );
  }

  /** A replay: the delivery goes out again (same webhook-id: receivers may recognise it). Answers its replay number. */
  async replay(organisationId: string, id: string): Promise<number | null> {
    const rows = await queryPrepared<{ replays: number }>(
      this.db,
      `UPDATE webhook_deliveries SET replays = replays + 1, status = 'pending'
        WHERE organisation_id = $1 AND id = $2 RETURNING replays`,
      [organisationId, id],
    );
    return rows[0]?.replays ?? null;
  }
}
