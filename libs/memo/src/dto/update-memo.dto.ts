import { ApiProperty, ApiPropertyOptional } from '@nestjs/swagger';
import { IsInt, IsOptional, IsString, MaxLength, Min } from 'class-validator';
import { MEMO_LIMITS } from '../memo-limits';
import { MemoContentFieldsDto } from './memo-content-fields.dto';
import { HasText, IsSafeText } from './safe-text.validator';

/** PATCH /memos/:id: the fields given replace the stored ones; `version` is the one the editor loaded. */
export class UpdateMemoDto extends MemoContentFieldsDto {
  @ApiProperty({ minimum: 1, description: 'The version the edit is based on (409 if the memo has moved on)' })
  @IsInt()
  @Min(1)
  version: number;

  @ApiPropertyOptional({ maxLength: MEMO_LIMITS.subject, description: 'เรื่อง' })
  @IsOptional()
  @IsString()
  @HasText()
  @MaxLength(MEMO_LIMITS.subject)
  @IsSafeText()
  subject?: string;
}
