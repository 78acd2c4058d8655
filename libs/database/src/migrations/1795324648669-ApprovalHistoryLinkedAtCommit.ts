import type { MigrationInterface, QueryRunner } from 'typeorm';

/**
 * History entries are linked into their organisation's hash chain at COMMIT, not when the
 * command writes them.
 *
 * Before: the command's append statement bumped the organisation's chain head and so held its
 * row lock until COMMIT — through a round trip to the API and back. Every command of one
 * organisation queued on that lock, and the queue was as long as the API's slowest moment
 * (measured: endorsements capped near 150–200/s, lock waits of 85–195 ms).
 *
 * Now: the command inserts the entry (with its canonical JSON and its outbox event) into
 * approval_history_pending, in the same transaction as everything else. A deferred constraint
 * trigger on that table runs during COMMIT, inside the database: it bumps the head, inserts the
 * entry into approval_history with its seq, prev_hash and hash, writes the outbox event (with
 * historySeq) and deletes the pending row. The head is locked only for the rest of COMMIT.
 * Entries of one transaction are linked in the order they were written (deferred triggers
 * fire in event order); the chain's order is the order of commits.
 *
 * Linkers first queue on an advisory lock per organisation, as the register's counters do:
 * every waiter on a row held by INSERT … ON CONFLICT waits on the holder's transaction id, so
 * each commit would wake all of them to race for the head again; lock-manager waiters are
 * woken one at a time in arrival order. A hash collision only makes two organisations share
 * a queue.
 *
 * hash = hex SHA-256 of "prev_hash|seq|canonical JSON" (UTF-8), as history-hash.util.ts
 * recomputes it; the first prev_hash is 64 zeros (GENESIS_HASH).
 */
export class ApprovalHistoryLinkedAtCommit1795324648669 implements MigrationInterface {
  name = 'ApprovalHistoryLinkedAtCommit1795324648669';

  public async up(queryRunner: QueryRunner): Promise<void> {
    await queryRunner.query(`
      CREATE TABLE approval_history_pending (
        id bigserial PRIMARY KEY,
        organisation_id uuid NOT NULL,
        memo_id uuid NOT NULL,
        round integer NOT NULL,
        step_seq integer,
        action text NOT NULL,
        actor_id uuid,
        actor_name text,
        capacity jsonb,
        text text,
        order_kind text,
        details jsonb,
        occurred_at timestamptz NOT NULL,
        canonical text NOT NULL,
        event_type text,
        event_payload jsonb
      )`);
    await queryRunner.query(`
      CREATE FUNCTION approval_history_link() RETURNS trigger LANGUAGE plpgsql AS $$
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
    await queryRunner.query(`
      CREATE CONSTRAINT TRIGGER approval_history_link_at_commit
      AFTER INSERT ON approval_history_pending
      DEFERRABLE INITIALLY DEFERRED
      FOR EACH ROW EXECUTE FUNCTION approval_history_link()`);
  }

  public async down(queryRunner: QueryRunner): Promise<void> {
    await queryRunner.query(`DROP TRIGGER approval_history_link_at_commit ON approval_history_pending`);
    await queryRunner.query(`DROP FUNCTION approval_history_link()`);
    await queryRunner.query(`DROP TABLE approval_history_pending`);
  }
}
