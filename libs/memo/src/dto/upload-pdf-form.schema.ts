import type { SchemaObject } from '@nestjs/swagger/dist/interfaces/open-api-spec.interface';
import { MEMO_LIMITS } from '../memo-limits';

/** OpenAPI description of the multipart form (the file part has no DTO to carry it). */
export const UPLOAD_PDF_FORM_SCHEMA: SchemaObject = {
  type: 'object',
  required: ['file', 'title'],
  properties: {
    file: {
      type: 'string',
      format: 'binary',
      description: 'A PDF; the content decides, not the name or type',
    },
    title: { type: 'string', maxLength: MEMO_LIMITS.attachmentTitle },
    version: { type: 'integer', minimum: 1 },
  },
};
