import { ApiPropertyOptional } from '@nestjs/swagger';
import { Transform, Type } from 'class-transformer';
import { IsBoolean, IsIn, IsInt, IsOptional, IsString, Matches, Max, MaxLength, Min } from 'class-validator';
import { MEMO_STATUSES, type MemoStatus } from '@saraban/memo';
import { PageQuery } from '@saraban/paging';

const ISO_DAY = /^\d{4}-\d{2}-\d{2}$/;

/** A search over every memo the caller may read, or over the memos they acted on. */
export class MemoSearchQuery extends PageQuery {
  @ApiPropertyOptional({
    description:
      'Words anywhere in the subject, เรียน, body, number (ที่) or the names of the writer and of those who acted; ' +
      'Thai-normalised (NFC, zero-width characters, ํ + า as ำ, Thai or Arabic digits)',
  })
  @IsOptional()
  @IsString()
  @MaxLength(200)
  q?: string;

  @ApiPropertyOptional({ enum: MEMO_STATUSES })
  @IsOptional()
  @IsIn(MEMO_STATUSES)
  status?: MemoStatus;

  @ApiPropertyOptional({ description: 'The memo dated on or after this Bangkok day (YYYY-MM-DD, ค.ศ.)' })
  @IsOptional()
  @Matches(ISO_DAY)
  from?: string;

  @ApiPropertyOptional({ description: 'The memo dated on or before this Bangkok day (YYYY-MM-DD, ค.ศ.)' })
  @IsOptional()
  @Matches(ISO_DAY)
  to?: string;

  @ApiPropertyOptional({
    description: 'The fiscal year the memo is dated in, as its พ.ศ. number (e.g. 2569)',
  })
  @IsOptional()
  @Type(() => Number)
  @IsInt()
  @Min(2500)
  @Max(2700)
  fiscalYear?: number;

  @ApiPropertyOptional({ description: 'Only the memos I endorsed, returned or decided, latest action first' })
  @IsOptional()
  @Transform(({ value }) => value === true || value === 'true' || value === '1')
  @IsBoolean()
  acted?: boolean;

  @ApiPropertyOptional({
    description: 'Only the memos copied to me (สำเนาเรียน, by name or my unit), newest first',
  })
  @IsOptional()
  @Transform(({ value }) => value === true || value === 'true' || value === '1')
  @IsBoolean()
  copied?: boolean;
}
