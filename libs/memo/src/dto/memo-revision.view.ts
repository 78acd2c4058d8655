import { ApiProperty } from '@nestjs/swagger';
import type { MemoSnapshot } from '../memo-content';

/** What a memo looked like at one earlier version. */
export class MemoRevisionView {
  @ApiProperty()
  version: number;

  @ApiProperty({ description: 'When this content was replaced' })
  savedAt: Date;

  @ApiProperty({ format: 'uuid', description: 'Who replaced it' })
  savedById: string;

  @ApiProperty({
    type: 'object',
    additionalProperties: true,
    description: 'The content fields and the attachment list at that version',
  })
  content: MemoSnapshot;
}
