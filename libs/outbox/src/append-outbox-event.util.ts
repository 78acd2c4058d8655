import type { EntityManager } from 'typeorm';

export interface NewOutboxEvent {
  organisationId: string;
  type: string;
  payload: Record<string, unknown>;
}

/** Writes events in the caller's transaction: they exist exactly when the change commits. */
export async function appendOutboxEvents(
  manager: EntityManager,
  events: readonly NewOutboxEvent[],
): Promise<void> {
  if (events.length === 0) return;
  // clock_timestamp(), not now(): events of one transaction keep their order for the relay.
  const values = events.map(
    (_, i) => `($${i * 3 + 1}::uuid, $${i * 3 + 2}::text, $${i * 3 + 3}::jsonb, clock_timestamp())`,
  );
  await manager.query(
    `INSERT INTO outbox (organisation_id, type, payload, created_at) VALUES ${values.join(', ')}`,
    events.flatMap((e) => [e.organisationId, e.type, JSON.stringify(e.payload)]),
  );
}
