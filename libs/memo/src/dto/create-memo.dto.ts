import { ApiProperty } from '@nestjs/swagger';
import { MEMO_LIMITS } from '../memo-limits';
import { MemoContentFieldsDto } from './memo-content-fields.dto';

/** POST /memos, as OpenAPI describes it; validated by `createMemoSchema`. */
export class CreateMemoDto extends MemoContentFieldsDto {
  @ApiProperty({ maxLength: MEMO_LIMITS.subject, description: 'เรื่อง' })
  subject: string;
}
