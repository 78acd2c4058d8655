import { ApiProperty } from '@nestjs/swagger';

export class RegisterEntryResponse {
  @ApiProperty({ format: 'uuid' }) id: string;
  @ApiProperty({ example: 'outgoing' }) register: string;
  @ApiProperty({ example: 2026, description: 'Calendar year (ค.ศ.) of the numbering sequence, Bangkok time' })
  year: number;
  @ApiProperty({ example: 936, description: 'Running number (เลขทะเบียน)' }) number: number;
  @ApiProperty({ example: 'นพ ๗๑๕๐๑/๙๓๖', description: 'ที่, as printed' }) documentNo: string;
  @ApiProperty({ description: 'When it was registered' }) registeredAt: Date;
  @ApiProperty({ example: '2026-03-14', description: 'ลงวันที่ (Bangkok date)' }) datedOn: string;
  @ApiProperty({ description: 'จาก' }) fromText: string;
  @ApiProperty({ description: 'ถึง' }) toText: string;
  @ApiProperty({ description: 'เรื่อง' }) subject: string;
  @ApiProperty({ type: String, nullable: true, description: 'การปฏิบัติ' }) action: string | null;
  @ApiProperty({ type: String, nullable: true, description: 'หมายเหตุ' }) remarks: string | null;
  @ApiProperty({
    type: String,
    format: 'uuid',
    nullable: true,
    description: 'The memo, when the number was issued for one',
  })
  memoId: string | null;
  @ApiProperty({ type: String, format: 'uuid', nullable: true }) issuedById: string | null;
  @ApiProperty({ enum: ['issued', 'cancelled'] }) status: string;
  @ApiProperty({ type: Date, nullable: true }) cancelledAt: Date | null;
  @ApiProperty({ type: String, nullable: true }) cancelReason: string | null;
  @ApiProperty({ type: String, format: 'uuid', nullable: true }) cancelledById: string | null;
}
