import { ApiProperty } from '@nestjs/swagger';
import { ACTING_KINDS, type ActingKind } from '@saraban/organisation';
import { AWAY_STATUSES, type AwayStatus } from '../entities/away-notice.entity';

export class AwayNoticeView {
  @ApiProperty() id: string;
  @ApiProperty() personId: string;
  @ApiProperty() personName: string;
  @ApiProperty() actingPersonId: string;
  @ApiProperty() actingPersonName: string;
  @ApiProperty({ enum: ACTING_KINDS }) kind: ActingKind;
  @ApiProperty({ example: 'รักษาราชการแทน' }) kindLabel: string;
  @ApiProperty() from: string;
  @ApiProperty() to: string;
  @ApiProperty({ nullable: true, type: String }) note: string | null;
  @ApiProperty({ enum: AWAY_STATUSES }) status: AwayStatus;
  @ApiProperty({ nullable: true, type: Date }) decidedAt: Date | null;
  @ApiProperty({ nullable: true, type: String }) decisionNote: string | null;
  @ApiProperty({ description: 'Acting orders this notice made (one per post held)' }) actingOrders: number;
  @ApiProperty() createdAt: Date;
}

export class AwayNoticeListView {
  @ApiProperty({ type: [AwayNoticeView] }) items: AwayNoticeView[];
}
