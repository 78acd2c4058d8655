import { ApiProperty } from '@nestjs/swagger';

export class RegisterNumberChangeResponse {
  @ApiProperty({ format: 'uuid' }) id: string;
  @ApiProperty({
    type: Number,
    nullable: true,
    description: 'Next number before the change; null if the year had none',
  })
  previousNextNumber: number | null;
  @ApiProperty() nextNumber: number;
  @ApiProperty({ description: 'Highest number in the register at the time' }) lastIssuedNumber: number;
  @ApiProperty({ type: String, nullable: true }) note: string | null;
  @ApiProperty({ type: String, format: 'uuid', nullable: true }) changedById: string | null;
  @ApiProperty() changedAt: Date;
}

export class RegisterYearSummaryResponse {
  @ApiProperty({ example: 'outgoing' }) register: string;
  @ApiProperty({ example: 2026 }) year: number;
  @ApiProperty({ example: 936, description: 'The number the next issue gets' }) nextNumber: number;
  @ApiProperty({
    example: 0,
    description: 'Highest number in the register this year, cancelled included; 0 if none',
  })
  lastIssuedNumber: number;
  @ApiProperty() issuedCount: number;
  @ApiProperty() cancelledCount: number;
  @ApiProperty({ type: [RegisterNumberChangeResponse] }) changes: RegisterNumberChangeResponse[];
}
