import { ApiProperty, ApiPropertyOptional } from '@nestjs/swagger';
import { IsDateString, IsNotEmpty, IsOptional, IsString, MaxLength } from 'class-validator';

/** A document the clerk registers by hand, e.g. a paper letter that is not a memo in the system. */
export class RegisterDocumentDto {
  @ApiProperty({ example: 'องค์การบริหารส่วนตำบลคำปีใหม่', description: 'จาก' })
  @IsString()
  @IsNotEmpty()
  @MaxLength(500)
  fromText: string;

  @ApiProperty({ example: 'นายอำเภอเมืองนครพนม', description: 'ถึง' })
  @IsString()
  @IsNotEmpty()
  @MaxLength(500)
  toText: string;

  @ApiProperty({ example: 'ขอส่งรายงานผลการดำเนินงาน', description: 'เรื่อง' })
  @IsString()
  @IsNotEmpty()
  @MaxLength(1000)
  subject: string;

  @ApiPropertyOptional({
    example: '2026-03-14',
    description: 'ลงวันที่ (YYYY-MM-DD); defaults to today in Bangkok',
  })
  @IsOptional()
  @IsDateString({ strict: true })
  @MaxLength(10)
  datedOn?: string;

  @ApiPropertyOptional({ description: 'การปฏิบัติ' })
  @IsOptional()
  @IsString()
  @MaxLength(500)
  action?: string;

  @ApiPropertyOptional({ description: 'หมายเหตุ' })
  @IsOptional()
  @IsString()
  @MaxLength(500)
  remarks?: string;
}
