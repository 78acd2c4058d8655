import type { MigrationInterface, QueryRunner } from 'typeorm';

/**
 * Notification sends in batches (issue 13, fan-out target): each delivery belongs to one batch
 * (`batch_id`, the unit of one queued job: up to 500 LINE recipients or a hundred emails), and a
 * LINE request's retry key is written on its rows before the request goes out (`send_key`), so a
 * batch retried after a lost answer repeats the same request under the same X-Line-Retry-Key and
 * LINE delivers it once. Held deliveries (quiet hours) wait here without a batch until a sweep
 * releases them; the sweep finds them by `due_at`.
 * Rows already waiting take their own id as batch id: a job queued before this migration
 * (`send.<delivery id>`) finds its delivery as a batch of one.
 */
export class NotificationDeliveryBatches1796620000000 implements MigrationInterface {
  name = 'NotificationDeliveryBatches1796620000000';

  public async up(queryRunner: QueryRunner): Promise<void> {
    await queryRunner.query(
      `ALTER TABLE notification_deliveries ADD COLUMN batch_id uuid, ADD COLUMN send_key uuid`,
    );
    await queryRunner.query(
      `UPDATE notification_deliveries SET batch_id = id WHERE status IN ('pending', 'held')`,
    );
    await queryRunner.query(
      `CREATE INDEX notification_deliveries_batch_idx ON notification_deliveries (batch_id) WHERE batch_id IS NOT NULL`,
    );
    await queryRunner.query(
      `CREATE INDEX notification_deliveries_waiting_idx ON notification_deliveries (due_at)
        WHERE status IN ('pending', 'held')`,
    );
  }

  public async down(queryRunner: QueryRunner): Promise<void> {
    await queryRunner.query(`DROP INDEX notification_deliveries_waiting_idx`);
    await queryRunner.query(`DROP INDEX notification_deliveries_batch_idx`);
    await queryRunner.query(`ALTER TABLE notification_deliveries DROP COLUMN send_key, DROP COLUMN batch_id`);
  }
}
