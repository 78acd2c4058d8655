import { ApiProperty, ApiPropertyOptional } from '@nestjs/swagger';
import { MEMO_LIMITS } from '../memo-limits';

/**
 * PATCH /memos/:id/attachments: every attachment id once, in the new printing order. For
 * OpenAPI only: the body is validated by attachmentInputSchemas.reorder.
 */
export class ReorderAttachmentsDto {
  @ApiProperty({
    type: [String],
    format: 'uuid',
    maxItems: MEMO_LIMITS.attachments,
    description: 'All attachment ids of the memo, first printed first',
  })
  order: string[];

  @ApiPropertyOptional({ minimum: 1, description: 'Expected memo version (409 if it has moved on)' })
  version?: number;
}
