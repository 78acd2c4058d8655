import { ApiProperty } from '@nestjs/swagger';
import { MemoSummaryView } from './memo-summary.view';

/** A page of memos, most recently changed first. */
export class MemoListView {
  @ApiProperty({ type: [MemoSummaryView] })
  items: MemoSummaryView[];

  @ApiProperty({ description: 'How many match, all pages together' })
  total: number;
}
