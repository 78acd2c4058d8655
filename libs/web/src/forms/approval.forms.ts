import { Allow, IsIn, IsOptional, IsUUID } from 'class-validator';
import {
  approvalCommandSchemas,
  type ApprovalCommandBody,
  type ApprovalCommandKind,
} from '@saraban/approval';
import { schemaProblems } from '@saraban/errors';

/** An approval command's form as read: the command's body, or the first refusal in Thai. */
export type CommandForm<K extends ApprovalCommandKind> =
  { ok: true; body: ApprovalCommandBody<K>; idempotencyKey?: string } | { ok: false; problem: string };

/**
 * Reads an approval command's form post with the schema the API validates the same command
 * with (approvalCommandSchemas): what a browser posts is cleaned first (texts trimmed, the
 * version sent as text turned into its number, an empty version left out), and a submission's
 * Idempotency-Key, sent as a field, is taken apart from the body.
 */
export function readCommandForm<K extends ApprovalCommandKind>(kind: K, posted: unknown): CommandForm<K> {
  const fields: Record<string, unknown> = {};
  let idempotencyKey: string | undefined;
  const entries = posted !== null && typeof posted === 'object' ? Object.entries(posted) : [];
  for (const [name, value] of entries) {
    if (kind === 'submit' && name === 'idempotencyKey') {
      if (typeof value === 'string' && value.length > 0 && value.length <= 200) idempotencyKey = value;
    } else if (name === 'version') {
      if (value !== '')
        fields.version = typeof value === 'string' && /^\d{1,9}$/.test(value) ? Number(value) : value;
    } else {
      fields[name] = typeof value === 'string' ? value.trim() : value;
    }
  }
  const parsed = approvalCommandSchemas[kind].safeParse(fields);
  if (parsed.success) return { ok: true, body: parsed.data as ApprovalCommandBody<K>, idempotencyKey };
  const [first] = schemaProblems(parsed.error);
  return { ok: false, problem: first?.message ?? 'ข้อมูลไม่ถูกต้อง' };
}

/** The inbox's "ทราบ" for the ticked memos (memoIds) or for one (only). */
export class AcknowledgeForm {
  @Allow() memoIds?: unknown;
  @IsOptional() @IsUUID() only?: string;
  /** "yes" once the list of what will be signed was shown (several memos at once). */
  @IsOptional() @IsIn(['yes']) confirmed?: 'yes';
}
