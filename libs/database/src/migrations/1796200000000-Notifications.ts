import type { MigrationInterface, QueryRunner } from 'typeorm';

/**
 * The notification library's tables (issue 13): each person's in-app list, one delivery row per
 * notification and channel (email, LINE) so a retried job never sends twice, each person's
 * preferences, the organisations' sealed LINE channels and their people's links, and the
 * outgoing webhook subscriptions with their delivery log. Written only by libs/notification.
 */
export class Notifications1796200000000 implements MigrationInterface {
  name = 'Notifications1796200000000';

  public async up(queryRunner: QueryRunner): Promise<void> {
    await queryRunner.query(`
      CREATE TABLE notifications (
        id uuid PRIMARY KEY DEFAULT gen_random_uuid(),
        organisation_id uuid NOT NULL,
        person_id uuid NOT NULL,
        event_id uuid NOT NULL,
        kind text NOT NULL,
        memo_id uuid,
        subject text NOT NULL,
        document_no text,
        urgency text NOT NULL,
        summary text NOT NULL,
        link text NOT NULL,
        created_at timestamptz NOT NULL DEFAULT now(),
        read_at timestamptz,
        CONSTRAINT notifications_event_person_key UNIQUE (event_id, person_id)
      )`);
    await queryRunner.query(
      `CREATE INDEX notifications_person_idx ON notifications (person_id, created_at DESC, id)`,
    );
    await queryRunner.query(
      `CREATE INDEX notifications_unread_idx ON notifications (person_id) WHERE read_at IS NULL`,
    );
    await queryRunner.query(`
      CREATE TABLE notification_deliveries (
        id uuid PRIMARY KEY DEFAULT gen_random_uuid(),
        notification_id uuid NOT NULL REFERENCES notifications (id) ON DELETE CASCADE,
        organisation_id uuid NOT NULL,
        person_id uuid NOT NULL,
        channel text NOT NULL CHECK (channel IN ('email', 'line')),
        status text NOT NULL CHECK (status IN ('pending', 'held', 'digest', 'sent', 'skipped', 'failed')),
        due_at timestamptz NOT NULL DEFAULT now(),
        attempts integer NOT NULL DEFAULT 0,
        last_error text,
        sent_at timestamptz,
        created_at timestamptz NOT NULL DEFAULT now(),
        CONSTRAINT notification_deliveries_key UNIQUE (notification_id, channel)
      )`);
    await queryRunner.query(
      `CREATE INDEX notification_deliveries_digest_idx ON notification_deliveries (person_id) WHERE status = 'digest'`,
    );
    await queryRunner.query(`
      CREATE TABLE notification_settings (
        person_id uuid PRIMARY KEY,
        organisation_id uuid NOT NULL,
        email text,
        email_digest boolean NOT NULL DEFAULT false,
        quiet_hours boolean NOT NULL DEFAULT true,
        updated_at timestamptz NOT NULL DEFAULT now()
      )`);
    await queryRunner.query(`
      CREATE TABLE notification_preferences (
        person_id uuid NOT NULL,
        kind text NOT NULL,
        channel text NOT NULL CHECK (channel IN ('email', 'line')),
        enabled boolean NOT NULL,
        PRIMARY KEY (person_id, kind, channel)
      )`);
    await queryRunner.query(`
      CREATE TABLE line_channels (
        organisation_id uuid PRIMARY KEY,
        sealed_secret bytea NOT NULL,
        sealed_token bytea NOT NULL,
        updated_by uuid,
        updated_at timestamptz NOT NULL DEFAULT now()
      )`);
    await queryRunner.query(`
      CREATE TABLE line_links (
        person_id uuid PRIMARY KEY,
        organisation_id uuid NOT NULL,
        line_user_id text NOT NULL,
        linked_at timestamptz NOT NULL DEFAULT now(),
        CONSTRAINT line_links_user_key UNIQUE (organisation_id, line_user_id)
      )`);
    await queryRunner.query(`
      CREATE TABLE line_link_codes (
        person_id uuid PRIMARY KEY,
        organisation_id uuid NOT NULL,
        code_hash text NOT NULL,
        expires_at timestamptz NOT NULL,
        CONSTRAINT line_link_codes_code_key UNIQUE (organisation_id, code_hash)
      )`);
    await queryRunner.query(`
      CREATE TABLE webhook_subscriptions (
        id uuid PRIMARY KEY DEFAULT gen_random_uuid(),
        organisation_id uuid NOT NULL,
        url text NOT NULL,
        events text[] NOT NULL,
        description text NOT NULL DEFAULT '',
        sealed_secret bytea NOT NULL,
        active boolean NOT NULL DEFAULT true,
        created_by uuid,
        created_at timestamptz NOT NULL DEFAULT now()
      )`);
    await queryRunner.query(
      `CREATE INDEX webhook_subscriptions_org_idx ON webhook_subscriptions (organisation_id) WHERE active`,
    );
    await queryRunner.query(`
      CREATE TABLE webhook_deliveries (
        id uuid PRIMARY KEY DEFAULT gen_random_uuid(),
        organisation_id uuid NOT NULL,
        subscription_id uuid NOT NULL REFERENCES webhook_subscriptions (id) ON DELETE CASCADE,
        event_id uuid NOT NULL,
        event_type text NOT NULL,
        payload jsonb NOT NULL,
        status text NOT NULL CHECK (status IN ('pending', 'delivered', 'failed')),
        attempts integer NOT NULL DEFAULT 0,
        replays integer NOT NULL DEFAULT 0,
        last_status integer,
        last_error text,
        created_at timestamptz NOT NULL DEFAULT now(),
        delivered_at timestamptz,
        CONSTRAINT webhook_deliveries_key UNIQUE (subscription_id, event_id)
      )`);
    await queryRunner.query(
      `CREATE INDEX webhook_deliveries_org_idx ON webhook_deliveries (organisation_id, created_at DESC)`,
    );
  }

  public async down(queryRunner: QueryRunner): Promise<void> {
    for (const t of [
      'webhook_deliveries',
      'webhook_subscriptions',
      'line_link_codes',
      'line_links',
      'line_channels',
      'notification_preferences',
      'notification_settings',
      'notification_deliveries',
      'notifications',
    ]) {
      await queryRunner.query(`DROP TABLE ${t}`);
    }
  }
}
