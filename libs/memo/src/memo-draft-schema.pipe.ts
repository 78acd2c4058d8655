import { Injectable, type PipeTransform } from '@nestjs/common';
import type { z } from 'zod';
import { AppException, ErrorCode } from '@saraban/errors';
import { memoDraftProblems } from './memo-draft.schema';

/**
 * Validates a memo draft request body with the shared schema (the one the web's compose form
 * uses): 400 VALIDATION_FAILED with `details: [{ field, problems }]`, the problems in Thai.
 */
@Injectable()
export class MemoDraftSchemaPipe<T> implements PipeTransform<unknown, T> {
  constructor(private readonly schema: z.ZodType<T>) {}

  transform(value: unknown): T {
    const parsed = this.schema.safeParse(value);
    if (parsed.success) return parsed.data;
    const byField = new Map<string, string[]>();
    for (const { field, message } of memoDraftProblems(parsed.error)) {
      byField.set(field, [...(byField.get(field) ?? []), message]);
    }
    throw new AppException(
      ErrorCode.ValidationFailed,
      [...byField].map(([field, problems]) => ({ field, problems })),
    );
  }
}
