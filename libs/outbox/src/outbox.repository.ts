import type { EntityManager } from 'typeorm';

/* Every statement on the outbox: the writer's call, the relay's claims and marks, its LISTEN. */

/** An event waiting to be relayed. */
export interface PendingOutboxEvent {
  id: string;
  organisation_id: string;
  type: string;
  payload: Record<string, unknown>;
  created_at: Date;
}

/**
 * Claims the oldest unprocessed events, at most `limit`, in the caller's transaction: rows
 * another relay holds are skipped (FOR UPDATE SKIP LOCKED), so relays never wait on each other.
 */
export function claimOutboxBatch(manager: EntityManager, limit: number): Promise<PendingOutboxEvent[]> {
  return manager.query(
    `SELECT id, organisation_id, type, payload, created_at FROM outbox
      WHERE processed_at IS NULL ORDER BY created_at, id LIMIT $1 FOR UPDATE SKIP LOCKED`,
    [limit],
  );
}

/** Marks claimed events relayed, in the transaction that claimed them. */
export async function markOutboxProcessed(manager: EntityManager, ids: readonly string[]): Promise<void> {
  if (ids.length === 0) return;
  await manager.query('UPDATE outbox SET processed_at = now() WHERE id = ANY($1)', [ids]);
}

export interface NewOutboxEvent {
  organisationId: string;
  type: string;
  payload: Record<string, unknown>;
}

/**
 * Writes events in the caller's transaction: they exist exactly when the change commits.
 *
 * Every outbox row is inserted by one database function, `outbox_append_event` (migrations
 * OneOutboxWriter and OutboxWriterOneEvent): this calls it through `outbox_append_events`, once
 * per event in the array's order, and the approval history's trigger calls it when it links an
 * entry at COMMIT. Each row is stamped with clock_timestamp(), so events of one transaction keep
 * their order for the relay.
 */
export async function appendOutboxEvents(
  manager: EntityManager,
  events: readonly NewOutboxEvent[],
): Promise<void> {
  if (events.length === 0) return;
  await manager.query('SELECT outbox_append_events($1::jsonb)', [
    JSON.stringify(events.map(({ organisationId, type, payload }) => ({ organisationId, type, payload }))),
  ]);
}

/** A connection that can LISTEN (a pg Client of its own, not a pooled one). */
export interface OutboxListener {
  query(text: string): Promise<unknown>;
}

/** Subscribes `listener` to the NOTIFY a trigger sends on every outbox insert (channel `outbox`). */
export async function listenForOutboxEvents(listener: OutboxListener): Promise<void> {
  await listener.query('LISTEN outbox');
}
