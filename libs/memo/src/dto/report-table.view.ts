import { ApiProperty } from '@nestjs/swagger';

/** A report table: the header row and the data rows, every row as wide as the header. */
export class ReportTableView {
  @ApiProperty({ type: [String] })
  columns: string[];

  @ApiProperty({ type: 'array', items: { type: 'array', items: { type: 'string' } } })
  rows: string[][];
}
