import { ApiProperty, ApiPropertyOptional } from '@nestjs/swagger';
import { ArrayMaxSize, ArrayUnique, IsArray, IsInt, IsOptional, IsUUID, Min } from 'class-validator';
import { MEMO_LIMITS } from '../memo-limits';

/** PATCH /memos/:id/attachments: every attachment id once, in the new printing order. */
export class ReorderAttachmentsDto {
  @ApiProperty({
    type: [String],
    format: 'uuid',
    description: 'All attachment ids of the memo, first printed first',
  })
  @IsArray()
  @ArrayMaxSize(MEMO_LIMITS.attachments)
  @ArrayUnique()
  @IsUUID('all', { each: true })
  order: string[];

  @ApiPropertyOptional({ minimum: 1, description: 'Expected memo version (409 if it has moved on)' })
  @IsOptional()
  @IsInt()
  @Min(1)
  version?: number;
}
