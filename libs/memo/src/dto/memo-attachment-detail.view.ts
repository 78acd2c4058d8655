import { ApiProperty } from '@nestjs/swagger';
import { MemoAttachmentView } from './memo-attachment.view';
import { ReportTableView } from './report-table.view';

/** An attachment with its table (the PDF bytes come from the `/file` endpoint). */
export class MemoAttachmentDetailView extends MemoAttachmentView {
  @ApiProperty({ type: ReportTableView, nullable: true })
  table: ReportTableView | null;
}
