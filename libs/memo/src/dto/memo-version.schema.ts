import type { ApiQueryOptions } from '@nestjs/swagger';
import { z } from 'zod';
import { optionalField } from '@saraban/errors';

/*
 * The memo version a caller loaded, sent with every change to a memo's attachments and with a
 * draft's deletion: when given, the change happens only if the memo is still at it (409
 * otherwise).
 */

const VERSION_MESSAGE = 'เวอร์ชันของบันทึกต้องเป็นจำนวนเต็มตั้งแต่ 1 ขึ้นไป';

/** In a JSON body: a number. */
export const expectedVersion = z
  .number({ error: VERSION_MESSAGE })
  .int(VERSION_MESSAGE)
  .min(1, VERSION_MESSAGE);

/** Sent as text (a query string, a multipart or form field): digits only, read as a number. */
export const expectedVersionText = z.preprocess(
  (value) => (typeof value === 'string' && /^\d{1,9}$/.test(value) ? Number(value) : value),
  expectedVersion,
);

/** `?version=` on a DELETE, or a form that carries nothing else. */
export const memoVersionQuerySchema = z.strictObject({
  version: optionalField(expectedVersionText),
});

export type MemoVersionQueryInput = z.infer<typeof memoVersionQuerySchema>;

/** `?version=` for OpenAPI (the query is validated by memoVersionQuerySchema). */
export const EXPECTED_VERSION_QUERY: ApiQueryOptions = {
  name: 'version',
  required: false,
  type: Number,
  description: 'Expected memo version (409 if it has moved on)',
};
