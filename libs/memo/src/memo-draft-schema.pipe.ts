import { Injectable } from '@nestjs/common';
import type { z } from 'zod';
import { SchemaPipe } from '@saraban/errors';
import { memoDraftProblems } from './memo-draft.schema';

/**
 * Validates a memo draft request body with the shared schema (the one the web's compose form
 * uses): 400 VALIDATION_FAILED with `details: [{ field, problems }]`, the problems in Thai and
 * those inside the body naming their section.
 */
@Injectable()
export class MemoDraftSchemaPipe<T> extends SchemaPipe<T> {
  constructor(schema: z.ZodType<T>) {
    super(schema, memoDraftProblems);
  }
}
