import type { EntityManager } from 'typeorm';
import { GENESIS_HASH, historyCanonicalJson, type HashedHistoryFields } from './history-hash.util';

/*
 * One statement appends an entry to its organisation's chain: the head row is created or bumped
 * (its row lock orders concurrent appends of one organisation until COMMIT), answering the new
 * seq, the previous hash and the new hash, computed in SQL by the formula of history-hash.util.ts.
 * Call it late in the transaction: the head stays locked until COMMIT.
 */
const HEAD_CTE = `head AS (
  INSERT INTO approval_history_heads AS h (organisation_id, last_seq, last_hash, prev_hash)
  VALUES ($1::uuid, 1, encode(sha256(convert_to($2::text || '|1|' || $3::text, 'UTF8')), 'hex'), $2::text)
  ON CONFLICT (organisation_id) DO UPDATE SET
    last_seq = h.last_seq + 1,
    prev_hash = h.last_hash,
    last_hash = encode(sha256(convert_to(h.last_hash || '|' || (h.last_seq + 1)::text || '|' || $3::text, 'UTF8')), 'hex')
  RETURNING last_seq, last_hash, prev_hash
)`;

const ENTRY_INSERT = `INSERT INTO approval_history (organisation_id, seq, memo_id, round, step_seq, action, actor_id, actor_name,
  capacity, text, order_kind, details, occurred_at, prev_hash, hash)
SELECT $1::uuid, head.last_seq, $4::uuid, $5::int, $6::int, $7::text, $8::uuid, $9::text, $10::jsonb, $11::text,
  $12::text, $13::jsonb, $14::timestamptz, head.prev_hash, head.last_hash
FROM head`;

const APPEND_SQL = `WITH ${HEAD_CTE} ${ENTRY_INSERT} RETURNING seq::text AS seq, hash`;

/*
 * The same, with the entry's outbox event in the same statement (one round trip while the head
 * is locked); the event's payload gets the entry's seq as historySeq.
 */
const APPEND_WITH_EVENT_SQL = `
WITH ${HEAD_CTE}, entry AS (${ENTRY_INSERT} RETURNING seq, hash)
INSERT INTO outbox (organisation_id, type, payload, created_at)
SELECT $1::uuid, $15::text, $16::jsonb || jsonb_build_object('historySeq', entry.seq::text), clock_timestamp() FROM entry
RETURNING payload->>'historySeq' AS seq, (SELECT hash FROM entry) AS hash`;

export interface HistoryEvent {
  type: string;
  payload: Record<string, unknown>;
}

export async function appendHistoryEntry(
  manager: EntityManager,
  entry: HashedHistoryFields,
  event?: HistoryEvent,
): Promise<{ seq: string; hash: string }> {
  const withEvent = event ? [event.type, JSON.stringify(event.payload)] : [];
  const rows: { seq: string; hash: string }[] = await manager.query(
    event ? APPEND_WITH_EVENT_SQL : APPEND_SQL,
    [
      entry.organisationId,
      GENESIS_HASH,
      historyCanonicalJson(entry),
      entry.memoId,
      entry.round,
      entry.stepSeq,
      entry.action,
      entry.actorId,
      entry.actorName,
      entry.capacity === null ? null : JSON.stringify(entry.capacity),
      entry.text,
      entry.orderKind,
      entry.details === null ? null : JSON.stringify(entry.details),
      entry.occurredAt.toISOString(),
      ...withEvent,
    ],
  );
  return rows[0];
}
