import { ApiProperty, ApiPropertyOptional } from '@nestjs/swagger';
import { MEMO_LIMITS } from '../memo-limits';
import { MemoContentFieldsDto } from './memo-content-fields.dto';

/** PATCH /memos/:id, as OpenAPI describes it; validated by `updateMemoSchema`. */
export class UpdateMemoDto extends MemoContentFieldsDto {
  @ApiProperty({ minimum: 1, description: 'The version the edit is based on (409 if the memo has moved on)' })
  version: number;

  @ApiPropertyOptional({ maxLength: MEMO_LIMITS.subject, description: 'เรื่อง' })
  subject?: string;
}
