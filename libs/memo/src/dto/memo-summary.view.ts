import { ApiProperty } from '@nestjs/swagger';
import { SECRECIES, URGENCIES, type MemoStatus, type Secrecy, type Urgency } from '../memo-vocabulary';

/** One line of a memo list. */
export class MemoSummaryView {
  @ApiProperty({ format: 'uuid' })
  id: string;

  @ApiProperty()
  subject: string;

  @ApiProperty()
  status: MemoStatus;

  @ApiProperty({ enum: URGENCIES })
  urgency: Urgency;

  @ApiProperty({ enum: SECRECIES })
  secrecy: Secrecy;

  @ApiProperty({ format: 'uuid' })
  authorId: string;

  @ApiProperty()
  version: number;

  @ApiProperty()
  createdAt: Date;

  @ApiProperty()
  updatedAt: Date;
}
