import type { MigrationInterface, QueryRunner } from 'typeorm';

/**
 * One outbox writer (issue 12). Before, two statements inserted outbox rows: `appendOutboxEvents`
 * in libs/outbox, and the approval history's deferred trigger (ApprovalHistoryLinkedAtCommit),
 * which wrote each history entry's event with its `historySeq` during COMMIT.
 *
 * Now one function inserts outbox rows, `outbox_append_events(events jsonb)`: a JSON array of
 * `{ organisationId, type, payload }`, inserted in the array's order, each row stamped with
 * clock_timestamp() so the events of one transaction keep their order for the relay. The outbox
 * library's `appendOutboxEvents` calls it; the trigger calls it too and now only links the hash
 * chain (the event still gets `historySeq`, known only at COMMIT, and its commit-time stamp, so
 * the events are what they were).
 */
export class OneOutboxWriter1796640000000 implements MigrationInterface {
  name = 'OneOutboxWriter1796640000000';

  public async up(queryRunner: QueryRunner): Promise<void> {
    await queryRunner.query(`
      CREATE FUNCTION outbox_append_events(events jsonb) RETURNS void LANGUAGE plpgsql AS $$
      DECLARE
        e record;
      BEGIN
        -- One row at a time, in the array's order: clock_timestamp() then orders them as written.
        FOR e IN SELECT x.value FROM jsonb_array_elements(events) WITH ORDINALITY AS x(value, ord) ORDER BY x.ord
        LOOP
          INSERT INTO outbox (organisation_id, type, payload, created_at)
          VALUES ((e.value->>'organisationId')::uuid, e.value->>'type', e.value->'payload', clock_timestamp());
        END LOOP;
      END $$`);
    await queryRunner.query(linkFunction(true));
  }

  public async down(queryRunner: QueryRunner): Promise<void> {
    await queryRunner.query(linkFunction(false));
    await queryRunner.query(`DROP FUNCTION outbox_append_events(jsonb)`);
  }
}

/** approval_history_link(): handing its event to the outbox writer, or (down) inserting it itself as before. */
function linkFunction(throughOutboxWriter: boolean): string {
  const event = `NEW.event_payload || jsonb_build_object('historySeq', head.last_seq::text)`;
  const writeEvent = throughOutboxWriter
    ? `PERFORM outbox_append_events(jsonb_build_array(jsonb_build_object(
            'organisationId', NEW.organisation_id, 'type', NEW.event_type, 'payload', ${event})));`
    : `INSERT INTO outbox (organisation_id, type, payload, created_at)
          VALUES (NEW.organisation_id, NEW.event_type, ${event}, clock_timestamp());`;
  return `
      CREATE OR REPLACE FUNCTION approval_history_link() RETURNS trigger LANGUAGE plpgsql AS $$
      DECLARE
        head record;
      BEGIN
        -- Linkers of one organisation queue here, woken one at a time in arrival order, before
        -- they touch the head row (class 0x4148, "AH"; the register's queue is 0x5247).
        PERFORM pg_advisory_xact_lock(16712, hashtext(NEW.organisation_id::text));
        INSERT INTO approval_history_heads AS h (organisation_id, last_seq, last_hash, prev_hash)
        VALUES (NEW.organisation_id, 1,
                encode(sha256(convert_to(repeat('0', 64) || '|1|' || NEW.canonical, 'UTF8')), 'hex'),
                repeat('0', 64))
        ON CONFLICT (organisation_id) DO UPDATE SET
          last_seq = h.last_seq + 1,
          prev_hash = h.last_hash,
          last_hash = encode(sha256(convert_to(
            h.last_hash || '|' || (h.last_seq + 1)::text || '|' || NEW.canonical, 'UTF8')), 'hex')
        RETURNING last_seq, last_hash, prev_hash INTO head;

        INSERT INTO approval_history (organisation_id, seq, memo_id, round, step_seq, action, actor_id,
          actor_name, capacity, text, order_kind, details, occurred_at, prev_hash, hash)
        VALUES (NEW.organisation_id, head.last_seq, NEW.memo_id, NEW.round, NEW.step_seq, NEW.action,
          NEW.actor_id, NEW.actor_name, NEW.capacity, NEW.text, NEW.order_kind, NEW.details,
          NEW.occurred_at, head.prev_hash, head.last_hash);

        IF NEW.event_type IS NOT NULL THEN
          ${writeEvent}
        END IF;

        DELETE FROM approval_history_pending WHERE id = NEW.id;
        RETURN NULL;
      END $$`;
}
