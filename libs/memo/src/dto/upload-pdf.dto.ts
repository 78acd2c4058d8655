import { ApiProperty, ApiPropertyOptional } from '@nestjs/swagger';
import { Type } from 'class-transformer';
import { IsInt, IsOptional, IsString, MaxLength, Min } from 'class-validator';
import { MEMO_LIMITS } from '../memo-limits';
import { HasText, IsSafeText } from './safe-text.validator';

/** The text fields of the multipart upload; the PDF itself is the `file` part. */
export class UploadPdfDto {
  @ApiProperty({ maxLength: MEMO_LIMITS.attachmentTitle, example: 'รายงานผลการดำเนินการ' })
  @IsString()
  @HasText()
  @MaxLength(MEMO_LIMITS.attachmentTitle)
  @IsSafeText()
  title: string;

  @ApiPropertyOptional({ minimum: 1, description: 'Expected memo version (409 if it has moved on)' })
  @IsOptional()
  @Type(() => Number)
  @IsInt()
  @Min(1)
  version?: number;
}
