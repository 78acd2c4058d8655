import { ApiProperty, ApiPropertyOptional } from '@nestjs/swagger';
import { ArrayMaxSize, ArrayMinSize, IsArray, IsOptional, IsString, MaxLength } from 'class-validator';
import { MEMO_LIMITS } from '../memo-limits';
import { HasText, IsSafeText } from './safe-text.validator';
import { IsTableRows } from './table-rows.validator';
import { ExpectedMemoVersion } from './memo-version.query';

/**
 * A report table, either structured (`columns` and `rows`) or pasted from a spreadsheet
 * (`tsv`: tab-separated, first line the columns). Exactly one of the two forms.
 */
export class CreateTableAttachmentDto {
  @ApiProperty({
    maxLength: MEMO_LIMITS.attachmentTitle,
    description:
      'May have several lines (a report cover: its name, the office, district, province): each prints as a line',
  })
  @IsString()
  @HasText()
  @MaxLength(MEMO_LIMITS.attachmentTitle)
  @IsSafeText(true)
  title: string;

  @ApiPropertyOptional({ type: [String], maxItems: MEMO_LIMITS.tableColumns })
  @IsOptional()
  @IsArray()
  @ArrayMinSize(1)
  @ArrayMaxSize(MEMO_LIMITS.tableColumns)
  @IsString({ each: true })
  @MaxLength(MEMO_LIMITS.tableCellText, { each: true })
  @IsSafeText(true, { each: true })
  columns?: string[];

  @ApiPropertyOptional({
    type: 'array',
    items: { type: 'array', items: { type: 'string' } },
    maxItems: MEMO_LIMITS.tableRows,
    description: 'Each row has exactly as many cells as there are columns',
  })
  @IsOptional()
  @IsTableRows()
  rows?: string[][];

  @ApiPropertyOptional({
    maxLength: MEMO_LIMITS.tsvText,
    description:
      'Text copied from a spreadsheet: tab-separated, first line the columns, quoted multi-line cells',
  })
  @IsOptional()
  @IsString()
  @MaxLength(MEMO_LIMITS.tsvText)
  @IsSafeText(true)
  tsv?: string;

  @ExpectedMemoVersion('json')
  version?: number;
}
