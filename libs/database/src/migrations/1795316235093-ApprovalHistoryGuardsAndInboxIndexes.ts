import type { MigrationInterface, QueryRunner } from 'typeorm';

/**
 * Hand-written SQL for the approval engine (entities cannot express it):
 * - approval_history is append-only: UPDATE, DELETE and TRUNCATE raise an error;
 * - the outbox NOTIFYs channel "outbox" so the relay wakes at commit;
 * - partial indexes for the inbox (what waits for a post, urgent first then oldest), for
 *   "sent by me", and for the relay's pending events.
 */
export class ApprovalHistoryGuardsAndInboxIndexes1795316235093 implements MigrationInterface {
  name = 'ApprovalHistoryGuardsAndInboxIndexes1795316235093';

  public async up(queryRunner: QueryRunner): Promise<void> {
    await queryRunner.query(`
      CREATE FUNCTION approval_history_refuse_change() RETURNS trigger LANGUAGE plpgsql AS $$
      BEGIN
        RAISE EXCEPTION 'approval_history is append-only (% refused)', TG_OP
          USING ERRCODE = 'insufficient_privilege';
      END $$`);
    await queryRunner.query(`
      CREATE TRIGGER approval_history_append_only
      BEFORE UPDATE OR DELETE ON approval_history
      FOR EACH ROW EXECUTE FUNCTION approval_history_refuse_change()`);
    await queryRunner.query(`
      CREATE TRIGGER approval_history_no_truncate
      BEFORE TRUNCATE ON approval_history
      FOR EACH STATEMENT EXECUTE FUNCTION approval_history_refuse_change()`);

    await queryRunner.query(`
      CREATE FUNCTION outbox_notify() RETURNS trigger LANGUAGE plpgsql AS $$
      BEGIN
        PERFORM pg_notify('outbox', '');
        RETURN NULL;
      END $$`);
    await queryRunner.query(`
      CREATE TRIGGER outbox_notify AFTER INSERT ON outbox
      FOR EACH STATEMENT EXECUTE FUNCTION outbox_notify()`);
    await queryRunner.query(
      `CREATE INDEX outbox_pending_idx ON outbox (created_at, id) WHERE processed_at IS NULL`,
    );

    await queryRunner.query(`
      CREATE INDEX approval_inbox_idx ON memo_workflows
        (organisation_id, current_position_id, urgency_order, waiting_since, memo_id)
        INCLUDE (author_id)
        WHERE state = 'review'`);
    await queryRunner.query(
      `CREATE INDEX approval_sent_idx ON memo_workflows (organisation_id, author_id, updated_at DESC, memo_id)`,
    );
  }

  public async down(queryRunner: QueryRunner): Promise<void> {
    await queryRunner.query(`DROP INDEX approval_sent_idx`);
    await queryRunner.query(`DROP INDEX approval_inbox_idx`);
    await queryRunner.query(`DROP INDEX outbox_pending_idx`);
    await queryRunner.query(`DROP TRIGGER outbox_notify ON outbox`);
    await queryRunner.query(`DROP FUNCTION outbox_notify()`);
    await queryRunner.query(`DROP TRIGGER approval_history_no_truncate ON approval_history`);
    await queryRunner.query(`DROP TRIGGER approval_history_append_only ON approval_history`);
    await queryRunner.query(`DROP FUNCTION approval_history_refuse_change()`);
  }
}
