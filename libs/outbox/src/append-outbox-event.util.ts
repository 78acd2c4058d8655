import type { EntityManager } from 'typeorm';

export interface NewOutboxEvent {
  organisationId: string;
  type: string;
  payload: Record<string, unknown>;
}

/**
 * Writes events in the caller's transaction: they exist exactly when the change commits.
 *
 * Every outbox row is inserted by one database function, `outbox_append_events` (migration
 * OneOutboxWriter): this calls it, and so does the approval history's trigger when it links an
 * entry at COMMIT. It stamps each row with clock_timestamp() in the array's order, so events of
 * one transaction keep their order for the relay.
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
