import type { MigrationInterface, QueryRunner } from 'typeorm';

/**
 * Linking a history entry at COMMIT first queues on an advisory lock per organisation.
 *
 * Every waiter on a row held by INSERT … ON CONFLICT waits on the holder's transaction id, so
 * each commit woke all the organisation's waiting commits to race for the chain's head again
 * (CPU spent on re-checks, and an unfair order that lengthens the slowest waits). Lock-manager
 * waiters are woken one at a time in arrival order: the same queue the register uses for its
 * counters. A hash collision only makes two organisations share a queue.
 */
export class ApprovalHistoryLinkQueue1795330086637 implements MigrationInterface {
  name = 'ApprovalHistoryLinkQueue1795330086637';

  public async up(queryRunner: QueryRunner): Promise<void> {
    await queryRunner.query(`
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
          INSERT INTO outbox (organisation_id, type, payload, created_at)
          VALUES (NEW.organisation_id, NEW.event_type,
                  NEW.event_payload || jsonb_build_object('historySeq', head.last_seq::text),
                  clock_timestamp());
        END IF;

        DELETE FROM approval_history_pending WHERE id = NEW.id;
        RETURN NULL;
      END $$`);
  }

  public async down(queryRunner: QueryRunner): Promise<void> {
    await queryRunner.query(`
CREATE OR REPLACE FUNCTION approval_history_link() RETURNS trigger LANGUAGE plpgsql AS $$
      DECLARE
        head record;
      BEGIN
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
          INSERT INTO outbox (organisation_id, type, payload, created_at)
          VALUES (NEW.organisation_id, NEW.event_type,
                  NEW.event_payload || jsonb_build_object('historySeq', head.last_seq::text),
                  clock_timestamp());
        END IF;

        DELETE FROM approval_history_pending WHERE id = NEW.id;
        RETURN NULL;
      END $$`);
  }
}
