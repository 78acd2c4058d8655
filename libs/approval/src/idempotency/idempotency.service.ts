import { createHash } from 'node:crypto';
import { Injectable } from '@nestjs/common';
import type { EntityManager } from 'typeorm';
import type { AuthUser } from '@saraban/auth';
import { AppException, ErrorCode } from '@saraban/errors';
import type { ApprovalCommand } from '../commands/approval-command';
import { canonicalJson } from '../history/canonical-json.util';

export const IDEMPOTENCY_KEY_PATTERN = /^[A-Za-z0-9._:-]{8,128}$/;

export function requestHash(method: string, path: string, body: unknown): string {
  return createHash('sha256')
    .update(`${method} ${path}\n${canonicalJson(body ?? null)}`, 'utf8')
    .digest('hex');
}

/**
 * The one idempotency hash of an approval command, whichever door it came in by (the JSON API
 * or a web form): what `POST /memos/:id/<kind>` with the command's fields and `version` as its
 * body hashes to. A decision without words leaves `text` out, as the API's body does.
 */
export function commandRequestHash(memoId: string, command: ApprovalCommand, version?: number): string {
  const { kind, ...fields } = command;
  const body: Record<string, unknown> = { ...fields, version };
  if (body.text === null) delete body.text;
  return requestHash('POST', `/memos/${memoId}/${kind}`, body);
}

/**
 * Idempotency keys inside the command's transaction. The INSERT of a key that another
 * transaction is still writing waits for it (unique index), then finds its stored answer,
 * so two racing repeats still do the work once.
 */
@Injectable()
export class IdempotencyService {
  /** The stored answer of a repeat, or null when this key is new (and now claimed). */
  async claim<T>(manager: EntityManager, user: AuthUser, key: string, hash: string): Promise<T | null> {
    if (!IDEMPOTENCY_KEY_PATTERN.test(key)) {
      throw new AppException(ErrorCode.ValidationFailed, [
        { field: 'Idempotency-Key', problems: ['8–128 characters: letters, digits and . _ : -'] },
      ]);
    }
    const inserted: unknown[] = await manager.query(
      `INSERT INTO idempotency_keys (organisation_id, person_id, key, request_hash) VALUES ($1, $2, $3, $4)
       ON CONFLICT DO NOTHING RETURNING key`,
      [user.organisationId, user.personId, key, hash],
    );
    if (inserted.length === 1) return null;
    const rows: { request_hash: string; response: T | null }[] = await manager.query(
      'SELECT request_hash, response FROM idempotency_keys WHERE organisation_id = $1 AND person_id = $2 AND key = $3',
      [user.organisationId, user.personId, key],
    );
    const row = rows[0];
    if (!row || row.request_hash !== hash) throw new AppException(ErrorCode.IdempotencyKeyReused, { key });
    if (row.response === null) throw new AppException(ErrorCode.Conflict, { key });
    return row.response;
  }

  async store(
    manager: EntityManager,
    user: AuthUser,
    key: string,
    statusCode: number,
    response: unknown,
  ): Promise<void> {
    await manager.query(
      `UPDATE idempotency_keys SET status_code = $4, response = $5::jsonb
        WHERE organisation_id = $1 AND person_id = $2 AND key = $3`,
      [user.organisationId, user.personId, key, statusCode, JSON.stringify(response)],
    );
  }
}
