import type { EntityManager } from 'typeorm';

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
