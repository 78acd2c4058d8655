import { ApiProperty, ApiPropertyOptional } from '@nestjs/swagger';
import { MEMO_LIMITS } from '../memo-limits';

/**
 * A report table, either structured (`columns` and `rows`) or pasted from a spreadsheet
 * (`tsv`: tab-separated, first line the columns). Exactly one of the two forms. For OpenAPI
 * only: the body is validated by attachmentInputSchemas.table.
 */
export class CreateTableAttachmentDto {
  @ApiProperty({
    maxLength: MEMO_LIMITS.attachmentTitle,
    description:
      'May have several lines (a report cover: its name, the office, district, province): each prints as a line',
  })
  title: string;

  @ApiPropertyOptional({ type: [String], minItems: 1, maxItems: MEMO_LIMITS.tableColumns })
  columns?: string[];

  @ApiPropertyOptional({
    type: 'array',
    items: { type: 'array', items: { type: 'string', maxLength: MEMO_LIMITS.tableCellText } },
    maxItems: MEMO_LIMITS.tableRows,
    description: 'Each row has exactly as many cells as there are columns',
  })
  rows?: string[][];

  @ApiPropertyOptional({
    maxLength: MEMO_LIMITS.tsvText,
    description:
      'Text copied from a spreadsheet: tab-separated, first line the columns, quoted multi-line cells',
  })
  tsv?: string;

  @ApiPropertyOptional({ minimum: 1, description: 'Expected memo version (409 if it has moved on)' })
  version?: number;
}
