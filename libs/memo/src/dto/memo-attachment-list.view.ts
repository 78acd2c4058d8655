import { ApiProperty } from '@nestjs/swagger';
import { MemoAttachmentView } from './memo-attachment.view';

/** A memo's attachments in printing order, with the memo version they belong to. */
export class MemoAttachmentListView {
  @ApiProperty({ description: 'The memo version after the change (send it with the next edit)' })
  memoVersion: number;

  @ApiProperty({ type: [MemoAttachmentView] })
  attachments: MemoAttachmentView[];
}
