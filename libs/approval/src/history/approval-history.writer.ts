import { historyCanonicalJson, type HashedHistoryFields } from './history-hash.util';

/*
 * History entries are written by the command into approval_history_pending, with their
 * canonical JSON and their outbox event, in the command's own transaction. A deferred trigger
 * links each one into the organisation's hash chain during COMMIT (seq, prev_hash, hash by the
 * formula of history-hash.util.ts), inserts it into approval_history and hands its event, with
 * historySeq, to the one outbox writer (`outbox_append_event`, which `appendOutboxEvents` of
 * @saraban/outbox calls too); see the migrations ApprovalHistoryLinkedAtCommit, OneOutboxWriter
 * and OutboxWriterOneEvent. The chain's head is thus locked only while COMMIT runs, never across a round
 * trip to the API.
 */

export interface HistoryEvent {
  type: string;
  payload: Record<string, unknown>;
}

export interface PendingHistoryEntry {
  entry: HashedHistoryFields;
  /** The domain event written to the outbox with the entry (its payload gains historySeq). */
  event: HistoryEvent | null;
}

/**
 * A CTE (`history AS (…)`) inserting the entries given as one JSON array in parameter
 * `param` (from `pendingHistoryJson`), in the array's order. Embedded in a command's write
 * statement, it costs no round trip of its own.
 */
export function pendingHistoryCte(param: string): string {
  return `history AS (
  INSERT INTO approval_history_pending (organisation_id, memo_id, round, step_seq, action, actor_id, actor_name,
    capacity, text, order_kind, details, occurred_at, canonical, event_type, event_payload)
  SELECT x.organisation_id, x.memo_id, x.round, x.step_seq, x.action, x.actor_id, x.actor_name, x.capacity, x.text,
         x.order_kind, x.details, x.occurred_at, x.canonical, x.event_type, x.event_payload
    FROM ROWS FROM (jsonb_to_recordset(${param}::jsonb) AS (organisation_id uuid, memo_id uuid, round int,
           step_seq int, action text, actor_id uuid, actor_name text, capacity jsonb, text text, order_kind text,
           details jsonb, occurred_at timestamptz, canonical text, event_type text, event_payload jsonb))
         WITH ORDINALITY AS x(organisation_id, memo_id, round, step_seq, action, actor_id, actor_name, capacity, text,
           order_kind, details, occurred_at, canonical, event_type, event_payload, ord)
   ORDER BY x.ord
)`;
}

/** The parameter of `pendingHistoryCte`: the entries, each with the canonical JSON that is hashed. */
export function pendingHistoryJson(entries: readonly PendingHistoryEntry[]): string {
  return JSON.stringify(
    entries.map(({ entry: e, event }) => ({
      organisation_id: e.organisationId,
      memo_id: e.memoId,
      round: e.round,
      step_seq: e.stepSeq,
      action: e.action,
      actor_id: e.actorId,
      actor_name: e.actorName,
      capacity: e.capacity,
      text: e.text,
      order_kind: e.orderKind,
      details: e.details,
      occurred_at: e.occurredAt.toISOString(),
      canonical: historyCanonicalJson(e),
      event_type: event?.type ?? null,
      event_payload: event?.payload ?? null,
    })),
  );
}
