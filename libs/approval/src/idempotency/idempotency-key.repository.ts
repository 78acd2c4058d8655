import type { EntityManager } from 'typeorm';

/* The statements on idempotency_keys, in the command's transaction. */

/** Whose key it is. */
export interface KeyOwner {
  organisationId: string;
  personId: string;
}

/**
 * Claims `key` with the request's hash; false when it exists already. The INSERT of a key that
 * another transaction is still writing waits for it (unique index).
 */
export async function insertIdempotencyKey(
  manager: EntityManager,
  owner: KeyOwner,
  key: string,
  hash: string,
): Promise<boolean> {
  const inserted: unknown[] = await manager.query(
    `INSERT INTO idempotency_keys (organisation_id, person_id, key, request_hash) VALUES ($1, $2, $3, $4)
     ON CONFLICT DO NOTHING RETURNING key`,
    [owner.organisationId, owner.personId, key, hash],
  );
  return inserted.length === 1;
}

/** A stored key: its request hash and the answer (null while its command has not finished). */
export async function findIdempotencyKey<T>(
  manager: EntityManager,
  owner: KeyOwner,
  key: string,
): Promise<{ request_hash: string; response: T | null } | null> {
  const rows: { request_hash: string; response: T | null }[] = await manager.query(
    'SELECT request_hash, response FROM idempotency_keys WHERE organisation_id = $1 AND person_id = $2 AND key = $3',
    [owner.organisationId, owner.personId, key],
  );
  return rows[0] ?? null;
}

/** Stores the answer of the command that claimed `key`. */
export async function storeIdempotentResponse(
  manager: EntityManager,
  owner: KeyOwner,
  key: string,
  statusCode: number,
  response: unknown,
): Promise<void> {
  await manager.query(
    `UPDATE idempotency_keys SET status_code = $4, response = $5::jsonb
      WHERE organisation_id = $1 AND person_id = $2 AND key = $3`,
    [owner.organisationId, owner.personId, key, statusCode, JSON.stringify(response)],
  );
}
