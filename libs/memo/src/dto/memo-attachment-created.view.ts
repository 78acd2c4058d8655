import { ApiProperty } from '@nestjs/swagger';
import { MemoAttachmentDetailView } from './memo-attachment-detail.view';

/** Answer to adding an attachment. */
export class MemoAttachmentCreatedView {
  @ApiProperty({ description: 'The memo version after the change (send it with the next edit)' })
  memoVersion: number;

  @ApiProperty({ type: MemoAttachmentDetailView })
  attachment: MemoAttachmentDetailView;
}
