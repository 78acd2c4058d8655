import { ApiProperty } from '@nestjs/swagger';
import { DEADLINE_NOTICE_KINDS, type DeadlineNoticeKind } from '../entities/deadline-notice.entity';

export class DeadlineNoticeView {
  @ApiProperty() id: string;
  @ApiProperty({ enum: DEADLINE_NOTICE_KINDS }) kind: DeadlineNoticeKind;
  @ApiProperty() round: number;
  @ApiProperty() stepSeq: number;
  @ApiProperty() positionTitle: string;
  @ApiProperty() stepStartedAt: Date;
  @ApiProperty() dueAt: Date;
  @ApiProperty({ type: [String], description: 'Who was told, as named then' }) recipientNames: string[];
  @ApiProperty() createdAt: Date;
}

export class DeadlineTimelineView {
  @ApiProperty() memoId: string;
  @ApiProperty({ type: [DeadlineNoticeView] }) notices: DeadlineNoticeView[];
}
