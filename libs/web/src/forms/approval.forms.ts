import { Allow, IsIn, IsOptional, IsUUID } from 'class-validator';
import {
  approvalCommandSchemas,
  type ApprovalCommandBody,
  type ApprovalCommandKind,
} from '@saraban/approval';
import type { z } from 'zod';
import { readSchemaForm, type SchemaForm } from './schema-form.util';

/** An approval command's form as read: the command's body (and a submission's key), or the first refusal in Thai. */
export type CommandForm<K extends ApprovalCommandKind> = SchemaForm<ApprovalCommandBody<K>> & {
  idempotencyKey?: string;
};

/**
 * Reads an approval command's form post with the schema the API validates the same command
 * with (approvalCommandSchemas), the version sent as text; a submission's Idempotency-Key, sent
 * as a field, is taken apart from the body.
 */
export function readCommandForm<K extends ApprovalCommandKind>(kind: K, posted: unknown): CommandForm<K> {
  let idempotencyKey: string | undefined;
  let fields = posted;
  if (kind === 'submit' && posted !== null && typeof posted === 'object' && 'idempotencyKey' in posted) {
    const { idempotencyKey: key, ...rest } = posted as Record<string, unknown>;
    if (typeof key === 'string' && key.length > 0 && key.length <= 200) idempotencyKey = key;
    fields = rest;
  }
  const schema = approvalCommandSchemas[kind] as unknown as z.ZodType<ApprovalCommandBody<K>>;
  return { ...readSchemaForm(schema, fields, { numbers: ['version'] }), idempotencyKey };
}

/** The inbox's "ทราบ" for the ticked memos (memoIds) or for one (only). */
export class AcknowledgeForm {
  @Allow() memoIds?: unknown;
  @IsOptional() @IsUUID() only?: string;
  /** "yes" once the list of what will be signed was shown (several memos at once). */
  @IsOptional() @IsIn(['yes']) confirmed?: 'yes';
}
