import type { z } from 'zod';
import { schemaProblems } from '@saraban/errors';
import { toArabicDigits } from '@saraban/thai-format';

/** A form post as read with an input's schema: what it holds, or its first refusal in Thai. */
export type SchemaForm<T> = { ok: true; body: T } | { ok: false; problem: string };

/** How a form's fields are cleaned before its schema reads them. */
export interface SchemaFormFields {
  /** Sent as text, read as numbers (Thai digits too); left out when empty. */
  numbers?: readonly string[];
  /** Kept exactly as typed: not trimmed (a password, pasted spreadsheet text). */
  verbatim?: readonly string[];
}

/**
 * Reads a form post with the schema the API validates the same input with, after cleaning what
 * a browser posts: every text trimmed but the `verbatim` ones; each of `numbers` (sent as text)
 * turned into its number, Thai digits too, and left out when empty. A field the schema does
 * not know is refused as the API refuses it.
 */
export function readSchemaForm<T>(
  schema: z.ZodType<T>,
  posted: unknown,
  { numbers = [], verbatim = [] }: SchemaFormFields = {},
): SchemaForm<T> {
  const fields: Record<string, unknown> = {};
  const entries: [string, unknown][] =
    posted !== null && typeof posted === 'object' ? Object.entries(posted) : [];
  for (const [name, value] of entries) {
    const cleaned: unknown = typeof value === 'string' && !verbatim.includes(name) ? value.trim() : value;
    if (!numbers.includes(name)) fields[name] = cleaned;
    else if (cleaned !== '') fields[name] = asNumber(cleaned);
  }
  const parsed = schema.safeParse(fields);
  if (parsed.success) return { ok: true, body: parsed.data };
  const [first] = schemaProblems(parsed.error);
  return { ok: false, problem: first?.message ?? 'ข้อมูลไม่ถูกต้อง' };
}

/** A whole number typed in Arabic or Thai digits, as a number; anything else as it came (refused by the schema). */
function asNumber(value: unknown): unknown {
  if (typeof value !== 'string') return value;
  const digits = toArabicDigits(value);
  return /^\d{1,10}$/.test(digits) ? Number(digits) : value;
}

/** A form post's fields as a plain record (an absent or malformed body has none). */
export function fieldsOf(posted: unknown): Record<string, unknown> {
  return posted !== null && typeof posted === 'object' && !Array.isArray(posted)
    ? { ...(posted as Record<string, unknown>) }
    : {};
}
