import { ApiProperty } from '@nestjs/swagger';
import { ArrayMaxSize, ArrayUnique, IsArray, IsUUID } from 'class-validator';
import { MEMO_LIMITS } from '../memo-limits';
import { ExpectedMemoVersion } from './memo-version.query';

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

  @ExpectedMemoVersion('json')
  version?: number;
}
