import { ApiProperty } from '@nestjs/swagger';
import { IsString, MaxLength } from 'class-validator';
import { MEMO_LIMITS } from '../memo-limits';
import { MemoContentFieldsDto } from './memo-content-fields.dto';
import { HasText, IsSafeText } from './safe-text.validator';

/** POST /memos */
export class CreateMemoDto extends MemoContentFieldsDto {
  @ApiProperty({ maxLength: MEMO_LIMITS.subject, description: 'เรื่อง' })
  @IsString()
  @HasText()
  @MaxLength(MEMO_LIMITS.subject)
  @IsSafeText()
  subject: string;
}
