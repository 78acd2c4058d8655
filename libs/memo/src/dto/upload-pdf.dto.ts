import { ApiProperty } from '@nestjs/swagger';
import { IsString, MaxLength } from 'class-validator';
import { MEMO_LIMITS } from '../memo-limits';
import { HasText, IsSafeText } from './safe-text.validator';
import { ExpectedMemoVersion } from './memo-version.query';

/** The text fields of the multipart upload; the PDF itself is the `file` part. */
export class UploadPdfDto {
  @ApiProperty({ maxLength: MEMO_LIMITS.attachmentTitle, example: 'รายงานผลการดำเนินการ' })
  @IsString()
  @HasText()
  @MaxLength(MEMO_LIMITS.attachmentTitle)
  @IsSafeText()
  title: string;

  @ExpectedMemoVersion('text')
  version?: number;
}
