import { createHash } from 'node:crypto';
import { Injectable } from '@nestjs/common';
import type { EntityManager } from 'typeorm';
import type { AuthUser } from '@saraban/auth';
import { AppException, ErrorCode } from '@saraban/errors';
import type { ApprovalCommand } from '../commands/approval-command';
import { canonicalJson } from '../history/canonical-json.util';
import {
  findIdempotencyKey,
  insertIdempotencyKey,
  storeIdempotentResponse,
} from './idempotency-key.repository';

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
    if (await insertIdempotencyKey(manager, user, key, hash)) return null;
    const row = await findIdempotencyKey<T>(manager, user, key);
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
    await storeIdempotentResponse(manager, user, key, statusCode, response);
  }
}
